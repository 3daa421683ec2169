package app.roadbook.waitlist;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WaitlistRepository extends JpaRepository<WaitlistEntry, UUID> {

    String MATCHES = """
            (:status is null or w.status = :status)
            and (:term = '' or lower(w.email) like lower(concat('%', :term, '%')) escape '\\'
                 or lower(coalesce(w.name, '')) like lower(concat('%', :term, '%')) escape '\\'
                 or lower(coalesce(w.company, '')) like lower(concat('%', :term, '%')) escape '\\')""";

    /** Entries of {@code status} (all for null) whose email, name or company contains {@code term} (a LIKE literal). */
    @Query("""
            select new app.roadbook.waitlist.WaitlistRow(w.id, w.name, w.email, w.role, w.company, w.note, w.status,
                   w.createdAt, w.invitedAt, u.displayName, coalesce(w.convertedAt, w.declinedAt), o.name, w.version)
            from WaitlistEntry w
            left join AppUser u on u.id = w.invitedBy
            left join Organization o on o.id = w.organizationId
            where """ + MATCHES + """

            order by w.createdAt desc, w.id""")
    List<WaitlistRow> findRows(@Param("status") WaitlistStatus status, @Param("term") String term, Pageable page);

    @Query("select count(w) from WaitlistEntry w where " + MATCHES)
    long countMatching(@Param("status") WaitlistStatus status, @Param("term") String term);
}
