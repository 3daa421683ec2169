-- Guest lists (issue 16, item 6); see docs/decisions/0021-guest-lists.md.
-- One guest list per show: an allotment of places per party (the artist team, the promoter), a cutoff time, and named
-- requests (a guest plus their plus-ones) that an organization editor approves or declines. The promoter team of a
-- show (its collaborators) sees and requests within the promoter's allotment only; members read everything, editors
-- manage everything. The allotment and the cutoff are enforced here, atomically, for everyone.

CREATE TYPE guest_type AS ENUM ('guest', 'photo', 'industry', 'press', 'family');
CREATE TYPE guest_status AS ENUM ('requested', 'approved', 'declined');

CREATE TABLE guest_lists (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id             uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    show_id            uuid        NOT NULL UNIQUE REFERENCES shows (id) ON DELETE CASCADE,
    -- Places, each request counting its guest and their plus-ones.
    artist_allotment   int         NOT NULL DEFAULT 0 CHECK (artist_allotment BETWEEN 0 AND 10000),
    promoter_allotment int         NOT NULL DEFAULT 0 CHECK (promoter_allotment BETWEEN 0 AND 10000),
    -- After it, no new request (entered and shown in the venue's zone).
    cutoff_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            int         NOT NULL DEFAULT 0
);
CREATE INDEX idx_guest_lists_org ON guest_lists (org_id);

CREATE TABLE guest_requests (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id            uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    guest_list_id     uuid         NOT NULL REFERENCES guest_lists (id) ON DELETE CASCADE,
    show_id           uuid         NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    -- Whose allotment the request counts against.
    party             party        NOT NULL,
    guest_name        text         NOT NULL CHECK (length(btrim(guest_name)) BETWEEN 1 AND 120),
    plus_ones         int          NOT NULL DEFAULT 0 CHECK (plus_ones BETWEEN 0 AND 20),
    guest_type        guest_type   NOT NULL DEFAULT 'guest',
    note              text CHECK (note IS NULL OR length(note) <= 500),
    status            guest_status NOT NULL DEFAULT 'requested',
    -- Whoever the database sees asking, and their name then, and who decided and when (set by the guard trigger,
    -- never by the application).
    requested_by      uuid REFERENCES app_users (id) ON DELETE SET NULL,
    requested_by_name text         NOT NULL,
    decided_by        uuid REFERENCES app_users (id) ON DELETE SET NULL,
    decided_at        timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    version           int          NOT NULL DEFAULT 0
);
CREATE INDEX idx_guest_requests_list ON guest_requests (guest_list_id, party);
CREATE INDEX idx_guest_requests_show ON guest_requests (show_id);
CREATE INDEX idx_guest_requests_org ON guest_requests (org_id);

-- Policies --------------------------------------------------------------------------------------------------------
-- The list: members and the show's collaborators read it; organization editors set it up and change it.
ALTER TABLE guest_lists ENABLE ROW LEVEL SECURITY;
CREATE POLICY guest_lists_select ON guest_lists FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[]) OR is_show_collaborator(show_id));
CREATE POLICY guest_lists_insert ON guest_lists FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY guest_lists_update ON guest_lists FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY guest_lists_delete ON guest_lists FOR DELETE USING (can_edit_org(org_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON guest_lists TO ${app_role};

-- The requests: members read all; the promoter team reads the promoter's requests only. Promoter editors ask for
-- places on the promoter's allotment (a request, never an approval) and withdraw requests not yet decided; only
-- organization editors change a request, approve or decline it, or ask on the artist team's allotment.
ALTER TABLE guest_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY guest_requests_select ON guest_requests FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[]) OR (party = 'from_you' AND is_show_collaborator(show_id)));
CREATE POLICY guest_requests_insert ON guest_requests FOR INSERT
    WITH CHECK (show_org_id(show_id) = org_id
                AND (can_edit_org(org_id)
                     OR (party = 'from_you' AND status = 'requested' AND decided_by IS NULL
                         AND is_show_promoter_editor(show_id))));
CREATE POLICY guest_requests_update ON guest_requests FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY guest_requests_delete ON guest_requests FOR DELETE
    USING (can_edit_org(org_id) OR (party = 'from_you' AND status = 'requested' AND is_show_promoter_editor(show_id)));
GRANT SELECT, INSERT, UPDATE, DELETE ON guest_requests TO ${app_role};

