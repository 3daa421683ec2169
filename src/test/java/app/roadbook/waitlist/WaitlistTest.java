package app.roadbook.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import app.roadbook.invitations.InvitationMail;
import app.roadbook.invitations.InvitationService;
import app.roadbook.invitations.InvitationService.Outcome;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.ActingUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** The waitlist: the public sign-up, its limits, the admins' state machine, the invitation that creates an org, RLS. */
@RoadbookTest
class WaitlistTest {

    @Autowired
    WaitlistSignups signups;

    @Autowired
    WaitlistAdmin admin;

    @Autowired
    InvitationService invitations;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    private static String email() {
        return Fixtures.unique("wait").toLowerCase() + "@waitlist.test";
    }

    private static String client() {
        return "198.51.100." + Fixtures.unique("c").hashCode();
    }

    private Signup signup(String email, String name) {
        return new Signup(name, email, WaitlistRole.manager, "Aurora Management", "Three acts on the road.");
    }

    private Map<String, Object> entry(String email) {
        return fixtures.owner().queryForMap("select * from waitlist where lower(email) = lower(?)", email);
    }

    /** The confirmation and invitation mails to {@code email} in the development outbox, newest first. */
    private List<InvitationMail.Message> mailTo(String email) {
        UUID reader = fixtures.platformAdmin();
        org.springframework.security.core.context.SecurityContext before =
                org.springframework.security.core.context.SecurityContextHolder.getContext();
        return ActingUser.callAs(reader, () -> {
            fixtures.signIn(reader);
            try {
                return invitations.outbox().stream()
                        .filter(m -> m.to().equalsIgnoreCase(email))
                        .toList();
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(before);
            }
        });
    }

