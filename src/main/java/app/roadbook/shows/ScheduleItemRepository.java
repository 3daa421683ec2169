package app.roadbook.shows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** A show's day sheet, read only here (advancing writes it). */
interface ScheduleItemRepository extends Repository<ScheduleItem, UUID> {

    @Query("""
            select new app.roadbook.shows.ScheduleItemRepository$Line(i.startsAt, i.endsAt, i.title, i.itemType, i.visibility)
            from ScheduleItem i
            where i.orgId = :orgId and i.showId = :showId
            order by i.startsAt, i.title""")
    List<Line> findLines(UUID orgId, UUID showId);

    /** One entry as stored: instants, shown later in the venue's zone. */
    record Line(OffsetDateTime startsAt, OffsetDateTime endsAt, String title, String type, String visibility) {}
}
