package app.roadbook.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.support.Fixtures;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The RLS context: set per transaction, never leaking across a pooled connection. */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=2")
@ActiveProfiles("test")
// Own-context tests share a JVM, one context at a time (decision 0010): this one closes when the class is done.
@DirtiesContext
class RlsContextTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OrganizationService organizations;

    @Autowired
    Fixtures fixtures;

    JdbcTemplate jdbc;
    TransactionTemplate tx;
    UUID alice, bob, aliceOrg, bobOrg;

    @BeforeEach
    void twoTenants() {
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(transactions);
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceOrg = fixtures.organization("Alice Touring", alice);
        bobOrg = fixtures.organization("Bob Bookings", bob);
    }

    @Test
    void twoUsersInterleavedOverTwoConnectionsNeverSeeTheOtherOrg() throws Exception {
        int iterations = 1_000;
        AtomicInteger foreignRows = new AtomicInteger();
        AtomicInteger wrongSetting = new AtomicInteger();
        Set<Integer> backends = ConcurrentHashMap.newKeySet();
        Set<String> userBackendPairs = ConcurrentHashMap.newKeySet();
        RoadbookUser aliceAccount = fixtures.account(alice);
        RoadbookUser bobAccount = fixtures.account(bob);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int thread = 0; thread < 2; thread++) {
            int offset = thread;
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < iterations; i++) {
                    // Each thread alternates users, so both connections serve both users in turn.
                    boolean asAlice = (i + offset) % 2 == 0;
                    UUID user = asAlice ? alice : bob;
                    UUID ownOrg = asAlice ? aliceOrg : bobOrg;
                    ActingUser.runAs(
                            user,
                            () -> tx.executeWithoutResult(status -> {
                                int pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
                                backends.add(pid);
                                userBackendPairs.add(user + "@" + pid);
                                if (!user.toString()
                                        .equals(jdbc.queryForObject(
                                                "select current_setting('app.user_id', true)", String.class))) {
                                    wrongSetting.incrementAndGet();
                                }
                                List<UUID> visibleOrgs = jdbc.queryForList(
                                        "select id from organizations where id in (?, ?)",
                                        UUID.class,
                                        aliceOrg,
                                        bobOrg);
                                List<UUID> memberOrgs = jdbc.queryForList(
                                        "select org_id from org_members where org_id in (?, ?)",
                                        UUID.class,
                                        aliceOrg,
                                        bobOrg);
                                visibleOrgs.stream()
                                        .filter(o -> !o.equals(ownOrg))
                                        .forEach(o -> foreignRows.incrementAndGet());
                                memberOrgs.stream()
                                        .filter(o -> !o.equals(ownOrg))
                                        .forEach(o -> foreignRows.incrementAndGet());
                                if (visibleOrgs.size() != 1) {
                                    wrongSetting.incrementAndGet();
                                }
                            }));
                    // The service path (JPA) must agree with the raw JDBC path.
                    Fixtures.signIn(asAlice ? aliceAccount : bobAccount);
                    List<OrgSummary> mine = organizations.myOrganizations();
                    Fixtures.signOut();
                    mine.stream()
                            .filter(o -> o.id().equals(asAlice ? bobOrg : aliceOrg))
                            .forEach(o -> foreignRows.incrementAndGet());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(foreignRows).hasValue(0);
        assertThat(wrongSetting).hasValue(0);
        assertThat(backends).hasSizeLessThanOrEqualTo(2);
        // Proof that the connections really were shared: some backend served both users.
        assertThat(backends)
                .anySatisfy(pid -> assertThat(userBackendPairs).contains(alice + "@" + pid, bob + "@" + pid));
    }

    @Test
    void outsideATransactionNobodyIsActingAndNothingIsVisible() {
        ActingUser.runAs(alice, () -> {
            // Even with an acting user in Java, a statement outside a transaction carries no user.
            assertThat(jdbc.queryForObject("select coalesce(current_setting('app.user_id', true), '')", String.class))
                    .isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from organizations", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from org_members", Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from app_users", Integer.class))
                    .isZero();
        });
    }

    @Test
    void withoutAnActingUserATransactionSeesNothing() {
        Integer orgs = tx.execute(status -> jdbc.queryForObject("select count(*) from organizations", Integer.class));
        assertThat(orgs).isZero();
        Integer members = tx.execute(status ->
                jdbc.queryForObject("select count(*) from org_members where org_id = ?", Integer.class, aliceOrg));
        assertThat(members).isZero();
    }

    @Test
    void theSettingIsGoneAfterCommitAndAfterRollback() throws Exception {
        // Hold one of the two pooled connections so every step below must reuse the other one.
        try (Connection held = dataSource.getConnection()) {
            int sharedPid = ActingUser.callAs(
                    alice, () -> tx.execute(status -> jdbc.queryForObject("select pg_backend_pid()", Integer.class)));
            assertThat(settingOnPooledConnection(sharedPid)).isEmpty();

            assertThatThrownBy(() -> ActingUser.runAs(
                            alice,
                            () -> tx.executeWithoutResult(status -> {
                                assertThat(jdbc.queryForObject("select pg_backend_pid()", Integer.class))
                                        .isEqualTo(sharedPid);
                                assertThat(jdbc.queryForObject(
                                                "select count(*) from organizations where id = ?",
                                                Integer.class,
                                                aliceOrg))
                                        .isOne();
                                throw new IllegalStateException("roll back");
                            })))
                    .hasMessage("roll back");
            assertThat(settingOnPooledConnection(sharedPid)).isEmpty();
            assertThat(held.isValid(1)).isTrue();
        }
    }

    private String settingOnPooledConnection(int expectedPid) {
        return jdbc.query(
                "select pg_backend_pid(), coalesce(current_setting('app.user_id', true), ''), "
                        + "(select count(*) from organizations)",
                rs -> {
                    rs.next();
                    assertThat(rs.getInt(1)).as("same pooled connection").isEqualTo(expectedPid);
                    assertThat(rs.getInt(3))
                            .as("organizations visible after the transaction")
                            .isZero();
                    return rs.getString(2);
                });
    }
}
