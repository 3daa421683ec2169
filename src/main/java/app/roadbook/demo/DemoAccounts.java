package app.roadbook.demo;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Writes accounts, organizations and memberships directly, as the owner: demo data and test fixtures. */
public class DemoAccounts {

    private final JdbcTemplate owner;
    private final PasswordEncoder passwords;

    public DemoAccounts(JdbcTemplate owner, PasswordEncoder passwords) {
        this.owner = owner;
        this.passwords = passwords;
    }

    public UUID user(String email, String displayName, String password, boolean platformAdmin) {
        return owner.queryForObject("""
                insert into app_users (email, display_name, password_hash, is_platform_admin)
                values (?, ?, ?, ?) returning id
                """, UUID.class, email, displayName, passwords.encode(password), platformAdmin);
    }

    public UUID organization(String name, String slug, UUID createdBy) {
        return owner.queryForObject(
                "insert into organizations (name, slug, created_by) values (?, ?, ?) returning id",
                UUID.class,
                name,
                slug,
                createdBy);
    }

    public void member(UUID orgId, UUID userId, String role) {
        owner.update("insert into org_members (org_id, user_id, role) values (?, ?, ?::org_role)", orgId, userId, role);
    }

    /** A subscription whose current period runs {@code days} from now (negative: already over). */
    public void subscription(UUID orgId, String planId, String status, int days) {
        owner.update("""
                insert into org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end)
                values (?, ?, ?, now() - interval '1 day', now() + make_interval(days => ?))
                on conflict (org_id) do update set plan_id = excluded.plan_id, status = excluded.status,
                    current_period_start = excluded.current_period_start, current_period_end = excluded.current_period_end
                """, orgId, planId, status, days);
    }

    public UUID userId(String email) {
        return owner.queryForObject("select id from app_users where email = ?::citext", UUID.class, email);
    }

    public boolean anyAccount() {
        return Boolean.TRUE.equals(owner.queryForObject("select exists (select 1 from app_users)", Boolean.class));
    }
}
