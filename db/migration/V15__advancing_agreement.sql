-- Advancing tracks agreement (issue "One trustworthy record per show"); see docs/decisions/0016-advancing-agreement.md.
-- Each field still exists once per party. A party's row now says where that party stands: it has answered (its value
-- is its answer, or the other side's value it accepted), it declined the other side's value with a reason, or it has
-- not answered yet. The pair's agreement is derived by the database from both rows, kept on both rows, and an agreed
-- schedule time writes through to the show and its day sheet.

-- 1. Where a party stands, and the pair's agreement --------------------------------------------------------------
CREATE TYPE field_stance AS ENUM ('open', 'answered', 'declined');
CREATE TYPE field_agreement AS ENUM ('not_started', 'waiting_for_artist_team', 'waiting_for_promoter', 'different',
    'agreed', 'changed_after_agreement', 'declined_by_artist_team', 'declined_by_promoter');

ALTER TABLE advancing_fields
    ADD COLUMN stance         field_stance    NOT NULL DEFAULT 'open',
    ADD COLUMN declined_value jsonb,
    ADD COLUMN decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 4000),
    ADD COLUMN agreement      field_agreement NOT NULL DEFAULT 'not_started',
    ADD COLUMN agreed_value   jsonb,
    ADD COLUMN agreed_at      timestamptz,
    ADD CONSTRAINT advancing_fields_decline_check
        CHECK ((stance = 'declined') = (declined_value IS NOT NULL AND decline_reason IS NOT NULL));

-- The one definition of a pair's state (the Java enum FieldAgreement mirrors its values). Agreed only when both
-- parties stand behind one and the same value; a value that moved after agreement stays marked until re-agreed.
-- A decline of the value the other side holds is read first: a party that declines a value never agrees to it, not
-- even when its own row holds the same value (the application refuses that decline; the database reads it as what
-- it says).
CREATE FUNCTION advancing_agreement_of(o_value jsonb, o_stance field_stance, o_declined jsonb,
                                       t_value jsonb, t_stance field_stance, t_declined jsonb, p_agreed jsonb)
    RETURNS field_agreement
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT (CASE
        WHEN o_stance = 'declined' AND t_value IS NOT NULL AND o_declined = t_value THEN 'declined_by_artist_team'
        WHEN t_stance = 'declined' AND o_value IS NOT NULL AND t_declined = o_value THEN 'declined_by_promoter'
        WHEN o_value IS NOT NULL AND o_value = t_value AND o_stance <> 'open' AND t_stance <> 'open' THEN 'agreed'
        WHEN p_agreed IS NOT NULL THEN 'changed_after_agreement'
        WHEN o_value IS NOT NULL AND t_value IS NOT NULL AND o_stance <> 'open' AND t_stance <> 'open' THEN 'different'
        WHEN t_value IS NOT NULL AND (o_value IS NULL OR o_stance = 'open') THEN 'waiting_for_artist_team'
        WHEN o_value IS NOT NULL THEN 'waiting_for_promoter'
        ELSE 'not_started'
    END)::field_agreement
$$;

-- 2. Existing advances: a field confirmed on both sides with equal values is agreed; anything else is open ----------
-- (Under the old rules only the organization confirmed, so an equal pair it did not confirm on both sides waits for
-- the artist team's acceptance; every other value stays its party's answer. No value is changed or dropped.)
UPDATE advancing_fields f
SET stance = 'answered', agreed_value = f.value, agreed_at = coalesce(greatest(f.updated_at, o.updated_at), f.created_at)
FROM advancing_fields o
WHERE o.session_id = f.session_id AND o.section = f.section AND o.field_name = f.field_name
  AND o.party_type <> f.party_type
  AND f.status = 'confirmed' AND o.status = 'confirmed' AND f.value IS NOT NULL AND f.value = o.value;

