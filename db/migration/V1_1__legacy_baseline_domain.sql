-- Legacy baseline, part 2: the rest of shared/legacy-schema.md (§2.1–2.4, §5) as the original
-- database had it, with user references pointing at app_users. No policies: the legacy ones are
-- not recreated; ours come with the redesign (V8).

CREATE TYPE show_status AS ENUM ('draft', 'confirmed', 'cancelled');
CREATE TYPE show_collab_role AS ENUM ('promoter_editor', 'promoter_viewer');
CREATE TYPE show_invite_status AS ENUM ('invited', 'accepted', 'revoked');
CREATE TYPE party AS ENUM ('from_us', 'from_you');
CREATE TYPE field_status AS ENUM ('pending', 'confirmed');
CREATE TYPE member_type AS ENUM ('Artist', 'Crew', 'Agent', 'Manager');

-- Tenancy and people ---------------------------------------------------------------------------

CREATE TABLE people (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id     uuid,
    name        text        NOT NULL,
    email       text,
    phone       text,
    role_title  text,
    notes       text,
    member_type member_type,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz
);
CREATE INDEX idx_people_org_id ON people (org_id);
CREATE INDEX idx_people_user_id ON people (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE invitations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    person_id   uuid        NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    email       text        NOT NULL,
    token       text        NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    created_by  uuid REFERENCES app_users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    role        org_role    NOT NULL DEFAULT 'viewer',
    CONSTRAINT invitations_email_check CHECK (email ~* '^[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}$'),
    CONSTRAINT invitations_expires_check CHECK (expires_at > created_at),
    CONSTRAINT invitations_token_check CHECK (length(token) >= 32)
);
CREATE INDEX idx_invitations_email ON invitations (email);
CREATE INDEX idx_invitations_org_id ON invitations (org_id);
CREATE INDEX idx_invitations_person_id ON invitations (person_id);
CREATE INDEX idx_invitations_role ON invitations (role);
CREATE INDEX idx_invitations_token_pending ON invitations (token) WHERE accepted_at IS NULL;
CREATE INDEX idx_invitations_expires_pending ON invitations (expires_at) WHERE accepted_at IS NULL;

CREATE TABLE waitlist (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email      text        NOT NULL UNIQUE,
    name       text,
    role       text        NOT NULL CHECK (role IN ('artist', 'manager', 'agent', 'venue', 'promoter', 'other')),
    company    text,
    phone      text,
    notes      text,
    status     text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'invited', 'converted', 'declined')),
    source     text                 DEFAULT 'website',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_waitlist_status ON waitlist (status);
CREATE INDEX idx_waitlist_created_at ON waitlist (created_at DESC);

-- Core domain ----------------------------------------------------------------------------------

