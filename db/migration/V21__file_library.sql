-- The file library (issue #17, docs/decisions/0022-file-library.md): the `files` registry grows from advancing
-- document boxes into the organization's library. A file attaches to the org, an artist, a venue or a show (or, as
-- before, to an advance's document box); it has versions, a visibility, and a bin.

-- 1. What a file is about, who sees it, its versions and the bin -------------------------------------------
ALTER TABLE files
    ADD COLUMN artist_id       uuid REFERENCES artists (id) ON DELETE SET NULL,
    ADD COLUMN venue_id        uuid REFERENCES venues (id) ON DELETE SET NULL,
    ADD COLUMN show_id         uuid REFERENCES shows (id) ON DELETE SET NULL,
    -- 'members': the organization's members only; 'promoter_team': also the promoter team of the show(s) it concerns.
    ADD COLUMN visibility      text NOT NULL DEFAULT 'members' CHECK (visibility IN ('members', 'promoter_team')),
    ADD COLUMN current_version int  NOT NULL DEFAULT 1 CHECK (current_version > 0),
    ADD COLUMN deleted_at      timestamptz,
    ADD COLUMN deleted_by      uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN version         bigint NOT NULL DEFAULT 0;

-- A document box's file is the exchange between both teams: it was always shared with the promoter team, whatever
-- its visibility column says (the policies below read it so); the column says so too, for the pages.
UPDATE files SET visibility = 'promoter_team' WHERE num_nonnulls(session_id, document_id, field_id) > 0;

-- One subject at most: an advance (its session, document box or field), an artist, a venue or a show; none = the org.
ALTER TABLE files DROP CONSTRAINT files_attached_check;
ALTER TABLE files ADD CONSTRAINT files_one_subject CHECK (
    num_nonnulls(artist_id, venue_id, show_id) + CASE WHEN num_nonnulls(session_id, document_id, field_id) > 0 THEN 1 ELSE 0 END <= 1);
CREATE INDEX idx_files_artist ON files (artist_id) WHERE artist_id IS NOT NULL;
CREATE INDEX idx_files_venue ON files (venue_id) WHERE venue_id IS NOT NULL;
CREATE INDEX idx_files_show ON files (show_id) WHERE show_id IS NOT NULL;
CREATE INDEX idx_files_bin ON files (deleted_at) WHERE deleted_at IS NOT NULL;

-- Every version of a file, the current one included; the files row mirrors its current version (storage path,
-- type, size), so the advancing code and every listing read one row. The bytes of a version are never replaced.
CREATE TABLE file_versions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    file_id      uuid        NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    number       int         NOT NULL CHECK (number > 0),
    storage_path text        NOT NULL UNIQUE,
    original_name text       NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    uploaded_by  uuid REFERENCES app_users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (file_id, number)
);
CREATE INDEX idx_file_versions_org ON file_versions (org_id);

INSERT INTO file_versions (org_id, file_id, number, storage_path, original_name, content_type, size_bytes, uploaded_by,
                           created_at)
SELECT f.org_id, f.id, 1, f.storage_path, coalesce(f.original_name, 'file'), coalesce(f.content_type, 'application/octet-stream'),
       coalesce(f.size_bytes, 0), u.id, f.created_at
FROM files f LEFT JOIN app_users u ON u.id = f.uploaded_by;

-- A file's first version is its row as inserted (advancing's document boxes and the library alike). Definer: it
-- copies a row the files insert policy has just admitted; the version table takes no other inserts of version 1.
CREATE FUNCTION files_first_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    INSERT INTO file_versions (org_id, file_id, number, storage_path, original_name, content_type, size_bytes, uploaded_by)
    VALUES (NEW.org_id, NEW.id, 1, NEW.storage_path, coalesce(NEW.original_name, 'file'),
            coalesce(NEW.content_type, 'application/octet-stream'), coalesce(NEW.size_bytes, 0), current_app_user_id());
    RETURN NEW;
END
$$;
CREATE TRIGGER files_first_version AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION files_first_version();

