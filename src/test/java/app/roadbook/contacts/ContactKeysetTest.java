package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.Keyset;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The directory's pages by key (contact_page_ids' keyset form, V30) are exactly its pages by offset, for every order
 * the grid offers: ties on the sort value, contacts without one (they sort last), a filter.
 */
@RoadbookTest
class ContactKeysetTest {

    @Autowired
    ContactDirectory contacts;

    @Autowired
    Fixtures fixtures;

    UUID owner, org;

    static final List<Sort> ORDERS = List.of(
            Sort.unsorted(),
            Sort.by(Sort.Direction.ASC, "name"),
            Sort.by(Sort.Direction.DESC, "name"),
            Sort.by(Sort.Direction.ASC, "email"),
            Sort.by(Sort.Direction.DESC, "email"),
            Sort.by(Sort.Direction.ASC, "company"),
            Sort.by(Sort.Direction.DESC, "city"),
            Sort.by(Sort.Direction.ASC, "status"),
            Sort.by(Sort.Direction.DESC, "status"));

    @BeforeEach
    void aDirectoryWithTiesAndGaps() {
        owner = fixtures.user("Owner");
        org = fixtures.organization("Keyset Co", owner);
        String[] names = {"Ann", "ann", "ANN", "Bo", "Cleo", "Dag", "Eli", "Eli", "Finn", "Gro"};
        for (int i = 0; i < 24; i++) {
            fixtures.owner()
                    .update(
                            """
                    insert into contacts (org_id, name, email, company, city, status)
                    values (?, ?, ?, ?, ?, ?)""",
                            org,
                            names[i % names.length],
                            i % 3 == 0 ? null : "c" + (i % 7) + "-" + i + "@keyset.test",
                            i % 4 == 0 ? null : "Company " + (i % 3),
                            i % 5 == 0 ? null : "City " + (i % 2),
                            i % 6 == 0 ? "inactive" : "active");
        }
        fixtures.owner().update("""
                insert into contact_types (contact_id, org_id, type)
                select id, org_id, 'agent' from contacts where org_id = ? and name in ('Ann', 'ann', 'Eli', 'Gro')""", org);
        fixtures.signIn(owner);
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    @Test
    void pagesAfterAContactAreThePagesAtTheSameOffsetInEveryOrder() {
        for (ContactFilter filter :
                List.of(ContactFilter.ALL, new ContactFilter("", Set.of(ContactType.agent), null))) {
            for (Sort sort : ORDERS) {
                List<ContactRow> all = contacts.list(org, filter, PageRequest.of(0, 100, sort));
                assertThat(all).isNotEmpty();
                for (int size : new int[] {1, 4}) {
                    List<ContactRow> walked = new ArrayList<>();
                    List<ContactRow> page = contacts.list(org, filter, sort, Keyset.offset(0, size));
                    while (!page.isEmpty()) {
                        walked.addAll(page);
                        page = contacts.list(
                                org, filter, sort, new Keyset<>(page.getLast().id(), 0, size, walked.size()));
                    }
                    assertThat(walked)
                            .as("%s, %s, pages of %d by key", filter, sort, size)
                            .isEqualTo(all);
                }
                for (int i = 0; i < all.size(); i++) {
                    int skip = i % 4;
                    int from = Math.min(all.size(), i + 1 + skip);
                    assertThat(contacts.list(
                                    org, filter, sort, new Keyset<>(all.get(i).id(), skip, 3, from)))
                            .as("%s, %s, after contact %d, %d skipped", filter, sort, i, skip)
                            .isEqualTo(all.subList(from, Math.min(all.size(), from + 3)));
                }
            }
        }
    }

    @Test
    void aContactToStartAfterThatIsGoneOrAnotherOrgsMeansThePageAtTheOffset() {
        Sort byEmail = Sort.by("email");
        List<ContactRow> all = contacts.list(org, ContactFilter.ALL, PageRequest.of(0, 100, byEmail));
        UUID gone = all.get(5).id();
        fixtures.owner().update("delete from contacts where id = ?", gone);
        List<ContactRow> now = contacts.list(org, ContactFilter.ALL, PageRequest.of(0, 100, byEmail));

        assertThat(contacts.list(org, ContactFilter.ALL, byEmail, new Keyset<>(gone, 0, 3, 5)))
                .isEqualTo(now.subList(5, 8));

        UUID elsewhere = fixtures.organization("Elsewhere", fixtures.user("Stranger"));
        UUID foreign = UUID.randomUUID();
        fixtures.owner()
                .update(
                        "insert into contacts (id, org_id, name, email) values (?, ?, 'Aaron', 'a@elsewhere.test')",
                        foreign,
                        elsewhere);
        assertThat(contacts.list(org, ContactFilter.ALL, byEmail, new Keyset<>(foreign, 0, 3, 2)))
                .as("another org's contact is no place to start from")
                .isEqualTo(now.subList(2, 5));
    }
}
