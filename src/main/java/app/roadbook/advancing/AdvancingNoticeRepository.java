package app.roadbook.advancing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices of what happened in advances (decision 0017). Written by the person acting; read back only by the people
 * they were handed to, acting as themselves: RLS lets nobody else read them.
 */
interface AdvancingNoticeRepository extends Repository<AdvancingNotice, UUID> {

    AdvancingNotice save(AdvancingNotice notice);

    /**
     * Hands new notices to the people who may read them and tidies up; the count of notices handed out. SQL: a
     * SECURITY DEFINER function (V16), since the job acts for nobody and RLS would show it nothing.
     */
    @Transactional
    @Query(value = "select take_advancing_notices(:at, make_interval(secs => :seconds))", nativeQuery = true)
    int takeNotices(Instant at, double seconds);

    /** Who is due a digest of which advance (ids only): the other definer function of the job (V16). */
    @Transactional(readOnly = true)
    @Query(value = """
            select user_id as userId, session_id as sessionId
            from advancing_digests_due(:at, make_interval(secs => :seconds))""", nativeQuery = true)
    List<DueDigest> findDigestsDue(Instant at, double seconds);

    interface DueDigest {
        UUID getUserId();

        UUID getSessionId();
    }

    /** One line of a digest: what happened to which field, by whom. */
    record Pending(
            UUID id,
            AdvancingNotice.Kind kind,
            Party party,
            String actorName,
            String section,
            String fieldName,
            int sortOrder,
            String value,
            String detail,
            OffsetDateTime at) {}

    /** What is waiting to be mailed to {@code me} about one advance, in the order of the advance's fields. */
    @Query("""
            select new app.roadbook.advancing.AdvancingNoticeRepository$Pending(n.id, n.kind, n.party, n.actorName,
                   f.section, f.fieldName, f.sortOrder, n.value, n.detail, n.createdAt)
            from AdvancingNotice n, AdvancingField f
            where f.id = n.fieldId and n.sessionId = :sessionId
              and n.id in (select r.noticeId from AdvancingNoticeRecipient r
                           where r.userId = :me and r.sessionId = :sessionId and r.mailedAt is null)
            order by f.sortOrder, f.section, f.fieldName, n.createdAt, n.id""")
    List<Pending> findPending(UUID me, UUID sessionId);

    @Modifying(flushAutomatically = true)
    @Query("""
            update AdvancingNoticeRecipient r set r.mailedAt = :at
            where r.userId = :me and r.noticeId in :notices and r.mailedAt is null""")
    int markMailed(UUID me, Collection<UUID> notices, OffsetDateTime at);

    /** What was waiting for {@code me} about one advance and now will not go out. */
    @Modifying(flushAutomatically = true)
    @Query("""
            delete from AdvancingNoticeRecipient r
            where r.userId = :me and r.sessionId = :sessionId and r.mailedAt is null""")
    int dropWaiting(UUID me, UUID sessionId);

    interface Person {
        String getEmail();

        String getDisplayName();
    }

    /** Where {@code me}'s mail goes (everyone reads their own account). */
    @Query("select u.email as email, u.displayName as displayName from AppUser u where u.id = :me")
    Optional<Person> findPerson(UUID me);
}