-- Who moved a file to the bin is whoever the database sees acting (decision 0014), never a value the app sends.
CREATE FUNCTION files_binned_by() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
    IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
        NEW.deleted_by := current_app_user_id();
    ELSIF NEW.deleted_at IS NULL THEN
        NEW.deleted_by := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER files_binned_by BEFORE UPDATE ON files FOR EACH ROW EXECUTE FUNCTION files_binned_by();

-- 2. Storage quota per organization, from the plan's entitlements ------------------------------------------
-- Every version's bytes count (the bin's too, until it is emptied). An advisory lock per org serializes
-- concurrent uploads, so no race exceeds the quota; the service checks first and this is the last word.
UPDATE billing_plans SET features = features || '{"max_storage_mb": 1024}'::jsonb WHERE id = 'crew_readonly';
UPDATE billing_plans SET features = features || '{"max_storage_mb": 5120}'::jsonb WHERE id = 'solo_artist';
UPDATE billing_plans SET features = features || '{"max_storage_mb": 51200}'::jsonb WHERE id = 'team_manager';

CREATE FUNCTION enforce_file_storage_quota() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_limit_mb bigint;
    v_used     bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('roadbook-files:' || NEW.org_id::text, 0));
    v_limit_mb := (org_effective_entitlements(NEW.org_id) ->> 'max_storage_mb')::bigint;
    IF v_limit_mb IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT coalesce(sum(size_bytes), 0) INTO v_used FROM file_versions WHERE org_id = NEW.org_id;
    IF v_used + NEW.size_bytes > v_limit_mb * 1024 * 1024 THEN
        RAISE EXCEPTION 'The plan allows % MB of files; this organization uses % MB.', v_limit_mb, ceil(v_used / 1048576.0)
            USING ERRCODE = '23514', CONSTRAINT = 'file_storage_quota';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER file_versions_quota BEFORE INSERT ON file_versions
    FOR EACH ROW EXECUTE FUNCTION enforce_file_storage_quota();

