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

    /** Set while the advance is closed: read-only for everyone until an org editor reopens it. */
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    /** Whoever closed it (the database knows who acts; this is for "closed by" on the page). */
    @Column(name = "closed_by")
    private UUID closedBy;

    /** With its id from the start, so the fields can point at it before anything is flushed. */
    AdvancingSession(UUID orgId, UUID showId, String title, OffsetDateTime expiresAt) {
        super(orgId);
        this.showId = showId;
        this.title = title;
        this.expiresAt = expiresAt;
    }

    void rename(String newTitle, OffsetDateTime now) {
        title = newTitle;
        updatedAt = now;
    }

    void close(UUID by, OffsetDateTime now) {
        closedAt = now;
        closedBy = by;
        updatedAt = now;
    }

    void reopen(OffsetDateTime now) {
        closedAt = null;
        closedBy = null;
        updatedAt = now;
    }

    public boolean closed() {
        return closedAt != null;
    }
}
