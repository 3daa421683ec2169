-- The waitlist goes live (issue 18, decision 0025): a public sign-up, platform admins moving entries through
-- pending → invited → converted / declined, and an invitation that lets the invited person start an organization.

-- 1. The entry -------------------------------------------------------------------------------------------------------
-- An email is on the list once, whatever its case: the legacy key compared case-sensitively, so case variants of one
-- address became separate entries. The oldest stays (it is the first sign-up); the later copies are the same person
-- signing up again and go. Then every address is stored as it is compared: trimmed and lower-cased.
DELETE FROM waitlist w USING waitlist older
WHERE lower(btrim(older.email)) = lower(btrim(w.email)) AND (older.created_at, older.id) < (w.created_at, w.id);
UPDATE waitlist SET email = lower(btrim(email)) WHERE email <> lower(btrim(email));
CREATE UNIQUE INDEX waitlist_email_lower_key ON waitlist (lower(email));

-- Who moved an entry and when, the invitation it got, and the organization it became.
ALTER TABLE waitlist
    ADD COLUMN invited_by           uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN invited_at           timestamptz,
    ADD COLUMN invitation_id        uuid,
    ADD COLUMN declined_by          uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN declined_at          timestamptz,
    ADD COLUMN converted_at         timestamptz,
    ADD COLUMN organization_id      uuid REFERENCES organizations (id) ON DELETE SET NULL,
    -- When the confirmation mail last went out: a repeated sign-up mails again at most once a day (waitlist_sign_up).
    ADD COLUMN confirmation_sent_at timestamptz;
CREATE INDEX idx_waitlist_invitation ON waitlist (invitation_id) WHERE invitation_id IS NOT NULL;

