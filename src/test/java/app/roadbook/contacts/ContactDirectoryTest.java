package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class ContactDirectoryTest {

    @Autowired
    ContactDirectory contacts;

    @Autowired
    VenueLinks venueLinks;

    @Autowired
    ContactCommissions commissions;

    @Autowired
    Fixtures fixtures;

    UUID owner, editor, viewer, org, otherOrg;

    @BeforeEach
    void anOrgWithAnEditorAndAViewer() {
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Directory Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        otherOrg = fixtures.organization("Elsewhere", fixtures.user("Stranger"));
        fixtures.signIn(editor);
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    /**
     * One or two characters have no trigrams (decision 0018): they find names and emails that start with them, in
     * the page, the count and the export alike; three or more search anywhere in name, company, email and city.
     */
    @Test
    void aSearchOfOneOrTwoCharactersMatchesTheStartOfANameOrAnEmail() {
        UUID kari = contacts.create(org, draft("Kari Nordmann", "kari@nordic.no", ContactType.promoter));
        UUID anna = contacts.create(org, draft("Anna Karlsen", "anna@nordic.no", ContactType.agent));
        UUID bo = contacts.create(org, draft("Bo Lind", "KAlle@lind.se", ContactType.vendor));
        for (String term : new String[] {"ka", "KA", " k "}) {
            ContactFilter filter = new ContactFilter(term, Set.of(), null);
            assertThat(contacts.list(org, filter, PageRequest.of(0, 50)))
                    .as("a page for %s", term)
                    .extracting(ContactRow::id)
                    .containsExactlyInAnyOrder(kari, bo);
            assertThat(contacts.list(org, filter, Pageable.unpaged()))
                    .as("unpaged, as the export reads")
                    .extracting(ContactRow::id)
                    .containsExactlyInAnyOrder(kari, bo);
            assertThat(contacts.count(org, filter)).isEqualTo(2);
            assertThat(contacts.countCapped(org, filter).rows()).isEqualTo(2);
        }
        assertThat(contacts.list(org, new ContactFilter("kar", Set.of(), null), PageRequest.of(0, 50)))
                .as("three characters match anywhere")
                .extracting(ContactRow::id)
                .containsExactlyInAnyOrder(kari, anna);
        assertThat(contacts.count(org, new ContactFilter("ac", Set.of(), null)))
                .as("the company does not start a name or an email")
                .isZero();
        assertThat(contacts.count(org, new ContactFilter("k", Set.of(ContactType.vendor), null)))
                .as("with a type")
                .isEqualTo(1);
        assertThat(contacts.count(org, new ContactFilter("_", Set.of(), null)))
                .as("_ is literal")
                .isZero();
    }

    static ContactDraft draft(String name, String email, ContactType... types) {
        return new ContactDraft(
                name,
                EnumSet.copyOf(Set.of(types)),
                email,
                "+47 1",
                "Acme Live",
                "Booker",
                "Oslo",
                "NO",
                new BigDecimal("7.50"),
                "Met at by:Larm",
                ContactStatus.active);
    }

    @Test
    void anEditorCreatesAndFindsContactsBySearchTypeAndStatus() {
        UUID ingrid = contacts.create(org, draft("Ingrid Solberg", "ingrid@nordic.no", ContactType.promoter));
        contacts.create(
                org,
                new ContactDraft(
                        "Tom Becker",
                        EnumSet.of(ContactType.agent),
                        "tom@agency.de",
                        null,
                        "Big Sister",
                        null,
                        "Hamburg",
                        "DE",
                        null,
                        null,
                        ContactStatus.inactive));
        assertThat(contacts.count(org, ContactFilter.ALL)).isEqualTo(2);
        assertThat(fixtures.owner().queryForObject("select created_by from contacts where id = ?", UUID.class, ingrid))
                .as("the database's acting user")
                .isEqualTo(editor);
        for (String term : new String[] {"ingrid", "ACME", "nordic.no", "oslo"}) {
            assertThat(contacts.list(org, new ContactFilter(term, Set.of(), null), Pageable.unpaged()))
                    .as(term)
                    .extracting(ContactRow::id)
                    .containsExactly(ingrid);
        }
        assertThat(contacts.list(org, new ContactFilter("", Set.of(ContactType.agent), null), Pageable.unpaged()))
                .extracting(ContactRow::name)
                .containsExactly("Tom Becker");
        assertThat(contacts.count(org, new ContactFilter("", Set.of(), ContactStatus.inactive)))
                .isEqualTo(1);
        assertThat(contacts.list(org, new ContactFilter("%", Set.of(), null), Pageable.unpaged()))
                .as("% is literal")
                .isEmpty();
        assertThat(contacts.list(org, ContactFilter.ALL, PageRequest.of(0, 10, Sort.by(Sort.Direction.DESC, "city"))))
                .extracting(ContactRow::city)
                .containsExactly("Oslo", "Hamburg");
        // A sort key outside the whitelist is ignored, never spliced into SQL.
        assertThat(contacts.list(org, ContactFilter.ALL, PageRequest.of(0, 10, Sort.by("name; drop table contacts"))))
                .hasSize(2);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log where org_id = ? and action = 'contact.created'",
                                Integer.class,
                                org))
                .isEqualTo(2);
    }

    @Test
    void oneContactPerEmailAndTheDuplicateIsNamed() {
        UUID first = contacts.create(org, draft("Pat", "Pat@Example.com", ContactType.promoter));
        assertThatThrownBy(() -> contacts.create(org, draft("Patricia", "pat@example.COM", ContactType.agent)))
                .isInstanceOfSatisfying(DuplicateContactException.class, d -> {
                    assertThat(d.existingId()).isEqualTo(first);
                    assertThat(d.getMessage()).contains("already exists: Pat");
                });
        // The same email in another org is fine.
        fixtures.signIn(fixtures.owner()
                .queryForObject("select user_id from org_members where org_id = ?", UUID.class, otherOrg));
        contacts.create(otherOrg, draft("Pat elsewhere", "pat@example.com", ContactType.promoter));
    }

    @Test
    void badInputIsRefusedWithClearMessages() {
        assertThatThrownBy(() -> contacts.create(
                        org,
                        new ContactDraft(
                                " ",
                                Set.of(),
                                "not-an-email",
                                null,
                                null,
                                null,
                                null,
                                null,
                                new BigDecimal("100.5"),
                                null,
                                ContactStatus.active)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Name is required.")
                .hasMessageContaining("Choose at least one type")
                .hasMessageContaining("is not an email address")
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> contacts.create(
                        org, draft("X", null, ContactType.vendor).withRate("1.234")))
                .hasMessageContaining("two decimals");
        assertThat(contacts.count(org, ContactFilter.ALL)).isZero();
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsLost() {
        UUID id = contacts.create(org, draft("Sara", "sara@debaser.se", ContactType.promoter));
        int version = contacts.get(org, id).version();
        contacts.update(org, id, version, draft("Sara Lindqvist", "sara@debaser.se", ContactType.promoter));
        assertThatThrownBy(
                        () -> contacts.update(org, id, version, draft("Sara L.", "sara@debaser.se", ContactType.agent)))
                .isInstanceOf(ConcurrentChangeException.class);
        ContactDetails saved = contacts.get(org, id);
        assertThat(saved.draft().name()).isEqualTo("Sara Lindqvist");
        assertThat(saved.draft().types()).containsExactly(ContactType.promoter);
    }

    @Test
    void aViewerReadsButEveryChangeIsRefused() {
        UUID id = contacts.create(org, draft("Joost", "joost@paradiso.nl", ContactType.promoter));
        fixtures.signIn(viewer);
        assertThat(contacts.canEdit(org)).isFalse();
        assertThat(contacts.get(org, id).draft().name()).isEqualTo("Joost");
        assertThatThrownBy(() -> contacts.create(org, draft("New", null, ContactType.vendor)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("viewer");
        assertThatThrownBy(() -> contacts.update(org, id, 0, draft("Renamed", null, ContactType.vendor)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> contacts.delete(org, id)).isInstanceOf(AccessDeniedException.class);
        // And the database refuses too, whatever the service would have allowed.
        assertThat(fixtures.owner().queryForObject("select name from contacts where id = ?", String.class, id))
                .isEqualTo("Joost");
    }

    @Test
    void anotherOrganizationsContactsLookMissing() {
        fixtures.signIn(fixtures.owner()
                .queryForObject("select user_id from org_members where org_id = ?", UUID.class, otherOrg));
        UUID foreign = contacts.create(otherOrg, draft("Hidden", "hidden@x.test", ContactType.vendor));
        fixtures.signIn(editor);
        assertThatThrownBy(() -> contacts.get(org, foreign)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> contacts.get(otherOrg, foreign)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> contacts.list(otherOrg, ContactFilter.ALL, Pageable.unpaged()))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() ->
                        contacts.merge(org, contacts.create(org, draft("Mine", null, ContactType.vendor)), foreign))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void mergingKeepsEveryTypeVenueLinkAndCommission() {
        UUID venue = fixtures.owner()
                .queryForObject("insert into venues (org_id, name) values (?, 'Vega') returning id", UUID.class, org);
        UUID venue2 = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name) values (?, 'Debaser') returning id", UUID.class, org);
        UUID keep = contacts.create(
                org,
                new ContactDraft(
                        "Kai Schulz",
                        EnumSet.of(ContactType.promoter),
                        null,
                        null,
                        null,
                        null,
                        "Hamburg",
                        null,
                        null,
                        "keep note",
                        ContactStatus.inactive));
        UUID other = contacts.create(
                org,
                new ContactDraft(
                        "Kai S.",
                        EnumSet.of(ContactType.agent),
                        "kai@fkp.de",
                        "+49 40",
                        "FKP",
                        null,
                        "Berlin",
                        "DE",
                        new BigDecimal("10"),
                        "other note",
                        ContactStatus.active));
        venueLinks.link(org, keep, venue, false);
        venueLinks.link(org, other, venue, true);
        venueLinks.link(org, other, venue2, false);
        commissions.add(org, keep, new CommissionDraft(null, new BigDecimal("100"), "EUR", "pending", null, "a"));
        commissions.add(
                org,
                other,
                new CommissionDraft(null, new BigDecimal("50.25"), "EUR", "paid", java.time.LocalDate.now(), "b"));

        contacts.merge(org, keep, other);

        ContactDetails merged = contacts.get(org, keep);
        assertThat(merged.draft().types()).containsExactly(ContactType.promoter, ContactType.agent);
        assertThat(merged.draft().email()).isEqualTo("kai@fkp.de");
        assertThat(merged.draft().city()).isEqualTo("Hamburg");
        assertThat(merged.draft().country()).isEqualTo("DE");
        assertThat(merged.draft().notes()).contains("keep note").contains("other note");
        assertThat(merged.draft().status()).isEqualTo(ContactStatus.active);
        assertThat(merged.venues())
                .extracting(ContactDetails.VenueLink::venueName, ContactDetails.VenueLink::primary)
                .containsExactlyInAnyOrder(tuple("Vega", true), tuple("Debaser", false));
        assertThat(merged.commissions()).hasSize(2);
        assertThat(merged.totals())
                .containsEntry("pending", java.util.Map.of("EUR", new BigDecimal("100.00")))
                .containsEntry("paid", java.util.Map.of("EUR", new BigDecimal("50.25")));
        assertThatThrownBy(() -> contacts.get(org, other)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log where org_id = ? and action = 'contact.merged'",
                                Integer.class,
                                org))
                .isOne();

        // A contact with nothing but a name and a type merges too.
        UUID bare = contacts.create(
                org,
                new ContactDraft(
                        "Kai bare",
                        EnumSet.of(ContactType.vendor),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.pending));
        contacts.merge(org, keep, bare);
        assertThat(contacts.get(org, keep).draft().types())
                .containsExactly(ContactType.promoter, ContactType.agent, ContactType.vendor);
        assertThat(contacts.get(org, keep).draft().notes())
                .isEqualTo(merged.draft().notes());
    }

    @Test
    void deletingTakesCommissionsAndVenueLinksAndSaysSoFirst() {
        UUID venue = fixtures.owner()
                .queryForObject("insert into venues (org_id, name) values (?, 'Vega') returning id", UUID.class, org);
        UUID id = contacts.create(org, draft("Gone", "gone@x.test", ContactType.agent));
        venueLinks.link(org, id, venue, true);
        commissions.add(org, id, new CommissionDraft(null, new BigDecimal("10"), "USD", "pending", null, null));
        assertThat(contacts.deletionImpact(org, id)).isEqualTo(new ContactDirectory.DeletionImpact(1, 1));
        contacts.delete(org, id);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from contact_commissions where contact_id = ?", Integer.class, id))
                .isZero();
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from venue_contacts where contact_id = ?", Integer.class, id))
                .isZero();
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select details->>'commissions' from activity_log where action = 'contact.deleted' and resource_id = ?",
                                String.class,
                                id))
                .isEqualTo("1");
    }
}
