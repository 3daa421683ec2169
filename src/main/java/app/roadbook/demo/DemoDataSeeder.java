package app.roadbook.demo;

import app.roadbook.files.FileStore;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo organizations and accounts (README, "Demo accounts") into an empty database. */
@Component
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoData demoData;
    private final Environment env;
    private final PasswordEncoder passwords;

    private final FileStore files;

    DemoDataSeeder(DemoData demoData, Environment env, PasswordEncoder passwords, FileStore files) {
        this.demoData = demoData;
        this.files = files;
        this.env = env;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.isEnabled()) {
            return;
        }
        DataSource owner = OwnerJdbc.dataSource(env);
        // One transaction: a failed seed leaves nothing behind, and the next start tries again.
        boolean seeded =
                Boolean.TRUE.equals(new TransactionTemplate(new DataSourceTransactionManager(owner)).execute(tx -> {
                    DemoAccounts accounts = new DemoAccounts(new JdbcTemplate(owner), passwords);
                    if (accounts.anyAccount()) {
                        return false;
                    }
                    seed(accounts);
                    UUID northern = new JdbcTemplate(owner)
                            .queryForObject(
                                    "select id from organizations where slug = 'northern-lights-touring'", UUID.class);
                    DemoDirectory.seed(
                            new JdbcTemplate(owner),
                            northern,
                            accounts.userId("editor@roadbook.demo"),
                            accounts.userId("promoter@roadbook.demo"));
                    DemoFiles.seed(new JdbcTemplate(owner), files, northern, accounts.userId("editor@roadbook.demo"));
                    DemoWaitlist.seed(
                            new JdbcTemplate(owner),
                            accounts.userId("platform@roadbook.demo"),
                            new JdbcTemplate(owner)
                                    .queryForObject(
                                            "select id from organizations where slug = 'southside-artists'",
                                            UUID.class));
                    DemoInbox.seed(new JdbcTemplate(owner), northern);
                    return true;
                }));
        if (seeded) {
            log.info("Seeded the demo accounts (password '{}'); see the README.", DemoData.PASSWORD);
        }
    }

    static void seed(DemoAccounts accounts) {
        String pw = DemoData.PASSWORD;
        UUID owner = accounts.user("owner@roadbook.demo", "Olivia Owner", pw, false);
        UUID admin = accounts.user("admin@roadbook.demo", "Adam Admin", pw, false);
        UUID editor = accounts.user("editor@roadbook.demo", "Erin Editor", pw, false);
        UUID viewer = accounts.user("viewer@roadbook.demo", "Victor Viewer", pw, false);
        UUID other = accounts.user("other@roadbook.demo", "Oscar Other", pw, false);
        accounts.user("platform@roadbook.demo", "Pat Platform", pw, true);
        accounts.user("promoter@roadbook.demo", "Priya Promoter", pw, false);

        UUID northern = accounts.organization("Northern Lights Touring", "northern-lights-touring", owner);
        accounts.member(northern, owner, "owner");
        accounts.member(northern, admin, "admin");
        accounts.member(northern, editor, "editor");
        accounts.member(northern, viewer, "viewer");
        accounts.subscription(northern, "team_manager", "active", 30);

        UUID southside = accounts.organization("Southside Artists", "southside-artists", other);
        accounts.member(southside, other, "owner");
        accounts.subscription(southside, "solo_artist", "trialing", 7);
    }
}
