package app.roadbook.contacts;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of a contact's types; created and removed only through {@link Contact}. */
@Entity
@Table(name = "contact_types")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ContactTypeEntry extends Identified<ContactTypeEntry.Key> {

    @EmbeddedId
    private Key id;

    /** The composite primary key; {@code contact_id} is written through it, so the association below only reads. */
    @Embeddable
    public record Key(
            @Column(name = "contact_id") UUID contactId,

            @Enumerated(EnumType.STRING)
            @JdbcTypeCode(SqlTypes.NAMED_ENUM)
            @Column(name = "type", columnDefinition = "contact_type")
            ContactType type)
            implements Serializable {}

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", insertable = false, updatable = false)
    @Getter(AccessLevel.NONE)
    private Contact contact;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    ContactTypeEntry(Contact contact, ContactType type) {
        this.id = new Key(contact.getId(), type);
        this.contact = contact;
        this.orgId = contact.getOrgId();
    }

    public ContactType type() {
        return id.type();
    }
}
