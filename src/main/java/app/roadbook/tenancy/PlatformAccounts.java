package app.roadbook.tenancy;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.TextInput;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Platform admins find accounts and disable or re-enable them; disabling ends the account's sessions. */
@Service
@PreAuthorize("hasRole('" + RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
public class PlatformAccounts {

    public record AccountRow(UUID id, String email, String displayName, boolean platformAdmin, OffsetDateTime disabledAt,
                             OffsetDateTime createdAt) {
        public boolean disabled() {
            return disabledAt != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final ActivityLog activity;

    PlatformAccounts(DataSource dataSource, ActivityLog activity) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public List<AccountRow> find(String search, Pageable page) {
        return jdbc.query("""
                select id, email::text, display_name, is_platform_admin, disabled_at, created_at from app_users
                where (? = '' or email::text ilike '%' || ? || '%' or display_name ilike '%' || ? || '%')
                order by email limit ? offset ?""",
                (rs, i) -> new AccountRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)),
                term(search), term(search), term(search), page.getPageSize(), page.getOffset());
    }

    @Transactional(readOnly = true)
    public long count(String search) {
        return jdbc.queryForObject("""
                select count(*) from app_users
                where (? = '' or email::text ilike '%' || ? || '%' or display_name ilike '%' || ? || '%')""",
                Long.class, term(search), term(search), term(search));
    }

    @Transactional
    public void setDisabled(UUID userId, boolean disabled) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select set_account_disabled(?, ?)", Boolean.class, userId, disabled))) {
            throw new AccessDeniedException("You cannot disable your own account.");
        }
        activity.security(null, disabled ? "account.disabled" : "account.enabled", "user", userId, Map.of());
    }

    private static String term(String search) {
        TextInput.requireSingleLine("The search", search, 200);
        return TextInput.likeLiteral(search);
    }
}
