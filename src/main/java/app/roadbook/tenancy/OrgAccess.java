package app.roadbook.tenancy;

import app.roadbook.base.db.StatementContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorization for one organization, answered by the same SQL helpers the RLS policies use, so
 * the services and the database cannot disagree. Joins the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
public class OrgAccess {

    private final JdbcTemplate jdbc;

    OrgAccess(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The acting user's role in the org, if they are a member. */
    public Optional<OrgRole> role(UUID orgId) {
        StatementContext.organization(orgId);
        List<String> roles = jdbc.queryForList(
                "select role::text from org_members where org_id = ? and user_id = current_app_user_id()",
                String.class,
                orgId);
        return roles.stream().findFirst().map(OrgRole::valueOf);
    }

    /** Another member's role in an org the acting user belongs to. */
    public Optional<OrgRole> roleOf(UUID orgId, UUID userId) {
        return jdbc
                .queryForList(
                        "select role::text from org_members where org_id = ? and user_id = ?",
                        String.class,
                        orgId,
                        userId)
                .stream()
                .findFirst()
                .map(OrgRole::valueOf);
    }

    /** Fails as "not found" for anyone outside the org: a foreign org looks like a missing one. */
    public OrgRole requireMember(UUID orgId) {
        return role(orgId).orElseThrow(() -> new NotFoundException("Not found."));
    }

    /** Whether the acting user holds the permission in this org, as the database's policy helpers decide it. */
    public boolean can(UUID orgId, OrgPermission permission) {
        StatementContext.organization(orgId);
        return Boolean.TRUE.equals(jdbc.queryForObject(permission.decision(), Boolean.class, orgId));
    }

    /**
     * Refuses unless the acting user holds the permission: outsiders get "not found" (a foreign org looks like a
     * missing one), members a sentence saying why.
     */
    public void require(UUID orgId, OrgPermission permission) {
        OrgRole role = requireMember(orgId);
        if (can(orgId, permission)) {
            return;
        }
        if (permission.heldBy(role)) {
            throw new AccessDeniedException(
                    "This organization's subscription has lapsed, so it is read-only until " + "an owner renews it.");
        }
        throw new AccessDeniedException(permission.refusalFor(role));
    }

    public boolean canEdit(UUID orgId) {
        return can(orgId, OrgPermission.EDIT_DATA);
    }

    /** Owners, admins and editors of a live org may change its data. */
    public void requireEditor(UUID orgId) {
        require(orgId, OrgPermission.EDIT_DATA);
    }

    /** Whether the acting user fills in the promoter side of this show (promoter_editor of a live org). */
    public boolean promoterEditor(UUID showId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select is_show_promoter_editor(?)", Boolean.class, showId));
    }

    /** Whether the acting user is granted the show as an external collaborator (editor or viewer). */
    public boolean collaborator(UUID showId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select is_show_collaborator(?)", Boolean.class, showId));
    }

    private static final java.util.Set<String> ORG_TABLES = java.util.Set.of("artists", "venues", "shows", "contacts");

    /** Whether a row of one of the org-owned tables exists in this org (and is visible to the acting user). */
    public boolean belongsTo(String table, UUID orgId, UUID id) {
        if (!ORG_TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from " + table + " where org_id = ? and id = ?)", Boolean.class, orgId, id));
    }

    /** Something asked for does not exist, or exists in an org the user may not see. */
    public static class NotFoundException extends app.roadbook.base.NotFoundException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
