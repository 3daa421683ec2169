package app.roadbook.schedule;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/**
 * An entry of a show's day: instants, with the zone of each end when it is not the venue's (travel). Items an agreed
 * advance field wrote ({@code sourceFieldId}) are written by the database's agreement trigger, never created here.
 */
@Entity
@Table(name = "schedule_items")
@Getter
@Setter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ScheduleItem extends OrgEntity {

    @Setter(AccessLevel.NONE)
    @Column(name = "show_id", updatable = false)
    private UUID showId;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "starts_zone")
    private String startsZone;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    @Column(name = "ends_zone")
    private String endsZone;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "location")
    private String location;

    @Column(name = "notes")
    private String notes;

    @Setter(AccessLevel.NONE)
    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    private Audience visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type", nullable = false)
    private ItemType itemType;

    /** Written by the agreement trigger only (the advance guard refuses the application setting it). */
    @Setter(AccessLevel.NONE)
    @Column(name = "source_field_id", insertable = false, updatable = false)
    private UUID sourceFieldId;

    /** The named people of a {@link Audience#named} item. */
    @ElementCollection
    @CollectionTable(name = "schedule_item_people", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "person_id")
    private Set<UUID> people = new HashSet<>();

    ScheduleItem(UUID orgId, UUID showId, UUID createdBy) {
        super(orgId);
        this.showId = showId;
        this.createdBy = createdBy;
    }
}
