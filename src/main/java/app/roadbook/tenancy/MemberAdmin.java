package app.roadbook.tenancy;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What owners and admins do to a member besides removing them: change the role, sign them out everywhere.
 * Either ends the member's open sessions on their next request (V13 triggers and functions).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MemberAdmin {

    private final JdbcTemplate jdbc;
    private final OrgMemberRepository members;
    private final OrgAccess access;
    private final ActivityLog activity;

    MemberAdmin(DataSource dataSource, OrgMemberRepository members, OrgAccess access, ActivityLog activity) {
        // SQL only for sign_out_member_everywhere, a definer function (it ends sessions of another account).
        this.jdbc = new JdbcTemplate(dataSource);
        this.members = members;
        this.access = access;
        this.activity = activity;
    }

    /** Whether the acting user may manage this member (never themselves; see {@link OrgPermission#mayManage}). */
    public static boolean mayManage(OrgRole mine, OrgRole theirs, boolean self) {
        return !self && OrgPermission.mayManage(mine, theirs);
    }

    @Transactional
    public void changeRole(UUID orgId, UUID userId, OrgRole role) {
        OrgRole mine = access.requireMember(orgId);
        if (role == null) {
            throw new Refusal("Choose a role.");
        }
        OrgRole before =
                access.roleOf(orgId, userId).orElseThrow(() -> new OrgAccess.NotFoundException("No such member."));
        if (before == role) {
            return;
        }
        if (!mayManage(mine, before, userId.equals(ActingUser.requireId()))
                || !OrgPermission.assignableBy(mine).contains(role)) {
            throw new AccessDeniedException("You cannot give this member that role (only owners manage owners, "
                    + "and nobody changes their own role).");
        }
        access.require(orgId, OrgPermission.MANAGE_MEMBERS);
        members.findById(new OrgMember.Key(orgId, userId))
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such member."))
                .changeRole(role);
        members.flush();
        activity.record(
                orgId,
                "membership",
                "member.role_changed",
                "user",
                userId,
                Map.of("before", before.name(), "after", role.name()));
    }

    /** Ends every open session of the member, in every browser, on their next request (within a minute). */
    @Transactional
    public void signOutEverywhere(UUID orgId, UUID userId) {
        access.requireMember(orgId);
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("select sign_out_member_everywhere(?, ?)", Boolean.class, orgId, userId))) {
            throw new AccessDeniedException(
                    "Only owners and admins sign members out, and admins cannot sign out an owner.");
        }
        activity.record(orgId, "security", "member.signed_out_everywhere", "user", userId, Map.of());
    }
}
