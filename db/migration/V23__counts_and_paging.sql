-- Counts with a ceiling and short searches (issue #15, decision 0018 "Counts over 10,000 rows and short searches").

-- 1. Short searches: a prefix of a name or an email --------------------------------------------------------------
-- A term of one or two characters has no trigrams, so the trigram index of V9 cannot serve it, and a "%e%" that
-- matches no contact read the whole org. The directory now sends such a term as a prefix pattern ("e%", never
-- starting with %: a typed % is escaped) and it matches the start of a name or an email, which these indexes serve
-- (text_pattern_ops: LIKE 'e%' is a range of the index whatever the database's collation).
CREATE INDEX idx_contacts_org_name_prefix ON contacts (org_id, lower(name) text_pattern_ops);
CREATE INDEX idx_contacts_org_email_prefix ON contacts (org_id, lower(email::text) text_pattern_ops);

-- The filter's conditions as in V17, with the prefix form of the search: a pattern that does not start with % is
-- a prefix of the lower-cased name or email. Parameters as before: $1 org, $2 pattern, $3 types, $4 status.
CREATE OR REPLACE FUNCTION contact_filter_sql(p_pattern text, p_types text, p_status text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT 'c.org_id = $1'
        || CASE WHEN p_pattern <> '' AND left(p_pattern, 1) <> '%' THEN
               ' AND (lower(c.name) LIKE $2 ESCAPE ''\'' OR lower(c.email::text) LIKE $2 ESCAPE ''\'')'
                WHEN p_pattern <> '' THEN
               ' AND public.contact_search_text(c.name, c.company, c.email, c.city) LIKE $2 ESCAPE ''\''' ELSE '' END
        || CASE WHEN p_types <> '' THEN ' AND EXISTS (SELECT 1 FROM public.contact_types t WHERE t.contact_id = c.id'
               || ' AND t.org_id = $1 AND t.type = ANY (string_to_array($3, '','')::public.contact_type[]))' ELSE '' END
        || CASE WHEN p_status <> '' THEN ' AND c.status = $4' ELSE '' END
$$;

-- The unpaged search (the export) matches as the pages and counts do, prefix form included.
CREATE OR REPLACE FUNCTION contact_ids_matching(p_org_id uuid, p_pattern text) RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_ids uuid[];
BEGIN
    IF p_org_id IS NULL OR p_pattern IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN '{}';
    END IF;
    EXECUTE 'SELECT COALESCE(array_agg(c.id), ''{}'') FROM public.contacts c WHERE '
            || contact_filter_sql(p_pattern, '', '')
        INTO v_ids USING p_org_id, p_pattern, '', '';
    RETURN v_ids;
END
$$;

-- 2. A count with a ceiling ------------------------------------------------------------------------------------------
-- contact_count of V17 counts every matching contact; the directory's heading needs to know only whether there are
-- more than 10,000 (it then says "10,000+" and counts exactly on request). This form stops after p_limit rows.
CREATE FUNCTION contact_count(p_org_id uuid, p_pattern text, p_types text, p_status text, p_limit int) RETURNS bigint
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_count bigint;
BEGIN
    IF p_org_id IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN 0;
    END IF;
    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM public.contacts c WHERE '
            || contact_filter_sql(p_pattern, p_types, p_status) || ' LIMIT $5) counted'
        INTO v_count USING p_org_id, p_pattern, p_types, p_status, p_limit;
    RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION contact_count(uuid, text, text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION contact_count(uuid, text, text, text, int) TO ${app_role};
