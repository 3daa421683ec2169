package app.roadbook.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The library's entries; RLS decides who sees which (a collaborator sees only the files shared with them). */
interface StoredFileRepository extends JpaRepository<StoredFile, UUID> {

    /*
     * The listings are native SQL on purpose: a line names what the file is about (an artist's or venue's name, a
     * show's title and date, an advance's title), facts of the shows and advancing capabilities, which the files
     * package refers to by id only (it may not depend on their classes). Each is one statement with small joins;
     * RLS on every joined table still applies, so a reader sees only names they may see.
     */
    String LINE = """
            select f.id as "id", f.original_name as "name", f.content_type as "contentType", f.size_bytes as "sizeBytes",
                   case when num_nonnulls(f.session_id, f.document_id, f.field_id) > 0 then 'ADVANCE'
                        when f.artist_id is not null then 'ARTIST' when f.venue_id is not null then 'VENUE'
                        when f.show_id is not null then 'SHOW' else 'ORG' end as "subjectKind",
                   coalesce(a.name, v.name, coalesce(s.title, 'Show') || ' · ' || to_char(s.date, 'FMDD Mon YYYY'),
                            adv.title) as "subjectName",
                   f.visibility as "visibility", f.current_version as "currentVersion",
                   coalesce(f.updated_at, f.created_at) as "changedAt", f.deleted_at as "deletedAt"
            from files f
            left join artists a on a.id = f.artist_id
            left join venues v on v.id = f.venue_id
            left join shows s on s.id = f.show_id
            left join advancing_documents d on d.id = f.document_id
            left join advancing_sessions adv on adv.id = coalesce(f.session_id, d.session_id)
            """;

    /** A page of the org's library, newest change first; the bin's files are not in it. */
    @Query(nativeQuery = true, value = LINE + """
            where f.org_id = :orgId and f.deleted_at is null
              and (cast(:kind as text) is null or (case when num_nonnulls(f.session_id, f.document_id, f.field_id) > 0
                   then 'ADVANCE' when f.artist_id is not null then 'ARTIST' when f.venue_id is not null then 'VENUE'
                   when f.show_id is not null then 'SHOW' else 'ORG' end) = cast(:kind as text))
            order by coalesce(f.updated_at, f.created_at) desc, f.id
            limit :limit offset :offset""")
    List<Line> findLibrary(UUID orgId, String kind, int limit, long offset);

    @Query(nativeQuery = true, value = """
            select count(*) from files f where f.org_id = :orgId and f.deleted_at is null
              and (cast(:kind as text) is null or (case when num_nonnulls(f.session_id, f.document_id, f.field_id) > 0
                   then 'ADVANCE' when f.artist_id is not null then 'ARTIST' when f.venue_id is not null then 'VENUE'
                   when f.show_id is not null then 'SHOW' else 'ORG' end) = cast(:kind as text))""")
    long countLibrary(UUID orgId, String kind);

    /** The files a show's page lists ({@code files_of_show}), as far as the reader may see them. */
    @Query(nativeQuery = true, value = LINE + """
            where f.id in (select files_of_show(:showId)) and f.deleted_at is null
            order by case when f.show_id is not null then 0 when num_nonnulls(f.session_id, f.document_id, f.field_id) > 0
                          then 1 when f.artist_id is not null then 2 else 3 end, lower(f.original_name), f.id""")
    List<Line> findForShow(UUID showId);

    /** The bin: files moved there, most recent first. */
    @Query(nativeQuery = true, value = LINE + """
            where f.org_id = :orgId and f.deleted_at is not null order by f.deleted_at desc, f.id""")
    List<Line> findBin(UUID orgId);

    /** One file's line (its subject named), if the reader sees it. */
    @Query(nativeQuery = true, value = LINE + " where f.id = :fileId")
    List<Line> findLine(UUID fileId);

    /** Files in the bin of an org (for emptying it). */
    List<StoredFile> findByOrgIdAndDeletedAtIsNotNull(UUID orgId);

    /**
     * "Who can see this file?" Native SQL on purpose: {@code file_audience} is a SECURITY DEFINER function (like
     * {@code show_audience}) that reads the rows the policies consult and answers members of the file's org only.
     */
    @Query(nativeQuery = true, value = """
            select user_id as "userId", display_name as "name", email as "email", kind as "kind", role as "role",
                   can_see as "canSee", invited_by as "invitedBy", show_id as "showId", show_title as "showTitle",
                   show_date as "showDate"
            from file_audience(:fileId)
            order by can_see desc, kind <> 'member', display_name, email""")
    List<AudienceLine> audience(UUID fileId);

    /**
     * The retention job's purge. Native SQL on purpose: a SECURITY DEFINER function, since the job acts for no one;
     * it returns the storage keys of the removed versions so their bytes go after commit.
     */
    @Query(nativeQuery = true, value = "select purge_binned_files(:before)")
    List<String> purgeBinnedBefore(Instant before);

    /**
     * What a file can be about in an org: its artists (not archived ones), venues and shows from a month ago on
     * (native, like the lines above: names of rows the shows package owns). Kind, id and a label per row.
     */
    @Query(nativeQuery = true, value = """
            select * from (
              select 'ARTIST' as "kind", a.id as "id", a.name as "label", 1 as "rank", null::date as "day"
              from artists a where a.org_id = :orgId and a.archived_at is null
              union all
              select 'VENUE', v.id, v.name || coalesce(', ' || v.city, ''), 2, null from venues v where v.org_id = :orgId
              union all
              (select 'SHOW', s.id, coalesce(s.title, 'Show') || ' · ' || to_char(s.date, 'FMDD Mon YYYY'), 3, s.date
               from shows s where s.org_id = :orgId and s.date >= current_date - 30 order by s.date limit 300)
            ) o order by "rank", "day", lower("label")""")
    List<SubjectOption> findSubjectOptions(UUID orgId);

    interface SubjectOption {
        String getKind();

        UUID getId();

        String getLabel();
    }

    interface Line {
        UUID getId();

        String getName();

        String getContentType();

        Integer getSizeBytes();

        String getSubjectKind();

        String getSubjectName();

        String getVisibility();

        int getCurrentVersion();

        Instant getChangedAt();

        Instant getDeletedAt();
    }

    interface AudienceLine {
        UUID getUserId();

        String getName();

        String getEmail();

        String getKind();

        String getRole();

        boolean getCanSee();

        String getInvitedBy();

        UUID getShowId();

        String getShowTitle();

        java.time.LocalDate getShowDate();
    }
}
