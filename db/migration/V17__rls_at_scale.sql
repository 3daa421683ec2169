-- Row-level security at a large agency's scale (issue "Fast at a big agency's scale"; docs/performance.md).
-- Policies stay what they were in meaning; what changes is how often PostgreSQL has to ask.

-- 1. The acting user's orgs by role, once per statement ------------------------------------------------------
-- As member_org_ids() (V8): policies call it as (SELECT …), an InitPlan evaluated once per statement, instead of
-- a has_org_role() call per row (a count over 1M audit rows made 1M calls).
CREATE FUNCTION org_ids_with_role(p_roles org_role[]) RETURNS uuid[]
    LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT COALESCE(array_agg(m.org_id), '{}') FROM org_members m
    WHERE m.user_id = current_app_user_id() AND m.role = ANY (p_roles)
$$;
REVOKE ALL ON FUNCTION org_ids_with_role(org_role[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org_ids_with_role(org_role[]) TO ${app_role};

-- Owners and admins read their org's entries; platform admins read billing entries (as V8, evaluated once).
DROP POLICY activity_log_select ON activity_log;
CREATE POLICY activity_log_select ON activity_log FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin}'))::uuid[])
           OR (category = 'billing' AND (SELECT is_platform_admin())));

-- Owners and admins read every invitation of their org; editors read show invitations (as V8, evaluated once).
DROP POLICY invitations_select ON invitations;
CREATE POLICY invitations_select ON invitations FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin}'))::uuid[])
           OR (show_id IS NOT NULL AND org_id = ANY ((SELECT org_ids_with_role('{editor}'))::uuid[])));

-- Advancing: members read (their orgs, once per statement); a collaborator reads the advances of their granted shows
-- (V8's is_show_collaborator(session_show_id(session_id)) per row: three definer calls a row, for every row the
-- collaborator's grid touched). The same sets, computed once per statement.
CREATE FUNCTION collaborator_show_ids() RETURNS uuid[]
    LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT COALESCE(array_agg(sc.show_id), '{}') FROM show_collaborators sc WHERE sc.user_id = current_app_user_id() $$;

CREATE FUNCTION collaborator_session_ids() RETURNS uuid[]
    LANGUAGE sql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT COALESCE(array_agg(s.id), '{}') FROM show_collaborators sc JOIN advancing_sessions s ON s.show_id = sc.show_id
    WHERE sc.user_id = current_app_user_id()
$$;
REVOKE ALL ON FUNCTION collaborator_show_ids(), collaborator_session_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION collaborator_show_ids(), collaborator_session_ids() TO ${app_role};

DROP POLICY advancing_sessions_select ON advancing_sessions;
CREATE POLICY advancing_sessions_select ON advancing_sessions FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[]) OR show_id = ANY ((SELECT collaborator_show_ids())::uuid[]));
DROP POLICY advancing_fields_select ON advancing_fields;
CREATE POLICY advancing_fields_select ON advancing_fields FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[])
           OR session_id = ANY ((SELECT collaborator_session_ids())::uuid[]));
DROP POLICY advancing_documents_select ON advancing_documents;
CREATE POLICY advancing_documents_select ON advancing_documents FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[])
           OR session_id = ANY ((SELECT collaborator_session_ids())::uuid[]));
DROP POLICY advancing_comments_select ON advancing_comments;
CREATE POLICY advancing_comments_select ON advancing_comments FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[])
           OR field_session_id(field_id) = ANY ((SELECT collaborator_session_ids())::uuid[]));

