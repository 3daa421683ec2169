package app.roadbook.advancing;

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
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** A party's document box in an advance: made on the first upload to that side, holding its files. */
@Entity
@Table(name = "advancing_documents")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingDocument extends OrgEntity {

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "party_type", nullable = false, updatable = false, columnDefinition = "party")
    private Party partyType;

    @Column(name = "label")
    private String label;

    /** Whoever the database sees acting (decision 0014): the database fills it in, never the application. */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** The box of one side of an advance, labelled as every box is. */
    AdvancingDocument(AdvancingSession session, Party party) {
        super(session.getOrgId());
        this.sessionId = session.getId();
        this.partyType = party;
        this.label = "Documents";
    }
}
