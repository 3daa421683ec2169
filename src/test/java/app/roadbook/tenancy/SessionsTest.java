package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;

/**
 * Open sessions end on their next request when the account is disabled, the member is signed out everywhere,
 * their role or membership changes, nobody used them for 30 minutes or 12 hours have passed; Vaadin's heartbeats
 * are requests too, but not use.
 */
@RoadbookTest
class SessionsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SessionPolicy policy;

    @Autowired
    SignInRecords records;

    @Autowired
    MemberAdmin members;

    @Autowired
    PlatformAccounts accounts;

    @Autowired
    Environment env;

    UUID org;
    UUID owner;
    UUID admin;
    UUID editor;

    @BeforeEach
    void organization() {
        owner = fixtures.user("Sol");
        org = fixtures.organization("Session Org", owner);
        admin = fixtures.user("Sam");
        editor = fixtures.user("Eve");
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
    }

    @Test
    void aFreshSessionGoesOnAndOneOlderThanTwelveHoursEnds() throws Exception {
        Instant now = Instant.now();
        assertThat(request(editor, now.minusSeconds(60), "/shows").ended()).isFalse();
        assertThat(request(editor, now.minus(Duration.ofHours(11).plusMinutes(59)), "/shows")
                        .ended())
                .isFalse();
        Outcome old = request(editor, now.minus(Duration.ofHours(12).plusMinutes(1)), "/shows");
        assertThat(old.ended()).isTrue();
        assertThat(old.response().getRedirectedUrl()).isEqualTo("/login?ended");
    }

    @Test
    void signingAMemberOutEverywhereEndsTheirSessionsButNobodyElses() throws Exception {
        Instant signedIn = Instant.now().minusSeconds(5);
        fixtures.signIn(admin);
        members.signOutEverywhere(org, editor);
        Fixtures.signOut();

        assertThat(request(editor, signedIn, "/shows").ended()).isTrue();
        assertThat(request(owner, signedIn, "/shows").ended()).isFalse();
        // Signing in again afterwards works as usual.
        assertThat(request(editor, Instant.now().plusSeconds(1), "/shows").ended())
                .isFalse();
        assertThat(fixtures.owner().queryForObject("""
                select count(*) from activity_log where org_id = ? and action = 'member.signed_out_everywhere' and resource_id = ?""", Integer.class, org, editor))
                .isEqualTo(1);
    }

    @Test
    void anAdminCannotSignOutAnOwnerAndAnEditorNobody() {
        fixtures.signIn(admin);
        assertThatThrownBy(() -> members.signOutEverywhere(org, owner)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(editor);
        assertThatThrownBy(() -> members.signOutEverywhere(org, admin)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.owner()
                        .queryForObject("select sessions_valid_from from app_users where id = ?", Instant.class, owner))
                .isNull();
    }

    @Test
    void aRoleChangeOrRemovalEndsTheMembersOpenSessions() throws Exception {
        Instant signedIn = Instant.now().minusSeconds(5);
        fixtures.signIn(owner);
        members.changeRole(org, editor, OrgRole.viewer);
        Fixtures.signOut();
        assertThat(request(editor, signedIn, "/shows").ended()).isTrue();
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members where org_id = ? and user_id = ?",
                                String.class,
                                org,
                                editor))
                .isEqualTo("viewer");
        assertThat(fixtures.owner().queryForObject("""
                select details->>'before' || '>' || (details->>'after') from activity_log
                where org_id = ? and action = 'member.role_changed' and resource_id = ?""", String.class, org, editor))
                .isEqualTo("editor>viewer");

        assertThat(request(admin, signedIn, "/shows").ended()).isFalse();
        fixtures.owner().update("delete from org_members where org_id = ? and user_id = ?", org, admin);
        assertThat(request(admin, signedIn, "/shows").ended()).isTrue();
    }

    @Test
    void onlyOwnersMakeOwnersAndNobodyChangesTheirOwnRole() {
        fixtures.signIn(admin);
        assertThatThrownBy(() -> members.changeRole(org, editor, OrgRole.owner))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.changeRole(org, owner, OrgRole.viewer))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.changeRole(org, admin, OrgRole.owner))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(owner);
        assertThatThrownBy(() -> members.changeRole(org, owner, OrgRole.viewer))
                .isInstanceOf(AccessDeniedException.class);
        members.changeRole(org, editor, OrgRole.admin);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members where org_id = ? and user_id = ?",
                                String.class,
                                org,
                                editor))
                .isEqualTo("admin");
    }

    @Test
    void aDisabledAccountLosesItsSessionsAndCannotDisableItsPlatformAdmin() throws Exception {
        Instant signedIn = Instant.now().minusSeconds(5);
        UUID platform = fixtures.platformAdmin();
        fixtures.signIn(platform);
        accounts.setDisabled(editor, true);
        assertThatThrownBy(() -> accounts.setDisabled(platform, true)).isInstanceOf(AccessDeniedException.class);
        Fixtures.signOut();
        assertThat(request(editor, signedIn, "/shows").ended()).isTrue();
        // Even a session that starts later (say, a stale cookie) ends while the account stays disabled.
        assertThat(request(editor, Instant.now().plusSeconds(60), "/shows").ended())
                .isTrue();

        fixtures.signIn(platform);
        accounts.setDisabled(editor, false);
        Fixtures.signOut();
        assertThat(request(editor, Instant.now().plusSeconds(1), "/shows").ended())
                .isFalse();
        assertThat(fixtures.owner().queryForList("""
                select action from activity_log where category = 'security' and resource_id = ? and action like 'account.%'
                order by created_at""", String.class, editor))
                .containsExactly("account.disabled", "account.enabled");
    }

    @Test
    void theOrdinaryOwnerCannotDisableAccounts() {
        fixtures.signIn(owner);
        assertThatThrownBy(() -> accounts.setDisabled(editor, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.owner()
                        .queryForObject("select disabled_at from app_users where id = ?", Instant.class, editor))
                .isNull();
    }

    @Test
    void aHeartbeatOfAnEndedSessionIsLeftToVaadinWhichTellsThePageItsSessionExpired() throws Exception {
        Instant signedIn = Instant.now().minusSeconds(5);
        fixtures.signIn(owner);
        members.signOutEverywhere(org, editor);
        Fixtures.signOut();
        Outcome outcome = request(editor, signedIn, heartbeat());
        assertThat(outcome.ended()).isTrue();
        assertThat(outcome.response().getRedirectedUrl()).isNull();
        assertThat(outcome.chain().getRequest())
                .as("Vaadin answers the heartbeat itself")
                .isNotNull();
    }

    @Test
    void anIdleSessionEndsAfterTheContainersTimeoutAndHeartbeatsAreNotUse() throws Exception {
        Duration idle = env.getProperty("server.servlet.session.timeout", Duration.class);
        assertThat(idle).isEqualTo(Duration.ofMinutes(30));
        Instant now = Instant.now();

        MockHttpSession quiet = session(now.minus(Duration.ofHours(1)), idle);
        quiet.setAttribute(SessionGuard.LAST_USED_AT, now.minus(idle).plusSeconds(60));
        assertThat(request(editor, quiet, heartbeat()).ended()).isFalse();
        assertThat((Instant) quiet.getAttribute(SessionGuard.LAST_USED_AT))
                .as("a heartbeat is not use")
                .isBefore(now.minus(idle).plusSeconds(61));
        assertThat(request(editor, quiet, new MockHttpServletRequest("POST", "/"))
                        .ended())
                .isFalse();
        assertThat((Instant) quiet.getAttribute(SessionGuard.LAST_USED_AT))
                .as("a request from the page is")
                .isAfterOrEqualTo(now);

        MockHttpSession idleOne = session(now.minus(Duration.ofHours(1)), idle);
        idleOne.setAttribute(SessionGuard.LAST_USED_AT, now.minus(idle).minusSeconds(60));
        Outcome heartbeatOutcome = request(editor, idleOne, heartbeat());
        assertThat(heartbeatOutcome.ended()).isTrue();
        assertThat(heartbeatOutcome.response().getRedirectedUrl()).isNull();

        MockHttpSession idleToo = session(now.minus(Duration.ofHours(1)), idle);
        idleToo.setAttribute(SessionGuard.LAST_USED_AT, now.minus(idle).minusSeconds(60));
        assertThat(request(editor, idleToo, new MockHttpServletRequest("GET", "/shows"))
                        .response()
                        .getRedirectedUrl())
                .isEqualTo("/login?ended");
        // Vaadin drops its own part of an idle session too; the guard above ends the sign-in.
        assertThat(env.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
        assertThat(env.getProperty("vaadin.heartbeatInterval", Integer.class)).isLessThanOrEqualTo(60);
    }

    record Outcome(boolean ended, MockHttpServletResponse response, MockFilterChain chain) {}

    private Outcome request(UUID userId, Instant signedInAt, String path) throws Exception {
        return request(userId, signedInAt, new MockHttpServletRequest("GET", path));
    }

    /** One request through {@link SessionGuard} as the given user's session, signed in at {@code signedInAt}. */
    private Outcome request(UUID userId, Instant signedInAt, MockHttpServletRequest request) throws Exception {
        return request(userId, session(signedInAt, null), request);
    }

    private Outcome request(UUID userId, MockHttpSession session, MockHttpServletRequest request) throws Exception {
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        fixtures.signIn(userId);
        try {
            new SessionGuard(policy, records).doFilter(request, response, chain);
        } finally {
            Fixtures.signOut();
        }
        return new Outcome(session.isInvalid(), response, chain);
    }

    /** A session signed in at {@code signedInAt}; a null idle limit means none, as in a container without one. */
    private static MockHttpSession session(Instant signedInAt, Duration idleLimit) {
        MockHttpSession session = new MockHttpSession();
        SessionGuard.markSignedIn(session, signedInAt);
        session.setMaxInactiveInterval(idleLimit == null ? 0 : (int) idleLimit.toSeconds());
        return session;
    }

    /** Vaadin's heartbeat: a POST to the servlet with the request type in the query string. */
    private static MockHttpServletRequest heartbeat() {
        MockHttpServletRequest heartbeat = new MockHttpServletRequest("POST", "/");
        heartbeat.setQueryString("v-r=heartbeat&v-uiId=0");
        heartbeat.setParameter("v-r", "heartbeat");
        heartbeat.setParameter("v-uiId", "0");
        return heartbeat;
    }
}
