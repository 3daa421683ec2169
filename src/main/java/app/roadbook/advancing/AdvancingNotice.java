package app.roadbook.advancing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * What one person did in an advance, for the other party to be told (V16, decision 0017): an answer, an acceptance, a
 * decline or a comment. Written once, in the transaction of the change; never changed. Its actor is whoever the
 * database sees acting, filled in by the database.
 */
@Entity
@Table(name = "advancing_notices")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingNotice implements Persistable<UUID> {

    /** The database enum {@code advancing_notice_kind}. */
    public enum Kind {
        changed,
        accepted,
        declined,
        commented
    }

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "field_id", nullable = false, updatable = false)
    private UUID fieldId;

    /** The party the actor acted for. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "party", nullable = false, updatable = false, columnDefinition = "party")
    private Party party;

    @Column(name = "actor_id", insertable = false, updatable = false)
    private UUID actorId;

    /** The actor's name when they acted; null reads as "Someone". */
    @Column(name = "actor_name", insertable = false, updatable = false)
    private String actorName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "kind", nullable = false, updatable = false, columnDefinition = "advancing_notice_kind")
    private Kind kind;

    /** The value as people read it: the new answer (null when cleared), or the value accepted or declined. */
    @Column(name = "value", updatable = false)
    private String value;

    /** The reason of a decline, the text of a comment. */
    @Column(name = "detail", updatable = false)
    private String detail;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** A notice is only ever inserted: Spring Data must not look for it first. */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean fresh;

    AdvancingNotice(AdvancingField field, Party party, Kind kind, String value, String detail) {
        this.id = UUID.randomUUID();
        this.orgId = field.getOrgId();
        this.sessionId = field.getSession().getId();
        this.fieldId = field.getId();
        this.party = party;
        this.kind = kind;
        this.value = value;
        this.detail = detail;
        this.fresh = true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AdvancingNotice other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
