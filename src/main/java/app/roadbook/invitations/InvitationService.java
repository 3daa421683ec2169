package app.roadbook.invitations;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One invitation flow for staff (into the org, with a role) and external collaborators (onto one show). Links carry
 * a 256-bit random token; only its SHA-256 hash is stored, and the log never sees either.
 */
@Service
public class InvitationService implements app.roadbook.tenancy.Memberships {

    static final Duration VALID_FOR = Duration.ofDays(14);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    /** The passwords people choose most; a real deployment would check a breach corpus too. */
    static final Set<String> COMMON_PASSWORDS = Set.of(
            "password",
            "password1",
            "12345678",
            "123456789",
            "1234567890",
            "qwertyuiop",
            "iloveyou",
            "sunshine",
            "princess",
            "football",
            "baseball",
            "welcome1",
            "admin123",
            "letmein1",
            "passw0rd",
            "trustno1",
            "roadbook",
            "roadbook1");

    private final JdbcTemplate jdbc;
    private final InvitationRepository invitationsTable;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final PasswordEncoder passwords;
    private final InvitationMail mail;
    private final SecureRandom random = new SecureRandom();

    InvitationService(
            DataSource dataSource,
            InvitationRepository invitationsTable,
            OrgAccess access,
            ActivityLog activity,
            PasswordEncoder passwords,
            InvitationMail mail) {
        // SQL stays for the definer functions of acceptance and account creation (nobody, or not yet the invited
        // person, is acting), the link lookup, and the plan's seat counts (a report over several capabilities).
        this.jdbc = new JdbcTemplate(dataSource);
        this.invitationsTable = invitationsTable;
        this.access = access;
        this.activity = activity;
        this.passwords = passwords;
        this.mail = mail;
    }

    /** A new invitation and the token for its link (shown once, never stored). */
    public record Issued(UUID invitationId, String token) {}

