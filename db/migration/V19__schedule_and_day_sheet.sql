-- Schedule items and the day sheet (issue #16, decision 0020): readable item types, four audiences enforced by the
-- select policy, travel items with a zone at each end, named people, and the facts a day sheet needs for members and
-- the show's promoter team alike.

-- 1. Item types: the day of a tour, not the legacy catalogue ----------------------------------------------------
ALTER TABLE schedule_items DROP CONSTRAINT schedule_items_item_type_check;
UPDATE schedule_items SET item_type = CASE item_type
        WHEN 'arrival' THEN 'travel' WHEN 'departure' THEN 'travel' WHEN 'transport' THEN 'travel'
        WHEN 'catering' THEN 'meal'
        WHEN 'load_in' THEN 'load_in' WHEN 'soundcheck' THEN 'soundcheck' WHEN 'doors' THEN 'doors'
        WHEN 'set_time' THEN 'set_time' WHEN 'hotel' THEN 'hotel' WHEN 'press' THEN 'press'
        ELSE 'other' END;                     -- custom, load_out, meeting, technical and NULL
ALTER TABLE schedule_items ALTER COLUMN item_type SET DEFAULT 'other', ALTER COLUMN item_type SET NOT NULL;
ALTER TABLE schedule_items ADD CONSTRAINT schedule_items_item_type_check CHECK (item_type IN ('travel', 'bus_call',
    'load_in', 'soundcheck', 'doors', 'set_time', 'curfew', 'meal', 'press', 'hotel', 'other'));

-- 2. Audiences: everyone on the show, the org's crew, the promoter team, named people ------------------------------
-- Every legacy audience the promoter team could not see (artist team, crew, management, venue staff, security,
-- session-specific) becomes crew-only, so nobody sees more after the migration than before.
ALTER TABLE schedule_items DROP CONSTRAINT schedule_items_visibility_check;
UPDATE schedule_items SET visibility = CASE WHEN visibility IS NULL OR visibility = 'all' THEN 'all'
                                            WHEN visibility = 'promoter_team' THEN 'promoter_team'
                                            ELSE 'crew' END;
ALTER TABLE schedule_items ALTER COLUMN visibility SET DEFAULT 'all', ALTER COLUMN visibility SET NOT NULL;
ALTER TABLE schedule_items ADD CONSTRAINT schedule_items_visibility_check
    CHECK (visibility IN ('all', 'crew', 'promoter_team', 'named'));

-- 3. Zones: each end of an item on its own clock (a flight Oslo→London); NULL means the venue's zone -------------
ALTER TABLE schedule_items ADD COLUMN starts_zone text, ADD COLUMN ends_zone text;
ALTER TABLE schedule_items ADD CONSTRAINT schedule_items_zone_check
    CHECK ((starts_zone IS NULL OR length(starts_zone) BETWEEN 1 AND 64)
           AND (ends_zone IS NULL OR length(ends_zone) BETWEEN 1 AND 64));
-- Zone names must be ones the database knows (the service checks Java's list first, with a sentence).
CREATE FUNCTION schedule_items_zone_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NEW.starts_zone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.starts_zone) THEN
        RAISE EXCEPTION 'unknown time zone %', NEW.starts_zone USING ERRCODE = '22023';
    END IF;
    IF NEW.ends_zone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.ends_zone) THEN
        RAISE EXCEPTION 'unknown time zone %', NEW.ends_zone USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER schedule_items_zone_guard BEFORE INSERT OR UPDATE OF starts_zone, ends_zone ON schedule_items
    FOR EACH ROW EXECUTE FUNCTION schedule_items_zone_guard();

-- 4. Named people: an item for some of the people assigned to its show ----------------------------------------
CREATE TABLE schedule_item_people (
    item_id   uuid NOT NULL REFERENCES schedule_items (id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, person_id)
);
CREATE INDEX idx_schedule_item_people_person ON schedule_item_people (person_id);

-- Whether the acting user is one of an item's named people, still assigned to its show.
CREATE FUNCTION schedule_item_names_me(p_item_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM schedule_item_people sp
                   JOIN schedule_items i ON i.id = sp.item_id
                   JOIN people p ON p.id = sp.person_id AND p.org_id = i.org_id
                   JOIN show_assignments sa ON sa.show_id = i.show_id AND sa.person_id = p.id
                   WHERE sp.item_id = p_item_id AND p.user_id = current_app_user_id())
$$;

-- Whether a person may be named on an item: both of one org the acting user edits, the person assigned to the show.
CREATE FUNCTION schedule_item_person_allowed(p_item_id uuid, p_person_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM schedule_items i
                   JOIN people p ON p.id = p_person_id AND p.org_id = i.org_id
                   JOIN show_assignments sa ON sa.show_id = i.show_id AND sa.person_id = p.id
                   WHERE i.id = p_item_id AND can_edit_org(i.org_id))
