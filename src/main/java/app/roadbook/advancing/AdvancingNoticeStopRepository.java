package app.roadbook.advancing;

import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Each person's "stop these mails" per advance; RLS shows and changes only the acting person's own. */
interface AdvancingNoticeStopRepository extends Repository<AdvancingNoticeStop, UUID> {

    @Query("select count(s) > 0 from AdvancingNoticeStop s where s.userId = :me and s.sessionId = :sessionId")
    boolean stopped(UUID me, UUID sessionId);

    /**
     * SQL, for the conflict clause: stopping twice stays one stop. The person is whoever the database sees acting (the
     * column's default), and the insert policy lets them stop only an advance they may read.
     */
    @Modifying(flushAutomatically = true)
    @Query(
            value = "insert into advancing_notice_stops (session_id) values (:sessionId) on conflict do nothing",
            nativeQuery = true)
    int stop(UUID sessionId);

    @Modifying(flushAutomatically = true)
    @Query("delete from AdvancingNoticeStop s where s.userId = :me and s.sessionId = :sessionId")
    int resume(UUID me, UUID sessionId);
}
