-- Calendar feeds (decision 0024): each person's secret ICS address. Only the SHA-256 of the 256-bit token is
-- stored; the address is shown once when it is made. One feed per person: regenerating replaces the hash,
-- revoking deletes the row, so an old address finds nothing on its next fetch.

CREATE TABLE calendar_feeds (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid        NOT NULL UNIQUE REFERENCES app_users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT calendar_feeds_token_hash_sha256 CHECK (length(token_hash) = 32)
);

-- A person sees, makes, replaces and deletes only their own feed; nobody reads another's hash.
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_feeds_select ON calendar_feeds FOR SELECT
    USING (user_id = (SELECT current_app_user_id()));
CREATE POLICY calendar_feeds_insert ON calendar_feeds FOR INSERT
    WITH CHECK (user_id = (SELECT current_app_user_id()));
CREATE POLICY calendar_feeds_update ON calendar_feeds FOR UPDATE
    USING (user_id = (SELECT current_app_user_id())) WITH CHECK (user_id = (SELECT current_app_user_id()));
CREATE POLICY calendar_feeds_delete ON calendar_feeds FOR DELETE
    USING (user_id = (SELECT current_app_user_id()));
GRANT SELECT, INSERT, UPDATE (token_hash, created_at), DELETE ON calendar_feeds TO ${app_role};

-- Whose feed an address is. The feed is fetched by a calendar app without a session, so no RLS context exists
-- yet: this definer function answers with the owner of a live feed (an enabled account), nothing otherwise.
-- The lookup is by the hash (an index scan on a unique key), so its timing tells nothing about the token.
-- The application then reads the feed's content AS that person under RLS, never through this function.
CREATE FUNCTION calendar_feed_owner(p_token_hash bytea) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT f.user_id
    FROM calendar_feeds f JOIN app_users u ON u.id = f.user_id
    WHERE f.token_hash = p_token_hash AND u.disabled_at IS NULL
$$;

-- The shows on a person's calendar in a date range: those of the orgs they belong to and those granted to them,
-- with the public facts a day sheet shows (never fees or notes). A collaborator may not read shows, venues or
-- artists, hence a definer function; it answers for the acting user only (current_app_user_id()).
CREATE FUNCTION calendar_shows(p_from date, p_to date)
    RETURNS TABLE (show_id uuid, org_id uuid, org_name text, show_title text, date date, doors_at timestamptz,
                   set_time timestamptz, status show_status, artist_name text, venue_name text, venue_address text,
                   venue_city text, venue_country text, venue_timezone text, member boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT s.id, s.org_id, o.name, s.title, s.date, s.doors_at, s.set_time, s.status, ar.name, v.name, v.address,
           v.city, v.country, coalesce(v.timezone, 'UTC'), is_org_member(s.org_id)
    FROM shows s
    JOIN organizations o ON o.id = s.org_id
    LEFT JOIN venues v ON v.id = s.venue_id
    LEFT JOIN artists ar ON ar.id = s.artist_id
    WHERE s.date BETWEEN p_from AND p_to
      AND (s.org_id IN (SELECT m.org_id FROM org_members m WHERE m.user_id = current_app_user_id())
           OR s.id IN (SELECT c.show_id FROM show_collaborators c WHERE c.user_id = current_app_user_id()))
      -- the same helpers as the policies decide (the lists above only narrow the scan)
      AND (is_org_member(s.org_id) OR is_show_collaborator(s.id))
    ORDER BY s.date, s.id
$$;
REVOKE ALL ON FUNCTION calendar_feed_owner(bytea), calendar_shows(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_feed_owner(bytea), calendar_shows(date, date) TO ${app_role};