-- What the form allows, for new rows (legacy rows were never checked; NOT VALID leaves them be).
ALTER TABLE waitlist
    ADD CONSTRAINT waitlist_email_shape CHECK (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$') NOT VALID,
    ADD CONSTRAINT waitlist_name_length CHECK (name IS NULL OR length(name) <= 120) NOT VALID,
    ADD CONSTRAINT waitlist_company_length CHECK (company IS NULL OR length(company) <= 120) NOT VALID,
    ADD CONSTRAINT waitlist_notes_length CHECK (notes IS NULL OR length(notes) <= 1000) NOT VALID;

-- RLS stays as V8 made it: platform admins read, update and delete (is_platform_admin()); nobody inserts directly.
-- The anonymous sign-up goes through this definer function: the visitor is nobody, so no policy could let them in.
-- It answers only whether to send the confirmation mail now, never whether the address was on the list already:
-- a new entry, or a known one whose last confirmation went out more than a day ago. A known entry keeps what it
-- had (a second sign-up must not overwrite the first one's details, nor move an invited or declined entry).
DROP FUNCTION join_waitlist(text, text, text, text, text, text);
CREATE FUNCTION waitlist_sign_up(p_email text, p_name text, p_role text, p_company text, p_note text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_email text := lower(btrim(p_email));
BEGIN
    IF v_email IS NULL OR v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' OR length(v_email) > 254 THEN
        RAISE EXCEPTION 'an email address is required' USING ERRCODE = '22023';
    END IF;
    IF p_name IS NULL OR length(btrim(p_name)) = 0 THEN
        RAISE EXCEPTION 'a name is required' USING ERRCODE = '22023';
    END IF;
    INSERT INTO waitlist (email, name, role, company, notes, source, confirmation_sent_at)
    VALUES (v_email, btrim(p_name), p_role, NULLIF(btrim(p_company), ''), NULLIF(btrim(p_note), ''), 'website', now())
    ON CONFLICT ((lower(email))) DO NOTHING;
    IF FOUND THEN
        RETURN true;
    END IF;
    UPDATE waitlist SET confirmation_sent_at = now()
    WHERE lower(email) = v_email AND (confirmation_sent_at IS NULL OR confirmation_sent_at < now() - interval '1 day');
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION waitlist_sign_up(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION waitlist_sign_up(text, text, text, text, text) TO ${app_role};

-- 2. An invitation to start an organization ---------------------------------------------------------------------------
-- A third kind of invitation beside "into an org with a role" and "onto a show": no organization yet. Accepting it
-- creates the organization with the invited person as its owner, on the plan every new organization starts on
-- (create_organization: the default plan's trial). Platform admins issue them (for waitlist entries).
ALTER TABLE invitations ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE invitations DROP CONSTRAINT invitations_scope_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_scope_check CHECK (
    (org_id IS NOT NULL AND show_id IS NULL AND org_role IS NOT NULL AND collab_role IS NULL)
    OR (org_id IS NOT NULL AND show_id IS NOT NULL AND collab_role IS NOT NULL AND org_role IS NULL)
    OR (org_id IS NULL AND show_id IS NULL AND org_role IS NULL AND collab_role IS NULL AND person_id IS NULL));
CREATE UNIQUE INDEX invitations_one_pending_new_org ON invitations (email) WHERE status = 'pending' AND org_id IS NULL;
ALTER TABLE waitlist ADD CONSTRAINT waitlist_invitation_fkey
    FOREIGN KEY (invitation_id) REFERENCES invitations (id) ON DELETE SET NULL;

-- The org policies never match a row without an org (has_org_role(NULL, …) is false); these add the platform admins'.
CREATE POLICY invitations_new_org_select ON invitations FOR SELECT
    USING (org_id IS NULL AND (SELECT is_platform_admin()));
CREATE POLICY invitations_new_org_insert ON invitations FOR INSERT
    WITH CHECK (org_id IS NULL AND (SELECT is_platform_admin()) AND invited_by = (SELECT current_app_user_id()));
CREATE POLICY invitations_new_org_update ON invitations FOR UPDATE
    USING (org_id IS NULL AND (SELECT is_platform_admin()))
    WITH CHECK (org_id IS NULL AND (SELECT is_platform_admin()));

-- The acceptance page's lookup (V8) joined the organization; an invitation to start one has none yet.
CREATE OR REPLACE FUNCTION invitation_by_token_hash(p_token_hash bytea)
    RETURNS TABLE (invitation_id uuid, org_name text, show_title text, show_date date, email text,
                   org_role org_role, collab_role show_collab_role, status invitation_status,
                   expires_at timestamptz, invited_by_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT i.id, o.name, s.title, s.date, i.email::text, i.org_role, i.collab_role,
           CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired'::invitation_status ELSE i.status END,
           i.expires_at, u.display_name
    FROM invitations i
    LEFT JOIN organizations o ON o.id = i.org_id
    LEFT JOIN shows s ON s.id = i.show_id
    LEFT JOIN app_users u ON u.id = i.invited_by
    WHERE i.token_hash = p_token_hash
$$;

-- Accepting an invitation to start an organization, as accept_invitation (V12) accepts the others: the row locked,
-- bound to the invited email, once. The organization is made by create_organization (owner, default plan's trial);
-- the waitlist entry that led here becomes converted in the same transaction.
CREATE FUNCTION accept_organization_invitation(p_token_hash bytea, p_org_name text)
    RETURNS TABLE (outcome text, org_id uuid)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_user  uuid := current_app_user_id();
    v_email citext;
    v_inv   invitations%ROWTYPE;
    v_org   uuid;
BEGIN
    SELECT u.email INTO v_email FROM app_users u WHERE u.id = v_user AND u.disabled_at IS NULL;
    IF v_email IS NULL THEN
        RAISE EXCEPTION 'sign in to accept an invitation' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_inv FROM invitations i WHERE i.token_hash = p_token_hash AND i.org_id IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'not_found'::text, NULL::uuid;
        RETURN;
    END IF;
    IF v_inv.status = 'accepted' THEN
        RETURN QUERY SELECT CASE WHEN v_inv.accepted_by = v_user THEN 'already_yours' ELSE 'used' END, NULL::uuid;
        RETURN;
    END IF;
    IF v_inv.status = 'revoked' THEN
        RETURN QUERY SELECT 'revoked'::text, NULL::uuid;
        RETURN;
    END IF;
    IF v_inv.status = 'expired' OR (v_inv.expires_at IS NOT NULL AND v_inv.expires_at <= now()) THEN
        UPDATE invitations i SET status = 'expired', updated_at = now() WHERE i.id = v_inv.id AND i.status = 'pending';
        RETURN QUERY SELECT 'expired'::text, NULL::uuid;
        RETURN;
    END IF;
    IF v_inv.email <> v_email THEN
        RETURN QUERY SELECT 'wrong_account'::text, NULL::uuid;
        RETURN;
    END IF;
    v_org := create_organization(p_org_name);
    UPDATE invitations i SET status = 'accepted', accepted_by = v_user, accepted_at = now(), updated_at = now(),
           version = i.version + 1 WHERE i.id = v_inv.id;
    UPDATE waitlist w SET status = 'converted', converted_at = now(), organization_id = v_org, updated_at = now(),
           version = w.version + 1
    WHERE w.invitation_id = v_inv.id AND w.status = 'invited';
    INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
    VALUES (v_org, v_user, 'invitation', 'invitation.accepted', 'invitation', v_inv.id,
            jsonb_build_object('scope', 'new_organization'));
    RETURN QUERY SELECT 'accepted'::text, v_org;
END
$$;
REVOKE ALL ON FUNCTION accept_organization_invitation(bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION accept_organization_invitation(bytea, text) TO ${app_role};

-- 3. The activity log of the waitlist -----------------------------------------------------------------------------------
-- A platform admin's moves belong to no organization; the log's policies (V8, V17) let only billing entries be so.
-- These add the waitlist's own entries, written and read by platform admins only.
CREATE POLICY activity_log_waitlist_insert ON activity_log FOR INSERT
    WITH CHECK (org_id IS NULL AND resource_type = 'waitlist' AND category = 'general'
                AND user_id = (SELECT current_app_user_id()) AND (SELECT is_platform_admin()));
CREATE POLICY activity_log_waitlist_select ON activity_log FOR SELECT
    USING (org_id IS NULL AND resource_type = 'waitlist' AND (SELECT is_platform_admin()));
