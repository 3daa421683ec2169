-- The crew roster and who works which show (issue 16, items 1 and 2; docs/decisions/0019-crew.md).
--
-- people keeps its columns (V1.1, V4's member rule, V7's version, V8's policies); the roster only needs a way to tie
-- an assignment to the person's own organization. show_assignments keeps show_id, person_id, duty and its primary key
-- (the day sheet reads them as they are) and gains:
--   id          a stable row identity for the application (the JPA entity's id; the key stays (show_id, person_id));
--   org_id      the show's organization, filled in from the show when an insert leaves it out, so older SQL that names
--               only show and person still works; two foreign keys make it equal to the show's AND the person's org,
--               which nothing enforced before: an editor could have put another organization's person on a show;
--   created_at  and version (optimistic locking of the duty).

ALTER TABLE people ADD CONSTRAINT people_id_org_key UNIQUE (id, org_id);
ALTER TABLE shows ADD CONSTRAINT shows_id_org_key UNIQUE (id, org_id);

ALTER TABLE show_assignments
    ADD COLUMN id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN org_id     uuid,
    ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN version    int         NOT NULL DEFAULT 0;
ALTER TABLE show_assignments ADD CONSTRAINT show_assignments_id_key UNIQUE (id);

UPDATE show_assignments a SET org_id = s.org_id FROM shows s WHERE s.id = a.show_id;
ALTER TABLE show_assignments ALTER COLUMN org_id SET NOT NULL;

-- Not SECURITY DEFINER: show_org_id is the definer helper the policies already use, and the insert policy below still
-- decides whether the acting user may write into the organization found.
CREATE FUNCTION show_assignments_fill_org() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
    IF NEW.org_id IS NULL THEN
        NEW.org_id := show_org_id(NEW.show_id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER show_assignments_fill_org BEFORE INSERT ON show_assignments
    FOR EACH ROW EXECUTE FUNCTION show_assignments_fill_org();

ALTER TABLE show_assignments
    ADD CONSTRAINT show_assignments_show_in_org FOREIGN KEY (show_id, org_id) REFERENCES shows (id, org_id)
        ON DELETE CASCADE;
-- Checked for every new or changed row at once; existing rows are validated below only if the legacy data allows it,
-- since a migration never drops rows (docs/product.md §4). Such rows stay invisible in the roster: RLS hides the
-- other organization's person.
ALTER TABLE show_assignments
    ADD CONSTRAINT show_assignments_person_in_org FOREIGN KEY (person_id, org_id) REFERENCES people (id, org_id)
        ON DELETE CASCADE NOT VALID;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM show_assignments a JOIN people p ON p.id = a.person_id WHERE p.org_id <> a.org_id) THEN
        ALTER TABLE show_assignments VALIDATE CONSTRAINT show_assignments_person_in_org;
    END IF;
END
$$;

-- A person's shows (their page, the double-booking warning); the primary key serves a show's crew.
CREATE INDEX show_assignments_person ON show_assignments (person_id, org_id);
-- The roster is listed and searched by name within an org.
CREATE INDEX people_org_name ON people (org_id, lower(name));

-- The policies ask the row's own org, like every other org table (V8), instead of looking the show up per row.
-- Same verdicts: org_id is the show's org.
DROP POLICY show_assignments_select ON show_assignments;
DROP POLICY show_assignments_insert ON show_assignments;
DROP POLICY show_assignments_update ON show_assignments;
DROP POLICY show_assignments_delete ON show_assignments;
CREATE POLICY show_assignments_select ON show_assignments FOR SELECT
    USING (org_id = ANY ((SELECT member_org_ids())::uuid[]));
CREATE POLICY show_assignments_insert ON show_assignments FOR INSERT
    WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
CREATE POLICY show_assignments_update ON show_assignments FOR UPDATE
    USING (org_id = ANY ((SELECT editable_org_ids())::uuid[]))
    WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
CREATE POLICY show_assignments_delete ON show_assignments FOR DELETE
    USING (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
