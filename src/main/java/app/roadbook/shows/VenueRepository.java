package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.VenueRow;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Venues, always within one organization: every query states its org_id on top of RLS (docs/product.md §3). */
interface VenueRepository extends Repository<Venue, UUID> {

    /** Grid rows; sort only as {@link VenueService} whitelists it. */
    @Query("""
            select new app.roadbook.shows.ShowRecords$VenueRow(v.id, v.name, v.address, v.city, v.country, v.capacity,
                   v.timezone, v.version)
            from Venue v
            where v.orgId = :orgId""")
    List<VenueRow> findRows(UUID orgId, Pageable page);

    long countByOrgId(UUID orgId);

    Optional<Venue> findByOrgIdAndId(UUID orgId, UUID id);

    Venue saveAndFlush(Venue venue);

    void flush();

    @Modifying
    @Query("delete from Venue v where v.orgId = :orgId and v.id = :id")
    int deleteByOrgIdAndId(UUID orgId, UUID id);
}