    /** Owners and admins invite staff; only owners invite owners. The plan's member limit is checked now and again on accept. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Issued inviteToOrg(UUID orgId, String email, OrgRole role, UUID personId) {
        access.require(orgId, OrgPermission.MANAGE_MEMBERS);
        if (role != null
                && !OrgPermission.assignableBy(access.requireMember(orgId)).contains(role)) {
            throw new AccessDeniedException("Only an owner can invite another owner.");
        }
        String address = requireEmail(email);
        refuseIfFull(orgId, "members", "select count(*) from org_members where org_id = ?");
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from org_members m join app_users u on u.id = m.user_id
                               where m.org_id = ? and u.email = ?::citext)""", Boolean.class, orgId, address))) {
            throw new Refusal(address + " is a member already.");
        }
        return issue(orgId, address, role, null, null, personId);
    }

    /** Editors invite an external collaborator onto one show of their org. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Issued inviteToShow(UUID orgId, UUID showId, String email, ShowCollabRole role) {
        access.requireEditor(orgId);
        if (!access.belongsTo("shows", orgId, showId)) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        String address = requireEmail(email);
        refuseIfFull(orgId, "collaborators", "select count(distinct user_id) from show_collaborators where org_id = ?");
        return issue(orgId, address, null, showId, role, null);
    }

    /**
     * Platform admins invite someone to start an organization of their own (a waitlist entry, decision 0025): accepting
     * creates it with them as its owner on the plan every new organization starts on.
     */
    @PreAuthorize("hasRole('" + app.roadbook.tenancy.RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
    @Transactional
    public Issued inviteToStartOrganization(String email) {
        String address = requireEmail(email);
        String token = newToken();
        UUID id;
        try {
            // SQL: an invitation to start an organization belongs to none yet, while an Invitation entity is an
            // OrgEntity whose organization is fixed and never null; the insert policy lets only platform admins in.
            id = jdbc.queryForObject(
                    """
                    insert into invitations (email, token_hash, expires_at, invited_by)
                    values (?, ?, ?, current_app_user_id()) returning id""", UUID.class, address, hash(token), OffsetDateTime.now().plus(VALID_FOR));
        } catch (DataIntegrityViolationException duplicate) {
            throw new Refusal(address + " has an open invitation to start an organization already; send it again.");
        }
        emailStartOrganization(token);
        return new Issued(id, token);
    }

    /** A fresh link for an open invitation to start an organization; the old link stops working at once. */
    @PreAuthorize("hasRole('" + app.roadbook.tenancy.RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
    @Transactional
    public Issued resendStartOrganization(UUID invitationId) {
        String token = newToken();
        // SQL: as inviteToStartOrganization, no entity for an invitation without an organization.
        int renewed = jdbc.update("""
                update invitations set token_hash = ?, expires_at = ?, status = 'pending', updated_at = now(),
                       version = version + 1
                where id = ? and org_id is null and status in ('pending', 'expired')""", hash(token), OffsetDateTime.now().plus(VALID_FOR), invitationId);
        if (renewed == 0) {
            throw new OrgAccess.NotFoundException("No open invitation to send again.");
        }
        emailStartOrganization(token);
        return new Issued(invitationId, token);
    }

    /** Withdraws an open invitation to start an organization; its link then says so. Nothing if it is not open. */
    @PreAuthorize("hasRole('" + app.roadbook.tenancy.RoadbookUser.ROLE_PLATFORM_ADMIN + "')")
    @Transactional
    public void revokeStartOrganization(UUID invitationId) {
        // SQL: as inviteToStartOrganization.
        jdbc.update("""
                update invitations set status = 'revoked', revoked_at = now(), updated_at = now(), version = version + 1
                where id = ? and org_id is null and status in ('pending', 'expired')""", invitationId);
    }

    /** Whether a link's invitation (as {@link #lookup} shows it) asks its person to start an organization. */
    public static boolean startsOrganization(Map<String, Object> invitation) {
        return invitation.get("org_role") == null && invitation.get("collab_role") == null;
    }

    /** The outcome of accepting an invitation to start an organization, and the organization if it was made. */
    public record Started(Outcome outcome, UUID orgId) {}

    /**
     * The signed-in, invited person accepts an invitation to start an organization, naming it: they become its owner,
     * on the default plan's trial; the waitlist entry that led here becomes converted. Exactly once per link.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Started acceptAndStartOrganization(String token, String organizationName) {
        String name = organizationName == null ? "" : organizationName.strip();
        if (name.isEmpty()) {
            throw new Refusal("Give your organization a name.");
        }
        TextInput.requireSingleLine(
                "The organization's name", name, app.roadbook.tenancy.OrganizationService.MAX_NAME_LENGTH);
        Map<String, Object> row =
                jdbc.queryForMap("select outcome, org_id from accept_organization_invitation(?, ?)", hash(token), name);
        return new Started(Outcome.valueOf((String) row.get("outcome")), (UUID) row.get("org_id"));
    }

    /** A fresh link for a pending invitation; the old link stops working at once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Issued resend(UUID orgId, UUID invitationId) {
        access.requireEditor(orgId);
        String token = newToken();
        Invitation invitation = invitationsTable
                .findByOrgIdAndIdAndStatusIn(
                        orgId, invitationId, List.of(InvitationStatus.pending, InvitationStatus.expired))
                .orElseThrow(() -> new OrgAccess.NotFoundException("No open invitation to resend."));
        invitation.renew(hash(token), OffsetDateTime.now().plus(VALID_FOR));
        invitationsTable.flush();
        activity.record(orgId, "invitation", "invitation.resent", "invitation", invitationId, Map.of());
        email(orgId, token);
        return new Issued(invitationId, token);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(UUID orgId, UUID invitationId) {
        access.requireEditor(orgId);
        invitationsTable
                .findByOrgIdAndIdAndStatusIn(orgId, invitationId, List.of(InvitationStatus.pending))
                .orElseThrow(() -> new OrgAccess.NotFoundException("No pending invitation to revoke."))
                .revoke();
        invitationsTable.flush();
        activity.record(orgId, "invitation", "invitation.revoked", "invitation", invitationId, Map.of());
    }

    public record Row(
            UUID id,
            String email,
            String scope,
            String showTitle,
            String role,
            String status,
            java.time.OffsetDateTime expiresAt,
            java.time.OffsetDateTime createdAt) {}

    /** The org's invitations the acting user may manage (owners and admins all; editors the show invitations). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.List<Row> list(UUID orgId, String status) {
        access.requireMember(orgId);
        return invitationsTable.findListed(orgId).stream()
                .map(i -> {
                    String shown = "pending".equals(i.getStatus())
                                    && i.getExpiresAt() != null
                                    && !i.getExpiresAt().isAfter(Instant.now())
                            ? "expired"
                            : i.getStatus();
                    return new Row(
                            i.getId(),
                            i.getEmail(),
                            i.getShowId() == null ? "Organization" : "Show",
                            i.getShowTitle(),
                            i.getRole(),
                            shown,
                            offset(i.getExpiresAt()),
                            offset(i.getCreatedAt()));
                })
                .filter(row -> status == null || status.equals(row.status()))
                .toList();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Ends a membership. Owners remove anyone but themselves, admins anyone but owners (RLS enforces the same); the
     * person's very next request sees nothing of the org, since every transaction asks the database afresh.
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void removeMember(UUID orgId, UUID userId) {
        access.require(orgId, OrgPermission.MANAGE_MEMBERS);
        if (invitationsTable.deleteMembership(orgId, userId) == 0) {
            throw new AccessDeniedException(
                    "You cannot remove this member (yourself, an owner as an admin, or not a member).");
        }
        activity.record(orgId, "membership", "member.removed", "user", userId, Map.of());
    }

    /** Ends a collaborator's access to a show at once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revokeCollaborator(UUID orgId, UUID grantId) {
        access.requireEditor(orgId);
        if (invitationsTable.deleteGrant(orgId, grantId) == 0) {
            throw new OrgAccess.NotFoundException("No such collaborator.");
        }
        activity.record(orgId, "invitation", "collaborator.revoked", "show_collaborator", grantId, Map.of());
    }

    /**
     * The development outbox as the signed-in person may read it: mail sent to their own address or by them,
     * mail of organizations they own or administer (as their invitations page shows), everything for platform admins.
     * Invitation links are keys to an account, so nobody else's are shown.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public java.util.List<InvitationMail.Message> outbox() {
        app.roadbook.tenancy.RoadbookUser reader = (app.roadbook.tenancy.RoadbookUser)
                org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication()
                        .getPrincipal();
        if (reader.isPlatformAdmin()) {
            return mail.outbox();
        }
        Map<UUID, Boolean> manages = new java.util.HashMap<>();
        return mail.outbox().stream()
                .filter(m -> m.to().equalsIgnoreCase(reader.getEmail())
                        || reader.getId().equals(m.sender().userId())
                        || (m.sender().orgId() != null
                                && manages.computeIfAbsent(
                                        m.sender().orgId(),
                                        org -> access.role(org)
                                                .map(OrgPermission.MANAGE_MEMBERS::heldBy)
                                                .orElse(false))))
                .toList();
    }

    public String link(String token) {
        return mail.link(token);
    }

    /** What the acceptance page may show about a link, for anyone holding it. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> lookup(String token) {
        return jdbc.queryForList("select * from invitation_by_token_hash(?)", hash(token)).stream()
                .findFirst();
    }

    public enum Outcome {
        accepted,
        already_yours,
        used,
        revoked,
        expired,
        wrong_account,
        not_found
    }

    /** The signed-in user accepts; exactly once, however many times and however fast the link is used. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Outcome accept(String token) {
        if (lookup(token).filter(InvitationService::startsOrganization).isPresent()) {
            throw new Refusal("This invitation is to start an organization: give it a name to accept.");
        }
        try {
            return Outcome.valueOf(
                    jdbc.queryForObject("select outcome from accept_invitation(?)", String.class, hash(token)));
        } catch (DataIntegrityViolationException e) {
            String message = e.getMostSpecificCause().getMessage();
            if (message != null && message.contains("plan allows")) {
                throw new Refusal(message.replaceFirst("(?s)^ERROR: ", "")
                                .lines()
                                .findFirst()
                                .orElse(message) + " Ask the organization's owner to move to a larger plan.");
            }
            throw e;
        }
    }

    /** A new person sets a name and password for the invited email; they sign in next and accept. */
    @Transactional
    public UUID createAccount(String token, String displayName, String password) {
        requireGoodPassword(password);
        if (displayName == null || displayName.isBlank()) {
            throw new Refusal("Give your name (up to 120 characters).");
        }
        TextInput.requireSingleLine("Your name", displayName.strip(), 120);
        try {
            return jdbc.queryForObject(
                    "select create_invited_account(?, ?, ?)",
                    UUID.class,
                    hash(token),
                    displayName.strip(),
                    passwords.encode(password));
        } catch (DataIntegrityViolationException e) {
            throw new Refusal("An account with this email exists already; sign in to accept.");
        }
    }

    static void requireGoodPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new Refusal("Use at least 8 characters.");
        }
        if (password.length() > 128) {
            throw new Refusal("Use at most 128 characters.");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal("The password contains control characters that no keyboard types; choose another.");
        }
        if (COMMON_PASSWORDS.contains(password.toLowerCase(java.util.Locale.ROOT))) {
            throw new Refusal("That password is one of the most common ones; choose another.");
        }
    }

