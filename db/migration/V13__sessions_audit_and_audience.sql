-- Hardening (issue 8): open sessions end when access changes, security events reach the activity log,
-- and "who can see this show" is answered by the rules the policies use. See docs/decisions/0013-sessions-and-audit.md.

-- Any session signed in before this instant ends on its next request (heartbeats included).
ALTER TABLE app_users ADD COLUMN sessions_valid_from timestamptz;

-- Losing or changing access ends the person's open sessions: a removed member, a changed role,
-- a revoked or changed show grant.
CREATE FUNCTION end_sessions_on_access_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.role IS NOT DISTINCT FROM OLD.role AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id THEN
        RETURN NULL;
    END IF;
    IF OLD.user_id IS NOT NULL THEN
        UPDATE app_users SET sessions_valid_from = now() WHERE id = OLD.user_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER org_members_end_sessions AFTER UPDATE OR DELETE ON org_members
    FOR EACH ROW EXECUTE FUNCTION end_sessions_on_access_change();
CREATE TRIGGER show_collaborators_end_sessions AFTER UPDATE OR DELETE ON show_collaborators
    FOR EACH ROW EXECUTE FUNCTION end_sessions_on_access_change();

-- The acting user's own session facts (the session guard reads them on every request).
CREATE FUNCTION my_session_state() RETURNS TABLE (disabled boolean, sessions_valid_from timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT u.disabled_at IS NOT NULL, u.sessions_valid_from FROM app_users u WHERE u.id = current_app_user_id() $$;

-- Owners sign out any member, admins any member but an owner, everywhere at once.
CREATE FUNCTION sign_out_member_everywhere(p_org_id uuid, p_user_id uuid) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_role org_role;
BEGIN
    SELECT role INTO v_role FROM org_members WHERE org_id = p_org_id AND user_id = p_user_id;
    IF v_role IS NULL OR NOT (has_org_role(p_org_id, '{owner}') OR (has_org_role(p_org_id, '{admin}') AND v_role <> 'owner')) THEN
        RETURN false;
    END IF;
    UPDATE app_users SET sessions_valid_from = now() WHERE id = p_user_id;
    RETURN true;
END
$$;

-- Platform admins disable and re-enable accounts (never their own); disabling ends every session.
CREATE FUNCTION set_account_disabled(p_user_id uuid, p_disabled boolean) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    IF NOT is_platform_admin() OR p_user_id = current_app_user_id() THEN
        RETURN false;
    END IF;
    UPDATE app_users
    SET disabled_at = CASE WHEN p_disabled THEN COALESCE(disabled_at, now()) END,
        sessions_valid_from = CASE WHEN p_disabled THEN now() ELSE sessions_valid_from END,
        updated_at = now()
    WHERE id = p_user_id;
    RETURN FOUND;
END
$$;

-- Sign-in outcomes, recorded before anyone is signed in: one row per organization the account belongs
-- to (so each org's owners and admins see their members' sign-ins), else one row without an org.
CREATE FUNCTION record_sign_in(p_email text, p_succeeded boolean, p_ip text, p_user_agent text, p_reason text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_user uuid;
    v_action text := CASE WHEN p_succeeded THEN 'auth.signed_in' ELSE 'auth.sign_in_failed' END;
    v_details jsonb := jsonb_strip_nulls(jsonb_build_object('email', left(p_email, 320), 'reason', p_reason));
    v_ip inet;
BEGIN
    SELECT id INTO v_user FROM app_users WHERE email = left(p_email, 320)::citext;
    BEGIN
        v_ip := p_ip::inet;
    EXCEPTION WHEN others THEN
        v_ip := NULL;
    END;
    INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details, ip_address, user_agent)
    SELECT m.org_id, v_user, 'security', v_action, 'user', v_user, v_details, v_ip, left(p_user_agent, 500)
    FROM org_members m WHERE v_user IS NOT NULL AND m.user_id = v_user;
    IF NOT FOUND THEN
        INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details, ip_address, user_agent)
        VALUES (NULL, v_user, 'security', v_action, 'user', v_user, v_details, v_ip, left(p_user_agent, 500));
    END IF;
END
$$;

-- Security events of the acting user (refused access, disabled accounts); the org, when given, must be
-- one the user works in or collaborates with, otherwise the event is kept without an org.
CREATE FUNCTION record_security_event(p_org_id uuid, p_action text, p_resource_type text, p_resource_id uuid, p_details jsonb)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_user uuid := current_app_user_id();
BEGIN
    IF v_user IS NULL OR p_action !~ '^(access|account|session)\.[a-z_.]{1,60}$' THEN
        RAISE EXCEPTION 'not a security event' USING ERRCODE = '22023';
    END IF;
    INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
    VALUES (CASE WHEN is_org_member(p_org_id) OR is_collaborator_in_org(p_org_id) THEN p_org_id END,
            v_user, 'security', p_action, left(p_resource_type, 60), p_resource_id, p_details);
END
$$;

-- Who can see a show, and why: the org's members by role, external collaborators by their grant and the
-- invitation behind it, and open invitations that will grant access once accepted. Members of the show's
-- org may ask; anyone else gets no rows.
CREATE FUNCTION show_audience(p_show_id uuid)
    RETURNS TABLE (user_id uuid, display_name text, email text, kind text, role text, can_see boolean,
                   invited_by text, since timestamptz, grant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    WITH target AS (SELECT s.id, s.org_id FROM shows s WHERE s.id = p_show_id AND is_org_member(s.org_id))
    SELECT u.id, u.display_name, u.email::text, 'member', m.role::text, true, NULL::text, m.created_at, NULL::uuid
    FROM target t JOIN org_members m ON m.org_id = t.org_id JOIN app_users u ON u.id = m.user_id
    WHERE u.disabled_at IS NULL
    UNION ALL
    SELECT u.id, u.display_name, u.email::text, 'collaborator', c.role::text, true, inviter.display_name, c.granted_at, c.id
    FROM target t JOIN show_collaborators c ON c.show_id = t.id JOIN app_users u ON u.id = c.user_id
    LEFT JOIN invitations i ON i.id = c.invitation_id LEFT JOIN app_users inviter ON inviter.id = i.invited_by
    WHERE u.disabled_at IS NULL
    UNION ALL
    SELECT NULL, NULL, i.email::text, 'invitation', i.collab_role::text, false, inviter.display_name, i.created_at, i.id
    FROM target t JOIN invitations i ON i.show_id = t.id LEFT JOIN app_users inviter ON inviter.id = i.invited_by
    WHERE i.status = 'pending' AND (i.expires_at IS NULL OR i.expires_at > now())
$$;

REVOKE ALL ON FUNCTION end_sessions_on_access_change(), my_session_state(), sign_out_member_everywhere(uuid, uuid),
    set_account_disabled(uuid, boolean), record_sign_in(text, boolean, text, text, text),
    record_security_event(uuid, text, text, uuid, jsonb), show_audience(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION my_session_state(), sign_out_member_everywhere(uuid, uuid), set_account_disabled(uuid, boolean),
    record_sign_in(text, boolean, text, text, text), record_security_event(uuid, text, text, uuid, jsonb),
    show_audience(uuid) TO ${app_role};
