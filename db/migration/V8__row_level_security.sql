-- Row-level security on every table, implementing DESIGN.md §1. See docs/decisions/0009-row-level-security.md.
-- Helpers run as the owner (SECURITY DEFINER, pinned search_path) and answer only about the acting user.

-- Helpers ------------------------------------------------------------------------------------------

-- A live subscription: trialing/active within its period, or past_due within 7 days' grace.
CREATE FUNCTION org_is_live(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM org_subscriptions s
                   WHERE s.org_id = p_org_id
                     AND ((s.status IN ('trialing', 'active') AND (s.current_period_end IS NULL OR s.current_period_end > now()))
                          OR (s.status = 'past_due' AND s.current_period_end + interval '7 days' > now())))
$$;

CREATE FUNCTION can_edit_org(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT has_org_role(p_org_id, '{owner,admin,editor}') AND org_is_live(p_org_id) $$;

CREATE FUNCTION can_manage_org(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT has_org_role(p_org_id, '{owner,admin}') AND org_is_live(p_org_id) $$;

-- The acting user's orgs as arrays: policies use them as (SELECT …), evaluated once per statement,
-- so a scan of 20,000 rows costs one membership lookup instead of 20,000.
CREATE FUNCTION member_org_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT COALESCE(array_agg(org_id), '{}') FROM org_members WHERE user_id = current_app_user_id() $$;

CREATE FUNCTION editable_org_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT COALESCE(array_agg(m.org_id), '{}') FROM org_members m
    WHERE m.user_id = current_app_user_id() AND m.role IN ('owner', 'admin', 'editor') AND org_is_live(m.org_id)
$$;

CREATE FUNCTION show_org_id(p_show_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT org_id FROM shows WHERE id = p_show_id $$;

CREATE FUNCTION session_show_id(p_session_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT show_id FROM advancing_sessions WHERE id = p_session_id $$;

CREATE FUNCTION field_show_id(p_field_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT s.show_id FROM advancing_fields f JOIN advancing_sessions s ON s.id = f.session_id WHERE f.id = p_field_id $$;

-- The acting user's collaborator role on a show, or NULL.
CREATE FUNCTION show_collab_role_of(p_show_id uuid) RETURNS show_collab_role
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT role FROM show_collaborators WHERE show_id = p_show_id AND user_id = current_app_user_id() $$;

CREATE FUNCTION is_show_collaborator(p_show_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT show_collab_role_of(p_show_id) IS NOT NULL $$;

CREATE FUNCTION is_show_promoter_editor(p_show_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT COALESCE(show_collab_role_of(p_show_id) = 'promoter_editor', false) AND org_is_live(show_org_id(p_show_id)) $$;

CREATE FUNCTION is_collaborator_in_org(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ SELECT EXISTS (SELECT 1 FROM show_collaborators WHERE org_id = p_org_id AND user_id = current_app_user_id()) $$;

CREATE FUNCTION file_show_id(p_session_id uuid, p_document_id uuid, p_field_id uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT COALESCE(session_show_id(p_session_id),
                    session_show_id((SELECT d.session_id FROM advancing_documents d WHERE d.id = p_document_id)),
                    field_show_id(p_field_id))
$$;

-- Whether a file hangs off the promoter's side (their document box or one of their fields).
CREATE FUNCTION file_is_promoter_side(p_document_id uuid, p_field_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT COALESCE((SELECT d.party_type = 'from_you' FROM advancing_documents d WHERE d.id = p_document_id),
                    (SELECT f.party_type = 'from_you' FROM advancing_fields f WHERE f.id = p_field_id), false)
$$;

-- Policies -----------------------------------------------------------------------------------------

-- Plain org data: members read; owners, admins and editors of a live org write.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['people', 'artists', 'venues', 'shows', 'contacts', 'contact_types',
        'contact_commissions', 'venue_contacts', 'parsed_emails', 'parsed_contracts']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (org_id = ANY ((SELECT member_org_ids())::uuid[]))', t || '_select', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]))', t || '_insert', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (org_id = ANY ((SELECT editable_org_ids())::uuid[])) '
                       'WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]))', t || '_update', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (org_id = ANY ((SELECT editable_org_ids())::uuid[]))', t || '_delete', t);
    END LOOP;
END
$$;

ALTER TABLE show_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY show_assignments_select ON show_assignments FOR SELECT USING (is_org_member(show_org_id(show_id)));
CREATE POLICY show_assignments_insert ON show_assignments FOR INSERT WITH CHECK (can_edit_org(show_org_id(show_id)));
CREATE POLICY show_assignments_update ON show_assignments FOR UPDATE
    USING (can_edit_org(show_org_id(show_id))) WITH CHECK (can_edit_org(show_org_id(show_id)));
CREATE POLICY show_assignments_delete ON show_assignments FOR DELETE USING (can_edit_org(show_org_id(show_id)));

-- Collaborators see the schedule items marked for everyone or for the promoter team.
ALTER TABLE schedule_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY schedule_items_select ON schedule_items FOR SELECT
    USING (is_org_member(org_id)
           OR (show_id IS NOT NULL AND visibility IN ('all', 'promoter_team') AND is_show_collaborator(show_id)));
CREATE POLICY schedule_items_insert ON schedule_items FOR INSERT WITH CHECK (can_edit_org(org_id));
CREATE POLICY schedule_items_update ON schedule_items FOR UPDATE USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id));
CREATE POLICY schedule_items_delete ON schedule_items FOR DELETE USING (can_edit_org(org_id));

ALTER TABLE show_collaborators ENABLE ROW LEVEL SECURITY;
CREATE POLICY show_collaborators_select ON show_collaborators FOR SELECT
    USING (is_org_member(org_id) OR user_id = (SELECT current_app_user_id()));
CREATE POLICY show_collaborators_insert ON show_collaborators FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY show_collaborators_update ON show_collaborators FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY show_collaborators_delete ON show_collaborators FOR DELETE USING (can_edit_org(org_id));

-- Owners and admins manage org invitations (only owners invite owners); editors also manage show invitations.
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY invitations_select ON invitations FOR SELECT
    USING (has_org_role(org_id, '{owner,admin}') OR (show_id IS NOT NULL AND has_org_role(org_id, '{editor}')));
CREATE POLICY invitations_insert ON invitations FOR INSERT
    WITH CHECK ((show_id IS NULL AND can_manage_org(org_id) AND (org_role <> 'owner' OR has_org_role(org_id, '{owner}')))
                OR (show_id IS NOT NULL AND can_edit_org(org_id) AND show_org_id(show_id) = org_id));
CREATE POLICY invitations_update ON invitations FOR UPDATE
    USING ((show_id IS NULL AND can_manage_org(org_id) AND (org_role <> 'owner' OR has_org_role(org_id, '{owner}')))
           OR (show_id IS NOT NULL AND can_edit_org(org_id)))
    WITH CHECK ((show_id IS NULL AND can_manage_org(org_id) AND (org_role <> 'owner' OR has_org_role(org_id, '{owner}')))
                OR (show_id IS NOT NULL AND can_edit_org(org_id) AND show_org_id(show_id) = org_id));

-- Advancing: members read; collaborators read their granted shows; editors write;
-- promoter editors write the promoter side, comments and documents.
ALTER TABLE advancing_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_sessions_select ON advancing_sessions FOR SELECT
    USING (is_org_member(org_id) OR is_show_collaborator(show_id));
CREATE POLICY advancing_sessions_insert ON advancing_sessions FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY advancing_sessions_update ON advancing_sessions FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id) AND show_org_id(show_id) = org_id);
CREATE POLICY advancing_sessions_delete ON advancing_sessions FOR DELETE USING (can_edit_org(org_id));

ALTER TABLE advancing_fields ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_fields_select ON advancing_fields FOR SELECT
    USING (is_org_member(org_id) OR is_show_collaborator(session_show_id(session_id)));
CREATE POLICY advancing_fields_insert ON advancing_fields FOR INSERT
    WITH CHECK (can_edit_org(org_id) AND show_org_id(session_show_id(session_id)) = org_id);
CREATE POLICY advancing_fields_update_org ON advancing_fields FOR UPDATE
    USING (can_edit_org(org_id)) WITH CHECK (can_edit_org(org_id));
CREATE POLICY advancing_fields_update_promoter ON advancing_fields FOR UPDATE
    USING (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))
    WITH CHECK (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)));
CREATE POLICY advancing_fields_delete ON advancing_fields FOR DELETE USING (can_edit_org(org_id));

-- Column rules no policy can express: each side types only its own values; only the org confirms.
CREATE FUNCTION advancing_fields_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
DECLARE
    -- IS TRUE everywhere: in PL/pgSQL, NOT NULL is NULL and an IF on it silently passes.
    v_org_editor boolean := can_edit_org(NEW.org_id) IS TRUE;
BEGIN
    IF current_user <> '${app_role}' THEN
        RETURN NEW;
    END IF;
    IF NEW.value IS DISTINCT FROM OLD.value THEN
        IF OLD.party_type = 'from_us' AND NOT v_org_editor THEN
            RAISE EXCEPTION 'only the organization edits its own side' USING ERRCODE = '42501';
        END IF;
        IF OLD.party_type = 'from_you' AND is_show_promoter_editor(session_show_id(OLD.session_id)) IS NOT TRUE THEN
            RAISE EXCEPTION 'only the promoter team edits the promoter side' USING ERRCODE = '42501';
        END IF;
    END IF;
    IF NEW.status = 'confirmed' AND OLD.status IS DISTINCT FROM 'confirmed' AND NOT v_org_editor THEN
        RAISE EXCEPTION 'only an organization editor confirms a field' USING ERRCODE = '42501';
    END IF;
    IF NOT v_org_editor AND (NEW.section, NEW.field_name, NEW.field_type, NEW.party_type, NEW.sort_order, NEW.org_id,
                             NEW.session_id, NEW.created_by)
                         IS DISTINCT FROM (OLD.section, OLD.field_name, OLD.field_type, OLD.party_type, OLD.sort_order,
                                           OLD.org_id, OLD.session_id, OLD.created_by) THEN
        RAISE EXCEPTION 'only the organization changes the structure of an advance' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER advancing_fields_guard BEFORE UPDATE ON advancing_fields
    FOR EACH ROW EXECUTE FUNCTION advancing_fields_guard();

ALTER TABLE advancing_comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_comments_select ON advancing_comments FOR SELECT
    USING (is_org_member(org_id) OR is_show_collaborator(field_show_id(field_id)));
CREATE POLICY advancing_comments_insert ON advancing_comments FOR INSERT
    WITH CHECK (author_id = (SELECT current_app_user_id())
                AND show_org_id(field_show_id(field_id)) = org_id
                AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))));
