-- Accepting an invitation: one definer function, race-safe (the invitation row is locked), bound to the invited
-- email, single use, honouring seat limits (the triggers on org_members and show_collaborators). A new person
-- first gets an account through create_invited_account, which only an open invitation for that email allows.

CREATE FUNCTION accept_invitation(p_token_hash bytea) RETURNS TABLE (outcome text, org_id uuid, show_id uuid)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
#variable_conflict use_column
DECLARE
    v_user  uuid := current_app_user_id();
    v_email citext;
    v_inv   invitations%ROWTYPE;
BEGIN
    SELECT email INTO v_email FROM app_users WHERE id = v_user AND disabled_at IS NULL;
    IF v_email IS NULL THEN
        RAISE EXCEPTION 'sign in to accept an invitation' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_inv FROM invitations WHERE token_hash = p_token_hash FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::uuid;
        RETURN;
    END IF;
    IF v_inv.status = 'accepted' THEN
        RETURN QUERY SELECT CASE WHEN v_inv.accepted_by = v_user THEN 'already_yours' ELSE 'used' END, v_inv.org_id, v_inv.show_id;
        RETURN;
    END IF;
    IF v_inv.status = 'revoked' THEN
        RETURN QUERY SELECT 'revoked'::text, v_inv.org_id, v_inv.show_id;
        RETURN;
    END IF;
    IF v_inv.status = 'expired' OR (v_inv.expires_at IS NOT NULL AND v_inv.expires_at <= now()) THEN
        UPDATE invitations SET status = 'expired', updated_at = now() WHERE id = v_inv.id AND status = 'pending';
        RETURN QUERY SELECT 'expired'::text, v_inv.org_id, v_inv.show_id;
        RETURN;
    END IF;
    IF v_inv.email <> v_email THEN
        RETURN QUERY SELECT 'wrong_account'::text, v_inv.org_id, v_inv.show_id;
        RETURN;
    END IF;
    IF v_inv.show_id IS NULL THEN
        INSERT INTO org_members (org_id, user_id, role) VALUES (v_inv.org_id, v_user, v_inv.org_role)
        ON CONFLICT ON CONSTRAINT org_members_pkey DO NOTHING;
        IF v_inv.person_id IS NOT NULL THEN
            UPDATE people SET user_id = v_user, updated_at = now() WHERE id = v_inv.person_id AND user_id IS NULL;
        END IF;
    ELSE
        INSERT INTO show_collaborators (show_id, user_id, role, org_id, invitation_id)
        VALUES (v_inv.show_id, v_user, v_inv.collab_role, v_inv.org_id, v_inv.id)
        ON CONFLICT (show_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET role = excluded.role, invitation_id = excluded.invitation_id;
    END IF;
    UPDATE invitations SET status = 'accepted', accepted_by = v_user, accepted_at = now(), updated_at = now(),
           version = version + 1 WHERE id = v_inv.id;
    INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
    VALUES (v_inv.org_id, v_user, 'invitation', 'invitation.accepted', 'invitation', v_inv.id,
            jsonb_build_object('scope', CASE WHEN v_inv.show_id IS NULL THEN 'org' ELSE 'show' END,
                               'role', COALESCE(v_inv.org_role::text, v_inv.collab_role::text)));
    RETURN QUERY SELECT 'accepted'::text, v_inv.org_id, v_inv.show_id;
END
$$;

-- An account for the invited email, only while an open invitation names it, only if none exists yet.
CREATE FUNCTION create_invited_account(p_token_hash bytea, p_display_name text, p_password_hash text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_inv invitations%ROWTYPE;
    v_id  uuid;
BEGIN
    SELECT * INTO v_inv FROM invitations WHERE token_hash = p_token_hash AND status = 'pending'
      AND (expires_at IS NULL OR expires_at > now());
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this invitation cannot be used' USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM app_users WHERE email = v_inv.email) THEN
        RAISE EXCEPTION 'an account with this email exists; sign in instead' USING ERRCODE = '23505';
    END IF;
    IF p_display_name IS NULL OR length(btrim(p_display_name)) = 0 OR length(p_display_name) > 120
       OR p_password_hash IS NULL OR p_password_hash NOT LIKE '$argon2id$%' THEN
        RAISE EXCEPTION 'a name and a password are required' USING ERRCODE = '22023';
    END IF;
    INSERT INTO app_users (email, display_name, password_hash) VALUES (v_inv.email, btrim(p_display_name), p_password_hash)
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

REVOKE ALL ON FUNCTION accept_invitation(bytea), create_invited_account(bytea, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION accept_invitation(bytea), create_invited_account(bytea, text, text) TO ${app_role};