UPDATE advancing_fields f
SET stance = 'answered'
WHERE f.value IS NOT NULL AND f.stance = 'open'
  AND NOT (f.party_type = 'from_us'
           AND EXISTS (SELECT 1 FROM advancing_fields o
                       WHERE o.session_id = f.session_id AND o.section = f.section AND o.field_name = f.field_name
                         AND o.party_type = 'from_you' AND o.value = f.value));

UPDATE advancing_fields f
SET agreement = advancing_agreement_of(u.value, u.stance, u.declined_value, y.value, y.stance, y.declined_value,
                                       u.agreed_value)
FROM advancing_fields u
JOIN advancing_fields y ON y.session_id = u.session_id AND y.section = u.section AND y.field_name = u.field_name
                       AND y.party_type = 'from_you'
WHERE u.party_type = 'from_us' AND f.session_id = u.session_id AND f.section = u.section AND f.field_name = u.field_name;

-- The one-sided confirmation is gone; stance and agreement say what it tried to.
ALTER TABLE advancing_fields DROP COLUMN status;
DROP TYPE field_status;

CREATE INDEX idx_advancing_fields_session_agreement ON advancing_fields (session_id, agreement) WHERE party_type = 'from_us';

-- 3. Closing an advance ---------------------------------------------------------------------------------------
ALTER TABLE advancing_sessions
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN closed_by uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD CONSTRAINT advancing_sessions_title_check CHECK (length(btrim(title)) BETWEEN 1 AND 200) NOT VALID;

CREATE FUNCTION advancing_session_open(p_session_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM advancing_sessions WHERE id = p_session_id AND closed_at IS NULL) $$;

