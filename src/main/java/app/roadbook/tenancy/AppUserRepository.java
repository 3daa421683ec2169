package app.roadbook.tenancy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUserRepository extends JpaRepository<AppUser, UUID> {

    /** Accounts whose email or name contains {@code term} (a LIKE literal, escaped with backslashes); all for ''. */
    @Query("""
            select new app.roadbook.tenancy.PlatformAccounts$AccountRow(u.id, cast(u.email as String), u.displayName,
                   u.platformAdmin, u.disabledAt, u.createdAt)
            from AppUser u
            where :term = '' or lower(cast(u.email as String)) like lower(concat('%', :term, '%')) escape '\\'
               or lower(u.displayName) like lower(concat('%', :term, '%')) escape '\\'
            order by u.email""")
    List<PlatformAccounts.AccountRow> findRows(@Param("term") String term, Pageable page);

    @Query("""
            select count(u) from AppUser u
            where :term = '' or lower(cast(u.email as String)) like lower(concat('%', :term, '%')) escape '\\'
               or lower(u.displayName) like lower(concat('%', :term, '%')) escape '\\'""")
    long countMatching(@Param("term") String term);
}
