package app.roadbook.support;

import app.roadbook.demo.DemoAccounts;
import app.roadbook.demo.OwnerJdbc;
import app.roadbook.tenancy.RoadbookUser;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Test data written as the schema owner, with unique names so tests never collide.
 * <p>
 * Two costs are paid once instead of per row: the owner's connections come from a small pool (a new PostgreSQL
 * connection, with its SCRAM sign-in, per statement added up across the suite), and each fixture password is hashed
 * once per JVM by the application's own encoder, so every fixture account still stores a production Argon2id hash
 * (SignInTest checks its parameters) and every sign-in still verifies one.
 */
@Component
public class Fixtures implements DisposableBean {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HikariDataSource ownerPool;
    private final JdbcTemplate owner;
    private final DemoAccounts accounts;

    public Fixtures(Environment env, PasswordEncoder passwords) {
        this.ownerPool = pool(env);
        this.owner = new JdbcTemplate(ownerPool);
        this.accounts = new DemoAccounts(owner, new HashedOnce(passwords));
    }

    private static HikariDataSource pool(Environment env) {
        // OwnerJdbc's settings, pooled: the connection the demo seeder would open, kept for the next statement.
        DriverManagerDataSource settings = (DriverManagerDataSource) OwnerJdbc.dataSource(env);
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("fixtures-owner");
        pool.setJdbcUrl(settings.getUrl());
        pool.setUsername(settings.getUsername());
        pool.setPassword(settings.getPassword());
        pool.setMinimumIdle(0);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @Override
    public void destroy() {
        ownerPool.close();
    }

    /** The application's encoder, asked once per password: the same stored hash for every account that uses it. */
    private static final class HashedOnce implements PasswordEncoder {

        private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

        private final PasswordEncoder passwords;

        HashedOnce(PasswordEncoder passwords) {
            this.passwords = passwords;
        }

        @Override
        public String encode(CharSequence raw) {
            return HASHES.computeIfAbsent(raw.toString(), passwords::encode);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return passwords.matches(raw, encoded);
        }
    }

    public JdbcTemplate owner() {
        return owner;
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public UUID user(String name) {
        return accounts.user(unique(name).toLowerCase() + "@test.roadbook", name, "test-password-1", false);
    }

    /** A platform admin of the test's own (no organization). */
    public UUID platformAdmin() {
        return accounts.user(
                unique("platform").toLowerCase() + "@test.roadbook", "Platform Admin", "test-password-1", true);
    }

    public UUID organization(String name, UUID ownerId) {
        String slug = unique(name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        UUID id = accounts.organization(name, slug, ownerId);
        accounts.member(id, ownerId, "owner");
        accounts.subscription(id, "team_manager", "active", 30);
        return id;
    }

    public DemoAccounts accounts() {
        return accounts;
    }

    public void member(UUID orgId, UUID userId, String role) {
        accounts.member(orgId, userId, role);
    }

    public UUID userId(String email) {
        return owner.queryForObject("select id from app_users where email = ?::citext", UUID.class, email);
    }

    /** Signs the given account in for the current thread, as the login form would. */
    public RoadbookUser signIn(String email) {
        return signIn(userId(email));
    }

    /** Signs the given account in for the current thread, as the login form would. */
    public RoadbookUser signIn(UUID userId) {
        return signIn(account(userId));
    }

    public RoadbookUser account(UUID userId) {
        return owner.queryForObject(
                "select id, email::text, display_name, is_platform_admin from app_users where id = ?",
                (rs, i) -> new RoadbookUser(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                userId);
    }

    public static RoadbookUser signIn(RoadbookUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * Makes the current thread's request come from an address no other test uses, so the sign-in throttle and the
     * sign-in audit's per-client counting (decision 0014) see each test as its own client. Spring's test support
     * resets the request after each test.
     */
    public static String newClient() {
        String address = "2001:db8::" + Integer.toHexString(SEQUENCE.incrementAndGet());
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return address;
    }
}
