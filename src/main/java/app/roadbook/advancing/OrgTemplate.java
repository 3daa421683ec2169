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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An organization's own advancing template (V11); the built-in one is {@link AdvancingTemplate#DEFAULT} and has no
 * row. Its fields are a JSON array of {@code {"section", "field", "type"}} objects, read and written by
 * {@link AdvancingTemplates}.
 */
@Entity
@Table(name = "advancing_templates")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgTemplate extends OrgEntity {

    @Column(name = "name", nullable = false)
    private String name;

    /** The fields as JSON text, exactly as jsonb gives it back. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fields", nullable = false, columnDefinition = "jsonb")
    private String fields;

    /** The database's default on insert; every change sets it. */
    @Column(name = "updated_at", nullable = false, insertable = false)
    private OffsetDateTime updatedAt;

    OrgTemplate(UUID orgId, String name, String fields) {
        super(orgId);
        this.name = name;
        this.fields = fields;
    }

    void change(String name, String fields, OffsetDateTime now) {
        this.name = name;
        this.fields = fields;
        this.updatedAt = now;
    }
}
