package app.roadbook.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A contact's venue links and commissions ledger, through VenueLinks and ContactCommissions. */
@RoadbookTest
class ContactLinksAndCommissionsTest {

    @Autowired
    ContactDirectory directory;

    @Autowired
    VenueLinks venueLinks;

    @Autowired
    ContactCommissions commissions;

    @Autowired
    Fixtures fixtures;

    UUID editor, viewer, org, otherOrg;

    @BeforeEach
    void anOrgWithAnEditorAndAViewer() {
        UUID owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Ledger Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        otherOrg = fixtures.organization("Elsewhere", fixtures.user("Stranger"));
        fixtures.signIn(editor);
    }

    @AfterEach
    void signOut() {
        Fixtures.signOut();
    }

    private UUID contact(String name) {
        return directory.create(
                org,
                new ContactDraft(
                        name,
                        Set.of(ContactType.promoter),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ContactStatus.active));
    }

    private UUID venue(UUID orgId, String name, String city) {
        return fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city) values (?, ?, ?) returning id",
                        UUID.class,
                        orgId,
                        name,
                        city);
    }

    @Test
    void aVenueHasOnePrimaryContactAndLinksComeAndGo() {
        UUID vega = venue(org, "Vega", null);
        UUID debaser = venue(org, "debaser", "Stockholm");
        UUID foreign = venue(otherOrg, "Foreign Hall", null);
        UUID ana = contact("Ana");
        UUID ben = contact("Ben");
        assertThat(venueLinks.venues(org))
                .extracting(VenueLinks.VenueOption::label)
                .containsExactly("debaser (Stockholm)", "Vega");

        venueLinks.link(org, ana, vega, true);
        venueLinks.link(org, ben, vega, true);
        venueLinks.link(org, ana, debaser, false);
        venueLinks.link(org, ana, debaser, true);
        assertThat(directory.get(org, ana).venues())
                .as("primary first, then by name")
                .extracting(ContactDetails.VenueLink::venueName, ContactDetails.VenueLink::primary)
                .containsExactly(tuple("debaser", true), tuple("Vega", false));
        assertThat(directory.get(org, ben).venues())
                .extracting(ContactDetails.VenueLink::primary)
                .containsExactly(true);
        assertThat(fixtures.owner()
                        .queryForList(
                                "select distinct created_by from venue_contacts where org_id = ?", UUID.class, org))
                .containsExactly(editor);

        venueLinks.unlink(org, ana, vega);
        assertThat(directory.get(org, ana).venues())
                .extracting(ContactDetails.VenueLink::venueName)
                .containsExactly("debaser");
        assertThat(directory.deletionImpact(org, ana)).isEqualTo(new ContactDirectory.DeletionImpact(0, 1));

        assertThatThrownBy(() -> venueLinks.link(org, ana, foreign, false))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("Not found.");
        assertThatThrownBy(() -> venueLinks.link(org, UUID.randomUUID(), vega, false))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("Not found.");
        fixtures.signIn(viewer);
        assertThat(venueLinks.venues(org)).hasSize(2);
        assertThatThrownBy(() -> venueLinks.link(org, ana, vega, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> venueLinks.unlink(org, ana, debaser)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from activity_log where org_id = ? and action in ('contact.venue_linked', 'contact.venue_unlinked')""", Integer.class, org)).isEqualTo(5);
    }

    @Test
    void commissionsArePaidOrCancelledAndTotalled() {
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, date '2027-05-01', 'Spring') returning id",
                        UUID.class,
                        org);
        UUID foreignShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, date '2027-05-02') returning id",
                        UUID.class,
                        otherOrg);
        UUID ana = contact("Ana");
        assertThat(commissions.shows(org))
                .extracting(ContactCommissions.ShowOption::label)
                .containsExactly("2027-05-01 · Spring");

        UUID fee = commissions.add(
                org, ana, new CommissionDraft(show, new BigDecimal("120.50"), "EUR", "pending", null, " Booking fee "));
        commissions.add(org, ana, new CommissionDraft(null, new BigDecimal("30"), "EUR", "pending", null, null));
        assertThat(directory.get(org, ana).commissions())
                .filteredOn(c -> c.id().equals(fee))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.showLabel()).isEqualTo("2027-05-01 · Spring");
                    assertThat(c.description()).isEqualTo("Booking fee");
                    assertThat(c.paidOn()).isNull();
                });

        commissions.setStatus(org, fee, "paid", LocalDate.of(2027, 5, 3));
        ContactDetails paid = directory.get(org, ana);
        assertThat(paid.commissions())
                .filteredOn(c -> c.id().equals(fee))
                .singleElement()
                .satisfies(c -> assertThat(c.paidOn()).isEqualTo(LocalDate.of(2027, 5, 3)));
        assertThat(paid.totals())
                .isEqualTo(Map.of(
                        "paid",
                        Map.of("EUR", new BigDecimal("120.50")),
                        "pending",
                        Map.of("EUR", new BigDecimal("30.00"))));

        commissions.setStatus(org, fee, "cancelled", LocalDate.of(2027, 5, 3));
        assertThat(directory.get(org, ana).commissions())
                .filteredOn(c -> c.id().equals(fee))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("cancelled");
                    assertThat(c.paidOn())
                            .as("only a paid commission has a day")
                            .isNull();
                });

        assertThatThrownBy(() -> commissions.setStatus(org, fee, "refunded", null))
                .isInstanceOf(Refusal.class)
                .hasMessage("Status is pending, paid or cancelled.");
        assertThatThrownBy(() -> commissions.setStatus(org, UUID.randomUUID(), "paid", null))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("No such commission.");
        assertThatThrownBy(() -> commissions.add(
                        org, ana, new CommissionDraft(foreignShow, BigDecimal.ONE, "EUR", "pending", null, null)))
                .isInstanceOf(OrgAccess.NotFoundException.class)
                .hasMessage("Not found.");
        assertThatThrownBy(() -> commissions.add(
                        org, ana, new CommissionDraft(null, new BigDecimal("1.234"), "EUR", "pending", null, null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("Amounts take at most two decimals.");
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> commissions.setStatus(org, fee, "paid", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.owner()
                        .queryForObject("select status from contact_commissions where id = ?", String.class, fee))
                .isEqualTo("cancelled");
    }
}
