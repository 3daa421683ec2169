package app.roadbook.waitlist;

import app.roadbook.base.Identified;
import app.roadbook.base.Refusal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * Someone who signed up for the waitlist. Rows are made only by the definer function {@code waitlist_sign_up} (the
 * visitor is anonymous) and become converted only in {@code accept_organization_invitation}; platform admins move
 * them between the other states here, which is the state machine's one place in Java.
 */
@Entity
@Table(name = "waitlist")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class WaitlistEntry extends Identified<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "email", nullable = false, updatable = false)
    private String email;

    @Column(name = "name", updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false)
    private WaitlistRole role;

    @Column(name = "company", updatable = false)
    private String company;

    @Column(name = "notes", updatable = false)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private WaitlistStatus status;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "invited_at")
    private OffsetDateTime invitedAt;

    @Column(name = "invitation_id")
    private UUID invitationId;

    @Column(name = "declined_by")
    private UUID declinedBy;

    @Column(name = "declined_at")
    private OffsetDateTime declinedAt;

    @Column(name = "converted_at", insertable = false, updatable = false)
    private OffsetDateTime convertedAt;

    @Column(name = "organization_id", insertable = false, updatable = false)
    private UUID organizationId;

    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    /** Pending → invited: the invitation to start an organization that was just sent. */
    void invited(UUID invitation, UUID by) {
        requireWaiting();
        status = WaitlistStatus.invited;
        invitationId = invitation;
        invitedBy = by;
        invitedAt = OffsetDateTime.now();
        declinedBy = null;
        declinedAt = null;
        updatedAt = invitedAt;
    }

    /** Only a waiting entry can be invited. */
    void requireWaiting() {
        if (status != WaitlistStatus.pending) {
            throw new Refusal(who() + " cannot be invited: "
                    + switch (status) {
                        case invited -> "they are invited already; send the invitation again instead.";
                        case converted -> "they have created their organization already.";
                        default -> "the entry is declined; put it back on the waiting list first.";
                    });
        }
    }

    /** Pending or invited → declined; an open invitation is withdrawn by the caller. */
    void declined(UUID by) {
        if (status != WaitlistStatus.pending && status != WaitlistStatus.invited) {
            throw new Refusal(who() + " cannot be declined: "
                    + (status == WaitlistStatus.converted
                            ? "they have created their organization already."
                            : "the entry is declined already."));
        }
        status = WaitlistStatus.declined;
        declinedBy = by;
        declinedAt = OffsetDateTime.now();
        updatedAt = declinedAt;
    }

    /** Declined → pending, for a decision taken back. */
    void reopened() {
        if (status != WaitlistStatus.declined) {
            throw new Refusal("Only a declined entry goes back to the waiting list.");
        }
        status = WaitlistStatus.pending;
        declinedBy = null;
        declinedAt = null;
        updatedAt = OffsetDateTime.now();
    }

    /** Invited stays invited with a new link; only an invited entry can be sent its invitation again. */
    void requireInvited() {
        if (status != WaitlistStatus.invited || invitationId == null) {
            throw new Refusal("Only an invited entry can be sent its invitation again.");
        }
        updatedAt = OffsetDateTime.now();
    }

    /** "Ana Artist (ana@example.com)", as refusals and the log name an entry. */
    String who() {
        return (name == null || name.isBlank() ? "" : name + " ") + "(" + email + ")";
    }
}
