package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingTemplate.FieldType;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The fields of advances; RLS decides who sees which (members, and collaborators granted the show). */
interface AdvancingFieldRepository extends JpaRepository<AdvancingField, UUID>, AdvancingFieldInserts {

    /** The field with its advance (for the show it belongs to), in one statement. */
    @Query("select f from AdvancingField f join fetch f.session where f.id = :id")
    Optional<AdvancingField> findWithSession(UUID id);

    /**
     * The grid of an advance in one statement whatever its size: each field's two sides next to each other, who last
     * changed each, and the comments on the pair, in template order.
     */
    default List<Pair> findPairs(UUID sessionId) {
        return findPairs(sessionId, Party.from_us, Party.from_you);
    }

    /** The parties are parameters, as in {@link AdvancingSessionRepository#findSummaries(UUID, Party, Party, FieldStatus)}. */
    @Query("""
            select u.section as section, u.fieldName as fieldName, u.fieldType as type, u.sortOrder as sortOrder,
                   u.id as ourId, u.value as ourValue, u.status as ourStatus, u.version as ourVersion,
                   uu.displayName as ourBy, u.updatedAt as ourAt, u.previousValue as ourPrevious,
                   y.id as theirId, y.value as theirValue, y.status as theirStatus, y.version as theirVersion,
                   yu.displayName as theirBy, y.updatedAt as theirAt, y.previousValue as theirPrevious,
                   (select count(c) from AdvancingComment c where c.fieldId = u.id or c.fieldId = y.id) as comments
            from AdvancingField u
            join AdvancingField y on y.session = u.session and y.section = u.section and y.fieldName = u.fieldName
                 and y.partyType = :theirs
            left join AppUser uu on uu.id = u.updatedBy
            left join AppUser yu on yu.id = y.updatedBy
            where u.session.id = :sessionId and u.partyType = :ours
            order by u.sortOrder, u.section, u.fieldName""")
    List<Pair> findPairs(UUID sessionId, Party ours, Party theirs);

    /** One row of the grid; values are JSON text. */
    interface Pair {
        String getSection();

        String getFieldName();

        FieldType getType();

        int getSortOrder();

        UUID getOurId();

        String getOurValue();

        FieldStatus getOurStatus();

        int getOurVersion();

        String getOurBy();

        OffsetDateTime getOurAt();

        String getOurPrevious();

        UUID getTheirId();

        String getTheirValue();

        FieldStatus getTheirStatus();

        int getTheirVersion();

        String getTheirBy();

        OffsetDateTime getTheirAt();

        String getTheirPrevious();

        long getComments();
    }

    /**
     * Makes a confirmed time the day-sheet item of its field, or moves the item it already is: one set-based upsert,
     * in SQL because schedule items, shows and venues are the shows capability's tables (only their columns are read
     * here), and {@code on conflict} keeps one item per field however often it is confirmed. The item is keyed by our
     * side's row, so confirming either side of the pair updates the same one.
     * <p>
     * The time is the show's date at {@code time} on the venue's clock (UTC without a venue), resolved as
     * {@link java.time.ZonedDateTime#of} does: in the hour that repeats when clocks go back, the earlier instant (PostgreSQL's
     * own {@code at time zone} takes the later one); in the hour skipped when they go forward, the offset before the gap.
     * Both candidate offsets, a day before and a day after, are tried; a candidate is valid when it reads back as the
     * same wall-clock time.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            insert into schedule_items (org_id, show_id, session_id, starts_at, title, item_type, visibility, auto_generated,
                                        source_field_id, created_by)
            select ours.org_id, a.show_id, ours.session_id, t.starts_at, ours.field_name, :itemType, 'all', true, ours.id,
                   current_app_user_id()
            from advancing_fields ours
            join advancing_sessions a on a.id = ours.session_id
            join shows s on s.id = a.show_id
            left join venues v on v.id = s.venue_id
            cross join lateral (select s.date + cast(:time as time) as wall, coalesce(v.timezone, 'UTC') as zone) w
            cross join lateral (
                select coalesce(min(c.instant) filter (where c.instant at time zone w.zone = w.wall),
                                w.wall at time zone w.zone) as starts_at
                from (select (w.wall - (near - (near at time zone w.zone at time zone 'UTC'))) at time zone 'UTC' as instant
                      from unnest(array[w.wall - interval '1 day', w.wall + interval '1 day']) near) c) t
            where ours.session_id = :sessionId and ours.section = :section and ours.field_name = :fieldName
              and ours.party_type = 'from_us'
            on conflict (source_field_id) where source_field_id is not null
            do update set starts_at = excluded.starts_at, updated_at = now(), version = schedule_items.version + 1""", nativeQuery = true)
    int scheduleConfirmedTime(UUID sessionId, String section, String fieldName, LocalTime time, String itemType);
}