-- 2. Helpers that only read are parallel safe ---------------------------------------------------------------------
-- A PARALLEL UNSAFE function anywhere in a statement (a policy is part of every statement on its table) rules out
-- a parallel plan, so the app role never got one. These are STABLE, read tables and write nothing; their pinned
-- search_path is a SET clause, which parallel workers allow. app.user_id reaches the workers with the other settings.
ALTER FUNCTION is_org_member(uuid) PARALLEL SAFE;
ALTER FUNCTION has_org_role(uuid, org_role[]) PARALLEL SAFE;
ALTER FUNCTION is_platform_admin() PARALLEL SAFE;
ALTER FUNCTION shares_org_with(uuid) PARALLEL SAFE;
ALTER FUNCTION org_is_live(uuid) PARALLEL SAFE;
ALTER FUNCTION can_edit_org(uuid) PARALLEL SAFE;
ALTER FUNCTION can_manage_org(uuid) PARALLEL SAFE;
ALTER FUNCTION member_org_ids() PARALLEL SAFE;
ALTER FUNCTION editable_org_ids() PARALLEL SAFE;
ALTER FUNCTION show_org_id(uuid) PARALLEL SAFE;
ALTER FUNCTION session_show_id(uuid) PARALLEL SAFE;
ALTER FUNCTION field_show_id(uuid) PARALLEL SAFE;
ALTER FUNCTION show_collab_role_of(uuid) PARALLEL SAFE;
ALTER FUNCTION is_show_collaborator(uuid) PARALLEL SAFE;
ALTER FUNCTION is_show_promoter_editor(uuid) PARALLEL SAFE;
ALTER FUNCTION is_collaborator_in_org(uuid) PARALLEL SAFE;
ALTER FUNCTION file_show_id(uuid, uuid, uuid) PARALLEL SAFE;
ALTER FUNCTION file_is_promoter_side(uuid, uuid) PARALLEL SAFE;
ALTER FUNCTION advancing_session_open(uuid) PARALLEL SAFE;
ALTER FUNCTION field_session_id(uuid) PARALLEL SAFE;
ALTER FUNCTION file_session_open(uuid, uuid, uuid) PARALLEL SAFE;

-- 3. Indexes on the columns policies and filters use ---------------------------------------------------------------
-- An artist's shows (the artist list's counts, the shows list's artist filter), with the org for the policy.
CREATE INDEX idx_shows_artist_org ON shows (artist_id, org_id) WHERE artist_id IS NOT NULL;
DROP INDEX idx_shows_artist_id;
-- An show's advances (the show page, the collaborator's policies through is_show_collaborator(show_id)).
CREATE INDEX idx_advancing_sessions_show ON advancing_sessions (show_id);
-- The directory sorted by email at any depth (the unique index is partial: it leaves out contacts without email),
-- with the rest of the directory's order, so a deep page by email is an index-only walk without a sort.
CREATE INDEX idx_contacts_org_email ON contacts (org_id, email, lower(name), id);
-- The shows list's default order walks this in either direction, index-only (ids first; ShowListingImpl).
CREATE INDEX idx_shows_org_date_id ON shows (org_id, date, id);
DROP INDEX idx_shows_org_date;

