package app.roadbook.contacts;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Links between contacts and the org's venues; every query names the org. */
interface VenueContactRepository extends JpaRepository<VenueContact, UUID> {

    /** A contact's venues for its page: primary first, then by name. */
    @Query("""
            select new app.roadbook.contacts.ContactDetails$VenueLink(l.id, v.id, v.name, v.city, l.primary, l.notes)
            from VenueContact l join Venue v on v.id = l.venueId
            where l.orgId = :orgId and l.contactId = :contactId
            order by l.primary desc, lower(v.name)""")
    List<ContactDetails.VenueLink> findLinks(UUID orgId, UUID contactId);

    List<VenueContact> findByOrgIdAndContactIdIn(UUID orgId, Collection<UUID> contactIds);

    long countByOrgIdAndContactId(UUID orgId, UUID contactId);

    /**
     * Links the contact to the venue, or sets whether it is primary if they are linked already. Native because it is
     * an upsert (JPQL has none): one statement, so two editors linking the same pair cannot collide on the unique
     * (venue_id, contact_id); created_by is the database's own current_app_user_id().
     */
    @Modifying
    @Query(value = """
            insert into venue_contacts (org_id, venue_id, contact_id, is_primary, created_by)
            values (:orgId, :venueId, :contactId, :primary, current_app_user_id())
            on conflict (venue_id, contact_id) do update set is_primary = excluded.is_primary""", nativeQuery = true)
    void link(UUID orgId, UUID venueId, UUID contactId, boolean primary);

    /** A venue has one primary contact: this clears it before another becomes primary. */
    @Modifying
    @Query("update VenueContact l set l.primary = false where l.orgId = :orgId and l.venueId = :venueId")
    void clearPrimary(UUID orgId, UUID venueId);

    @Modifying
    @Query("delete from VenueContact l where l.orgId = :orgId and l.contactId = :contactId and l.venueId = :venueId")
    void unlink(UUID orgId, UUID contactId, UUID venueId);

    @Query("select count(v) > 0 from Venue v where v.orgId = :orgId and v.id = :venueId")
    boolean venueExists(UUID orgId, UUID venueId);

    /** The org's venues to choose from when linking. */
    @Query("""
            select new app.roadbook.contacts.VenueLinks$VenueOption(v.id, v.name, v.city)
            from Venue v where v.orgId = :orgId order by lower(v.name)""")
    List<VenueLinks.VenueOption> findVenueOptions(UUID orgId);
}
