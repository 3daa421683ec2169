package app.roadbook.crew;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Who works which show. The show facts here (date, title, venue) are read with native SQL on purpose: the crew
 * capability refers to shows by id and must not depend on the shows package (which would close a package cycle once
 * the show page shows the crew), so it has no entity for shows; a small read-only projection is all it needs.
 */
interface AssignmentRepository extends JpaRepository<ShowAssignment, UUID> {

    Optional<ShowAssignment> findByOrgIdAndId(UUID orgId, UUID id);

    Optional<ShowAssignment> findByOrgIdAndShowIdAndPersonId(UUID orgId, UUID showId, UUID personId);

    long countByOrgIdAndPersonId(UUID orgId, UUID personId);

    /** A show's crew, by name. */
    @Query("""
            select new app.roadbook.crew.ShowCrewMember(a.id, p.id, p.name, p.roleTitle, p.phone, p.email, a.duty, a.version)
            from ShowAssignment a join Person p on p.id = a.personId
            where a.orgId = :orgId and a.showId = :showId
            order by lower(p.name), p.id""")
    List<ShowCrewMember> findCrew(UUID orgId, UUID showId);

    String SHOW_FACTS = """
            select s.id as id, s.date as date, s.title as title, v.name as venue, v.city as city
            from shows s left join venues v on v.id = s.venue_id
            """;

    /** One show of the org, if it exists there (and the reader may see it). */
    @Query(value = SHOW_FACTS + "where s.org_id = :orgId and s.id = :showId", nativeQuery = true)
    Optional<ShowFacts> findShow(UUID orgId, UUID showId);

    /** The org's shows to assign someone to: not cancelled, by date. */
    @Query(
            value =
                    SHOW_FACTS
                            + "where s.org_id = :orgId and s.status <> 'cancelled' and s.date >= :from order by s.date, s.title, s.id",
            nativeQuery = true)
    List<ShowFacts> findShowsFrom(UUID orgId, LocalDate from);

    /** The person's other shows on the same day as {@code showId}, cancelled ones aside: a double booking. */
    @Query(value = SHOW_FACTS + """
                    join show_assignments a on a.show_id = s.id
                    where a.org_id = :orgId and a.person_id = :personId and s.org_id = :orgId and s.id <> :showId
                      and s.status <> 'cancelled'
                      and s.date = (select t.date from shows t where t.org_id = :orgId and t.id = :showId)
                    order by s.title, s.id""", nativeQuery = true)
    List<ShowFacts> findSameDayShows(UUID orgId, UUID personId, UUID showId);

    /** A person's shows, by date, with their duty on each. */
    @Query(value = """
                    select a.id as assignmentId, a.duty as duty, a.version as version,
                           s.id as id, s.date as date, s.title as title, v.name as venue, v.city as city
                    from show_assignments a join shows s on s.id = a.show_id left join venues v on v.id = s.venue_id
                    where a.org_id = :orgId and a.person_id = :personId
                    order by s.date, s.title, s.id""", nativeQuery = true)
    List<PersonShowRow> findShowsOf(UUID orgId, UUID personId);

    interface ShowFacts {
        UUID getId();

        LocalDate getDate();

        String getTitle();

        String getVenue();

        String getCity();

        default ShowRef ref() {
            return new ShowRef(getId(), getDate(), getTitle(), getVenue(), getCity());
        }
    }

    interface PersonShowRow extends ShowFacts {
        UUID getAssignmentId();

        String getDuty();

        Integer getVersion();
    }
}