    private Issued issue(
            UUID orgId, String email, OrgRole role, UUID showId, ShowCollabRole collabRole, UUID personId) {
        String token = newToken();
        OffsetDateTime expires = OffsetDateTime.now().plus(VALID_FOR);
        UUID inviter = ActingUser.requireId();
        Invitation invitation = showId == null
                ? Invitation.toOrganization(orgId, email, role, personId, hash(token), expires, inviter)
                : Invitation.toShow(orgId, showId, email, collabRole, hash(token), expires, inviter);
        try {
            invitationsTable.saveAndFlush(invitation);
        } catch (DataIntegrityViolationException duplicate) {
            throw new Refusal(email + " has an open invitation already; resend it instead.");
        }
        activity.record(
                orgId,
                "invitation",
                "invitation.created",
                "invitation",
                invitation.getId(),
                Map.of(
                        "scope",
                        showId == null ? "org" : "show",
                        "role",
                        role != null ? role.name() : collabRole.name()));
        email(orgId, token);
        return new Issued(invitation.getId(), token);
    }

    /** Mails the link; a failure rolls the invitation back, so nobody holds an invitation they never received. */
    private void email(UUID orgId, String token) {
        Map<String, Object> i = jdbc.queryForMap("select * from invitation_by_token_hash(?)", hash(token));
        String where = i.get("show_title") != null
                ? "the show " + i.get("show_title") + " (" + i.get("org_name") + ")"
                : String.valueOf(i.get("org_name"));
        String role = i.get("org_role") != null
                ? String.valueOf(i.get("org_role"))
                : String.valueOf(i.get("collab_role")).replace('_', ' ');
        mail.send(
                new InvitationMail.Sender(
                        orgId, app.roadbook.tenancy.ActingUser.id().orElse(null)),
                (String) i.get("email"),
                where,
                role,
                (String) i.get("invited_by_name"),
                token);
    }

