package app.roadbook.calendar;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The acting person's feed (the policies show nobody another's), and whose feed a token is. */
interface CalendarFeedRepository extends JpaRepository<CalendarFeed, UUID> {

    Optional<CalendarFeed> findByUserId(UUID userId);

    /**
     * The owner of a live feed with this token hash, for a fetch that has no session. Native SQL on purpose:
     * {@code calendar_feed_owner} is a SECURITY DEFINER function (without an acting user the policies show no feed).
     */
    @Query(nativeQuery = true, value = "select calendar_feed_owner(:tokenHash)")
    Optional<UUID> ownerOf(byte[] tokenHash);
}
