package app.roadbook.tenancy;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's membership of an organization, with their role in it. */
@Entity
@Table(name = "org_members")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrgMember extends Identified<OrgMember.Key> {

    @EmbeddedId
    private Key id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "org_role")
    private OrgRole role;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    void changeRole(OrgRole newRole) {
        role = newRole;
    }

    @Embeddable
    public record Key(
            @Column(name = "org_id") UUID orgId,
            @Column(name = "user_id") UUID userId) implements Serializable {}
}
