package app.roadbook.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A platform admin's override of one entitlement for one org. */
@Entity
@Table(name = "org_feature_overrides")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgFeatureOverride {

    @EmbeddedId
    private Key id;

    /** The composite primary key. */
    @Embeddable
    public record Key(@Column(name = "org_id") UUID orgId,
            @Column(name = "key") String key) implements Serializable {
    }

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value", nullable = false, columnDefinition = "jsonb")
    private String value;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OrgFeatureOverride other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
