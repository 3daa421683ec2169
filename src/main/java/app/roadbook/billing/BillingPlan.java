package app.roadbook.billing;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A plan of the catalog with its limits (null = unlimited) and feature flags. Retired plans stay for those on them. */
@Entity
@Table(name = "billing_plans")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class BillingPlan extends Identified<String> {

    /** Chosen by the platform admin ({@link PlanDraft#validate}), never changed. */
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "price_cents", nullable = false)
    private int priceCents;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "max_artists")
    private Integer maxArtists;

    @Column(name = "max_members")
    private Integer maxMembers;

    @Column(name = "max_collaborators")
    private Integer maxCollaborators;

    /** Feature flag to on or off, as the jsonb object the entitlement view and the seat triggers read. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "features", nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> features = new LinkedHashMap<>();

    /** The database's default, read back on insert (the audit entry shows the plan as stored). */
    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    /** Null until persisted, which is how Spring Data tells a new plan (with its chosen id) from a stored one. */
    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    BillingPlan(PlanDraft draft) {
        this.id = draft.id();
        apply(draft);
    }

    /** Takes over the draft's name, price, limits and flags; the id stays. */
    void apply(PlanDraft draft) {
        name = draft.name().strip();
        description = draft.description();
        priceCents = draft.priceCents();
        currency = draft.currency();
        maxArtists = draft.maxArtists();
        maxMembers = draft.maxMembers();
        maxCollaborators = draft.maxCollaborators();
        features = new LinkedHashMap<>(draft.features());
    }

    /** No new org can choose it; orgs on it keep it. */
    void retire(OffsetDateTime now) {
        retiredAt = now;
    }

    void reinstate() {
        retiredAt = null;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public PlanSummary summary() {
        return new PlanSummary(
                id,
                name,
                description,
                priceCents,
                currency,
                maxArtists,
                maxMembers,
                maxCollaborators,
                Collections.unmodifiableMap(new LinkedHashMap<>(features)),
                retired(),
                version == null ? 0 : version);
    }

    /** The plan's limit for members, collaborators or artists; null when unlimited. */
    Integer limit(String kind) {
        return switch (kind) {
            case "members" -> maxMembers;
            case "collaborators" -> maxCollaborators;
            case "artists" -> maxArtists;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The plan as the activity log records it before and after a change: every column, as row_to_json named them. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("name", name);
        state.put("description", description);
        state.put("price_cents", priceCents);
        state.put("currency", currency);
        state.put("max_artists", maxArtists);
        state.put("max_members", maxMembers);
        state.put("max_collaborators", maxCollaborators);
        state.put("features", new LinkedHashMap<>(features));
        state.put("created_at", createdAt);
        state.put("retired_at", retiredAt);
        state.put("version", version);
        return state;
    }
}
