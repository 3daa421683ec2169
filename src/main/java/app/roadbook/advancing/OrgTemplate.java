package app.roadbook.advancing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
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
public class OrgTemplate {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "name", nullable = false)
    private String name;

    /** The fields as JSON text, exactly as jsonb gives it back. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fields", nullable = false, columnDefinition = "jsonb")
    private String fields;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** The database's default on insert; every change sets it. */
    @Column(name = "updated_at", nullable = false, insertable = false)
    private OffsetDateTime updatedAt;

    /** Null until persisted, which is how Spring Data tells a new template (with its assigned id) from a stored one. */
    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    OrgTemplate(UUID orgId, String name, String fields) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
        this.name = name;
        this.fields = fields;
    }

    void change(String name, String fields, OffsetDateTime now) {
        this.name = name;
        this.fields = fields;
        this.updatedAt = now;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OrgTemplate other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
