package app.roadbook.parsing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * What matching and confirmation read of other capabilities' tables: the org's venues, artists and contacts as the
 * plain {@link Catalog} records, and the org's show on a date. Native SQL with small projections, under RLS, so
 * {@code parsing} depends on no entity of {@code shows} or {@code contacts} (as crew reads its show facts, decision
 * 0019); every write still goes through those capabilities' services.
 */
interface CatalogQueries extends Repository<ParsedValue, UUID> {

    interface VenueLine {
        UUID getId();

        String getName();

        String getCity();

        String getCountry();
    }

    interface NameLine {
        UUID getId();

        String getName();
    }

    interface ContactLine {
        UUID getId();

        String getName();

        String getCompany();

        String getEmail();

        String getPhone();
    }

    @Query(value = "select id, name, city, country from venues where org_id = :org order by name", nativeQuery = true)
    List<VenueLine> venues(@Param("org") UUID orgId);

    @Query(value = "select id, name from artists where org_id = :org order by name", nativeQuery = true)
    List<NameLine> artists(@Param("org") UUID orgId);

    @Query(value = """
            select id, name, company, email::text as email, phone from contacts
            where org_id = :org and status <> 'inactive' order by name limit 5000""", nativeQuery = true)
    List<ContactLine> contacts(@Param("org") UUID orgId);

    /** The org's show on that date, at that venue if one is named: the show a parsed mail most likely concerns. */
    @Query(value = """
            select id from shows
            where org_id = :org and date = :date and status <> 'cancelled'
              and (cast(:venue as uuid) is null or venue_id = cast(:venue as uuid))
            order by created_at limit 1""", nativeQuery = true)
    List<UUID> showOn(@Param("org") UUID orgId, @Param("date") LocalDate date, @Param("venue") UUID venueId);

    @Query(value = """
            select s.id as id, coalesce(nullif(s.title, ''), a.name, 'Show') || ' · ' || to_char(s.date, 'FMDD Mon YYYY')
                   || coalesce(' · ' || v.name, '') as name
            from shows s left join artists a on a.id = s.artist_id left join venues v on v.id = s.venue_id
            where s.id = :show""", nativeQuery = true)
    List<NameLine> showName(@Param("show") UUID showId);

    @Query(value = "select name from venues where id = :id", nativeQuery = true)
    List<String> venueName(@Param("id") UUID id);

    @Query(value = "select name from artists where id = :id", nativeQuery = true)
    List<String> artistName(@Param("id") UUID id);

    @Query(value = "select name from contacts where id = :id", nativeQuery = true)
    List<String> contactName(@Param("id") UUID id);

    @Query(value = "select slug from organizations where id = :org", nativeQuery = true)
    List<String> slug(@Param("org") UUID orgId);
}
