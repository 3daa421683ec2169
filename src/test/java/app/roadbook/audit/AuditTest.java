package app.roadbook.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/** Security events reach the log with actor, org, time, action and target; the app may only append to it. */
@RoadbookTest
class AuditTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AuthenticationProvider signIn;

    @Autowired
    AuditTrail trail;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    UUID owner;
    UUID viewer;
    UUID org;
    String viewerEmail;

    @BeforeEach
    void organization() {
        owner = fixtures.user("Ada");
        org = fixtures.organization("Audit Org", owner);
        viewer = fixtures.user("Vic");
        fixtures.member(org, viewer, "viewer");
        viewerEmail = fixtures.account(viewer).getEmail();
        Fixtures.newClient();
    }

    @Test
    void signInsAndFailuresAreRecordedForTheMembersOrganizations() {
        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(viewerEmail, "test-password-1"));
        assertThatThrownBy(() ->
                        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(viewerEmail, "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        String stranger = Fixtures.unique("nobody") + "@nowhere.example";
        assertThatThrownBy(() ->
                        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(stranger, "whatever")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(fixtures.owner().queryForList("""
                select action || ' ' || (details->>'reason') from activity_log
                where org_id = ? and user_id = ? and category = 'security' order by created_at""", String.class, org, viewer))
                .containsExactly(null, "auth.sign_in_failed bad_credentials");
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from activity_log where org_id = ? and user_id = ? and action = 'auth.signed_in'""", Integer.class, org, viewer))
                .isEqualTo(1);
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from activity_log where org_id is null and user_id is null and action = 'auth.sign_in_failed'
                and details->>'email' = ?""", Integer.class, stranger))
                .isEqualTo(1);
    }

    @Test
    void aRefusedChangeIsRecordedWhileTheChangeItselfIsNot() {
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> contacts.create(
                        org,
                        new ContactDraft(
                                "Refused Contact",
                                java.util.Set.of(app.roadbook.contacts.ContactType.promoter),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                app.roadbook.contacts.ContactStatus.active)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from contacts where org_id = ?", Integer.class, org))
                .isZero();
        assertThat(fixtures.owner().queryForList("""
                select details->>'reason' from activity_log where org_id = ? and user_id = ? and action = 'access.action_refused'""", String.class, org, viewer))
                .singleElement()
                .asString()
                .startsWith("ContactDirectory.create: ")
                .contains("viewer");
    }

    @Test
    void theApplicationRoleAppendsButNeverChangesOrDeletesTheLog() {
        fixtures.signIn(owner);
        JdbcTemplate app = new JdbcTemplate(dataSource);
        for (String sql : List.of(
                "update activity_log set action = 'forged' where org_id = '" + org + "'",
                "delete from activity_log where org_id = '" + org + "'",
                "truncate activity_log",
                "update activity_log_default set action = 'forged'",
                "delete from activity_log_default",
                "insert into activity_log (org_id, user_id, category, action, resource_type) values ('" + org + "', '"
                        + viewer + "', 'security', 'auth.signed_in', 'user')")) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(s -> app.execute(sql)))
                    .as(sql)
                    .isInstanceOf(DataAccessException.class);
        }
        transactions.executeWithoutResult(s -> app.update("""
                insert into activity_log (org_id, user_id, category, action, resource_type) values (?, ?, 'general', 'note.added', 'note')""", org, owner));
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from activity_log where org_id = ? and action = 'note.added'",
                                Integer.class,
                                org))
                .isEqualTo(1);
    }

    @Test
    void ownersFilterTheirOrgsLogAndViewersOrStrangersCannotReadIt() {
        signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(viewerEmail, "test-password-1"));
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> trail.entries(org, AuditTrail.Filter.ANY, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(fixtures.user("Stranger"));
        assertThatThrownBy(() -> trail.count(org, AuditTrail.Filter.ANY))
                .isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(owner);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var signIns = new AuditTrail.Filter("security", "signed_in", viewer, today, today);
        assertThat(trail.count(org, signIns)).isEqualTo(1);
        AuditTrail.Entry entry =
                trail.entries(org, signIns, PageRequest.of(0, 10)).getFirst();
        assertThat(entry.actor()).isEqualTo("Vic");
        assertThat(entry.action()).isEqualTo("auth.signed_in");
        assertThat(entry.targetName()).as("the target by name, not its id").isEqualTo("Vic");
        assertThat(entry.sentence()).isEqualTo("Vic signed in.");
        assertThat(trail.count(org, new AuditTrail.Filter("security", "signed_in", viewer, today.plusDays(1), null)))
                .isZero();
        assertThat(trail.count(org, new AuditTrail.Filter("billing", null, null, null, null)))
                .isZero();
        assertThat(trail.count(org, new AuditTrail.Filter(null, "100%_", null, null, null)))
                .as("wildcards are literal")
                .isZero();
        assertThatThrownBy(() -> trail.count(org, new AuditTrail.Filter("drop table", null, null, null, null)))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void pagesAfterAKnownEntryContinueTheOrderExactlyAsOffsetPagesDo() {
        // 23 entries over 5 instants, ties on created_at broken by id, as the log orders them.
        for (int i = 0; i < 23; i++) {
            fixtures.owner().update("""
                    insert into activity_log (org_id, user_id, category, action, resource_type, created_at)
                    values (?, ?, 'general', 'test.keyset', 'org', timestamptz '2026-03-01 12:00:00.123456+00'
                            - make_interval(days => ?))""", org, owner, i % 5);
        }
        fixtures.signIn(owner);
        var filter = new AuditTrail.Filter("general", "test.keyset", null, null, null);
        List<AuditTrail.Entry> all = trail.entries(org, filter, PageRequest.of(0, 100));
        assertThat(all).hasSize(23);
        for (int size = 1; size <= 4; size++) {
            List<AuditTrail.Entry> walked = new java.util.ArrayList<>();
            List<AuditTrail.Entry> page = trail.entries(org, filter, app.roadbook.base.Keyset.offset(0, size));
            while (!page.isEmpty()) {
                walked.addAll(page);
                page = trail.entries(
                        org,
                        filter,
                        new app.roadbook.base.Keyset<>(AuditTrail.EntryKey.of(page.getLast()), 0, size, walked.size()));
            }
            assertThat(walked).as("pages of %d by key", size).isEqualTo(all);
        }
        for (int i = 0; i < all.size(); i++) {
            for (int skip = 0; skip < 6; skip++) {
                int from = Math.min(all.size(), i + 1 + skip);
                assertThat(trail.entries(
                                org,
                                filter,
                                new app.roadbook.base.Keyset<>(
                                        AuditTrail.EntryKey.of(all.get(i)), skip, 3, i + 1 + skip)))
                        .as("after entry %d, %d skipped", i, skip)
                        .isEqualTo(all.subList(from, Math.min(all.size(), from + 3)));
            }
        }
    }
}