CREATE POLICY advancing_comments_update ON advancing_comments FOR UPDATE
    USING (author_id = (SELECT current_app_user_id())
           AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))))
    WITH CHECK (author_id = (SELECT current_app_user_id()));
CREATE POLICY advancing_comments_delete ON advancing_comments FOR DELETE
    USING (author_id = (SELECT current_app_user_id())
           AND (can_edit_org(org_id) OR is_show_promoter_editor(field_show_id(field_id))));

ALTER TABLE advancing_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_documents_select ON advancing_documents FOR SELECT
    USING (is_org_member(org_id) OR is_show_collaborator(session_show_id(session_id)));
CREATE POLICY advancing_documents_insert ON advancing_documents FOR INSERT
    WITH CHECK (show_org_id(session_show_id(session_id)) = org_id
                AND (can_edit_org(org_id) OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id)))));
CREATE POLICY advancing_documents_update ON advancing_documents FOR UPDATE
    USING (can_edit_org(org_id) OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id))))
    WITH CHECK (can_edit_org(org_id) OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id))));
CREATE POLICY advancing_documents_delete ON advancing_documents FOR DELETE
    USING (can_edit_org(org_id) OR (party_type = 'from_you' AND is_show_promoter_editor(session_show_id(session_id))));

ALTER TABLE files ENABLE ROW LEVEL SECURITY;
CREATE POLICY files_select ON files FOR SELECT
    USING (is_org_member(org_id) OR is_show_collaborator(file_show_id(session_id, document_id, field_id)));
