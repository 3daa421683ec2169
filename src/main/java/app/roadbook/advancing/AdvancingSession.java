package app.roadbook.advancing;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** One advance of a show with its promoter: its fields ({@link AdvancingField}) hang off it, twice each. */
@Entity
@Table(name = "advancing_sessions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingSession extends OrgEntity {

    @Column(name = "show_id", nullable = false, updatable = false)
    private UUID showId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    /** Whoever the database sees acting (decision 0014): the database fills it in, never the application. */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** With its id from the start, so the fields can point at it before anything is flushed. */
    AdvancingSession(UUID orgId, UUID showId, String title, OffsetDateTime expiresAt) {
        super(orgId);
        this.showId = showId;
        this.title = title;
        this.expiresAt = expiresAt;
    }
}