CREATE FUNCTION field_session_id(p_field_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT session_id FROM advancing_fields WHERE id = p_field_id $$;

-- A closed advance is read-only for everyone: only reopening changes it.
CREATE FUNCTION advancing_sessions_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN NEW;
    END IF;
    IF OLD.closed_at IS NOT NULL AND NEW.closed_at IS NOT NULL
       AND (NEW.title, NEW.expires_at, NEW.show_id, NEW.org_id) IS DISTINCT FROM (OLD.title, OLD.expires_at, OLD.show_id, OLD.org_id) THEN
        RAISE EXCEPTION 'this advance is closed' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER advancing_sessions_guard BEFORE UPDATE ON advancing_sessions
    FOR EACH ROW EXECUTE FUNCTION advancing_sessions_guard();

-- Deleting an advance is for owners and admins; renaming, closing and reopening for editors (the update policy).
DROP POLICY advancing_sessions_delete ON advancing_sessions;
CREATE POLICY advancing_sessions_delete ON advancing_sessions FOR DELETE USING (can_manage_org(org_id));

-- 4. Who may answer, accept or decline for which party ---------------------------------------------------------
-- Each party answers, accepts and declines for itself only; nobody writes the agreement but the database; the
-- structure is the organization's; a closed advance takes no answers.
CREATE OR REPLACE FUNCTION advancing_fields_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    -- IS TRUE everywhere: in PL/pgSQL, NOT NULL is NULL and an IF on it silently passes.
    v_org_editor boolean := can_edit_org(NEW.org_id) IS TRUE;
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN NEW;
    END IF;
    IF (NEW.value, NEW.stance, NEW.declined_value, NEW.decline_reason, NEW.previous_value)
       IS DISTINCT FROM (OLD.value, OLD.stance, OLD.declined_value, OLD.decline_reason, OLD.previous_value) THEN
        IF advancing_session_open(OLD.session_id) IS NOT TRUE THEN
            RAISE EXCEPTION 'this advance is closed' USING ERRCODE = '42501';
        END IF;
        IF OLD.party_type = 'from_us' AND NOT v_org_editor THEN
            RAISE EXCEPTION 'only the artist team answers for the artist team' USING ERRCODE = '42501';
        END IF;
        IF OLD.party_type = 'from_you' AND is_show_promoter_editor(session_show_id(OLD.session_id)) IS NOT TRUE THEN
            RAISE EXCEPTION 'only the promoter team answers for the promoter' USING ERRCODE = '42501';
        END IF;
    END IF;
    IF (NEW.agreement, NEW.agreed_value, NEW.agreed_at) IS DISTINCT FROM (OLD.agreement, OLD.agreed_value, OLD.agreed_at) THEN
        RAISE EXCEPTION 'only the database records an agreement' USING ERRCODE = '42501';
    END IF;
    IF NOT v_org_editor AND (NEW.section, NEW.field_name, NEW.field_type, NEW.party_type, NEW.sort_order, NEW.org_id,
                             NEW.session_id, NEW.created_by)
                         IS DISTINCT FROM (OLD.section, OLD.field_name, OLD.field_type, OLD.party_type, OLD.sort_order,
                                           OLD.org_id, OLD.session_id, OLD.created_by) THEN
        RAISE EXCEPTION 'only the organization changes the structure of an advance' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

-- A new field starts where its party stands: it cannot be born agreed or declined.
CREATE FUNCTION advancing_fields_insert_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN NEW;
    END IF;
    IF NEW.agreement <> 'not_started' OR NEW.agreed_value IS NOT NULL OR NEW.agreed_at IS NOT NULL
       OR NEW.stance = 'declined' THEN
        RAISE EXCEPTION 'only the database records an agreement' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER advancing_fields_insert_guard BEFORE INSERT ON advancing_fields
    FOR EACH ROW EXECUTE FUNCTION advancing_fields_insert_guard();

-- 5. The database keeps the agreement, and an agreed schedule time writes through --------------------------------
-- The show's date at a wall-clock time on a zone's clock, resolved as java.time.ZonedDateTime.of does: in the hour
-- that repeats when clocks go back, the earlier instant (PostgreSQL's own AT TIME ZONE takes the later one); in the
-- hour skipped when they go forward, the offset before the gap. Both candidate offsets, a day before and a day after,
-- are tried; a candidate is valid when it reads back as the same wall-clock time.
CREATE FUNCTION local_instant(p_wall timestamp, p_zone text) RETURNS timestamptz
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce(min(c.instant) FILTER (WHERE c.instant AT TIME ZONE p_zone = p_wall), p_wall AT TIME ZONE p_zone)
    FROM (SELECT (p_wall - (near - (near AT TIME ZONE p_zone AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC' AS instant
          FROM unnest(ARRAY[p_wall - interval '1 day', p_wall + interval '1 day']) near) c
$$;

-- Runs as the owner: a promoter's acceptance completes an agreement whose write-through reaches rows (the artist
-- team's field, the show, its day sheet) the promoter may not write. It reads only the pair that changed, and locks
-- it: each party writes its own row, so two transactions can change one pair at once, and without the lock each
-- would derive the agreement from the other's row as it was before (an acceptance racing a change of the other side
-- would record as agreed a value only one side holds, and write it through). With it, the later one waits and reads
-- the committed row; if both already hold their own row, PostgreSQL ends one of them as a deadlock.
CREATE FUNCTION advancing_fields_agreement() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    ours    advancing_fields;
    theirs  advancing_fields;
    v_state field_agreement;
    v_value jsonb;
    v_at    timestamptz;
    v_show  uuid;
    v_date  date;
    v_zone  text;
    v_when  timestamptz;
    v_type  text;
BEGIN
    SELECT * INTO ours FROM advancing_fields
    WHERE session_id = NEW.session_id AND section = NEW.section AND field_name = NEW.field_name AND party_type = 'from_us'
    FOR UPDATE;
    SELECT * INTO theirs FROM advancing_fields
    WHERE session_id = NEW.session_id AND section = NEW.section AND field_name = NEW.field_name AND party_type = 'from_you'
    FOR UPDATE;
    IF ours.id IS NULL OR theirs.id IS NULL THEN
        RETURN NULL;
    END IF;
    v_state := advancing_agreement_of(ours.value, ours.stance, ours.declined_value,
                                      theirs.value, theirs.stance, theirs.declined_value, ours.agreed_value);
    v_value := ours.agreed_value;
    v_at := ours.agreed_at;
    IF v_state = 'agreed' AND (v_value IS NULL OR v_value <> ours.value) THEN
        v_value := ours.value;
        v_at := now();
        IF ours.section = 'Schedule' AND ours.field_type = 'time' AND jsonb_typeof(v_value) = 'string' THEN
            SELECT s.id, s.date, coalesce(v.timezone, 'UTC') INTO v_show, v_date, v_zone
            FROM advancing_sessions a JOIN shows s ON s.id = a.show_id LEFT JOIN venues v ON v.id = s.venue_id
            WHERE a.id = ours.session_id;
            v_when := local_instant(v_date + (v_value #>> '{}')::time, v_zone);
            v_type := CASE ours.field_name WHEN 'Load-in' THEN 'load_in' WHEN 'Soundcheck' THEN 'soundcheck'
                          WHEN 'Doors' THEN 'doors' WHEN 'Set time' THEN 'set_time' ELSE 'custom' END;
            INSERT INTO schedule_items (org_id, show_id, session_id, starts_at, title, item_type, visibility,
                                        auto_generated, source_field_id, created_by)
            VALUES (ours.org_id, v_show, ours.session_id, v_when, ours.field_name, v_type, 'all', true, ours.id,
                    current_app_user_id())
            ON CONFLICT (source_field_id) WHERE source_field_id IS NOT NULL
            DO UPDATE SET starts_at = excluded.starts_at, updated_at = now(), version = schedule_items.version + 1;
            IF ours.field_name = 'Doors' THEN
                UPDATE shows SET doors_at = v_when, updated_at = now(), version = version + 1
                WHERE id = v_show AND doors_at IS DISTINCT FROM v_when;
            ELSIF ours.field_name = 'Set time' THEN
                UPDATE shows SET set_time = v_when, updated_at = now(), version = version + 1
                WHERE id = v_show AND set_time IS DISTINCT FROM v_when;
            END IF;
        END IF;
    END IF;
    UPDATE advancing_fields SET agreement = v_state, agreed_value = v_value, agreed_at = v_at
    WHERE id IN (ours.id, theirs.id)
      AND (agreement, agreed_value, agreed_at) IS DISTINCT FROM (v_state, v_value, v_at);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION advancing_fields_agreement() FROM PUBLIC;

-- Only changes of an answer fire it; its own update of the agreement columns does not fire it again.
CREATE TRIGGER advancing_fields_agreement AFTER INSERT OR UPDATE OF value, stance, declined_value ON advancing_fields
    FOR EACH ROW EXECUTE FUNCTION advancing_fields_agreement();

-- 6. Comments and documents in a closed advance; a document is removed by its own party ------------------------
-- (Nor does a closed advance change shape: no field is added to it or taken from it; deleting the whole advance,
-- owners' and admins' business, still takes its fields along.)
DROP POLICY advancing_fields_insert ON advancing_fields;
CREATE POLICY advancing_fields_insert ON advancing_fields FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND show_org_id(session_show_id(session_id)) = org_id
                AND advancing_session_open(session_id));
DROP POLICY advancing_fields_delete ON advancing_fields;
CREATE POLICY advancing_fields_delete ON advancing_fields FOR DELETE
    USING (can_edit_org(org_id) AND advancing_session_open(session_id));

DROP POLICY advancing_comments_update ON advancing_comments;
CREATE POLICY advancing_comments_update ON advancing_comments FOR UPDATE
    USING (author_id = (SELECT current_app_user_id())
           AND advancing_session_open(field_session_id(field_id))
           AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))))
    WITH CHECK (author_id = (SELECT current_app_user_id()));
DROP POLICY advancing_comments_insert ON advancing_comments;
CREATE POLICY advancing_comments_insert ON advancing_comments FOR INSERT
    WITH CHECK (author_id = (SELECT current_app_user_id())
                AND show_org_id(field_show_id(field_id)) = org_id
                AND advancing_session_open(field_session_id(field_id))
                AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))));
