-- Telling the other party (issue "Tell the other party"); see docs/decisions/0017-advancing-notices.md.
-- Every answer, acceptance, decline and comment in an advance leaves a notice, written in the same transaction as the
-- change and in the acting person's own name. A job hands each notice to the people of the other party who may see
-- the advance, and mails each of them at most one digest per advance and window. Nobody acting through the app role
-- reads anyone else's notices: the job reads a person's digest acting as that person, under these policies.

-- 1. What happened ----------------------------------------------------------------------------------------------
CREATE TYPE advancing_notice_kind AS ENUM ('changed', 'accepted', 'declined', 'commented');

CREATE TABLE advancing_notices (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid                  NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id uuid                  NOT NULL REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    field_id   uuid                  NOT NULL REFERENCES advancing_fields (id) ON DELETE CASCADE,
    -- The party the actor acted for: the field's own for answers, acceptances and declines; the author's for comments.
    party      party                 NOT NULL,
    -- Whoever the database sees acting, and their name then (set by the insert trigger, never by the application).
    actor_id   uuid                  NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    actor_name text,
    kind       advancing_notice_kind NOT NULL,
    -- The value as people read it (the new answer, null when cleared; the value accepted or declined) ...
    value      text CHECK (length(value) <= 4000),
    -- ... and the reason of a decline or the text of a comment.
    detail     text CHECK (length(detail) <= 4000),
    created_at timestamptz           NOT NULL DEFAULT now(),
    -- When the job handed it to its recipients (advancing_notice_recipients); null until then.
    taken_at   timestamptz,
    CONSTRAINT advancing_notices_kind_check CHECK (CASE kind
        WHEN 'changed' THEN detail IS NULL
        WHEN 'accepted' THEN value IS NOT NULL AND detail IS NULL
        WHEN 'declined' THEN value IS NOT NULL AND detail IS NOT NULL
        ELSE value IS NULL AND detail IS NOT NULL END)
);
CREATE INDEX idx_advancing_notices_untaken ON advancing_notices (created_at) WHERE taken_at IS NULL;
CREATE INDEX idx_advancing_notices_session ON advancing_notices (session_id);

