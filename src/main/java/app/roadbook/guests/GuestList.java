package app.roadbook.guests;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A show's guest list: how many places each party may fill and when requests close. The show is named by its id
 * only (this package never reads the shows package's classes).
 */
@Entity
@Table(name = "guest_lists")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class GuestList extends OrgEntity {

    @Column(name = "show_id", nullable = false, updatable = false)
    private UUID showId;

    @Column(name = "artist_allotment", nullable = false)
    private int artistAllotment;

    @Column(name = "promoter_allotment", nullable = false)
    private int promoterAllotment;

    @Column(name = "cutoff_at")
    private OffsetDateTime cutoffAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    GuestList(UUID orgId, UUID showId) {
        super(orgId);
        this.showId = showId;
    }

    void setUp(int artistAllotment, int promoterAllotment, OffsetDateTime cutoffAt, OffsetDateTime now) {
        this.artistAllotment = artistAllotment;
        this.promoterAllotment = promoterAllotment;
        this.cutoffAt = cutoffAt;
        this.updatedAt = now;
    }
}
