package app.roadbook.contacts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Contacts of one org at a time: every query names the org, on top of RLS, so the org indexes apply. */
interface ContactRepository extends JpaRepository<Contact, UUID>, ContactSearch {

    /** The contact with its types, in one statement. */
    @Query("select c from Contact c left join fetch c.typeEntries where c.orgId = :orgId and c.id = :id")
    Optional<Contact> findWithTypes(UUID orgId, UUID id);

    boolean existsByOrgIdAndId(UUID orgId, UUID id);

    @Query("select c.name from Contact c where c.orgId = :orgId and c.id = :id")
    Optional<String> findName(UUID orgId, UUID id);

    /**
     * The contact holding this email, compared as citext. Native because JPQL would bind the email as varchar, which
     * PostgreSQL compares with citext as text: case-sensitively, and without the unique index (org_id, email).
     */
    @Query(
            value = "select id, name from contacts where org_id = :orgId and email = cast(:email as citext)",
            nativeQuery = true)
    Optional<Named> findByEmail(UUID orgId, String email);

    /** Every email of the org, lower-cased, with its contact's name (the CSV preview marks duplicates with it). */
    @Query(
            "select lower(c.email) as email, c.name as name from Contact c where c.orgId = :orgId and c.email is not null")
    List<EmailOwner> findEmailOwners(UUID orgId);

    /** Deletes the contact; the database's foreign keys take its types, commissions and venue links with it. */
    @Modifying(flushAutomatically = true)
    @Query("delete from Contact c where c.orgId = :orgId and c.id = :id")
    int deleteInOrg(UUID orgId, UUID id);

    interface Named {
        UUID getId();

        String getName();
    }

    interface EmailOwner {
        String getEmail();

        String getName();
    }
}