CREATE POLICY files_insert ON files FOR INSERT
    WITH CHECK (show_org_id(file_show_id(session_id, document_id, field_id)) = org_id
                AND (can_edit_org(org_id)
                     OR (file_is_promoter_side(document_id, field_id)
                         AND is_show_promoter_editor(file_show_id(session_id, document_id, field_id)))));
CREATE POLICY files_delete ON files FOR DELETE
    USING (can_edit_org(org_id)
           OR (file_is_promoter_side(document_id, field_id) AND uploaded_by = (SELECT current_app_user_id())
               AND is_show_promoter_editor(file_show_id(session_id, document_id, field_id))));

-- Billing: the catalog is readable by anyone signed in; only platform admins change plans,
-- subscriptions and overrides; members read their own org's.
ALTER TABLE billing_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY billing_plans_select ON billing_plans FOR SELECT USING ((SELECT current_app_user_id()) IS NOT NULL);
CREATE POLICY billing_plans_insert ON billing_plans FOR INSERT WITH CHECK ((SELECT is_platform_admin()));
CREATE POLICY billing_plans_update ON billing_plans FOR UPDATE
    USING ((SELECT is_platform_admin())) WITH CHECK ((SELECT is_platform_admin()));
CREATE POLICY billing_plans_delete ON billing_plans FOR DELETE USING ((SELECT is_platform_admin()));

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['org_subscriptions', 'org_feature_overrides']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (is_org_member(org_id) OR (SELECT is_platform_admin()))',
                       t || '_select', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK ((SELECT is_platform_admin()))', t || '_insert', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING ((SELECT is_platform_admin())) WITH CHECK ((SELECT is_platform_admin()))',
                       t || '_update', t);
        EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING ((SELECT is_platform_admin()))', t || '_delete', t);
    END LOOP;
