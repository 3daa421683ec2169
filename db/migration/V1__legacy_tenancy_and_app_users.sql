-- Legacy baseline, part 1 (shared/legacy-schema.md §2.1, §2.2 "Tenancy and people", §2.4).
-- app_users replaces Supabase's auth.users; the rest of the baseline follows in V1_1 and later.

CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE app_users (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email             citext      NOT NULL UNIQUE,
    password_hash     text,
    display_name      text        NOT NULL,
    is_platform_admin boolean     NOT NULL DEFAULT false,
    disabled_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_users_email_format CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    CONSTRAINT app_users_display_name_not_blank CHECK (length(btrim(display_name)) > 0)
);

CREATE TYPE org_role AS ENUM ('owner', 'admin', 'editor', 'viewer');

CREATE TABLE organizations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug       text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid
);

CREATE TABLE org_members (
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL,
    role       org_role    NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id)
);

CREATE INDEX idx_org_members_user_id ON org_members (user_id);
CREATE INDEX idx_org_members_org_user ON org_members (org_id, user_id);
CREATE INDEX idx_org_members_user_role ON org_members (user_id, role);