DROP POLICY advancing_comments_delete ON advancing_comments;
CREATE POLICY advancing_comments_delete ON advancing_comments FOR DELETE
    USING (author_id = (SELECT current_app_user_id())
           AND advancing_session_open(field_session_id(field_id))
           AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))));

DROP POLICY advancing_documents_insert ON advancing_documents;
CREATE POLICY advancing_documents_insert ON advancing_documents FOR INSERT
    WITH CHECK (show_org_id(session_show_id(session_id)) = org_id
                AND advancing_session_open(session_id)
                AND ((party_type = 'from_us' AND can_edit_org(org_id))
                     OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))));
DROP POLICY advancing_documents_update ON advancing_documents;
CREATE POLICY advancing_documents_update ON advancing_documents FOR UPDATE
    USING (advancing_session_open(session_id)
           AND ((party_type = 'from_us' AND can_edit_org(org_id))
                OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))))
    WITH CHECK (advancing_session_open(session_id)
                AND ((party_type = 'from_us' AND can_edit_org(org_id))
                     OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))));
DROP POLICY advancing_documents_delete ON advancing_documents;
CREATE POLICY advancing_documents_delete ON advancing_documents FOR DELETE
    USING (advancing_session_open(session_id)
           AND ((party_type = 'from_us' AND can_edit_org(org_id))
                OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))));

