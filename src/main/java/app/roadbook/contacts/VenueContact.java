package app.roadbook.contacts;

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

/** A contact linked to a venue, perhaps as its primary. */
@Entity
@Table(name = "venue_contacts")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class VenueContact {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Column(name = "venue_id", nullable = false)
    private UUID venueId;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "is_primary", nullable = false)
    private Boolean isPrimary;

    @Column(name = "notes")
    private String notes;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof VenueContact other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
