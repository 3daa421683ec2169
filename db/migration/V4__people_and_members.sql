-- Redesign phase 3: a person linked to a user implies that user is a member of the person's org.
-- Enforced by triggers (CHECK constraints cannot hold subqueries). See docs/decisions/0006-people-and-members.md.

-- Legacy links to users who are not members of the person's org are unlinked, never turned into
-- memberships (that would open the org to them). Each unlink is written to the activity log first.
INSERT INTO activity_log (org_id, user_id, action, resource_type, resource_id, details, created_at)
SELECT p.org_id, NULL, 'person.user_unlinked', 'person', p.id,
       jsonb_build_object('former_user_id', p.user_id, 'reason', 'not a member of the organization (redesign phase 3)'),
       now()
FROM people p
WHERE p.user_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = p.org_id AND m.user_id = p.user_id);

UPDATE people p SET user_id = NULL, updated_at = now()
WHERE p.user_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = p.org_id AND m.user_id = p.user_id);

-- One roster entry per member at most.
CREATE UNIQUE INDEX people_org_user_key ON people (org_id, user_id) WHERE user_id IS NOT NULL;

CREATE FUNCTION people_user_must_be_member() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    IF NEW.user_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = NEW.org_id AND m.user_id = NEW.user_id) THEN
        RAISE EXCEPTION 'person % is linked to a user who is not a member of the organization', NEW.id
            USING ERRCODE = '23514', CONSTRAINT = 'people_user_is_member';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER people_user_is_member BEFORE INSERT OR UPDATE OF user_id, org_id ON people
    FOR EACH ROW EXECUTE FUNCTION people_user_must_be_member();

-- Removing a membership keeps the person on the roster but ends their link to the login.
CREATE FUNCTION org_members_unlink_people() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    UPDATE people SET user_id = NULL, updated_at = now() WHERE org_id = OLD.org_id AND user_id = OLD.user_id;
    RETURN OLD;
END
$$;
CREATE TRIGGER org_members_unlink_people AFTER DELETE ON org_members
    FOR EACH ROW EXECUTE FUNCTION org_members_unlink_people();

-- Memberships belong to real accounts from now on (legacy rows are left as they are: NOT VALID).
ALTER TABLE org_members ADD CONSTRAINT org_members_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES app_users (id) ON DELETE CASCADE NOT VALID;