-- A document (a file in a party's box) is added and removed by its own party, while the advance is open.
CREATE FUNCTION file_session_open(p_session_id uuid, p_document_id uuid, p_field_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT advancing_session_open(coalesce(p_session_id,
                                           (SELECT d.session_id FROM advancing_documents d WHERE d.id = p_document_id),
                                           field_session_id(p_field_id)))
$$;
DROP POLICY files_insert ON files;
CREATE POLICY files_insert ON files FOR INSERT
    WITH CHECK (show_org_id(file_show_id(session_id, document_id, field_id)) = org_id
                AND file_session_open(session_id, document_id, field_id)
                AND CASE WHEN file_is_promoter_side(document_id, field_id)
                         THEN is_show_promoter_editor(file_show_id(session_id, document_id, field_id))
                         ELSE can_edit_org(org_id) END);
DROP POLICY files_delete ON files;
CREATE POLICY files_delete ON files FOR DELETE
    USING (file_session_open(session_id, document_id, field_id)
           AND CASE WHEN file_is_promoter_side(document_id, field_id)
                    THEN is_show_promoter_editor(file_show_id(session_id, document_id, field_id))
                    ELSE can_edit_org(org_id) END);

-- 7. Revoking one show ends access to that show only --------------------------------------------------------
-- RLS answers per statement, so the revoked show is gone from the promoter's next request; their other shows
-- keep working. Sessions still end when an org membership changes (org_members_end_sessions).
DROP TRIGGER show_collaborators_end_sessions ON show_collaborators;

-- 8. What both parties see of the show an advance is for ---------------------------------------------------
-- The show's public facts for the advance page, for members and for the collaborators granted the show alike
-- (a collaborator may not read shows, venues or artists; never fees, notes or contacts).
CREATE FUNCTION advance_show_facts(p_session_id uuid)
    RETURNS TABLE (show_id uuid, org_name text, show_title text, date date, doors_at timestamptz, set_time timestamptz,
                   venue_name text, venue_address text, venue_city text, venue_country text, venue_timezone text,
                   artist_name text, closed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT s.id, o.name, s.title, s.date, s.doors_at, s.set_time, v.name, v.address, v.city, v.country,
           coalesce(v.timezone, 'UTC'), ar.name, a.closed_at
    FROM advancing_sessions a
    JOIN shows s ON s.id = a.show_id
    JOIN organizations o ON o.id = a.org_id
    LEFT JOIN venues v ON v.id = s.venue_id
    LEFT JOIN artists ar ON ar.id = s.artist_id
    WHERE a.id = p_session_id AND (is_org_member(a.org_id) OR is_show_collaborator(a.show_id))
$$;
REVOKE ALL ON FUNCTION advance_show_facts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION advance_show_facts(uuid) TO ${app_role};