    /** Mails the link of an invitation to start an organization. */
    private void emailStartOrganization(String token) {
        Map<String, Object> i = jdbc.queryForMap("select * from invitation_by_token_hash(?)", hash(token));
        mail.sendStartOrganization(
                new InvitationMail.Sender(null, ActingUser.id().orElse(null)),
                (String) i.get("email"),
                (String) i.get("invited_by_name"),
                token);
    }

    private void refuseIfFull(UUID orgId, String kind, String countSql) {
        Map<String, Object> plan = jdbc.queryForList("""
                select plan_id, (effective_entitlements ->> ?)::int as seat_limit from org_entitlements where org_id = ?""", "max_" + kind, orgId).stream()
                .findFirst()
                .orElse(Map.of());
        Object limit = plan.get("seat_limit");
        if (limit != null) {
            long used = jdbc.queryForObject(countSql, Long.class, orgId);
            if (used >= ((Number) limit).longValue()) {
                String planName = jdbc.queryForObject(
                        "select name from billing_plans where id = ?", String.class, plan.get("plan_id"));
                throw new Refusal("The " + planName + " plan allows " + limit + " " + kind + "; this organization has "
                        + used + ". Ask an owner to move to a larger plan.");
            }
        }
    }

    private static String requireEmail(String email) {
        String address = email == null ? "" : email.strip();
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new Refusal(TextInput.quotable(address) + " is not an email address.");
        }
        return address;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
