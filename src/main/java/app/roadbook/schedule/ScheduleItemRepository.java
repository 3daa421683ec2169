package app.roadbook.schedule;

import app.roadbook.advancing.FieldAgreement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Schedule items and the facts around them a day sheet reads. Every read runs as the reader under RLS: the items'
 * select policy is the audience (V19), so what a query returns is what this reader may see.
 */
interface ScheduleItemRepository extends JpaRepository<ScheduleItem, UUID> {

    Optional<ScheduleItem> findByOrgIdAndId(UUID orgId, UUID id);

    /**
     * The show's items visible to the reader with, for those an agreed advance field wrote, that field's agreement now
     * and both sides' values (JSON text): a time changed after agreement is marked until it is agreed again.
     */
    @Query("""
            select new app.roadbook.schedule.ScheduleItemRepository$Line(i.id, i.version, i.startsAt, i.startsZone,
                   i.endsAt, i.endsZone, i.title, i.itemType, i.visibility, i.location, i.notes, i.sourceFieldId,
                   u.agreement, u.value, y.value)
            from ScheduleItem i
            left join AdvancingField u on u.id = i.sourceFieldId
            left join AdvancingField y on y.session = u.session and y.section = u.section and y.fieldName = u.fieldName
                 and y.id <> u.id
            where i.showId = :showId
            order by i.startsAt, i.title""")
    List<Line> findLines(UUID showId);

    /** One item as stored: instants, shown later on the clock of each end. */
    record Line(
            UUID id,
            int version,
            OffsetDateTime startsAt,
            String startsZone,
            OffsetDateTime endsAt,
            String endsZone,
            String title,
            ItemType type,
            Audience audience,
            String location,
            String notes,
            UUID sourceFieldId,
            FieldAgreement agreement,
            String artistTeamValue,
            String promoterValue) {}

    /**
     * The show's public facts for a member of its org or a collaborator granted it, nothing for anyone else. Native
     * SQL on purpose: {@code day_sheet_show} is a SECURITY DEFINER function (a collaborator may not read shows, venues
     * or artists) and JPQL cannot call a set-returning function. The quoted aliases name the projection's getters.
     */
    @Query(nativeQuery = true, value = """
            select f.show_id as "showId", f.org_id as "orgId", f.org_name as "orgName", f.show_title as "title",
                   f.date as "date", f.doors_at as "doorsAt", f.set_time as "setTime", f.status::text as "status",
                   f.artist_id as "artistId", f.artist_name as "artistName", f.venue_id as "venueId",
                   f.venue_name as "venueName", f.venue_address as "venueAddress", f.venue_city as "venueCity",
                   f.venue_country as "venueCountry", f.venue_timezone as "timezone", f.member as "member",
                   exists (select 1 from advancing_sessions a where a.show_id = f.show_id) as "advanced"
            from day_sheet_show(:showId) f""")
    Optional<ShowFacts> showFacts(UUID showId);

    interface ShowFacts {
        UUID getShowId();

        UUID getOrgId();

        String getOrgName();

        String getTitle();

        LocalDate getDate();

        Instant getDoorsAt();

        Instant getSetTime();

        String getStatus();

        UUID getArtistId();

        String getArtistName();

        UUID getVenueId();

        String getVenueName();

        String getVenueAddress();

        String getVenueCity();

        String getVenueCountry();

        String getTimezone();

        boolean getMember();

        boolean getAdvanced();
    }

    /**
     * Crew on the show: who is assigned and as what, with phone and email. A native report query on purpose: the crew
     * roster (people, show assignments) is another capability's, and the day sheet reads only these columns of its
     * two tables rather than depending on its classes. RLS lets only the org's members read either table.
     */
    @Query(nativeQuery = true, value = """
            select p.id as "personId", p.name as "name", p.role_title as "roleTitle", sa.duty as "duty",
                   p.phone as "phone", p.email as "email"
            from show_assignments sa join people p on p.id = sa.person_id
            where sa.show_id = :showId
            order by p.name, p.id""")
    List<CrewLine> crew(UUID showId);

    interface CrewLine {
        UUID getPersonId();

        String getName();

        String getRoleTitle();

        String getDuty();

        String getPhone();

        String getEmail();
    }

    /** The named people of the show's items the reader sees (the join table's policy follows the items'). */
    @Query(nativeQuery = true, value = """
            select sp.item_id as "itemId", p.name as "name"
            from schedule_item_people sp join schedule_items i on i.id = sp.item_id join people p on p.id = sp.person_id
            where i.show_id = :showId
            order by p.name""")
    List<NamedLine> named(UUID showId);

    interface NamedLine {
        UUID getItemId();

        String getName();
    }

    /**
     * The promoter team granted the show, from a SECURITY DEFINER function (a collaborator may not read the other
     * grants or accounts): members and the show's collaborators see whom to call on the other side.
     */
    @Query(nativeQuery = true, value = """
            select name as "name", email as "email", role::text as "role" from day_sheet_promoters(:showId)""")
    List<PromoterLine> promoters(UUID showId);

    interface PromoterLine {
        String getName();

        String getEmail();

        String getRole();
    }

    /** The contacts linked to the show's venue (members only, by the contacts' policies). A report join. */
    @Query(nativeQuery = true, value = """
            select c.name as "name", c.email::text as "email", coalesce(c.role_title, c.company) as "role",
                   c.phone as "phone"
            from venue_contacts vc join contacts c on c.id = vc.contact_id
            where vc.venue_id = :venueId
            order by vc.is_primary desc, c.name""")
    List<ContactLine> venueContacts(UUID venueId);

    interface ContactLine {
        String getName();

        String getEmail();

        String getRole();

        String getPhone();
    }

    /**
     * The shows of an artist in a date range that the reader may read, earliest first: the pages of a tour book. Shows
     * are read under their own policy (members only), so a tour book is an org member's.
     */
    @Query(nativeQuery = true, value = """
            select s.id from shows s
            where s.org_id = :orgId and s.artist_id = :artistId and s.date between :from and :to
            order by s.date, s.id""")
    List<UUID> tourShows(UUID orgId, UUID artistId, LocalDate from, LocalDate to);

    /** The org's artists for the tour book's choice (members only, by the artists' policy). */
    @Query(nativeQuery = true, value = """
            select a.id as "id", a.name as "name" from artists a where a.org_id = :orgId order by a.name, a.id""")
    List<ArtistLine> artists(UUID orgId);

    interface ArtistLine {
        UUID getId();

        String getName();
    }

    /** Whether each person is assigned to the show (the named people of an item must be). */
    @Query(nativeQuery = true, value = """
            select count(*) from show_assignments sa where sa.show_id = :showId and sa.person_id in (:people)""")
    long countAssigned(UUID showId, java.util.Collection<UUID> people);
}
