package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared sign-in record (decision 0030) at one node's door: a request without a session that carries the record's
 * cookie is signed in again, unless the token was tampered with, the record was revoked (signed out, signed out
 * everywhere, account disabled) or it is past the idle or absolute limit. The limits are checked with a fixed clock
 * given to the policy, never the wall clock.
 */
@RoadbookTest
class SignInRecordsTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignInRecords records;

    @Autowired
    SessionPolicy policy;

    @Autowired
    MemberAdmin members;

    @Autowired
    PlatformAccounts accounts;

    @Autowired
    DataSource dataSource;

    UUID owner;
    UUID org;
    UUID editor;
    Instant signedInAt;
    String token;

    @BeforeEach
    void aSignIn() {
        owner = fixtures.user("Rhea");
        org = fixtures.organization("Record Org", owner);
        editor = fixtures.user("Remy");
        fixtures.member(org, editor, "editor");
        signedInAt = Instant.parse("2026-03-01T09:00:00Z");
        token = records.begin(editor, signedInAt);
    }

    @Test
    void onlyTheTokensHashIsStoredAndTheTokenIsUnguessable() {
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from sign_ins where user_id = ? and token_hash = ?",
                                Integer.class,
                                editor,
                                SignInRecords.hash(token)))
                .isEqualTo(1);
        assertThat(records.begin(editor, signedInAt)).isNotEqualTo(token);
    }

    @Test
    void aRequestWithOnlyTheCookieIsSignedInAgainOnTheSamePage() throws Exception {
        Outcome outcome = request(at(signedInAt.plusSeconds(600)), get("/shows/abc", token));

        assertThat(outcome.response().getRedirectedUrl()).isNull();
        assertThat(outcome.chain().getRequest()).as("the page itself is served").isNotNull();
        assertThat(outcome.signedIn()).isEqualTo(editor);
        MockHttpSession session = (MockHttpSession) outcome.request().getSession(false);
        assertThat(session.getAttribute(SessionGuard.SIGNED_IN_AT))
                .as("the record's sign-in time, not now: the 12 hours run from the password")
                .isEqualTo(signedInAt);
        assertThat(session.getAttribute(SessionGuard.RECORD)).isEqualTo(SignInRecords.hash(token));
        assertThat(session.getAttribute(SignInRecords.RESUMED)).isEqualTo(Boolean.TRUE);
        assertThat(lastUsed()).as("a page load is use").isEqualTo(signedInAt.plusSeconds(600));
    }

    @Test
    void anAnonymousSessionGetsANewIdWhenTheRecordSignsItIn() throws Exception {
        MockHttpServletRequest request = get("/shows", token);
        MockHttpSession anonymous = new MockHttpSession();
        String before = anonymous.getId();
        request.setSession(anonymous);
        Outcome outcome = request(at(signedInAt.plusSeconds(60)), request);
        assertThat(outcome.signedIn()).isEqualTo(editor);
        assertThat(outcome.request().getSession(false).getId())
                .as("no session fixation")
                .isNotEqualTo(before);
    }

    @Test
    void aTamperedOrMalformedTokenSignsNobodyInAndItsCookieGoes() throws Exception {
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String bad : new String[] {tampered, token + "x", token.substring(1), "", "%00" + token}) {
            Outcome outcome = request(at(signedInAt.plusSeconds(60)), get("/shows", bad));
            assertThat(outcome.signedIn()).as(bad).isNull();
            assertThat(outcome.response().getRedirectedUrl()).as(bad).isEqualTo("/login?ended");
            assertThat(outcome.response().getHeaders("Set-Cookie"))
                    .as(bad)
                    .anySatisfy(c -> assertThat(c)
                            .startsWith(SignInRecords.COOKIE + "=;")
                            .contains("Max-Age=0"));
        }
        assertThat(records.find(token)).as("the real record is untouched").isPresent();
    }

    @Test
    void aRevokedRecordSignsNobodyIn() throws Exception {
        records.end(SignInRecords.hash(token));
        Outcome outcome = request(at(signedInAt.plusSeconds(60)), get("/shows", token));
        assertThat(outcome.signedIn()).isNull();
        assertThat(outcome.response().getRedirectedUrl()).isEqualTo("/login?ended");
    }

    @Test
    void theSignInPageItselfIsServedWithADeadCookieWhichGoes() throws Exception {
        records.end(SignInRecords.hash(token));
        Outcome outcome = request(at(signedInAt.plusSeconds(60)), get("/login", token));
        assertThat(outcome.response().getRedirectedUrl()).isNull();
        assertThat(outcome.chain().getRequest()).isNotNull();
        assertThat(outcome.response().getHeader("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    void anIdleRecordSignsNobodyInAndEnds() throws Exception {
        Duration idle = policy.idleLimit();
        assertThat(idle).isEqualTo(Duration.ofMinutes(30));
        assertThat(request(at(signedInAt.plus(idle).minusSeconds(1)), heartbeat(token))
                        .signedIn())
                .as("just inside the idle limit (a heartbeat, which is not use)")
                .isEqualTo(editor);
        assertThat(lastUsed()).as("a heartbeat is not use").isEqualTo(signedInAt);

        Outcome idleOne = request(at(signedInAt.plus(idle).plusSeconds(1)), get("/shows", token));
        assertThat(idleOne.signedIn()).isNull();
        assertThat(idleOne.response().getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(records.find(token)).as("ended for good").isEmpty();
    }

    @Test
    void useOnAnyNodeKeepsTheRecordFromIdlingButNotPastTwelveHours() throws Exception {
        fixtures.signIn(editor);
        records.touch(
                SignInRecords.hash(token), signedInAt.plus(Duration.ofHours(11).plusMinutes(50)));
        Fixtures.signOut();
        assertThat(request(at(signedInAt.plus(Duration.ofHours(11).plusMinutes(59))), get("/shows", token))
                        .signedIn())
                .isEqualTo(editor);
        Fixtures.signOut();
        Outcome expired = request(at(signedInAt.plus(Duration.ofHours(12)).plusSeconds(1)), get("/shows", token));
        assertThat(expired.signedIn()).isNull();
        assertThat(expired.response().getRedirectedUrl()).isEqualTo("/login?ended");
    }

    @Test
    void signingAMemberOutEverywhereDisablingThemOrChangingTheirRoleRevokesTheirRecords() {
        String second = records.begin(editor, signedInAt);
        String theOwners = records.begin(owner, signedInAt);
        fixtures.signIn(owner);
        members.signOutEverywhere(org, editor);
        Fixtures.signOut();
        assertThat(records.find(token)).isEmpty();
        assertThat(records.find(second)).isEmpty();
        assertThat(records.find(theOwners)).as("nobody else's").isPresent();

        String again = records.begin(editor, signedInAt);
        fixtures.signIn(owner);
        members.changeRole(org, editor, OrgRole.viewer);
        Fixtures.signOut();
        assertThat(records.find(again)).isEmpty();

        String third = records.begin(editor, signedInAt);
        fixtures.signIn(fixtures.platformAdmin());
        accounts.setDisabled(editor, true);
        Fixtures.signOut();
        assertThat(records.find(third)).isEmpty();
    }

    /** A session on one node whose record was revoked on another (signed out there) ends on its next request. */
    @Test
    void aSessionEndsWhenItsRecordWasRevokedElsewhere() throws Exception {
        Instant now = Instant.now();
        String live = records.begin(editor, now.minusSeconds(60));
        MockHttpSession session = new MockHttpSession();
        SessionGuard.markSignedIn(session, now.minusSeconds(60));
        SessionGuard.markRecord(session, SignInRecords.hash(live), now.minusSeconds(60));
        assertThat(signedInRequest(session).isInvalid()).isFalse();

        records.end(SignInRecords.hash(live));
        MockHttpSession other = new MockHttpSession();
        SessionGuard.markSignedIn(other, now.minusSeconds(60));
        SessionGuard.markRecord(other, SignInRecords.hash(live), now.minusSeconds(60));
        assertThat(signedInRequest(other).isInvalid()).isTrue();
    }

    @Test
    void signingOutEndsTheRecordAndClearsItsCookie() {
        MockHttpServletRequest request = get("/", token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignOutEndsRecord(records).logout(request, response, null);
        assertThat(records.find(token)).isEmpty();
        assertThat(response.getHeader("Set-Cookie")).startsWith(SignInRecords.COOKIE + "=;");
    }

    @Test
    void theCookieIsHttpOnlySameSiteAndSecureBehindTls() {
        MockHttpServletResponse plain = new MockHttpServletResponse();
        SignInRecords.writeCookie(new MockHttpServletRequest("POST", "/login"), plain, token);
        assertThat(plain.getHeader("Set-Cookie"))
                .startsWith(SignInRecords.COOKIE + "=" + token + ";")
                .contains("HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Secure", "Max-Age", "Expires");
        MockHttpServletRequest tls = new MockHttpServletRequest("POST", "/login");
        tls.setSecure(true);
        MockHttpServletResponse secure = new MockHttpServletResponse();
        SignInRecords.writeCookie(tls, secure, token);
        assertThat(secure.getHeader("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void aPersonReadsOnlyTheirOwnRecordsAndWritesNone() {
        records.begin(owner, signedInAt);
        JdbcTemplate app = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        List<UUID> visible = transaction.execute(status -> {
            app.queryForList("select set_config('app.user_id', ?, true)", editor.toString());
            return app.queryForList("select distinct user_id from sign_ins", UUID.class);
        });
        assertThat(visible).containsExactly(editor);
        assertThatThrownBy(() -> app.update("update sign_ins set revoked_at = null"))
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> app.update("delete from sign_ins"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    record Outcome(MockHttpServletRequest request, MockHttpServletResponse response, MockFilterChain chain) {

        UUID signedIn() {
            var session = request.getSession(false);
            Object context = session == null
                    ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext c
                            && c.getAuthentication().getPrincipal() instanceof RoadbookUser u
                    ? u.getId()
                    : null;
        }
    }

    /** One request through the guard, at {@code now} by the policy's clock, with nobody signed in on this node. */
    private Outcome request(SessionPolicy clockedPolicy, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        Fixtures.signOut();
        try {
            new SessionGuard(clockedPolicy, records).doFilter(request, response, chain);
        } finally {
            Fixtures.signOut();
        }
        return new Outcome(request, response, chain);
    }

    /** A request of a session signed in on this node, through the application's own policy. */
    private MockHttpSession signedInRequest(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shows");
        request.setSession(session);
        fixtures.signIn(editor);
        try {
            new SessionGuard(policy, records).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        } finally {
            Fixtures.signOut();
        }
        return session;
    }

    /** The policy as of {@code now}: resuming needs only its clock (the record is read by a definer function). */
    private SessionPolicy at(Instant now) {
        return new SessionPolicy(dataSource, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(30));
    }

    private Instant lastUsed() {
        return fixtures.owner()
                .queryForObject("select last_used_at from sign_ins where token_hash = ?", Instant.class, (Object)
                        SignInRecords.hash(token));
    }

    private static MockHttpServletRequest get(String path, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie(SignInRecords.COOKIE, token));
        return request;
    }

    private static MockHttpServletRequest heartbeat(String token) {
        MockHttpServletRequest heartbeat = new MockHttpServletRequest("POST", "/");
        heartbeat.setQueryString("v-r=heartbeat&v-uiId=0");
        heartbeat.setParameter("v-r", "heartbeat");
        heartbeat.setParameter("v-uiId", "0");
        heartbeat.setCookies(new Cookie(SignInRecords.COOKIE, token));
        return heartbeat;
    }
}
