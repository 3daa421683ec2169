-- The row-level security helpers each statement calls, with plans kept for the session (issue #15, decision 0033).
--
-- A policy asks `org_id = ANY ((SELECT member_org_ids())::uuid[])`: one call per statement and table. The helpers
-- were SQL functions, and PostgreSQL 15 plans a SQL function's body again at every statement that calls one it
-- cannot inline (SECURITY DEFINER never inlines). Measured alone, that planning was about three quarters of a
-- helper's cost (decision 0033); it is part of the small shapes' RLS ratios of 2 to 4 (docs/performance.md). A
-- PL/pgSQL function prepares its queries once per connection and reuses the plan, so the lookup costs an execution.
--
-- Same names, arguments, results, meaning, owner and grants (CREATE OR REPLACE keeps the owner and the grants);
-- every attribute is spelt out again because OR REPLACE resets the ones left out (PARALLEL SAFE among them).
-- Still SECURITY DEFINER with a pinned search_path (pg_temp last, as V14 made it), still answering only about the
-- acting user.

CREATE OR REPLACE FUNCTION member_org_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(m.org_id), '{}') FROM org_members m WHERE m.user_id = current_app_user_id());
END
$$;

CREATE OR REPLACE FUNCTION editable_org_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(m.org_id), '{}') FROM org_members m
            WHERE m.user_id = current_app_user_id() AND m.role IN ('owner', 'admin', 'editor')
              AND org_is_live(m.org_id));
END
$$;

CREATE OR REPLACE FUNCTION org_ids_with_role(p_roles org_role[]) RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(m.org_id), '{}') FROM org_members m
            WHERE m.user_id = current_app_user_id() AND m.role = ANY (p_roles));
END
$$;

CREATE OR REPLACE FUNCTION collaborator_show_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(sc.show_id), '{}') FROM show_collaborators sc
            WHERE sc.user_id = current_app_user_id());
END
$$;

CREATE OR REPLACE FUNCTION collaborator_session_ids() RETURNS uuid[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT COALESCE(array_agg(s.id), '{}')
            FROM show_collaborators sc JOIN advancing_sessions s ON s.show_id = sc.show_id
            WHERE sc.user_id = current_app_user_id());
END
$$;

CREATE OR REPLACE FUNCTION is_platform_admin() RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN COALESCE((SELECT u.is_platform_admin AND u.disabled_at IS NULL
                     FROM app_users u WHERE u.id = current_app_user_id()), false);
END
$$;

CREATE OR REPLACE FUNCTION has_org_role(p_org_id uuid, p_roles org_role[]) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM org_members m
                   WHERE m.org_id = p_org_id AND m.user_id = current_app_user_id() AND m.role = ANY (p_roles));
END
$$;

-- The effective entitlements and liveness: what every write's check and editable_org_ids() ask, per org.
CREATE OR REPLACE FUNCTION org_effective_entitlements(p_org_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN (SELECT p.features || jsonb_build_object('max_artists', p.max_artists, 'max_members', p.max_members,
                                                    'max_collaborators', p.max_collaborators)
                   || COALESCE((SELECT jsonb_object_agg(f.key, f.value) FROM org_feature_overrides f
                                WHERE f.org_id = s.org_id), '{}')
            FROM org_subscriptions s JOIN billing_plans p ON p.id = s.plan_id
            WHERE s.org_id = p_org_id);
END
$$;

CREATE OR REPLACE FUNCTION org_is_live(p_org_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM org_subscriptions s
                   WHERE s.org_id = p_org_id
                     AND ((s.status IN ('trialing', 'active') AND (s.current_period_end IS NULL OR s.current_period_end > now()))
                          OR (s.status = 'past_due' AND s.current_period_end + interval '7 days' > now())))
       AND COALESCE((org_effective_entitlements(p_org_id) ->> 'editing')::boolean, true);
END
$$;

CREATE OR REPLACE FUNCTION can_edit_org(p_org_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN has_org_role(p_org_id, '{owner,admin,editor}') AND org_is_live(p_org_id);
END
$$;

CREATE OR REPLACE FUNCTION can_manage_org(p_org_id uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN has_org_role(p_org_id, '{owner,admin}') AND org_is_live(p_org_id);
END
$$;

-- The session guard's question on every request (decision 0013).
CREATE OR REPLACE FUNCTION my_session_state() RETURNS TABLE (disabled boolean, sessions_valid_from timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT u.disabled_at IS NOT NULL, u.sessions_valid_from FROM app_users u
                 WHERE u.id = current_app_user_id();
END
$$;
