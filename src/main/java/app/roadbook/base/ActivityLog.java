package app.roadbook.base;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Appends to the activity log in the caller's transaction: the entry commits or rolls back with the change. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ActivityLog {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ActivityLog(DataSource dataSource, JsonMapper json) {
        // SQL: one append-only insert into a partitioned table whose key includes created_at; the app role may
        // insert and read, never update, so there is nothing for an entity to manage.
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = json;
    }

    public void record(
            UUID orgId, String category, String action, String resourceType, UUID resourceId, Map<String, ?> details) {
        jdbc.update(
                """
                insert into activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
                values (?, current_app_user_id(), ?, ?, ?, ?, ?::jsonb)""",
                orgId,
                category,
                action,
                resourceType,
                resourceId,
                details == null ? null : json.writeValueAsString(details));
    }

    /**
     * A security event of the acting user (category security), also for people outside any org such as
     * external collaborators; {@code record_security_event} keeps the org only if the user belongs to it.
     */
    public void security(UUID orgId, String action, String resourceType, UUID resourceId, Map<String, ?> details) {
        jdbc.queryForList(
                "select record_security_event(?, ?, ?, ?, ?::jsonb)",
                orgId,
                action,
                resourceType,
                resourceId,
                details == null ? null : json.writeValueAsString(details));
    }
}
