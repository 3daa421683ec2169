package app.roadbook.guests;

import app.roadbook.advancing.Party;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Guest requests. RLS shows a promoter the promoter's requests only, members all of them. Enum values are parameters:
 * as literals, Hibernate would cast them to a type named after the Java enum, where PostgreSQL's are guest_status and
 * party.
 */
interface GuestRequestRepository extends JpaRepository<GuestRequest, UUID> {

    List<GuestRequest> findByShowIdOrderByCreatedAtAscIdAsc(UUID showId);

    /** The door list: approved guests by name. */
    default List<GuestRequest> findDoorList(UUID showId) {
        return findByStatus(showId, GuestStatus.approved);
    }

    @Query("""
            select r from GuestRequest r where r.showId = :showId and r.status = :status
            order by lower(r.guestName), r.guestName, r.id""")
    List<GuestRequest> findByStatus(UUID showId, GuestStatus status);

    /** Places taken on one party's allotment (requests not declined, each with its plus-ones), as the reader sees. */
    default long placesTaken(UUID listId, Party party) {
        return placesTaken(listId, party, GuestStatus.declined);
    }

    @Query("""
            select coalesce(sum(1 + r.plusOnes), 0) from GuestRequest r
            where r.guestListId = :listId and r.party = :party and r.status <> :declined""")
    long placesTaken(UUID listId, Party party, GuestStatus declined);
}