-- The guard: every new or changed request, whoever writes it ------------------------------------------------------
-- Runs as the owner: it must count every request of the party, including rows the writer may not read (a promoter
-- reads only the promoter's), and lock the guest list row, which a promoter may not update. The lock serialises the
-- requests of one list: two concurrent requests for the last place both wait for it, and the later one counts the
-- earlier one once it committed (each statement of this function sees the latest committed rows), so together they
-- never exceed the allotment. Refusals are sentences for people (check_violation); the application shows them.
CREATE FUNCTION guest_requests_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_list      guest_lists%ROWTYPE;
    v_zone      text;
    v_allotment int;
    v_taken     int;
    v_left      int;
BEGIN
    -- Who may write at all is the policies' word; it is asked here first too (BEFORE triggers run before the policies'
    -- checks), so nobody else takes the list's lock or learns from a refusal how full the list is.
    IF current_app_user_id() IS NOT NULL
       AND can_edit_org(NEW.org_id) IS NOT TRUE
       AND (TG_OP <> 'INSERT' OR NEW.party <> 'from_you' OR is_show_promoter_editor(NEW.show_id) IS NOT TRUE) THEN
        RAISE EXCEPTION 'only the organization''s editors and the promoter team''s editors ask for guests'
            USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_list FROM guest_lists WHERE id = NEW.guest_list_id FOR UPDATE;
    IF NOT FOUND OR v_list.show_id <> NEW.show_id OR v_list.org_id <> NEW.org_id THEN
        RAISE EXCEPTION 'a guest request belongs to the guest list of its own show' USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF current_app_user_id() IS NOT NULL THEN
            NEW.requested_by := current_app_user_id();
        END IF;
        NEW.requested_by_name := coalesce((SELECT u.display_name FROM app_users u WHERE u.id = NEW.requested_by),
                                          NEW.requested_by_name, 'Someone');
        IF v_list.cutoff_at IS NOT NULL AND now() >= v_list.cutoff_at THEN
            SELECT coalesce(v.timezone, 'UTC') INTO v_zone
            FROM shows s LEFT JOIN venues v ON v.id = s.venue_id WHERE s.id = NEW.show_id;
            RAISE EXCEPTION 'The guest list closed on % (%), so it takes no more requests.',
                to_char(v_list.cutoff_at AT TIME ZONE coalesce(v_zone, 'UTC'), 'FMDD Mon YYYY, HH24:MI'),
                coalesce(v_zone, 'UTC')
                USING ERRCODE = '23514', CONSTRAINT = 'guest_list_cutoff';
        END IF;
    ELSE
        IF (NEW.org_id, NEW.show_id, NEW.guest_list_id, NEW.requested_by, NEW.requested_by_name, NEW.created_at)
           IS DISTINCT FROM (OLD.org_id, OLD.show_id, OLD.guest_list_id, OLD.requested_by, OLD.requested_by_name,
                             OLD.created_at) THEN
            RAISE EXCEPTION 'who asked for a guest, and on which list, never changes' USING ERRCODE = '42501';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            NEW.decided_by := CASE WHEN NEW.status = 'requested' THEN NULL ELSE current_app_user_id() END;
            NEW.decided_at := CASE WHEN NEW.status = 'requested' THEN NULL ELSE now() END;
        END IF;
        NEW.updated_at := now();
    END IF;
    IF NEW.status <> 'declined'
       AND (TG_OP = 'INSERT' OR OLD.status = 'declined' OR NEW.plus_ones > OLD.plus_ones OR NEW.party <> OLD.party) THEN
        v_allotment := CASE NEW.party WHEN 'from_us' THEN v_list.artist_allotment ELSE v_list.promoter_allotment END;
        SELECT coalesce(sum(1 + r.plus_ones), 0) INTO v_taken FROM guest_requests r
        WHERE r.guest_list_id = NEW.guest_list_id AND r.party = NEW.party AND r.status <> 'declined' AND r.id <> NEW.id;
        IF v_taken + 1 + NEW.plus_ones > v_allotment THEN
            v_left := greatest(v_allotment - v_taken, 0);
            RAISE EXCEPTION '%', format('The %s allotment has %s left (%s of %s taken): this request needs %s.',
                    CASE NEW.party WHEN 'from_us' THEN 'artist team''s' ELSE 'promoter''s' END,
                    CASE v_left WHEN 0 THEN 'no places' WHEN 1 THEN '1 place' ELSE v_left || ' places' END,
                    v_taken, v_allotment,
                    CASE NEW.plus_ones WHEN 0 THEN '1 place' ELSE (1 + NEW.plus_ones) || ' places' END)
                USING ERRCODE = '23514', CONSTRAINT = 'guest_allotment';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION guest_requests_guard() FROM PUBLIC;
CREATE TRIGGER guest_requests_guard BEFORE INSERT OR UPDATE ON guest_requests
    FOR EACH ROW EXECUTE FUNCTION guest_requests_guard();

-- What the guest list page may show about its show -------------------------------------------------------------
-- For members and the show's collaborators alike (a collaborator may not read shows, venues or artists): the public
-- facts only, never fees, notes or contacts.
CREATE FUNCTION guest_list_show_facts(p_show_id uuid)
    RETURNS TABLE (show_id uuid, org_id uuid, org_name text, title text, date date, venue_name text, venue_city text,
                   venue_timezone text, artist_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT s.id, s.org_id, o.name, s.title, s.date, v.name, v.city, coalesce(v.timezone, 'UTC'), a.name
    FROM shows s
    JOIN organizations o ON o.id = s.org_id
    LEFT JOIN venues v ON v.id = s.venue_id
    LEFT JOIN artists a ON a.id = s.artist_id
    WHERE s.id = p_show_id AND (is_org_member(s.org_id) OR is_show_collaborator(s.id))
$$;
REVOKE ALL ON FUNCTION guest_list_show_facts(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION guest_list_show_facts(uuid) TO ${app_role};
