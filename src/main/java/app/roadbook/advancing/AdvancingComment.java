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

/**
 * A comment on an advancing field, from either party. It hangs off one side's field and belongs to the pair: the
 * thread of a field shows the comments of both sides.
 */
@Entity
@Table(name = "advancing_comments")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingComment extends OrgEntity {

    @Column(name = "field_id", nullable = false, updatable = false)
    private UUID fieldId;

    /**
     * Whoever the database sees acting (decision 0014), filled in by the database: the insert policy accepts a
     * comment only in its author's own name.
     */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "author_id", updatable = false)
    private UUID authorId;

    /** The author's name when they wrote it; null reads as "Someone". */
    @Column(name = "author_name", updatable = false)
    private String authorName;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    AdvancingComment(AdvancingField field, String authorName, String body) {
        super(field.getOrgId());
        this.fieldId = field.getId();
        this.authorName = authorName;
        this.body = body;
    }
}