END
$$;

ALTER TABLE waitlist ENABLE ROW LEVEL SECURITY;
CREATE POLICY waitlist_select ON waitlist FOR SELECT USING ((SELECT is_platform_admin()));
CREATE POLICY waitlist_update ON waitlist FOR UPDATE USING ((SELECT is_platform_admin())) WITH CHECK ((SELECT is_platform_admin()));
CREATE POLICY waitlist_delete ON waitlist FOR DELETE USING ((SELECT is_platform_admin()));

-- The activity log is append-only for the app: owners and admins read their org's entries,
-- platform admins read billing entries; whoever acts may append their own entries.
ALTER TABLE activity_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_log_default ENABLE ROW LEVEL SECURITY;
CREATE POLICY activity_log_select ON activity_log FOR SELECT
    USING ((org_id IS NOT NULL AND has_org_role(org_id, '{owner,admin}'))
           OR (category = 'billing' AND (SELECT is_platform_admin())));
CREATE POLICY activity_log_insert ON activity_log FOR INSERT
    WITH CHECK (user_id = (SELECT current_app_user_id())
                AND ((category = 'billing' AND (SELECT is_platform_admin()))
                     OR (org_id IS NOT NULL AND (is_org_member(org_id) OR is_collaborator_in_org(org_id)))));

ALTER TABLE query_performance_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY query_performance_log_select ON query_performance_log FOR SELECT USING ((SELECT is_platform_admin()));
CREATE POLICY query_performance_log_insert ON query_performance_log FOR INSERT
    WITH CHECK (user_id = (SELECT current_app_user_id()));

-- Tenancy, tightened: a lapsed org is read-only, and platform admins see which orgs exist.
DROP POLICY organizations_update ON organizations;
CREATE POLICY organizations_update ON organizations FOR UPDATE
    USING (can_manage_org(id)) WITH CHECK (can_manage_org(id));
CREATE POLICY organizations_select_platform ON organizations FOR SELECT USING ((SELECT is_platform_admin()));
DROP POLICY org_members_insert ON org_members;
DROP POLICY org_members_update ON org_members;
DROP POLICY org_members_delete ON org_members;
CREATE POLICY org_members_insert ON org_members FOR INSERT
    WITH CHECK (can_manage_org(org_id) AND (role <> 'owner' OR has_org_role(org_id, '{owner}')));
