package app.roadbook.shows;

import app.roadbook.advancing.FieldAgreement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** A show's day sheet, read only here (advancing writes it). */
interface ScheduleItemRepository extends Repository<ScheduleItem, UUID> {

    /**
     * The items with, for those an agreed advance field wrote, that field's agreement now and both sides' values
     * (JSON text): a time changed after agreement is marked on the day sheet until it is agreed again.
     */
    @Query("""
            select new app.roadbook.shows.ScheduleItemRepository$Line(i.startsAt, i.endsAt, i.title, i.itemType,
                   i.visibility, u.agreement, u.value, y.value)
            from ScheduleItem i
            left join AdvancingField u on u.id = i.sourceFieldId
            left join AdvancingField y on y.session = u.session and y.section = u.section and y.fieldName = u.fieldName
                 and y.id <> u.id
            where i.orgId = :orgId and i.showId = :showId
            order by i.startsAt, i.title""")
    List<Line> findLines(UUID orgId, UUID showId);

    /** One entry as stored: instants, shown later in the venue's zone; the advance field's state when it has one. */
    record Line(
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String title,
            String type,
            String visibility,
            FieldAgreement agreement,
            String artistTeamValue,
            String promoterValue) {}
}