-- 4. Contact search that the trigram index serves under RLS ---------------------------------------------------------
-- Under RLS, PostgreSQL evaluates a query's own conditions after the policy's unless they are leakproof, and LIKE
-- is not: the trigram index (V9) could not serve the search box, which filtered every contact of the org. This
-- function does the matching as the owner, where the index applies, for one org the acting user is a member of
-- (the same check as the contacts policy), and returns only ids. The directory's query then keeps everything else
-- under RLS: `c.id = any(contact_ids_matching(:org, :pattern))` is leakproof (uuid equality), so the primary key
-- serves it. EXECUTE plans each search for its own pattern (a term under 3 characters has no trigrams, and the
-- org's index is the better path then).
CREATE FUNCTION contact_ids_matching(p_org_id uuid, p_pattern text) RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_ids uuid[];
BEGIN
    IF p_org_id IS NULL OR p_pattern IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN '{}';
    END IF;
    EXECUTE 'SELECT COALESCE(array_agg(c.id), ''{}'') FROM public.contacts c
             WHERE c.org_id = $1 AND public.contact_search_text(c.name, c.company, c.email, c.city) LIKE $2 ESCAPE ''\'''
        INTO v_ids USING p_org_id, p_pattern;
    RETURN v_ids;
END
$$;
REVOKE ALL ON FUNCTION contact_ids_matching(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contact_ids_matching(uuid, text) TO ${app_role};

-- 5. A directory page's ids, and a filtered count, planned as the owner ---------------------------------------------
-- Under RLS the planner multiplies the policy's `org_id = ANY (…)` (an array it cannot see when planning) into
-- every estimate, so for the org's 20,000 contacts it expected a few hundred, and chose to sort them all by email
-- (citext: 150 ms) where the index would have walked to the page; and the type filter's enum equality is not
-- leakproof, so it could not be an index condition either. These functions choose the page (or count the rows) for
-- one org the acting user is a member of (the contacts policy's own check) with the filter and order the directory
-- asks for, as the owner, where the planner sees the org and every condition; they return ids only (or a count).
-- The directory's query then reads those ids under RLS (`c.id = any((select contact_page_ids(…))::uuid[])`, an InitPlan
-- and a leakproof uuid comparison): the policy still has the last word on every row shown.
-- The filter's conditions as SQL text over contacts c with parameters $1 org, $2 pattern, $3 types, $4 status; the
-- values themselves are never part of the text. Only the definer functions below call it.
CREATE FUNCTION contact_filter_sql(p_pattern text, p_types text, p_status text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT 'c.org_id = $1'
        || CASE WHEN p_pattern <> '' THEN
               ' AND public.contact_search_text(c.name, c.company, c.email, c.city) LIKE $2 ESCAPE ''\''' ELSE '' END
        || CASE WHEN p_types <> '' THEN ' AND EXISTS (SELECT 1 FROM public.contact_types t WHERE t.contact_id = c.id'
               || ' AND t.org_id = $1 AND t.type = ANY (string_to_array($3, '','')::public.contact_type[]))' ELSE '' END
        || CASE WHEN p_status <> '' THEN ' AND c.status = $4' ELSE '' END
$$;
REVOKE ALL ON FUNCTION contact_filter_sql(text, text, text) FROM PUBLIC;

-- p_order: comma-separated "key direction" pairs from the directory's whitelist (name, company, city, email,
-- status; asc or desc); anything else is refused. The name and the id always come last, as in ContactSearchImpl.
CREATE FUNCTION contact_page_ids(p_org_id uuid, p_pattern text, p_types text, p_status text, p_order text,
                                 p_offset int, p_limit int) RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_order text := '';
    v_part text;
    v_ids uuid[];
BEGIN
    IF p_org_id IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN '{}';
    END IF;
    FOREACH v_part IN ARRAY COALESCE(string_to_array(NULLIF(p_order, ''), ','), '{}') LOOP
        v_order := v_order || CASE v_part
            WHEN 'name asc' THEN 'lower(c.name) ASC NULLS LAST' WHEN 'name desc' THEN 'lower(c.name) DESC NULLS LAST'
            WHEN 'company asc' THEN 'lower(c.company) ASC NULLS LAST'
            WHEN 'company desc' THEN 'lower(c.company) DESC NULLS LAST'
            WHEN 'city asc' THEN 'lower(c.city) ASC NULLS LAST' WHEN 'city desc' THEN 'lower(c.city) DESC NULLS LAST'
            WHEN 'email asc' THEN 'c.email ASC NULLS LAST' WHEN 'email desc' THEN 'c.email DESC NULLS LAST'
            WHEN 'status asc' THEN 'c.status ASC NULLS LAST' WHEN 'status desc' THEN 'c.status DESC NULLS LAST'
        END || ', ';
        IF v_order IS NULL THEN
            RAISE EXCEPTION 'the directory cannot sort by %', v_part USING ERRCODE = '22023';
        END IF;
    END LOOP;
    -- EXECUTE plans each page for its own values: the org's size, the pattern's trigrams, the types' share.
    EXECUTE 'SELECT COALESCE(array_agg(p.id), ''{}'') FROM (SELECT c.id FROM public.contacts c WHERE '
            || contact_filter_sql(p_pattern, p_types, p_status)
            || ' ORDER BY ' || v_order || 'lower(c.name), c.id OFFSET $5 LIMIT $6) p'
        INTO v_ids USING p_org_id, p_pattern, p_types, p_status, p_offset, p_limit;
    RETURN v_ids;
END
$$;

CREATE FUNCTION contact_count(p_org_id uuid, p_pattern text, p_types text, p_status text) RETURNS bigint
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    IF p_org_id IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN 0;
    END IF;
    EXECUTE 'SELECT count(*) FROM public.contacts c WHERE ' || contact_filter_sql(p_pattern, p_types, p_status)
        INTO v_count USING p_org_id, p_pattern, p_types, p_status;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION contact_page_ids(uuid, text, text, text, text, int, int), contact_count(uuid, text, text, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contact_page_ids(uuid, text, text, text, text, int, int), contact_count(uuid, text, text, text)
    TO ${app_role};