    @Test
    void anAnonymousSignUpIsStoredAndConfirmedAndADuplicateChangesNothingAndSaysNothing() {
        String email = email();
        signups.signUp(signup(email, "Maya Lindqvist"), client());
        Map<String, Object> row = entry(email);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("name")).isEqualTo("Maya Lindqvist");
        assertThat(row.get("role")).isEqualTo("manager");
        assertThat(row.get("notes")).isEqualTo("Three acts on the road.");
        assertThat(mailTo(email)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("You're on the Roadbook waitlist");
            assertThat(m.body()).contains("Hello Maya Lindqvist");
        });

        // The same address in other case, with other details: no error, no second row, the first details stay, and
        // no second mail the same day.
        signups.signUp(signup(email.toUpperCase(), "Somebody Else"), client());
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from waitlist where lower(email) = lower(?)", Integer.class, email))
                .isEqualTo(1);
        assertThat(entry(email).get("name")).isEqualTo("Maya Lindqvist");
        assertThat(mailTo(email)).hasSize(1);

        // A day later, the owner of the address may have lost the mail: one more confirmation.
        fixtures.owner()
                .update(
                        "update waitlist set confirmation_sent_at = now() - interval '25 hours' where lower(email) = ?",
                        email);
        signups.signUp(signup(email, "Maya Lindqvist"), client());
        assertThat(mailTo(email)).hasSize(2);
    }

    @Test
    void badInputIsRefusedInWords() {
        assertThatThrownBy(() -> signups.signUp(signup("not-an-address", "Maya"), client()))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give an email address like name@example.com.");
        assertThatThrownBy(() -> signups.signUp(signup(email(), " "), client()))
                .isInstanceOf(Refusal.class)
                .hasMessage("Give your name.");
        assertThatThrownBy(() -> signups.signUp(new Signup("Maya", email(), null, null, null), client()))
                .isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Say what you do");
        assertThatThrownBy(() -> signups.signUp(
                        new Signup("Maya", email(), WaitlistRole.artist, null, "x".repeat(1001)), client()))
                .isInstanceOf(Refusal.class)
                .hasMessage("The note is longer than 1,000 characters.");
    }

    @Test
    void oneClientMayNotSignUpMoreThanFiveTimesAnHourOthersStill() {
        String client = client();
        for (int i = 0; i < SignupLimit.PER_HOUR; i++) {
            signups.signUp(signup(email(), "Sign-up " + i), client);
        }
        String sixth = email();
        assertThatThrownBy(() -> signups.signUp(signup(sixth, "Too many"), client))
                .isInstanceOf(Refusal.class)
                .hasMessage(WaitlistSignups.TOO_MANY);
        assertThat(fixtures.owner()
                        .queryForObject("select count(*) from waitlist where email = ?", Integer.class, sixth))
                .isZero();
        signups.signUp(signup(sixth, "From elsewhere"), client());
        assertThat(entry(sixth).get("name")).isEqualTo("From elsewhere");
    }

    @Test
    void pendingIsInvitedDeclinedReopenedAndTheInvitationCreatesAnOrganization() {
        String email = email();
        signups.signUp(signup(email, "Maya Lindqvist"), client());
        UUID id = (UUID) entry(email).get("id");
        UUID platform = fixtures.platformAdmin();
        fixtures.signIn(platform);

        WaitlistRow row = only(email);
        assertThat(row.status()).isEqualTo(WaitlistStatus.pending);
        admin.invite(id, row.version());
        row = only(email);
        assertThat(row.status()).isEqualTo(WaitlistStatus.invited);
        assertThat(row.invitedBy()).isEqualTo("Platform Admin");
        WaitlistRow invited = row;
        assertThatThrownBy(() -> admin.invite(id, invited.version()))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("invited already");
        assertThatThrownBy(() -> admin.reopen(id, invited.version())).isInstanceOf(Refusal.class);

        // Declining withdraws the invitation: its link says so.
        String firstLink = link(email);
        admin.decline(id, invited.version());
        assertThat(only(email).status()).isEqualTo(WaitlistStatus.declined);
        admin.reopen(id, only(email).version());
        assertThat(only(email).status()).isEqualTo(WaitlistStatus.pending);
        admin.invite(id, only(email).version());
        assertThat(fixtures.owner()
                        .queryForList(
                                "select w.action from activity_log w where w.resource_id = ? order by w.created_at",
                                String.class,
                                id))
                .containsExactly(
                        "waitlist.status_changed",
                        "waitlist.status_changed",
                        "waitlist.status_changed",
                        "waitlist.status_changed");
        String link = link(email);
        assertThat(link).isNotEqualTo(firstLink);
        Fixtures.signOut();

        // The invited person makes their account, signs in and names the organization.
        UUID person = invitations.createAccount(link, "Maya Lindqvist", "a long enough passphrase");
        fixtures.signIn(person);
        assertThat(invitations.acceptAndStartOrganization(firstLink, "Aurora").outcome())
                .isEqualTo(Outcome.revoked);
        assertThatThrownBy(() -> invitations.accept(link)).isInstanceOf(Refusal.class);
        InvitationService.Started started = invitations.acceptAndStartOrganization(link, "Aurora Management");
        assertThat(started.outcome()).isEqualTo(Outcome.accepted);
        assertThat(fixtures.owner().queryForMap("""
                                select o.name, m.role::text as role, s.plan_id, s.status::text as status
                                from organizations o join org_members m on m.org_id = o.id
                                join org_subscriptions s on s.org_id = o.id where o.id = ?""", started.orgId()))
                .containsEntry("name", "Aurora Management")
                .containsEntry("role", "owner")
                .containsEntry("plan_id", "solo_artist")
                .containsEntry("status", "trialing");
        assertThat(invitations.acceptAndStartOrganization(link, "Again").outcome())
                .isEqualTo(Outcome.already_yours);
        Fixtures.signOut();

        fixtures.signIn(platform);
        row = only(email);
        assertThat(row.status()).isEqualTo(WaitlistStatus.converted);
        assertThat(row.organization()).isEqualTo("Aurora Management");
        WaitlistRow converted = row;
        assertThatThrownBy(() -> admin.decline(id, converted.version()))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("created their organization");
    }

    @Test
    void theInvitationIsBoundToTheInvitedAddress() {
        String email = email();
        signups.signUp(signup(email, "Kofi Mensah"), client());
        fixtures.signIn(fixtures.platformAdmin());
        admin.invite((UUID) entry(email).get("id"), only(email).version());
        String link = link(email);
        Fixtures.signOut();
        fixtures.signIn(fixtures.user("Stranger"));
        assertThat(invitations.acceptAndStartOrganization(link, "Not Mine").outcome())
                .isEqualTo(Outcome.wrong_account);
        assertThat(only(email, true).status()).isEqualTo(WaitlistStatus.invited);
    }

    @Test
    void aStaleMoveIsRefusedAsSomeoneElsesChange() {
        String email = email();
        signups.signUp(signup(email, "Léa Fontaine"), client());
        fixtures.signIn(fixtures.platformAdmin());
        WaitlistRow seen = only(email);
        admin.decline(seen.id(), seen.version());
        assertThatThrownBy(() -> admin.reopen(seen.id(), seen.version()))
                .isInstanceOf(app.roadbook.base.ConcurrentChangeException.class);
    }

    @Test
    void anOrgOwnerCannotReadTheWaitlistNeitherThroughTheServiceNorTheDatabase() {
        signups.signUp(signup(email(), "Someone"), client());
        UUID owner = fixtures.user("Owner");
        fixtures.organization("Waitlist Readers", owner);
        fixtures.signIn(owner);
        assertThatThrownBy(() -> admin.count(null, "")).isInstanceOf(AccessDeniedException.class);
        assertThat(asApp("select count(*) from waitlist")).isZero();
        assertThat(asApp("select count(*) from invitations where org_id is null"))
                .isZero();
        JdbcTemplate app = new JdbcTemplate(dataSource);
        Integer updated = transactions.execute(s -> app.update("update waitlist set status = 'declined'"));
        assertThat(updated).isZero();
        Fixtures.signOut();
        fixtures.signIn(fixtures.platformAdmin());
        assertThat(asApp("select count(*) from waitlist")).isPositive();
    }

    /** A count as the application role sees it, under RLS as the signed-in user. */
    private long asApp(String sql) {
        JdbcTemplate app = new JdbcTemplate(dataSource);
        Long n = transactions.execute(s -> app.queryForObject(sql, Long.class));
        return n == null ? 0 : n;
    }

    @Test
    void theExportIsCsvWithWordsForStatusesAndRoles() {
        String email = email();
        signups.signUp(new Signup("=Formula", email, WaitlistRole.agent, "Co, Ltd", null), client());
        fixtures.signIn(fixtures.platformAdmin());
        java.io.StringWriter out = new java.io.StringWriter();
        admin.export(WaitlistStatus.pending, email, out);
        assertThat(out.toString().lines().toList())
                .hasSize(2)
                .first()
                .isEqualTo("\"name\",\"email\",\"role\",\"company\",\"note\",\"status\",\"signed_up\",\"invited\","
                        + "\"invited_by\",\"decided\",\"organization\"");
        assertThat(out.toString().lines().toList().get(1))
                .startsWith("\"'=Formula\",\"" + email + "\",\"Booking agent\",\"Co, Ltd\",\"\",\"Waiting\",\"");
    }

    private WaitlistRow only(String email) {
        return only(email, false);
    }

    /** The one entry of {@code email}, read as a platform admin (signing one in for the read if asked). */
    private WaitlistRow only(String email, boolean asPlatformAdmin) {
        if (asPlatformAdmin) {
            fixtures.signIn(fixtures.platformAdmin());
        }
        List<WaitlistRow> rows = admin.find(null, email, PageRequest.of(0, 10));
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    /** The token of the newest invitation mailed to {@code email}. */
    private String link(String email) {
        String body = mailTo(email).stream()
                .filter(m -> m.subject().equals("Your invitation to start your organization on Roadbook"))
                .findFirst()
                .orElseThrow()
                .body();
        Matcher token = Pattern.compile("/invite/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
