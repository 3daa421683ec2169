package app.roadbook.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of a contact's types. */
@Entity
@Table(name = "contact_types")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ContactTypeEntry {

    @EmbeddedId
    private Key id;

    /** The composite primary key. */
    @Embeddable
    public record Key(@Column(name = "contact_id") UUID contactId,
            @Enumerated(EnumType.STRING) @JdbcTypeCode(SqlTypes.NAMED_ENUM) @Column(name = "type", columnDefinition = "contact_type") ContactType type) implements Serializable {
    }

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContactTypeEntry other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
