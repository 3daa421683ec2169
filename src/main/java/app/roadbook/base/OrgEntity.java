package app.roadbook.base;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.Getter;

/**
 * A row an organization owns, with the columns such rows share: an id, the organization (never changed), when it was
 * made and a version for optimistic locking. Everything else stays in the entity, {@code updated_at} too: whether the
 * application or the database sets it, and when, differs from table to table.
 *
 * <p>The id is assigned when the object is made, not on insert, so rows that point at it can be made before anything
 * is flushed. The version is null until the row is stored: that is how Spring Data tells a new entity (which already
 * has its id) from a stored one, and so saves it with one insert instead of looking for it first.
 */
@MappedSuperclass
@Getter
public abstract class OrgEntity extends Identified<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    /** The database's default, not read back on insert. */
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    /** For JPA, which fills in the columns itself. */
    protected OrgEntity() {}

    /** A new row of {@code orgId}, with a new id. */
    protected OrgEntity(UUID orgId) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
    }
}