CREATE POLICY org_members_update ON org_members FOR UPDATE
    USING (user_id <> (SELECT current_app_user_id()) AND can_manage_org(org_id)
           AND (role <> 'owner' OR has_org_role(org_id, '{owner}')))
    WITH CHECK (can_manage_org(org_id) AND (role <> 'owner' OR has_org_role(org_id, '{owner}')));
CREATE POLICY org_members_delete ON org_members FOR DELETE
    USING (user_id <> (SELECT current_app_user_id()) AND can_manage_org(org_id)
           AND (role <> 'owner' OR has_org_role(org_id, '{owner}')));

-- Anonymous entry points ---------------------------------------------------------------------------

-- What the acceptance page may show about one invitation, found by the hash of its token.
CREATE FUNCTION invitation_by_token_hash(p_token_hash bytea)
    RETURNS TABLE (invitation_id uuid, org_name text, show_title text, show_date date, email text,
                   org_role org_role, collab_role show_collab_role, status invitation_status,
                   expires_at timestamptz, invited_by_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT i.id, o.name, s.title, s.date, i.email::text, i.org_role, i.collab_role,
           CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired'::invitation_status ELSE i.status END,
           i.expires_at, u.display_name
    FROM invitations i
    JOIN organizations o ON o.id = i.org_id
    LEFT JOIN shows s ON s.id = i.show_id
    LEFT JOIN app_users u ON u.id = i.invited_by
    WHERE i.token_hash = p_token_hash
$$;

CREATE FUNCTION join_waitlist(p_email text, p_name text, p_role text, p_company text, p_phone text, p_notes text)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    INSERT INTO waitlist (email, name, role, company, phone, notes)
    VALUES (lower(btrim(p_email)), p_name, p_role, p_company, p_phone, p_notes)
    ON CONFLICT (email) DO NOTHING
$$;

-- A new organization starts on a 7-day trial of solo_artist.
CREATE OR REPLACE FUNCTION create_organization(p_name text) RETURNS uuid
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
    INSERT INTO org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end)
    VALUES (v_id, 'solo_artist', 'trialing', now(), now() + interval '7 days');
    INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details)
    VALUES (v_id, v_user, 'billing', 'subscription.trial_started', 'subscription', v_id,
            jsonb_build_object('plan_id', 'solo_artist', 'days', 7));
    RETURN v_id;
END
$$;

-- Grants ---------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION member_org_ids(), editable_org_ids(), org_is_live(uuid), can_edit_org(uuid), can_manage_org(uuid), show_org_id(uuid),
    session_show_id(uuid), field_show_id(uuid), show_collab_role_of(uuid), is_show_collaborator(uuid),
    is_show_promoter_editor(uuid), is_collaborator_in_org(uuid), file_show_id(uuid, uuid, uuid),
    file_is_promoter_side(uuid, uuid), invitation_by_token_hash(bytea),
    join_waitlist(text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION member_org_ids(), editable_org_ids(), org_is_live(uuid), can_edit_org(uuid), can_manage_org(uuid), show_org_id(uuid),
    session_show_id(uuid), field_show_id(uuid), show_collab_role_of(uuid), is_show_collaborator(uuid),
    is_show_promoter_editor(uuid), is_collaborator_in_org(uuid), file_show_id(uuid, uuid, uuid),
    file_is_promoter_side(uuid, uuid), invitation_by_token_hash(bytea),
    join_waitlist(text, text, text, text, text, text), org_seat_counts(uuid),
    ensure_activity_log_partitions(int, timestamptz) TO ${app_role};

GRANT SELECT, INSERT, UPDATE, DELETE ON people, artists, venues, shows, show_assignments, schedule_items,
    show_collaborators, advancing_sessions, advancing_fields, advancing_comments, advancing_documents, files,
    contacts, contact_types, contact_commissions, venue_contacts, parsed_emails, parsed_contracts,
    billing_plans, org_subscriptions, org_feature_overrides TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON invitations TO ${app_role};
GRANT SELECT, UPDATE, DELETE ON waitlist TO ${app_role};
GRANT SELECT, INSERT ON activity_log, query_performance_log TO ${app_role};
GRANT SELECT ON shows_list_view, org_seat_usage, org_entitlements TO ${app_role};
