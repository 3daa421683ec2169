package app.roadbook.calendar;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A person's secret calendar address, kept only as the SHA-256 of its token (V24); one per person. */
@Entity
@Table(name = "calendar_feeds")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CalendarFeed extends Identified<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    CalendarFeed(UUID userId, byte[] tokenHash, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    /** A new token replaces the old one: the old address stops working with this row's update. */
    void replace(byte[] tokenHash, OffsetDateTime createdAt) {
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }
}
