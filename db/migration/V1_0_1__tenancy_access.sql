-- The access layer the foundation needs before the rest of the baseline exists: the RLS context
-- helpers, policies for app_users, organizations and org_members, and the narrow definer functions
-- for signing in and creating an organization. See docs/decisions/0002-rls-context.md.

-- The acting user of the current transaction; NULL (so: no rows) when the app set nobody.
CREATE FUNCTION current_app_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

-- Membership helpers read org_members as its owner (no RLS recursion) and pin search_path.
CREATE FUNCTION is_org_member(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM org_members m
                   WHERE m.org_id = p_org_id AND m.user_id = current_app_user_id())
$$;

CREATE FUNCTION has_org_role(p_org_id uuid, p_roles org_role[]) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM org_members m
                   WHERE m.org_id = p_org_id AND m.user_id = current_app_user_id()
                     AND m.role = ANY (p_roles))
$$;

CREATE FUNCTION is_platform_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT COALESCE((SELECT u.is_platform_admin AND u.disabled_at IS NULL
                     FROM app_users u WHERE u.id = current_app_user_id()), false)
$$;

-- Whether the acting user shares an organization with p_user_id (to see colleagues' names).
CREATE FUNCTION shares_org_with(p_user_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM org_members mine
                   JOIN org_members theirs ON theirs.org_id = mine.org_id
                   WHERE mine.user_id = current_app_user_id() AND theirs.user_id = p_user_id)
$$;

-- Sign-in lookup for the anonymous login form: one account by email, nothing else.
CREATE FUNCTION app_login_lookup(p_email text)
    RETURNS TABLE (id uuid, email text, password_hash text, display_name text, is_platform_admin boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT u.id, u.email::text, u.password_hash, u.display_name, u.is_platform_admin
    FROM app_users u
    WHERE u.email = p_email::citext AND u.disabled_at IS NULL AND u.password_hash IS NOT NULL
$$;

-- Creating an organization must insert the org and its owner together: no policy could let a
-- user insert an org they are not yet a member of and then read it back.
CREATE FUNCTION create_organization(p_name text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_user uuid := current_app_user_id();
    v_name text := btrim(p_name);
    v_base text;
    v_slug text;
    v_n    int := 1;
    v_id   uuid;
BEGIN
    IF v_user IS NULL OR NOT EXISTS (SELECT 1 FROM app_users WHERE id = v_user AND disabled_at IS NULL) THEN
        RAISE EXCEPTION 'no signed-in user' USING ERRCODE = '42501';
    END IF;
    IF v_name IS NULL OR length(v_name) = 0 OR length(v_name) > 120 THEN
        RAISE EXCEPTION 'organization name must be 1 to 120 characters' USING ERRCODE = '22023';
    END IF;
    v_base := NULLIF(btrim(regexp_replace(lower(v_name), '[^a-z0-9]+', '-', 'g'), '-'), '');
    v_base := left(COALESCE(v_base, 'org'), 60);
    v_slug := v_base;
    WHILE EXISTS (SELECT 1 FROM organizations WHERE slug = v_slug) LOOP
        v_n := v_n + 1;
        v_slug := v_base || '-' || v_n;
    END LOOP;
    INSERT INTO organizations (slug, name, created_by) VALUES (v_slug, v_name, v_user) RETURNING id INTO v_id;
    INSERT INTO org_members (org_id, user_id, role) VALUES (v_id, v_user, 'owner');
    RETURN v_id;
END
$$;

ALTER TABLE app_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_members ENABLE ROW LEVEL SECURITY;

-- (SELECT f()) makes PostgreSQL evaluate the helper once per statement, not once per row.
CREATE POLICY app_users_select ON app_users FOR SELECT
    USING (id = (SELECT current_app_user_id()) OR (SELECT is_platform_admin()) OR shares_org_with(id));
CREATE POLICY app_users_update_self ON app_users FOR UPDATE
    USING (id = (SELECT current_app_user_id())) WITH CHECK (id = (SELECT current_app_user_id()));

CREATE POLICY organizations_select ON organizations FOR SELECT
    USING (is_org_member(id));
CREATE POLICY organizations_update ON organizations FOR UPDATE
    USING (has_org_role(id, '{owner,admin}')) WITH CHECK (has_org_role(id, '{owner,admin}'));
CREATE POLICY organizations_delete ON organizations FOR DELETE
    USING (has_org_role(id, '{owner}'));

CREATE POLICY org_members_select ON org_members FOR SELECT
    USING (is_org_member(org_id));
-- Owners manage everyone; admins manage non-owners; nobody changes or removes their own membership here.
CREATE POLICY org_members_insert ON org_members FOR INSERT
    WITH CHECK (has_org_role(org_id, '{owner}') OR (has_org_role(org_id, '{admin}') AND role <> 'owner'));
CREATE POLICY org_members_update ON org_members FOR UPDATE
    USING (user_id <> (SELECT current_app_user_id())
           AND (has_org_role(org_id, '{owner}') OR (has_org_role(org_id, '{admin}') AND role <> 'owner')))
    WITH CHECK (has_org_role(org_id, '{owner}') OR (has_org_role(org_id, '{admin}') AND role <> 'owner'));
CREATE POLICY org_members_delete ON org_members FOR DELETE
    USING (user_id <> (SELECT current_app_user_id())
           AND (has_org_role(org_id, '{owner}') OR (has_org_role(org_id, '{admin}') AND role <> 'owner')));

REVOKE ALL ON FUNCTION is_org_member(uuid), has_org_role(uuid, org_role[]), is_platform_admin(),
    shares_org_with(uuid), app_login_lookup(text), create_organization(text) FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT ON app_users TO ${app_role};
GRANT UPDATE (display_name, updated_at) ON app_users TO ${app_role};
GRANT SELECT, UPDATE (name, slug), DELETE ON organizations TO ${app_role};
GRANT SELECT, INSERT, UPDATE (role), DELETE ON org_members TO ${app_role};
GRANT EXECUTE ON FUNCTION current_app_user_id(), is_org_member(uuid), has_org_role(uuid, org_role[]),
    is_platform_admin(), shares_org_with(uuid), app_login_lookup(text), create_organization(text)
    TO ${app_role};
