package app.roadbook.invitations;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invitation into an organization or onto one show; only the token's hash is kept. */
@Entity
@Table(name = "invitations")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Invitation extends OrgEntity {

    @Column(name = "email", nullable = false, columnDefinition = "citext")
    private String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "org_role", columnDefinition = "org_role")
    private app.roadbook.tenancy.OrgRole orgRole;

    @Column(name = "show_id")
    private UUID showId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "collab_role", columnDefinition = "show_collab_role")
    private app.roadbook.invitations.ShowCollabRole collabRole;

    @Column(name = "person_id")
    private UUID personId;

    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "invitation_status")
    private InvitationStatus status;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "accepted_by")
    private UUID acceptedBy;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** An invitation into the organization with a role. */
    static Invitation toOrganization(
            UUID orgId,
            String email,
            app.roadbook.tenancy.OrgRole role,
            UUID personId,
            byte[] tokenHash,
            OffsetDateTime expiresAt,
            UUID invitedBy) {
        Invitation invitation = new Invitation(orgId, email, tokenHash, expiresAt, invitedBy);
        invitation.orgRole = role;
        invitation.personId = personId;
        return invitation;
    }

    /** An invitation onto one show as an external collaborator. */
    static Invitation toShow(
            UUID orgId,
            UUID showId,
            String email,
            ShowCollabRole role,
            byte[] tokenHash,
            OffsetDateTime expiresAt,
            UUID invitedBy) {
        Invitation invitation = new Invitation(orgId, email, tokenHash, expiresAt, invitedBy);
        invitation.showId = showId;
        invitation.collabRole = role;
        return invitation;
    }

    /** A pending invitation, for {@link #toOrganization} and {@link #toShow} to say into what. */
    private Invitation(UUID orgId, String email, byte[] tokenHash, OffsetDateTime expiresAt, UUID invitedBy) {
        super(orgId);
        this.email = email;
        this.tokenHash = tokenHash;
        this.status = InvitationStatus.pending;
        this.expiresAt = expiresAt;
        this.invitedBy = invitedBy;
        this.updatedAt = OffsetDateTime.now();
    }

    /** A new link for a pending or expired invitation; the old one stops working. */
    void renew(byte[] newTokenHash, OffsetDateTime newExpiry) {
        tokenHash = newTokenHash;
        expiresAt = newExpiry;
        status = InvitationStatus.pending;
        updatedAt = OffsetDateTime.now();
    }

    void revoke() {
        status = InvitationStatus.revoked;
        revokedAt = OffsetDateTime.now();
        updatedAt = revokedAt;
    }

    /** The status as people read it: a pending invitation past its expiry is expired. */
    InvitationStatus effectiveStatus() {
        return status == InvitationStatus.pending && expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())
                ? InvitationStatus.expired
                : status;
    }
}
