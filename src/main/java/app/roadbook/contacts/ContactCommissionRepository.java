package app.roadbook.contacts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Commissions owed to the org's contacts; every query names the org. */
interface ContactCommissionRepository extends JpaRepository<ContactCommission, UUID> {

    Optional<ContactCommission> findByOrgIdAndId(UUID orgId, UUID id);

    /** A contact's commissions for its page, newest first, with the show each is for. */
    @Query("""
            select c.id as id, c.showId as showId, s.date as showDate, s.title as showTitle, c.amount as amount,
                   c.currency as currency, c.status as status, c.paidAt as paidAt, c.description as description
            from ContactCommission c left join Show s on s.id = c.showId
            where c.orgId = :orgId and c.contactId = :contactId
            order by c.createdAt desc, c.id""")
    List<Row> findRows(UUID orgId, UUID contactId);

    long countByOrgIdAndContactId(UUID orgId, UUID contactId);

    /** Hands every commission of one contact to another (merging contacts). */
    @Modifying(flushAutomatically = true)
    @Query("""
            update ContactCommission c set c.contactId = :to, c.updatedAt = :now
            where c.orgId = :orgId and c.contactId = :from""")
    void moveAll(UUID orgId, UUID from, UUID to, OffsetDateTime now);

    @Query("select count(s) > 0 from Show s where s.orgId = :orgId and s.id = :showId")
    boolean showExists(UUID orgId, UUID showId);

    /** The org's shows to choose from for a commission, latest first. */
    @Query("""
            select new app.roadbook.contacts.ContactCommissions$ShowOption(s.id, s.date, coalesce(s.title, ''))
            from Show s where s.orgId = :orgId order by s.date desc""")
    List<ContactCommissions.ShowOption> findShowOptions(UUID orgId);

    interface Row {
        UUID getId();

        UUID getShowId();

        LocalDate getShowDate();

        String getShowTitle();

        BigDecimal getAmount();

        String getCurrency();

        String getStatus();

        OffsetDateTime getPaidAt();

        String getDescription();
    }
}
