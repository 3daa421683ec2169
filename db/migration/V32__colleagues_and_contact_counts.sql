-- Scale 1 of the benchmark, after V31 (issue #15, decision 0033; docs/performance.md).

-- 1. Colleagues' names once per statement ------------------------------------------------------------------------
-- The app_users read policy asked shares_org_with(id) for every account row a statement touched: a definer call per
-- row. The promoter's advance grid joins the accounts of whoever last changed each field twice per row, so a grid of
-- 15 fields made up to 30 calls (its RLS ratio was 2 to 3). The same question as one array per statement, as the
-- other policies ask theirs (decision 0018): the accounts that share an organization with the acting user. Same
-- meaning as shares_org_with: a membership of the acting user's and one of theirs in the same organization.
CREATE FUNCTION colleague_user_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(DISTINCT theirs.user_id), '{}')
            FROM org_members mine JOIN org_members theirs ON theirs.org_id = mine.org_id
            WHERE mine.user_id = current_app_user_id());
END
$$;
REVOKE ALL ON FUNCTION colleague_user_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION colleague_user_ids() TO ${app_role};

DROP POLICY app_users_select ON app_users;
CREATE POLICY app_users_select ON app_users FOR SELECT
    USING (id = (SELECT current_app_user_id()) OR (SELECT is_platform_admin())
           OR id = ANY ((SELECT colleague_user_ids())::uuid[]));

-- 2. Counting one contact type from its own index ------------------------------------------------------------------
-- The heading's count of a type filter ("agents") was planned over the org's contacts with a probe of each one's
-- types: 241 ms for the capped count at scale 1 (49,000 agents of 200,000 contacts), slower than the exact count.
-- With one type (what the filter mostly holds) the count starts from that type's entries of contact_types
-- (org_id, type) and reads each one's contact by primary key for the other conditions, stopping at the cap; a
-- contact has a type at most once (the primary key), so nothing is counted twice. Several types keep V23's form.
-- Same checks as before: only for an org the acting user is a member of; every value a parameter.
CREATE OR REPLACE FUNCTION contact_count(p_org_id uuid, p_pattern text, p_types text, p_status text, p_limit int)
    RETURNS bigint
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_rows text;
    v_count bigint;
BEGIN
    IF p_org_id IS NULL OR NOT (p_org_id = ANY (member_org_ids())) THEN
        RETURN 0;
    END IF;
    IF COALESCE(p_types, '') <> '' AND position(',' IN p_types) = 0 THEN
        v_rows := 'public.contact_types t JOIN public.contacts c ON c.id = t.contact_id'
                  || ' WHERE t.org_id = $1 AND t.type = CAST($3 AS public.contact_type) AND '
                  || contact_filter_sql(p_pattern, '', p_status);
    ELSE
        v_rows := 'public.contacts c WHERE ' || contact_filter_sql(p_pattern, p_types, p_status);
    END IF;
    -- LIMIT NULL is no limit: the exact count below is this count without a cap.
    EXECUTE 'SELECT count(*) FROM (SELECT 1 FROM ' || v_rows || ' LIMIT $5) counted'
        INTO v_count USING p_org_id, p_pattern, p_types, p_status, p_limit;
    RETURN v_count;
END
$$;

-- The exact count ("Count exactly"): the same, without the cap.
CREATE OR REPLACE FUNCTION contact_count(p_org_id uuid, p_pattern text, p_types text, p_status text) RETURNS bigint
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN contact_count(p_org_id, p_pattern, p_types, p_status, NULL);
END
$$;