CREATE TABLE artists (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    slug       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE UNIQUE INDEX artists_org_slug_key ON artists (org_id, slug) WHERE slug IS NOT NULL;
CREATE INDEX idx_artists_org_id ON artists (org_id);

CREATE TABLE venues (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    address    text,
    city       text,
    country    text,
    capacity   int,
    contacts   jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX idx_venues_org_id ON venues (org_id);

CREATE TABLE shows (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    artist_id  uuid REFERENCES artists (id) ON DELETE SET NULL,
    venue_id   uuid REFERENCES venues (id),
    date       date        NOT NULL,
    doors_at   timestamptz,
    set_time   timestamptz,
    status     show_status NOT NULL DEFAULT 'draft',
    title      text,
    notes      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX idx_shows_org_date ON shows (org_id, date);
CREATE INDEX idx_shows_artist_id ON shows (artist_id) WHERE artist_id IS NOT NULL;
CREATE INDEX idx_shows_venue_id ON shows (venue_id) WHERE venue_id IS NOT NULL;

CREATE TABLE show_assignments (
    show_id   uuid NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    duty      text,
    PRIMARY KEY (show_id, person_id)
);

CREATE TABLE show_collaborators (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    show_id      uuid               NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    user_id      uuid,
    email        citext             NOT NULL,
    role         show_collab_role   NOT NULL DEFAULT 'promoter_editor',
    invited_by   uuid,
    accepted_at  timestamptz,
    created_at   timestamptz        NOT NULL DEFAULT now(),
    org_id       uuid               NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    invite_token text,
    status       show_invite_status NOT NULL DEFAULT 'invited',
    updated_at   timestamptz        NOT NULL DEFAULT now(),
    UNIQUE (show_id, email)
);
CREATE UNIQUE INDEX show_collaborators_invite_token_key ON show_collaborators (invite_token) WHERE invite_token IS NOT NULL;
CREATE UNIQUE INDEX show_collaborators_show_user_key ON show_collaborators (show_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX idx_show_collaborators_email ON show_collaborators (email);
CREATE INDEX idx_show_collaborators_user_id ON show_collaborators (user_id);
CREATE INDEX idx_show_collaborators_show_user ON show_collaborators (show_id, user_id);
CREATE INDEX idx_show_collaborators_org_email ON show_collaborators (org_id, email);

-- Advancing ------------------------------------------------------------------------------------

CREATE TABLE advancing_sessions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    show_id    uuid        NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    title      text        NOT NULL,
    expires_at timestamptz,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX idx_advancing_sessions_org_show ON advancing_sessions (org_id, show_id);

CREATE TABLE advancing_fields (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id uuid         NOT NULL REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    section    text         NOT NULL,
    field_name text         NOT NULL,
    field_type text         NOT NULL DEFAULT 'text',
    value      jsonb,
    status     field_status NOT NULL DEFAULT 'pending',
    party_type party        NOT NULL,
    sort_order int          NOT NULL DEFAULT 1000,
    created_by uuid         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz,
    UNIQUE (session_id, section, field_name, party_type)
);
COMMENT ON COLUMN advancing_fields.field_type IS 'text, textarea, file, date, time, number, grid';
CREATE INDEX idx_advancing_fields_session_party ON advancing_fields (session_id, party_type);
CREATE INDEX idx_advancing_fields_session_section_sort ON advancing_fields (session_id, section, sort_order);

CREATE TABLE advancing_comments (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    field_id    uuid        NOT NULL REFERENCES advancing_fields (id) ON DELETE CASCADE,
    author_id   uuid,
    author_name text,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz
);
CREATE INDEX idx_advancing_comments_field_id ON advancing_comments (field_id);

CREATE TABLE advancing_documents (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id uuid        NOT NULL REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    party_type party       NOT NULL,
    label      text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz
);
CREATE INDEX idx_advancing_documents_session_id ON advancing_documents (session_id);

CREATE TABLE files (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    session_id    uuid REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    document_id   uuid REFERENCES advancing_documents (id) ON DELETE CASCADE,
    field_id      uuid REFERENCES advancing_fields (id) ON DELETE CASCADE,
    storage_path  text        NOT NULL,
    original_name text,
    content_type  text,
    size_bytes    int,
    uploaded_by   uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz,
    CONSTRAINT files_attached_check CHECK (session_id IS NOT NULL OR document_id IS NOT NULL OR field_id IS NOT NULL),
    UNIQUE (org_id, storage_path)
);
CREATE UNIQUE INDEX files_storage_path_key ON files (storage_path);
CREATE INDEX idx_files_session_id ON files (session_id);
CREATE INDEX idx_files_document_id ON files (document_id);
CREATE INDEX idx_files_field_id ON files (field_id);
CREATE INDEX idx_files_org_created ON files (org_id, created_at DESC);
CREATE INDEX idx_files_session_partial ON files (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX idx_files_document_partial ON files (document_id) WHERE document_id IS NOT NULL;

CREATE TABLE schedule_items (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id               uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    show_id              uuid REFERENCES shows (id) ON DELETE CASCADE,
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz,
    title                text        NOT NULL,
    location             text,
    notes                text,
    created_by           uuid,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz,
    person_id            uuid REFERENCES people (id) ON DELETE SET NULL,
    visibility           text                 DEFAULT 'all',
    session_id           uuid REFERENCES advancing_sessions (id) ON DELETE CASCADE,
    item_type            text                 DEFAULT 'custom',
    priority             int                  DEFAULT 3,
    auto_generated       boolean              DEFAULT false,
    source_field_id      uuid REFERENCES advancing_fields (id) ON DELETE SET NULL,
    external_calendar_id text,
    CONSTRAINT schedule_items_time_check CHECK (ends_at IS NULL OR ends_at >= starts_at),
    CONSTRAINT schedule_items_visibility_check CHECK (visibility IN ('all', 'artist_team', 'promoter_team', 'crew',
        'management', 'venue_staff', 'security', 'session_specific')),
    CONSTRAINT schedule_items_item_type_check CHECK (item_type IN ('custom', 'load_in', 'soundcheck', 'doors', 'set_time',
        'load_out', 'arrival', 'departure', 'hotel', 'transport', 'catering', 'meeting', 'press', 'technical')),
    CONSTRAINT schedule_items_priority_check CHECK (priority BETWEEN 1 AND 5)
);
CREATE INDEX idx_schedule_items_show_id ON schedule_items (show_id);
CREATE INDEX idx_schedule_items_person_id ON schedule_items (person_id);
CREATE INDEX idx_schedule_items_session_id ON schedule_items (session_id);
CREATE INDEX idx_schedule_items_item_type ON schedule_items (item_type);
CREATE INDEX idx_schedule_items_visibility ON schedule_items (visibility);
CREATE INDEX idx_schedule_items_priority ON schedule_items (priority DESC);
CREATE INDEX idx_schedule_items_external_calendar_id ON schedule_items (external_calendar_id);
CREATE INDEX idx_schedule_items_composite ON schedule_items (org_id, show_id, visibility, item_type, starts_at, priority);

-- Billing --------------------------------------------------------------------------------------

CREATE TABLE billing_plans (
    id                text PRIMARY KEY,
    name              text        NOT NULL,
    description       text,
    price_cents       int         NOT NULL,
    currency          text        NOT NULL DEFAULT 'usd',
    max_artists       int,
    max_members       int,
    max_collaborators int,
    features          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org_subscriptions (
    org_id                 uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    plan_id                text        NOT NULL REFERENCES billing_plans (id),
    status                 text        NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'canceled', 'incomplete')),
    stripe_customer_id     text,
    stripe_subscription_id text,
    current_period_start   timestamptz,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean     NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_org_subscriptions_live ON org_subscriptions (org_id, status)
    WHERE status IN ('trialing', 'active', 'past_due');

CREATE TABLE org_seats (
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    seat_type  text        NOT NULL CHECK (seat_type IN ('member', 'collaborator', 'readonly')),
    used       int         NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, seat_type)
);

CREATE TABLE org_feature_overrides (
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    key        text        NOT NULL,
    value      jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, key)
);

CREATE TABLE billing_actions_log (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id         uuid REFERENCES organizations (id) ON DELETE CASCADE,
    action         text        NOT NULL,
    previous_state jsonb,
    new_state      jsonb,
    triggered_by   text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Partners and promoters -----------------------------------------------------------------------

CREATE TABLE partners (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id          uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text         NOT NULL,
    email           text,
    phone           text,
    role            text,
    company         text,
    commission_rate numeric(5, 2)         DEFAULT 4.00,
    notes           text,
    status          text         NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'pending')),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_partners_org_id ON partners (org_id);
CREATE INDEX idx_partners_status ON partners (status);
CREATE INDEX idx_partners_email ON partners (email);

CREATE TABLE partner_commissions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    partner_id  uuid           NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    show_id     uuid REFERENCES shows (id) ON DELETE SET NULL,
    amount      numeric(10, 2) NOT NULL,
    description text,
    status      text           NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'cancelled')),
    paid_at     timestamptz,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX idx_partner_commissions_partner_id ON partner_commissions (partner_id);
CREATE INDEX idx_partner_commissions_status ON partner_commissions (status);

CREATE TABLE promoters (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    email      text,
    phone      text,
    company    text,
    city       text,
    country    text,
    notes      text,
    status     text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES app_users (id)
);
CREATE INDEX idx_promoters_org_id ON promoters (org_id);
CREATE INDEX idx_promoters_status ON promoters (status);
CREATE INDEX idx_promoters_email ON promoters (email);
CREATE INDEX idx_promoters_city ON promoters (city);

CREATE TABLE venue_promoters (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venue_id    uuid        NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    promoter_id uuid        NOT NULL REFERENCES promoters (id) ON DELETE CASCADE,
    is_primary  boolean              DEFAULT false,
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid REFERENCES app_users (id),
    UNIQUE (venue_id, promoter_id)
);

-- AI ingestion ---------------------------------------------------------------------------------

CREATE TABLE parsed_emails (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    subject     text        NOT NULL,
    from_email  text,
    raw_content text        NOT NULL,
    parsed_data jsonb,
    status      text        NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review', 'confirmed', 'rejected')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_parsed_emails_org_id ON parsed_emails (org_id);
CREATE INDEX idx_parsed_emails_status ON parsed_emails (status);

CREATE TABLE parsed_contracts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    file_name   text          NOT NULL,
    file_url    text          NOT NULL,
    parsed_data jsonb,
    confidence  numeric(3, 2),
    status      text          NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review', 'confirmed', 'rejected')),
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX idx_parsed_contracts_org_id ON parsed_contracts (org_id);
CREATE INDEX idx_parsed_contracts_status ON parsed_contracts (status);

-- Logs -----------------------------------------------------------------------------------------

CREATE TABLE activity_log (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id       uuid,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   uuid,
    details       jsonb,
    ip_address    inet,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_activity_log_org_created ON activity_log (org_id, created_at DESC);
CREATE INDEX idx_activity_log_user_created ON activity_log (user_id, created_at DESC);
CREATE INDEX idx_activity_log_action_created ON activity_log (action, created_at DESC);
CREATE INDEX idx_activity_log_resource ON activity_log (resource_type, resource_id);

CREATE TABLE query_performance_log (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    query_name        text        NOT NULL,
    execution_time_ms int         NOT NULL,
    user_id           uuid,
    org_id            uuid,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_query_performance_log_created ON query_performance_log (created_at DESC);
CREATE INDEX idx_query_performance_log_name_time ON query_performance_log (query_name, execution_time_ms DESC);

-- Views ----------------------------------------------------------------------------------------

CREATE VIEW org_seat_usage WITH (security_invoker = true) AS
SELECT o.id AS org_id,
       o.name AS org_name,
       (SELECT count(*) FROM org_members m WHERE m.org_id = o.id) AS members_used,
       (SELECT count(DISTINCT sc.user_id) FROM show_collaborators sc JOIN shows s ON s.id = sc.show_id
        WHERE s.org_id = o.id AND sc.user_id IS NOT NULL) AS collaborators_used,
       (SELECT count(*) FROM artists a WHERE a.org_id = o.id) AS artists_used
FROM organizations o;

CREATE VIEW shows_list_view WITH (security_invoker = true) AS
SELECT s.*, v.name AS venue_name, v.city AS venue_city, a.name AS artist_name
FROM shows s
LEFT JOIN venues v ON v.id = s.venue_id
LEFT JOIN artists a ON a.id = s.artist_id;

CREATE MATERIALIZED VIEW org_entitlements_cache AS
SELECT s.org_id,
       s.status AS subscription_status,
       s.current_period_end,
       s.plan_id,
       p.features || jsonb_build_object('max_artists', p.max_artists, 'max_members', p.max_members,
                                        'max_collaborators', p.max_collaborators) AS base_entitlements,
       COALESCE((SELECT jsonb_object_agg(f.key, f.value) FROM org_feature_overrides f WHERE f.org_id = s.org_id),
                '{}'::jsonb) AS overrides
FROM org_subscriptions s
JOIN billing_plans p ON p.id = s.plan_id;
CREATE UNIQUE INDEX org_entitlements_cache_org_id ON org_entitlements_cache (org_id);

CREATE FUNCTION refresh_org_entitlements_cache() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
    REFRESH MATERIALIZED VIEW CONCURRENTLY org_entitlements_cache;
    RETURN NULL;
END
$$;
CREATE TRIGGER org_subscriptions_refresh_entitlements AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON org_subscriptions FOR EACH STATEMENT EXECUTE FUNCTION refresh_org_entitlements_cache();
CREATE TRIGGER org_feature_overrides_refresh_entitlements AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON org_feature_overrides FOR EACH STATEMENT EXECUTE FUNCTION refresh_org_entitlements_cache();

-- Plans as seeded (legacy-schema.md §5) ----------------------------------------------------------

INSERT INTO billing_plans (id, name, description, price_cents, currency, max_artists, max_members, max_collaborators, features)
VALUES ('crew_readonly', 'Crew Read-Only', 'Read-only access for crews', 900, 'usd', 1, 5, 0,
        '{"advancing": false, "mobile": true, "editing": false}'),
       ('solo_artist', 'Solo Artist', 'For a single artist and a small team', 2900, 'usd', 1, 3, 10,
        '{"advancing": true, "mobile": true, "editing": true, "team_management": false}'),
       ('team_manager', 'Team Manager', 'For managers running several artists', 9900, 'usd', NULL, 10, 50,
        '{"advancing": true, "mobile": true, "editing": true, "team_management": true, "reporting": true}'),
       ('enterprise', 'Enterprise', 'Custom pricing', 0, 'usd', NULL, NULL, NULL,
        '{"advancing": true, "mobile": true, "editing": true, "team_management": true, "reporting": true, "custom_integrations": true}');