-- The actor is whoever the database sees acting, with the name they go by: the application cannot write either.
CREATE FUNCTION advancing_notices_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN NEW;
    END IF;
    NEW.actor_id := current_app_user_id();
    NEW.actor_name := (SELECT u.display_name FROM app_users u WHERE u.id = NEW.actor_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER advancing_notices_actor BEFORE INSERT ON advancing_notices
    FOR EACH ROW EXECUTE FUNCTION advancing_notices_actor();

-- 2. Who gets which notice, and when it was mailed to them ------------------------------------------------------------
-- Written by the job (take_advancing_notices); each person reads and marks only their own rows, acting as themselves.
CREATE TABLE advancing_notice_recipients (
    notice_id  uuid        NOT NULL REFERENCES advancing_notices (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    session_id uuid        NOT NULL REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    mailed_at  timestamptz,
    PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX idx_advancing_notice_recipients_person ON advancing_notice_recipients (user_id, session_id, mailed_at);

-- 3. "Stop these mails", per person and advance, kept by the person themselves ------------------------------------
CREATE TABLE advancing_notice_stops (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid        NOT NULL DEFAULT current_app_user_id() REFERENCES app_users (id) ON DELETE CASCADE,
    session_id uuid        NOT NULL REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT advancing_notice_stops_once UNIQUE (user_id, session_id)
);

-- 4. Who may read an advance, for the job --------------------------------------------------------------------------
-- The org's members (on the artist team's side) and the collaborators granted the show (on the promoter's), with
-- accounts that are not disabled; someone who is both reads as a member, as the advance page has it. This answers
-- about other people, so only the job's functions below call it: the app role may not.
CREATE FUNCTION advance_readers(p_session_id uuid) RETURNS TABLE (user_id uuid, party party)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT m.user_id, 'from_us'::party
    FROM advancing_sessions a
    JOIN org_members m ON m.org_id = a.org_id
    JOIN app_users u ON u.id = m.user_id AND u.disabled_at IS NULL
    WHERE a.id = p_session_id
    UNION
    SELECT c.user_id, 'from_you'::party
    FROM advancing_sessions a
    JOIN show_collaborators c ON c.show_id = a.show_id
    JOIN app_users u ON u.id = c.user_id AND u.disabled_at IS NULL
    WHERE a.id = p_session_id
      AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = a.org_id AND m.user_id = c.user_id)
$$;
REVOKE ALL ON FUNCTION advance_readers(uuid) FROM PUBLIC;

-- 5. The job ----------------------------------------------------------------------------------------------------
-- Hands every new notice to the people of the other party who may read its advance (never the actor, never anyone who
-- stopped these mails), then drops what can no longer go out: notices for people who lost the advance or stopped its
-- mails, and the record of mails sent more than one window ago (they no longer hold anything back). Returns the
-- number of notices taken. Runs with nobody acting: it is the job's, not a request's.
CREATE FUNCTION take_advancing_notices(p_now timestamptz, p_window interval) RETURNS int
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_taken int;
BEGIN
    IF current_app_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'the notice job runs with nobody acting' USING ERRCODE = '42501';
    END IF;
    WITH taken AS (
        UPDATE advancing_notices SET taken_at = now() WHERE taken_at IS NULL
        RETURNING id, session_id, party, actor_id
    ), handed AS (
        INSERT INTO advancing_notice_recipients (notice_id, user_id, session_id)
        SELECT t.id, r.user_id, t.session_id
        FROM taken t CROSS JOIN LATERAL advance_readers(t.session_id) r
        WHERE r.party <> t.party AND r.user_id <> t.actor_id
          AND NOT EXISTS (SELECT 1 FROM advancing_notice_stops s WHERE s.user_id = r.user_id AND s.session_id = t.session_id)
        RETURNING 1
    )
    -- A data-modifying WITH runs to completion whether or not the outer query reads it.
    SELECT count(*) INTO v_taken FROM taken;

    DELETE FROM advancing_notice_recipients r
    WHERE (r.mailed_at IS NULL
           AND (NOT EXISTS (SELECT 1 FROM advance_readers(r.session_id) a WHERE a.user_id = r.user_id)
                OR EXISTS (SELECT 1 FROM advancing_notice_stops s WHERE s.user_id = r.user_id AND s.session_id = r.session_id)))
       OR r.mailed_at <= p_now - p_window;
    DELETE FROM advancing_notices n
    WHERE n.taken_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM advancing_notice_recipients r WHERE r.notice_id = n.id);
    RETURN v_taken;
END
$$;

-- Who is due a digest of which advance at p_now: someone with notices not mailed yet, who may still read the advance
-- and has not stopped its mails, and who was mailed nothing about it in the last window. At most one mail per person
-- and advance per window follows from the last condition alone. Ids only: the job reads each digest acting as its
-- recipient, under row-level security.
CREATE FUNCTION advancing_digests_due(p_now timestamptz, p_window interval)
    RETURNS TABLE (user_id uuid, session_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF current_app_user_id() IS NOT NULL THEN
        RAISE EXCEPTION 'the notice job runs with nobody acting' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
    SELECT DISTINCT r.user_id, r.session_id
    FROM advancing_notice_recipients r
    WHERE r.mailed_at IS NULL
      AND EXISTS (SELECT 1 FROM advance_readers(r.session_id) a WHERE a.user_id = r.user_id)
      AND NOT EXISTS (SELECT 1 FROM advancing_notice_stops s WHERE s.user_id = r.user_id AND s.session_id = r.session_id)
      AND NOT EXISTS (SELECT 1 FROM advancing_notice_recipients m
                      WHERE m.user_id = r.user_id AND m.session_id = r.session_id AND m.mailed_at > p_now - p_window);
END
$$;

REVOKE ALL ON FUNCTION advancing_notices_actor(), take_advancing_notices(timestamptz, interval),
    advancing_digests_due(timestamptz, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_advancing_notices(timestamptz, interval), advancing_digests_due(timestamptz, interval)
    TO ${app_role};

-- 6. Policies ----------------------------------------------------------------------------------------------------
-- A notice is written by the person acting, for the party they may answer or comment for, in an open advance; it is
-- read only by the people it was handed to, while they may still read the advance.
ALTER TABLE advancing_notices ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_notices_insert ON advancing_notices FOR INSERT
    WITH CHECK (actor_id = (SELECT current_app_user_id())
                AND field_session_id(field_id) = session_id
                AND show_org_id(session_show_id(session_id)) = org_id
                AND advancing_session_open(session_id)
                AND CASE party WHEN 'from_us' THEN can_edit_org(org_id)
                               ELSE is_show_promoter_editor(session_show_id(session_id)) END);
CREATE POLICY advancing_notices_select ON advancing_notices FOR SELECT
    USING (id IN (SELECT r.notice_id FROM advancing_notice_recipients r WHERE r.user_id = (SELECT current_app_user_id()))
           AND (is_org_member(org_id) OR is_show_collaborator(session_show_id(session_id))));

ALTER TABLE advancing_notice_recipients ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_notice_recipients_select ON advancing_notice_recipients FOR SELECT
    USING (user_id = (SELECT current_app_user_id()));
CREATE POLICY advancing_notice_recipients_update ON advancing_notice_recipients FOR UPDATE
    USING (user_id = (SELECT current_app_user_id())) WITH CHECK (user_id = (SELECT current_app_user_id()));
CREATE POLICY advancing_notice_recipients_delete ON advancing_notice_recipients FOR DELETE
    USING (user_id = (SELECT current_app_user_id()));

-- Anyone who may read an advance may stop (and restart) its mails to themselves, and nobody else's.
ALTER TABLE advancing_notice_stops ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_notice_stops_select ON advancing_notice_stops FOR SELECT
    USING (user_id = (SELECT current_app_user_id()));
CREATE POLICY advancing_notice_stops_insert ON advancing_notice_stops FOR INSERT
    WITH CHECK (user_id = (SELECT current_app_user_id())
                AND (is_org_member(show_org_id(session_show_id(session_id)))
                     OR is_show_collaborator(session_show_id(session_id))));
CREATE POLICY advancing_notice_stops_delete ON advancing_notice_stops FOR DELETE
    USING (user_id = (SELECT current_app_user_id()));

-- The app role writes notices without their actor or times, marks its own notices mailed, and keeps its own stops.
GRANT SELECT, INSERT (id, org_id, session_id, field_id, party, kind, value, detail) ON advancing_notices TO ${app_role};
GRANT SELECT, UPDATE (mailed_at), DELETE ON advancing_notice_recipients TO ${app_role};
GRANT SELECT, INSERT (session_id), DELETE ON advancing_notice_stops TO ${app_role};
