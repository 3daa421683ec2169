package app.roadbook.contacts;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A contact linked to a venue, perhaps as its primary. Links are created by {@link VenueContactRepository#link}
 * (an upsert); the entity is loaded to be changed when contacts merge.
 */
@Entity
@Table(name = "venue_contacts")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class VenueContact extends OrgEntity {

    @Column(name = "venue_id", nullable = false)
    private UUID venueId;

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "notes")
    private String notes;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    /** The same venue's link of a contact merged into ours: primary if either was, both notes. */
    void absorb(VenueContact other) {
        primary = primary || other.primary;
        notes = Contact.joinNotes(notes, other.notes);
    }

    void moveTo(UUID contactId) {
        this.contactId = contactId;
    }
}