$$;
REVOKE ALL ON FUNCTION schedule_item_names_me(uuid), schedule_item_person_allowed(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION schedule_item_names_me(uuid), schedule_item_person_allowed(uuid, uuid) TO ${app_role};

ALTER TABLE schedule_item_people ENABLE ROW LEVEL SECURITY;
-- A name is visible exactly when its item is (the subquery runs under the items' own select policy).
CREATE POLICY schedule_item_people_select ON schedule_item_people FOR SELECT
    USING (EXISTS (SELECT 1 FROM schedule_items i WHERE i.id = item_id));
CREATE POLICY schedule_item_people_insert ON schedule_item_people FOR INSERT
    WITH CHECK (schedule_item_person_allowed(item_id, person_id));
CREATE POLICY schedule_item_people_delete ON schedule_item_people FOR DELETE
    USING (EXISTS (SELECT 1 FROM schedule_items i WHERE i.id = item_id AND can_edit_org(i.org_id)));
GRANT SELECT, INSERT, DELETE ON schedule_item_people TO ${app_role};

-- 5. Who sees an item: the select policy is the audience ------------------------------------------------------
-- Everyone on the show and the promoter team: the org's members and the show's collaborators. Crew: the org's
-- members only. Named: the org's editors (who plan the day) and the named people themselves. A collaborator never
-- reads a crew-only or named item, whatever the query.
DROP POLICY schedule_items_select ON schedule_items;
CREATE POLICY schedule_items_select ON schedule_items FOR SELECT
    USING (CASE visibility
               WHEN 'crew' THEN is_org_member(org_id)
               WHEN 'named' THEN has_org_role(org_id, '{owner,admin,editor}') OR schedule_item_names_me(id)
               ELSE is_org_member(org_id) OR (show_id IS NOT NULL AND is_show_collaborator(show_id)) END);
-- An item belongs to a show of its own org.
DROP POLICY schedule_items_insert ON schedule_items;
CREATE POLICY schedule_items_insert ON schedule_items FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND (show_id IS NULL OR show_org_id(show_id) = org_id));
DROP POLICY schedule_items_update ON schedule_items;
CREATE POLICY schedule_items_update ON schedule_items FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id) AND (show_id IS NULL OR show_org_id(show_id) = org_id));

-- 6. An item the advance wrote stays the advance's -------------------------------------------------------------
-- Its time, title, type, audience and link are the agreement's: the application may add an end, a location and
-- notes, but not move, rename, hide or delete it (the agreement trigger, running as the owner, rewrites it).
CREATE FUNCTION schedule_items_advance_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.source_field_id IS NOT NULL OR NEW.session_id IS NOT NULL THEN
            RAISE EXCEPTION 'only an agreement in the advance writes an advance item' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.source_field_id IS NULL THEN
        IF TG_OP = 'UPDATE' AND (NEW.source_field_id IS NOT NULL OR NEW.session_id IS DISTINCT FROM OLD.session_id) THEN
            RAISE EXCEPTION 'only an agreement in the advance writes an advance item' USING ERRCODE = '42501';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'this item is agreed in the advance' USING ERRCODE = '42501';
    END IF;
    IF (NEW.starts_at, NEW.title, NEW.item_type, NEW.visibility, NEW.source_field_id, NEW.session_id, NEW.show_id,
        NEW.starts_zone)
       IS DISTINCT FROM (OLD.starts_at, OLD.title, OLD.item_type, OLD.visibility, OLD.source_field_id, OLD.session_id,
                         OLD.show_id, OLD.starts_zone) THEN
        RAISE EXCEPTION 'this item is agreed in the advance' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER schedule_items_advance_guard BEFORE INSERT OR UPDATE OR DELETE ON schedule_items
    FOR EACH ROW EXECUTE FUNCTION schedule_items_advance_guard();

-- The agreement trigger writes 'other' where it wrote the legacy 'custom'; nothing else changes.
CREATE OR REPLACE FUNCTION advancing_fields_agreement() RETURNS trigger
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
                          WHEN 'Doors' THEN 'doors' WHEN 'Set time' THEN 'set_time' ELSE 'other' END;
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
-- 7. What a day sheet says about its show, for members and the show's promoter team alike -------------------------
-- A collaborator may not read shows, venues or artists; this gives the public facts of one show (never fees or
-- notes) to a member of its org or a collaborator granted it, and nothing to anyone else.
CREATE FUNCTION day_sheet_show(p_show_id uuid)
    RETURNS TABLE (show_id uuid, org_id uuid, org_name text, show_title text, date date, doors_at timestamptz,
                   set_time timestamptz, status show_status, artist_id uuid, artist_name text, venue_id uuid, venue_name text,
                   venue_address text, venue_city text, venue_country text, venue_timezone text, member boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT s.id, s.org_id, o.name, s.title, s.date, s.doors_at, s.set_time, s.status, ar.id, ar.name, v.id, v.name,
           v.address, v.city, v.country, coalesce(v.timezone, 'UTC'), is_org_member(s.org_id)
    FROM shows s
    JOIN organizations o ON o.id = s.org_id
    LEFT JOIN venues v ON v.id = s.venue_id
    LEFT JOIN artists ar ON ar.id = s.artist_id
    WHERE s.id = p_show_id AND (is_org_member(s.org_id) OR is_show_collaborator(s.id))
$$;

-- The promoter team of a show (accepted grants), for the same readers: each side knows whom to call.
CREATE FUNCTION day_sheet_promoters(p_show_id uuid)
    RETURNS TABLE (name text, email text, role show_collab_role)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT coalesce(nullif(u.display_name, ''), u.email::text), u.email::text, sc.role
    FROM show_collaborators sc
    JOIN app_users u ON u.id = sc.user_id
    WHERE sc.show_id = p_show_id
      AND (is_org_member(show_org_id(p_show_id)) OR is_show_collaborator(p_show_id))
    ORDER BY 1
$$;
REVOKE ALL ON FUNCTION day_sheet_show(uuid), day_sheet_promoters(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION day_sheet_show(uuid), day_sheet_promoters(uuid) TO ${app_role};
