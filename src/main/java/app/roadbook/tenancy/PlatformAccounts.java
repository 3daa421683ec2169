package app.roadbook.tenancy;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.TextInput;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform admins find accounts and disable or re-enable them; disabling ends the account's sessions. */
@Service
@PreAuthorize("hasRole('" + RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
public class PlatformAccounts {

    public record AccountRow(
            UUID id,
            String email,
            String displayName,
            boolean platformAdmin,
            OffsetDateTime disabledAt,
            OffsetDateTime createdAt) {
        public boolean disabled() {
            return disabledAt != null;
        }
    }

    private final AppUserRepository users;
    private final JdbcTemplate jdbc;
    private final ActivityLog activity;

    PlatformAccounts(AppUserRepository users, DataSource dataSource, ActivityLog activity) {
        this.users = users;
        // SQL only for set_account_disabled, a definer function (it also ends the account's sessions).
        this.jdbc = new JdbcTemplate(dataSource);
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public List<AccountRow> find(String search, Pageable page) {
        return users.findRows(term(search), page);
    }

    @Transactional(readOnly = true)
    public long count(String search) {
        return users.countMatching(term(search));
    }

    @Transactional
    public void setDisabled(UUID userId, boolean disabled) {
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("select set_account_disabled(?, ?)", Boolean.class, userId, disabled))) {
            throw new AccessDeniedException("You cannot disable your own account.");
        }
        activity.security(null, disabled ? "account.disabled" : "account.enabled", "user", userId, Map.of());
    }

    private static String term(String search) {
        TextInput.requireSingleLine("The search", search, 200);
        return TextInput.likeLiteral(search);
    }
}
