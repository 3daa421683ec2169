package app.roadbook.billing;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A platform admin's override of one entitlement for one org: a feature flag (true or false) or a limit (a whole
 * number, or null for unlimited). Written only by platform admins (RLS); no version column, so a concurrent first
 * setting of the same key meets the primary key instead.
 */
@Entity
@Table(name = "org_feature_overrides")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgFeatureOverride extends Identified<OrgFeatureOverride.Key> {

    @EmbeddedId
    private Key id;

    /** The composite primary key. */
    @Embeddable
    public record Key(
            @Column(name = "org_id") UUID orgId,
            @Column(name = "key") String key) implements Serializable {}

    /**
     * The value as JSON text ({@code true}, {@code 5}, {@code null}): unlimited is JSON null in a NOT NULL column,
     * which a Java null would not say.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value", nullable = false, columnDefinition = "jsonb")
    private String value;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    OrgFeatureOverride(UUID orgId, String key, String json) {
        this.id = new Key(orgId, key);
        this.value = json;
    }

    void change(String json) {
        value = json;
    }

    public String key() {
        return id.key();
    }
}
