package app.roadbook.crew;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The roster of one org at a time: every query names the org, on top of RLS, so the org indexes apply. */
interface PersonRepository extends JpaRepository<Person, UUID> {

    /**
     * The search: {@code search} is a lower-case LIKE pattern with its own wildcards escaped ({@code %} for
     * everything); sorted as the page says (whitelisted by {@link CrewRoster}).
     */
    String MATCHES = """
            p.orgId = :orgId and (lower(p.name) like :search escape '\\' or lower(p.roleTitle) like :search escape '\\'
                or lower(p.email) like :search escape '\\' or lower(p.phone) like :search escape '\\')""";

    @Query("select new app.roadbook.crew.PersonRow(p.id, p.name, p.roleTitle, p.email, p.phone, u.displayName)"
            + " from Person p left join AppUser u on u.id = p.userId where " + MATCHES)
    List<PersonRow> findRows(UUID orgId, String search, Pageable page);

    @Query("select count(p) from Person p where " + MATCHES)
    long countRows(UUID orgId, String search);

    @Query("select p from Person p where " + MATCHES)
    List<Person> findMatching(UUID orgId, String search, Pageable page);

    Optional<Person> findByOrgIdAndId(UUID orgId, UUID id);

    boolean existsByOrgIdAndId(UUID orgId, UUID id);

    @Query("select p.name from Person p where p.orgId = :orgId and p.id = :id")
    Optional<String> findName(UUID orgId, UUID id);

    /** The person a member account already is, other than {@code exceptId}. */
    @Query("select p.name from Person p where p.orgId = :orgId and p.userId = :userId and p.id <> :exceptId")
    List<String> findNamesLinkedTo(UUID orgId, UUID userId, UUID exceptId);

    @Query("""
            select new app.roadbook.crew.PersonOption(p.id, p.name, p.roleTitle) from Person p
            where p.orgId = :orgId order by lower(p.name), p.id""")
    List<PersonOption> findOptions(UUID orgId);

    /** Every email of the roster, lower-cased, with its person's name (the CSV preview marks duplicates with it). */
    @Query(
            "select lower(p.email) as email, p.name as name from Person p where p.orgId = :orgId and p.email is not null")
    List<EmailOwner> findEmailOwners(UUID orgId);

    /** The org's member accounts, by name; RLS lets members read the accounts they share an org with. */
    @Query("""
            select new app.roadbook.crew.Account(u.id, u.displayName, cast(u.email as String))
            from OrgMember m join AppUser u on u.id = m.id.userId
            where m.id.orgId = :orgId order by lower(u.displayName), u.id""")
    List<Account> findAccounts(UUID orgId);

    /** Deletes the person; the database's foreign keys take their show assignments with them. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Person p where p.orgId = :orgId and p.id = :id")
    int deleteInOrg(UUID orgId, UUID id);

    interface EmailOwner {
        String getEmail();

        String getName();
    }
}
