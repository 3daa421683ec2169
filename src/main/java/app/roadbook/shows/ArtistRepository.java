package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ArtistRow;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Artists, always within one organization: every query states its org_id on top of RLS (docs/product.md §3). */
interface ArtistRepository extends Repository<Artist, UUID> {

    /**
     * Grid rows with each artist's number of shows, in one statement; sort only as {@link ArtistService} whitelists
     * it. Archived artists only when {@code archivedToo}.
     */
    @Query("""
            select new app.roadbook.shows.ShowRecords$ArtistRow(a.id, a.name,
                   (select count(s) from Show s where s.orgId = :orgId and s.artist = a),
                   a.archivedAt is not null)
            from Artist a
            where a.orgId = :orgId and (:archivedToo = true or a.archivedAt is null)""")
    List<ArtistRow> findRows(UUID orgId, boolean archivedToo, Pageable page);

    @Query("select count(a) from Artist a where a.orgId = :orgId and (:archivedToo = true or a.archivedAt is null)")
    long countRows(UUID orgId, boolean archivedToo);

    /**
     * The org's artists by name, without show counts, for pickers: the active ones, and {@code keep} (the artist a
     * show already has) even when archived.
     */
    @Query("""
            select new app.roadbook.shows.ShowRecords$ArtistOption(a.id, a.name)
            from Artist a
            where a.orgId = :orgId and (a.archivedAt is null or a.id = :keep)
            order by lower(a.name), a.id""")
    List<ArtistOption> findOptions(UUID orgId, UUID keep);

    /** Every artist of the org by name, archived ones marked: the shows list's filter (their shows stay listed). */
    @Query("""
            select new app.roadbook.shows.ShowRecords$ArtistOption(a.id,
                   case when a.archivedAt is null then a.name else concat(a.name, ' (archived)') end)
            from Artist a
            where a.orgId = :orgId
            order by lower(a.name), a.id""")
    List<ArtistOption> findFilterOptions(UUID orgId);

    long countByOrgId(UUID orgId);

    Optional<Artist> findByOrgIdAndId(UUID orgId, UUID id);

    /** Inserts or updates now, so a refusal (the plan's artist limit) surfaces inside the service. */
    Artist saveAndFlush(Artist artist);

    void flush();

    /** One statement, as before: the artist's shows stay, the database sets their artist to null. */
    @Modifying
    @Query("delete from Artist a where a.orgId = :orgId and a.id = :id")
    int deleteByOrgIdAndId(UUID orgId, UUID id);
}
