-- Redesign phase 2: one invitation system. Org invitations (with an org role) and show invitations for
-- external collaborators (with a collaborator role) live in `invitations`; `show_collaborators` keeps
-- only granted access. Only SHA-256 hashes of tokens are stored. See docs/decisions/0005-invitations.md.

CREATE TYPE invitation_status AS ENUM ('pending', 'accepted', 'revoked', 'expired');

ALTER TABLE invitations RENAME TO legacy_invitations;
ALTER INDEX invitations_pkey RENAME TO legacy_invitations_pkey;
ALTER INDEX idx_invitations_email RENAME TO legacy_idx_invitations_email;

CREATE TABLE invitations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid              NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email       citext            NOT NULL,
    org_role    org_role,
    show_id     uuid REFERENCES shows (id) ON DELETE CASCADE,
    collab_role show_collab_role,
    person_id   uuid REFERENCES people (id) ON DELETE SET NULL,
    token_hash  bytea UNIQUE,
    status      invitation_status NOT NULL DEFAULT 'pending',
    expires_at  timestamptz,
    invited_by  uuid REFERENCES app_users (id) ON DELETE SET NULL,
    accepted_by uuid REFERENCES app_users (id) ON DELETE SET NULL,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz       NOT NULL DEFAULT now(),
    updated_at  timestamptz       NOT NULL DEFAULT now(),
    version     int               NOT NULL DEFAULT 0,
    CONSTRAINT invitations_scope_check CHECK (
        (show_id IS NULL AND org_role IS NOT NULL AND collab_role IS NULL)
        OR (show_id IS NOT NULL AND collab_role IS NOT NULL AND org_role IS NULL)),
    CONSTRAINT invitations_token_hash_check CHECK (token_hash IS NULL OR length(token_hash) = 32),
    CONSTRAINT invitations_accepted_check CHECK (status <> 'accepted' OR accepted_at IS NOT NULL)
);
CREATE INDEX idx_invitations_org_status ON invitations (org_id, status, created_at DESC);
CREATE INDEX idx_invitations_show ON invitations (show_id) WHERE show_id IS NOT NULL;
CREATE INDEX idx_invitations_email ON invitations (email);

-- Legacy org invitations of roster people.
INSERT INTO invitations (id, org_id, email, org_role, person_id, token_hash, status, expires_at, invited_by,
                         accepted_by, accepted_at, created_at, updated_at)
SELECT i.id, i.org_id, i.email, i.role, i.person_id, sha256(convert_to(i.token, 'UTF8')),
       CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted'
            WHEN i.expires_at <= now() THEN 'expired'
            ELSE 'pending' END::invitation_status,
       i.expires_at, i.created_by,
       (SELECT m.user_id FROM people p JOIN org_members m ON m.org_id = p.org_id AND m.user_id = p.user_id
        WHERE p.id = i.person_id AND i.accepted_at IS NOT NULL),
       i.accepted_at, i.created_at, i.updated_at
FROM legacy_invitations i;

DROP TABLE legacy_invitations;

-- Show invitations from show_collaborators, in every status.
INSERT INTO invitations (id, org_id, email, show_id, collab_role, token_hash, status, invited_by, accepted_by,
                         accepted_at, revoked_at, created_at, updated_at)
SELECT sc.id, sc.org_id, sc.email, sc.show_id, sc.role,
       CASE WHEN sc.invite_token IS NOT NULL THEN sha256(convert_to(sc.invite_token, 'UTF8')) END,
       CASE sc.status WHEN 'invited' THEN 'pending' WHEN 'accepted' THEN 'accepted' ELSE 'revoked' END::invitation_status,
       (SELECT u.id FROM app_users u WHERE u.id = sc.invited_by),
       CASE WHEN sc.status = 'accepted' THEN (SELECT u.id FROM app_users u WHERE u.id = sc.user_id) END,
       CASE WHEN sc.status = 'accepted' THEN COALESCE(sc.accepted_at, sc.updated_at) END,
       CASE WHEN sc.status = 'revoked' THEN sc.updated_at END,
       sc.created_at, sc.updated_at
FROM show_collaborators sc;

-- What remains in show_collaborators is access actually granted: accepted, with a user.
DELETE FROM show_collaborators WHERE status <> 'accepted' OR user_id IS NULL;

ALTER TABLE show_collaborators ADD COLUMN invitation_id uuid REFERENCES invitations (id) ON DELETE SET NULL;
UPDATE show_collaborators SET invitation_id = id, accepted_at = COALESCE(accepted_at, updated_at);
ALTER TABLE show_collaborators RENAME COLUMN accepted_at TO granted_at;
ALTER TABLE show_collaborators ALTER COLUMN granted_at SET NOT NULL;
ALTER TABLE show_collaborators ALTER COLUMN granted_at SET DEFAULT now();
ALTER TABLE show_collaborators ALTER COLUMN user_id SET NOT NULL;
ALTER TABLE show_collaborators DROP CONSTRAINT show_collaborators_show_id_email_key;
DROP INDEX idx_show_collaborators_email;
DROP INDEX idx_show_collaborators_org_email;
DROP INDEX show_collaborators_invite_token_key;
ALTER TABLE show_collaborators DROP COLUMN email, DROP COLUMN invite_token, DROP COLUMN status, DROP COLUMN invited_by;
ALTER TABLE show_collaborators ALTER COLUMN role DROP DEFAULT;
CREATE INDEX idx_show_collaborators_org_user ON show_collaborators (org_id, user_id);

DROP TYPE show_invite_status;

-- At most one open invitation per email and scope: of legacy duplicates, the newest stays pending
-- and the older ones become expired (they are kept, not deleted).
UPDATE invitations i SET status = 'expired'
WHERE i.status = 'pending'
  AND EXISTS (SELECT 1 FROM invitations j
              WHERE j.status = 'pending' AND j.org_id = i.org_id AND j.email = i.email
                AND j.show_id IS NOT DISTINCT FROM i.show_id
                AND (j.created_at, j.id) > (i.created_at, i.id));
CREATE UNIQUE INDEX invitations_one_pending_org ON invitations (org_id, email) WHERE status = 'pending' AND show_id IS NULL;
CREATE UNIQUE INDEX invitations_one_pending_show ON invitations (show_id, email) WHERE status = 'pending' AND show_id IS NOT NULL;
