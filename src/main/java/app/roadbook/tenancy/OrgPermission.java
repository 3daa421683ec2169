package app.roadbook.tenancy;

import static app.roadbook.tenancy.OrgRole.admin;
import static app.roadbook.tenancy.OrgRole.editor;
import static app.roadbook.tenancy.OrgRole.owner;
import static app.roadbook.tenancy.OrgRole.viewer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a member may do in an organization: the one vocabulary that routes ({@link RequiresOrgPermission}), the side
 * menu, buttons and services use. Each permission names the roles that hold it, for decisions made from the
 * member's role alone (may this view open, is this menu item shown), and the SQL the database decides it with:
 * the same helper functions the row-level security policies call, so a service asking {@link OrgAccess#can} gets
 * the policies' answer, including that a lapsed organization is read-only. {@code OrgPermissionTest} checks, for
 * every permission and role, that both say the same. This is the only place in Java that lists roles.
 */
public enum OrgPermission {

    /** Read the organization's data: shows, venues, artists, contacts, advancing, members. */
    READ_DATA("select is_org_member(?)", "Only members of the organization see this.", owner, admin, editor, viewer),
    /** Create, change and delete the organization's data; needs a live subscription. */
    EDIT_DATA("select can_edit_org(?)", "you can read, not change.", owner, admin, editor),
    /** Invite external collaborators to shows and follow up their invitations; needs a live subscription. */
    INVITE_COLLABORATORS(
            "select can_edit_org(?)",
            "Your role reads the organization's shows but does not invite people to them.",
            owner,
            admin,
            editor),
    /** Invite staff, change members' roles, remove members, sign them out; needs a live subscription. */
    MANAGE_MEMBERS(
            "select can_manage_org(?)", "Only owners and admins manage the organization's members.", owner, admin),
    /** Make, change and remove owners; change the plan. */
    MANAGE_OWNERS("select has_org_role(?, '{owner}')", "Only an owner can make, change or remove owners.", owner),
    /** Edit the organization's advancing templates; needs a live subscription. */
    MANAGE_TEMPLATES(
            "select can_manage_org(?)",
            "Only owners and admins edit the organization's advancing templates.",
            owner,
            admin),
    /** Delete an advance with its fields, comments and documents; needs a live subscription. */
    DELETE_ADVANCES("select can_manage_org(?)", "Only owners and admins delete an advance.", owner, admin),
    /** Restore files from the bin and empty it (the file library's 30 days); needs a live subscription. */
    MANAGE_BIN(
            "select can_manage_org(?)", "Only owners and admins restore files from the bin or empty it.", owner, admin),
    /** See the plan, its usage, plan requests and billing history. */
    VIEW_BILLING(
            "select has_org_role(?, '{owner,admin}')",
            "Only owners and admins see the organization's billing.",
            owner,
            admin),
    /** Ask for another plan or withdraw the request. */
    CHANGE_PLAN("select has_org_role(?, '{owner}')", "Only an owner of the organization can change its plan.", owner),
    /** Read the organization's audit log. */
    READ_AUDIT("select has_org_role(?, '{owner,admin}')", "Only owners and admins read the audit log.", owner, admin),
    /**
     * Delete a show with its advances, schedule, crew assignments and guest list; needs a live subscription (the
     * shows delete policy, V27).
     */
    DELETE_SHOWS("select can_manage_org(?)", "Only owners and admins delete a show.", owner, admin),
    /** Change the organization's own settings, such as its name; needs a live subscription. */
    MANAGE_SETTINGS("select can_manage_org(?)", "Only owners and admins change the organization's name.", owner, admin),
    /**
     * Switch the optional external model of the parsing inbox on or off (it sends booking mails to that endpoint);
     * needs a live subscription.
     */
    SWITCH_PARSING_MODEL(
            "select has_org_role(o, '{owner}') and org_is_live(o) from (select ?::uuid as o) as org",
            "Only an owner decides whether booking mails go to an external model.",
            owner);

    private final String decision;
    private final String refusal;
    private final Set<OrgRole> roles;

    OrgPermission(String decision, String refusal, OrgRole... roles) {
        this.decision = decision;
        this.refusal = refusal;
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    /** Whether a member with this role holds the permission (a live subscription aside). */
    public boolean heldBy(OrgRole role) {
        return role != null && roles.contains(role);
    }

    /** Why a member whose role lacks the permission is refused, in a sentence. */
    String refusalFor(OrgRole role) {
        return this == EDIT_DATA ? "Your role in this organization is " + role + ": " + refusal : refusal;
    }

    /** The query, with the organization's id as its one parameter, that answers for the acting user. */
    String decision() {
        return decision;
    }

    /** The roles a member with {@code role} may hand out to others: only those who manage owners make owners. */
    public static List<OrgRole> assignableBy(OrgRole role) {
        if (!MANAGE_MEMBERS.heldBy(role)) {
            return List.of();
        }
        return Arrays.stream(OrgRole.values())
                .filter(r -> r != owner || MANAGE_OWNERS.heldBy(role))
                .toList();
    }

    /** Whether a member with role {@code mine} may change or remove another member whose role is {@code theirs}. */
    public static boolean mayManage(OrgRole mine, OrgRole theirs) {
        return MANAGE_MEMBERS.heldBy(mine) && (theirs != owner || MANAGE_OWNERS.heldBy(mine));
    }
}