-- 3. Who sees a file ---------------------------------------------------------------------------------------
-- Whether a library file belongs to the org it names: its artist, venue or show is the org's own.
CREATE FUNCTION file_subject_in_org(p_org_id uuid, p_artist_id uuid, p_venue_id uuid, p_show_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT (p_artist_id IS NULL OR EXISTS (SELECT 1 FROM artists a WHERE a.id = p_artist_id AND a.org_id = p_org_id))
       AND (p_venue_id IS NULL OR EXISTS (SELECT 1 FROM venues v WHERE v.id = p_venue_id AND v.org_id = p_org_id))
       AND (p_show_id IS NULL OR EXISTS (SELECT 1 FROM shows s WHERE s.id = p_show_id AND s.org_id = p_org_id))
$$;

-- The shows a file concerns: its own show, its advance's show, every show of its artist or at its venue. An
-- org-wide file concerns no show in particular, so it stays with the members whatever its visibility says.
CREATE FUNCTION file_concerned_shows(p_org_id uuid, p_session_id uuid, p_document_id uuid, p_field_id uuid,
                                     p_show_id uuid, p_artist_id uuid, p_venue_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT s.id FROM shows s
    WHERE s.org_id = p_org_id
      AND (s.id = p_show_id OR s.id = file_show_id(p_session_id, p_document_id, p_field_id)
           OR (p_artist_id IS NOT NULL AND s.artist_id = p_artist_id)
           OR (p_venue_id IS NOT NULL AND s.venue_id = p_venue_id))
$$;

-- Whether the acting user is on the promoter team of a show the file concerns.
CREATE FUNCTION file_shared_with_me(p_org_id uuid, p_session_id uuid, p_document_id uuid, p_field_id uuid,
                                    p_show_id uuid, p_artist_id uuid, p_venue_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM show_collaborators c
                   WHERE c.user_id = current_app_user_id() AND c.org_id = p_org_id
                     AND c.show_id IN (SELECT file_concerned_shows(p_org_id, p_session_id, p_document_id, p_field_id,
                                                                   p_show_id, p_artist_id, p_venue_id)))
$$;

DROP POLICY files_select ON files;
CREATE POLICY files_select ON files FOR SELECT
    USING (is_org_member(org_id)
           OR (deleted_at IS NULL
               AND (visibility = 'promoter_team' OR num_nonnulls(session_id, document_id, field_id) > 0)
               AND file_shared_with_me(org_id, session_id, document_id, field_id, show_id, artist_id, venue_id)));

-- A library file (no advance) is added by the org's editors to a subject of their own org; an advance's file
-- keeps the document box rules of V15.
DROP POLICY files_insert ON files;
CREATE POLICY files_insert ON files FOR INSERT
    WITH CHECK (CASE WHEN num_nonnulls(session_id, document_id, field_id) = 0
                     THEN can_edit_org(org_id) AND deleted_at IS NULL
                          AND file_subject_in_org(org_id, artist_id, venue_id, show_id)
                     ELSE show_org_id(file_show_id(session_id, document_id, field_id)) = org_id
                          AND file_session_open(session_id, document_id, field_id)
                          AND CASE WHEN file_is_promoter_side(document_id, field_id)
                                   THEN is_show_promoter_editor(file_show_id(session_id, document_id, field_id))
                                   ELSE can_edit_org(org_id) END
                END);

-- Editors change a library file (new version, visibility, move to the bin); only owners and admins touch a file
-- in the bin (restore it). An advance's files are not changed, only removed by their party (V15).
CREATE POLICY files_update ON files FOR UPDATE
    USING (num_nonnulls(session_id, document_id, field_id) = 0 AND can_edit_org(org_id)
           AND (deleted_at IS NULL OR can_manage_org(org_id)))
    WITH CHECK (num_nonnulls(session_id, document_id, field_id) = 0 AND can_edit_org(org_id)
                AND file_subject_in_org(org_id, artist_id, venue_id, show_id));

-- Deleting a library file's row for good is emptying the bin: owners and admins, binned files only.
DROP POLICY files_delete ON files;
CREATE POLICY files_delete ON files FOR DELETE
    USING (CASE WHEN num_nonnulls(session_id, document_id, field_id) = 0
                THEN can_manage_org(org_id) AND deleted_at IS NOT NULL
                ELSE file_session_open(session_id, document_id, field_id)
                     AND CASE WHEN file_is_promoter_side(document_id, field_id)
                              THEN is_show_promoter_editor(file_show_id(session_id, document_id, field_id))
                              ELSE can_edit_org(org_id) END
           END);

-- What may change on a file: never its org, subject, path of record or uploader.
REVOKE UPDATE ON files FROM ${app_role};
GRANT UPDATE (storage_path, original_name, content_type, size_bytes, visibility, current_version, deleted_at,
              updated_at, version) ON files TO ${app_role};

ALTER TABLE file_versions ENABLE ROW LEVEL SECURITY;
-- Members see every version; whoever else sees the file sees its current version only.
CREATE POLICY file_versions_select ON file_versions FOR SELECT
    USING (is_org_member(org_id)
           OR EXISTS (SELECT 1 FROM files f WHERE f.id = file_id AND f.current_version = number));
-- A new version of a library file in use, by the org's editors.
CREATE POLICY file_versions_insert ON file_versions FOR INSERT
    WITH CHECK (can_edit_org(org_id)
                AND EXISTS (SELECT 1 FROM files f WHERE f.id = file_id AND f.org_id = file_versions.org_id
                            AND f.deleted_at IS NULL AND num_nonnulls(f.session_id, f.document_id, f.field_id) = 0));
GRANT SELECT, INSERT (id, org_id, file_id, number, storage_path, original_name, content_type, size_bytes, uploaded_by)
    ON file_versions TO ${app_role};

-- 4. "Who can see this?" for a file --------------------------------------------------------------------------
-- Like show_audience (V13): definer, because it reads the rows the policies consult (members, grants, open
-- invitations), and it answers members of the file's org only. Each collaborator line names the show it comes from.
CREATE FUNCTION file_audience(p_file_id uuid)
    RETURNS TABLE (user_id uuid, display_name text, email text, kind text, role text, can_see boolean,
                   invited_by text, since timestamptz, show_id uuid, show_title text, show_date date)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH target AS (SELECT f.* FROM files f WHERE f.id = p_file_id AND is_org_member(f.org_id)),
    concerned AS (
        SELECT s.id, s.title, s.date FROM target t JOIN shows s
            ON s.id IN (SELECT file_concerned_shows(t.org_id, t.session_id, t.document_id, t.field_id, t.show_id,
                                                    t.artist_id, t.venue_id))
        WHERE (t.visibility = 'promoter_team' OR num_nonnulls(t.session_id, t.document_id, t.field_id) > 0)
          AND t.deleted_at IS NULL)
    SELECT u.id, u.display_name, u.email::text, 'member', m.role::text, true, NULL::text, m.created_at,
           NULL::uuid, NULL::text, NULL::date
    FROM target t JOIN org_members m ON m.org_id = t.org_id JOIN app_users u ON u.id = m.user_id
    WHERE u.disabled_at IS NULL
    UNION ALL
    SELECT u.id, u.display_name, u.email::text, 'collaborator', c.role::text, true, inviter.display_name, c.granted_at,
           s.id, s.title, s.date
    FROM concerned s JOIN show_collaborators c ON c.show_id = s.id JOIN app_users u ON u.id = c.user_id
    LEFT JOIN invitations i ON i.id = c.invitation_id LEFT JOIN app_users inviter ON inviter.id = i.invited_by
    WHERE u.disabled_at IS NULL
    UNION ALL
    SELECT NULL, NULL, i.email::text, 'invitation', i.collab_role::text, false, inviter.display_name, i.created_at,
           s.id, s.title, s.date
    FROM concerned s JOIN invitations i ON i.show_id = s.id LEFT JOIN app_users inviter ON inviter.id = i.invited_by
    WHERE i.status = 'pending' AND (i.expires_at IS NULL OR i.expires_at > now())
$$;

-- The files a show's page lists: its own, its advances', its artist's and its venue's, whatever their visibility
-- (the files policy then hides what the reader may not see). Definer, because a promoter may not read the show's
-- artist or venue; it answers only the show's members and promoter team.
CREATE FUNCTION files_of_show(p_show_id uuid) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT f.id FROM shows s JOIN files f ON f.org_id = s.org_id
    WHERE s.id = p_show_id AND (is_org_member(s.org_id) OR is_show_collaborator(s.id))
      AND (f.show_id = s.id OR f.artist_id = s.artist_id OR f.venue_id = s.venue_id
           OR file_show_id(f.session_id, f.document_id, f.field_id) = s.id)
$$;

-- 5. The retention job --------------------------------------------------------------------------------------
-- Files in the bin longer than the retention go for good. Definer: the job acts for no one (like the billing
-- lifecycle). Returns the storage paths of every version removed, so the job deletes their bytes after commit,
-- and logs one line per file. Granted to the app role: it never purges a file binned less than 30 days ago.
CREATE FUNCTION purge_binned_files(p_before timestamptz) RETURNS SETOF text
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    -- Never sooner than the promised 30 days, whoever calls it with whatever time.
    WITH doomed AS (
        SELECT f.id, f.org_id, f.original_name FROM files f
        WHERE f.deleted_at < least(p_before, now() - interval '30 days')
          AND num_nonnulls(f.session_id, f.document_id, f.field_id) = 0
        FOR UPDATE),
    logged AS (
        INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
        SELECT d.org_id, NULL, 'general', 'file.purged', 'file', d.id, jsonb_build_object('name', d.original_name)
        FROM doomed d),
    gone AS (DELETE FROM files f USING doomed d WHERE f.id = d.id)
    SELECT v.storage_path FROM file_versions v JOIN doomed d ON d.id = v.file_id
$$;

REVOKE ALL ON FUNCTION files_first_version(), enforce_file_storage_quota(), file_subject_in_org(uuid, uuid, uuid, uuid),
    file_concerned_shows(uuid, uuid, uuid, uuid, uuid, uuid, uuid),
    file_shared_with_me(uuid, uuid, uuid, uuid, uuid, uuid, uuid), file_audience(uuid), files_of_show(uuid),
    purge_binned_files(timestamptz) FROM PUBLIC;
-- file_concerned_shows stays internal: it answers for any org; the functions below call it as its owner.
GRANT EXECUTE ON FUNCTION file_subject_in_org(uuid, uuid, uuid, uuid), files_of_show(uuid),
    file_shared_with_me(uuid, uuid, uuid, uuid, uuid, uuid, uuid), file_audience(uuid),
    purge_binned_files(timestamptz) TO ${app_role};
