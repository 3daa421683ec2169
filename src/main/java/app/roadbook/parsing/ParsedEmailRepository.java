package app.roadbook.parsing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ParsedEmailRepository extends JpaRepository<ParsedEmail, UUID> {

    /** What {@code receive_booking_mail} did: stored, duplicate or unknown_handle, and the item it concerns. */
    interface Received {
        String getOutcome();

        UUID getItemId();
    }

    /**
     * The mailbox poller's one way in (V28): a SECURITY DEFINER function, since nobody is acting when mail arrives
     * (decision 0029). It resolves the handle, stores the message once per org and registers its source file.
     */
    @Query(value = """
            select outcome as "outcome", item_id as "itemId" from receive_booking_mail(:handle, :messageId, :subject, :sender, :text,
                :notes, :storagePath, :fileName, :contentType, :size)""", nativeQuery = true)
    Received receive(
            @Param("handle") String handle,
            @Param("messageId") String messageId,
            @Param("subject") String subject,
            @Param("sender") String sender,
            @Param("text") String text,
            @Param("notes") String notes,
            @Param("storagePath") String storagePath,
            @Param("fileName") String fileName,
            @Param("contentType") String contentType,
            @Param("size") long size);

    /** The org a bookings handle names (V28's definer function: the poller acts for nobody). */
    @Query(value = "select h.id from booking_handle_org(:handle) as h(id) where h.id is not null", nativeQuery = true)
    List<UUID> orgOfHandle(@Param("handle") String handle);

    /** One line of the inbox list, with the first kept date, venue and fee proposed for it. */
    interface Line {
        UUID getId();

        String getKind();

        String getTitle();

        String getSender();

        String getVia();

        String getStatus();

        Instant getCreatedAt();

        String getShowDate();

        String getVenue();

        String getFee();
    }

    /**
     * The inbox: mails and contracts of the org, newest first, in one page. Native SQL: a union of the two legacy
     * tables with a small projection (the first undropped date, venue and fee of each), under RLS.
     */
    @Query(value = """
            select i.id, i.kind, i.title, i.sender, i.via, i.status, i.created_at as createdAt,
                   (select v.value from parsed_values v where (v.email_id = i.id or v.contract_id = i.id)
                      and v.field = 'SHOW_DATE' and v.decision <> 'dropped' order by v.position limit 1) as showDate,
                   (select coalesce(v.edited_value, v.value) from parsed_values v
                     where (v.email_id = i.id or v.contract_id = i.id)
                      and v.field = 'VENUE' and v.decision <> 'dropped' order by v.position limit 1) as venue,
                   (select coalesce(v.edited_value, v.value) from parsed_values v
                     where (v.email_id = i.id or v.contract_id = i.id)
                      and v.field = 'FEE' and v.decision <> 'dropped' order by v.position limit 1) as fee
            from (select e.id, 'mail' as kind, e.subject as title, e.from_email as sender, e.received_via as via,
                         e.status, e.created_at
                  from parsed_emails e where e.org_id = :org
                  union all
                  select c.id, 'contract', c.file_name, null, c.received_via, c.status, c.created_at
                  from parsed_contracts c where c.org_id = :org) i
            where cast(:status as text) is null or i.status = cast(:status as text)
            order by i.created_at desc, i.id
            limit :limit offset :offset""", nativeQuery = true)
    List<Line> inbox(
            @Param("org") UUID orgId,
            @Param("status") String status,
            @Param("limit") int limit,
            @Param("offset") long offset);

    @Query(value = """
            select (select count(*) from parsed_emails e
                    where e.org_id = :org and (cast(:status as text) is null or e.status = cast(:status as text)))
                 + (select count(*) from parsed_contracts c
                    where c.org_id = :org and (cast(:status as text) is null or c.status = cast(:status as text)))""", nativeQuery = true)
    long countInbox(@Param("org") UUID orgId, @Param("status") String status);
}
