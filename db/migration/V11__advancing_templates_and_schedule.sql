-- Advancing: org templates (the built-in default lives in code), one schedule item per confirmed time field,
-- and what an external collaborator may know about the shows granted to them.

CREATE TABLE advancing_templates (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    fields     jsonb       NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    int         NOT NULL DEFAULT 0,
    UNIQUE (org_id, name)
);
ALTER TABLE advancing_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY advancing_templates_select ON advancing_templates FOR SELECT USING (org_id = ANY ((SELECT member_org_ids())::uuid[]));
CREATE POLICY advancing_templates_insert ON advancing_templates FOR INSERT WITH CHECK (can_manage_org(org_id));
CREATE POLICY advancing_templates_update ON advancing_templates FOR UPDATE USING (can_manage_org(org_id)) WITH CHECK (can_manage_org(org_id));
CREATE POLICY advancing_templates_delete ON advancing_templates FOR DELETE USING (can_manage_org(org_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON advancing_templates TO ${app_role};

-- A confirmed time field owns at most one schedule item: re-confirming updates it, never duplicates it.
CREATE UNIQUE INDEX schedule_items_source_field_key ON schedule_items (source_field_id) WHERE source_field_id IS NOT NULL;

-- The granted shows of the acting user, with their public facts only (never fees, notes or contacts).
CREATE FUNCTION my_granted_shows()
    RETURNS TABLE (show_id uuid, org_id uuid, org_name text, title text, date date, doors_at timestamptz,
                   set_time timestamptz, status show_status, venue_name text, venue_city text, venue_timezone text,
                   artist_name text, role show_collab_role)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT s.id, s.org_id, o.name, s.title, s.date, s.doors_at, s.set_time, s.status, v.name, v.city, v.timezone, a.name, sc.role
    FROM show_collaborators sc
    JOIN shows s ON s.id = sc.show_id
    JOIN organizations o ON o.id = s.org_id
    LEFT JOIN venues v ON v.id = s.venue_id
    LEFT JOIN artists a ON a.id = s.artist_id
    WHERE sc.user_id = current_app_user_id()
$$;
REVOKE ALL ON FUNCTION my_granted_shows() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION my_granted_shows() TO ${app_role};
