package app.roadbook.guests;

import app.roadbook.advancing.Party;
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

/**
 * A named request for places on a show's guest list: the guest, their plus-ones, what kind of guest, on whose
 * allotment. Who asked is the database's word (the guard trigger of V20 sets it, and refuses a request over the
 * party's allotment or after the cutoff, and records who decided), so those columns are read, never written, here.
 */
@Entity
@Table(name = "guest_requests")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class GuestRequest extends OrgEntity {

    @Column(name = "guest_list_id", nullable = false, updatable = false)
    private UUID guestListId;

    @Column(name = "show_id", nullable = false, updatable = false)
    private UUID showId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "party", nullable = false, updatable = false, columnDefinition = "party")
    private Party party;

    @Column(name = "guest_name", nullable = false)
    private String guestName;

    @Column(name = "plus_ones", nullable = false)
    private int plusOnes;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "guest_type", nullable = false, columnDefinition = "guest_type")
    private GuestType guestType;

    @Column(name = "note")
    private String note;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "guest_status")
    private GuestStatus status;

    @Column(name = "requested_by", insertable = false, updatable = false)
    private UUID requestedBy;

    /** Set by the database on insert; "Someone" stands in until the row is read back. */
    @Column(name = "requested_by_name", nullable = false, updatable = false)
    private String requestedByName;

    @Column(name = "decided_by", insertable = false, updatable = false)
    private UUID decidedBy;

    @Column(name = "decided_at", insertable = false, updatable = false)
    private OffsetDateTime decidedAt;

    GuestRequest(
            UUID orgId,
            UUID guestListId,
            UUID showId,
            Party party,
            GuestType type,
            String name,
            int plusOnes,
            String note) {
        super(orgId);
        this.guestListId = guestListId;
        this.showId = showId;
        this.party = party;
        this.guestType = type;
        this.guestName = name;
        this.plusOnes = plusOnes;
        this.note = note;
        this.status = GuestStatus.requested;
        this.requestedByName = "Someone";
    }

    /** Places it takes on its party's allotment while not declined: the guest and their plus-ones. */
    int places() {
        return 1 + plusOnes;
    }

    /** Who decided, and when, is set by the database as the status changes. */
    void decide(GuestStatus decision) {
        this.status = decision;
    }
}
