-- Keyset pages for the contacts directory (issue #15, decision 0018 "Fourth round" and decision 0032).
--
-- contact_page_ids of V17 pages by offset: a page at row 100,000 sorted by email walks 100,000 entries of
-- contacts (org_id, email, lower(name), id) and reads their rows. A grid scrolled row by row knows the last contact of
-- the page before; this form starts right after that contact ("after"), then skips p_skip rows (a jump by the
-- scrollbar from the nearest contact the grid has seen) and returns at most p_limit ids: a page costs its own rows.
--
-- The same checks as V17's form: only for an org the acting user is a member of (the contacts policy's own check);
-- the sort is one of the whitelisted keys; every value is a parameter (EXECUTE … USING). The contact to start after
-- must be a contact of that org: its sort values are read here, as the owner, so a contact of another org (or one
-- deleted since) gives NULL, and the caller pages by offset instead. NULL too for a sort this form does not page by
-- key (several keys; the grid sorts by one); the offset form then answers, and refuses what it does not list.
CREATE FUNCTION contact_page_ids(p_org_id uuid, p_pattern text, p_types text, p_status text, p_order text,
                                 p_after uuid, p_skip int, p_limit int) RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_key text;          -- the sort key's expression over c, NULL for the name order
    v_type text := 'text';
    v_desc boolean := false;
    v_value text;        -- the anchor's value of the sort key (NULL sorts last)
    v_name text;         -- the anchor's lower(name): never NULL for a contact that exists
    v_filter text;
    v_tie text := '(lower(c.name), c.id) > ($8, $9)';
    v_sql text;
    v_ids uuid[];
BEGIN
    IF p_org_id IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN '{}';
    END IF;
    IF p_after IS NULL OR p_skip < 0 OR p_limit < 0 THEN
        RETURN NULL;
    END IF;
    CASE COALESCE(p_order, '')
        WHEN '' THEN v_key := NULL;
        WHEN 'name asc' THEN v_key := NULL;
        WHEN 'name desc' THEN v_key := 'lower(c.name)'; v_desc := true;
        WHEN 'company asc' THEN v_key := 'lower(c.company)';
        WHEN 'company desc' THEN v_key := 'lower(c.company)'; v_desc := true;
        WHEN 'city asc' THEN v_key := 'lower(c.city)';
        WHEN 'city desc' THEN v_key := 'lower(c.city)'; v_desc := true;
        WHEN 'email asc' THEN v_key := 'c.email'; v_type := 'public.citext';
        WHEN 'email desc' THEN v_key := 'c.email'; v_type := 'public.citext'; v_desc := true;
        WHEN 'status asc' THEN v_key := 'c.status';
        WHEN 'status desc' THEN v_key := 'c.status'; v_desc := true;
        ELSE RETURN NULL;
    END CASE;
    EXECUTE 'SELECT ' || COALESCE(replace(v_key, 'c.', 'a.') || '::text', 'NULL::text')
            || ', lower(a.name) FROM public.contacts a WHERE a.id = $1 AND a.org_id = $2'
        INTO v_value, v_name USING p_after, p_org_id;
    IF v_name IS NULL THEN
        RETURN NULL;
    END IF;
    v_filter := contact_filter_sql(p_pattern, p_types, p_status);
    IF v_key IS NULL THEN
        -- The name order: one range of (org_id, lower(name)) from the anchor.
        v_sql := 'SELECT c.id FROM public.contacts c WHERE ' || v_filter || ' AND ' || v_tie
              || ' ORDER BY lower(c.name), c.id OFFSET $5 LIMIT $6';
    ELSIF v_value IS NULL THEN
        -- The anchor is in the tail of contacts without a value (NULLS LAST): the rest of that tail, by name.
        v_sql := 'SELECT c.id FROM public.contacts c WHERE ' || v_filter || ' AND ' || v_key || ' IS NULL AND '
              || v_tie || ' ORDER BY lower(c.name), c.id OFFSET $5 LIMIT $6';
    ELSE
        -- Three ranges in the order's sequence, each an index range where an index serves the key (email: the
        -- index of V17), each stopping after p_skip + p_limit rows: the anchor's ties after it, the values after
        -- the anchor's, then the contacts without a value.
        v_sql := 'SELECT b.id FROM ('
              || '(SELECT 1 AS part, c.id, row_number() OVER (ORDER BY lower(c.name), c.id) AS n'
              || ' FROM public.contacts c WHERE ' || v_filter || ' AND ' || v_key || ' = CAST($7 AS ' || v_type
              || ') AND ' || v_tie || ' ORDER BY lower(c.name), c.id LIMIT $5 + $6)'
              || ' UNION ALL '
              || '(SELECT 2, c.id, row_number() OVER (ORDER BY ' || v_key
              || CASE WHEN v_desc THEN ' DESC' ELSE ' ASC' END || ' NULLS LAST, lower(c.name), c.id)'
              || ' FROM public.contacts c WHERE ' || v_filter || ' AND ' || v_key
              || CASE WHEN v_desc THEN ' < ' ELSE ' > ' END || 'CAST($7 AS ' || v_type || ')'
              || ' ORDER BY ' || v_key || CASE WHEN v_desc THEN ' DESC' ELSE ' ASC' END
              || ' NULLS LAST, lower(c.name), c.id LIMIT $5 + $6)'
              || ' UNION ALL '
              || '(SELECT 3, c.id, row_number() OVER (ORDER BY lower(c.name), c.id)'
              || ' FROM public.contacts c WHERE ' || v_filter || ' AND ' || v_key || ' IS NULL'
              || ' ORDER BY lower(c.name), c.id LIMIT $5 + $6)'
              || ') b ORDER BY b.part, b.n OFFSET $5 LIMIT $6';
    END IF;
    EXECUTE 'SELECT COALESCE(array_agg(p.id), ''{}'') FROM (' || v_sql || ') p'
        INTO v_ids USING p_org_id, p_pattern, p_types, p_status, p_skip, p_limit, v_value, v_name, p_after;
    RETURN v_ids;
END
$$;
REVOKE ALL ON FUNCTION contact_page_ids(uuid, text, text, text, text, uuid, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contact_page_ids(uuid, text, text, text, text, uuid, int, int) TO ${app_role};
