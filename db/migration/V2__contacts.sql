-- Redesign phase 1: partners and promoters become one directory of contacts with types.
-- See docs/decisions/0004-contacts.md. Every legacy row is carried over; ids are kept where a row
-- maps to exactly one contact, and merged duplicates keep the id of the first (oldest) row.

CREATE TYPE contact_type AS ENUM ('promoter', 'agent', 'manager', 'vendor');

CREATE TABLE contacts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id          uuid          NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            text          NOT NULL,
    email           citext,
    phone           text,
    company         text,
    role_title      text,
    city            text,
    country         text,
    commission_rate numeric(5, 2),
    notes           text,
    status          text          NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'pending')),
    created_by      uuid REFERENCES app_users (id) ON DELETE SET NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT contacts_commission_rate_check CHECK (commission_rate IS NULL OR commission_rate BETWEEN 0 AND 100)
);
CREATE INDEX idx_contacts_org_name ON contacts (org_id, lower(name));
CREATE INDEX idx_contacts_org_status ON contacts (org_id, status);

CREATE TABLE contact_types (
    contact_id uuid         NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    org_id     uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    type       contact_type NOT NULL,
    PRIMARY KEY (contact_id, type)
);
CREATE INDEX idx_contact_types_org_type ON contact_types (org_id, type);

-- Which legacy rows make up each contact: a group per (org, lower(email)); rows without email stand alone.
CREATE TEMPORARY TABLE legacy_contact_rows ON COMMIT DROP AS
SELECT 'partner' AS source, p.id, p.org_id, p.name, NULLIF(btrim(p.email), '') AS email, p.phone, p.company,
       p.role AS role_title, NULL::text AS city, NULL::text AS country, p.commission_rate, p.notes, p.status,
       NULL::uuid AS created_by, p.created_at, p.updated_at,
       CASE WHEN p.role ~* 'agent' THEN 'agent' WHEN p.role ~* 'manag' THEN 'manager' ELSE 'vendor' END::contact_type AS type
FROM partners p
UNION ALL
SELECT 'promoter', r.id, r.org_id, r.name, NULLIF(btrim(r.email), ''), r.phone, r.company, NULL, r.city, r.country,
       NULL, r.notes, r.status, r.created_by, r.created_at, r.updated_at, 'promoter'::contact_type
FROM promoters r;

CREATE TEMPORARY TABLE legacy_contact_map ON COMMIT DROP AS
SELECT l.source, l.id AS legacy_id,
       first_value(l.id) OVER (PARTITION BY l.org_id, COALESCE(lower(l.email), l.id::text)
                               ORDER BY l.created_at, l.source, l.id) AS contact_id
FROM legacy_contact_rows l;

-- One contact per group: the oldest row's values, gaps filled from the others, notes combined.
INSERT INTO contacts (id, org_id, name, email, phone, company, role_title, city, country, commission_rate, notes,
                      status, created_by, created_at, updated_at)
SELECT m.contact_id,
       (array_agg(l.org_id))[1],
       (array_agg(l.name ORDER BY l.created_at, l.source, l.id))[1],
       (array_agg(l.email ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.email IS NOT NULL))[1],
       (array_agg(l.phone ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.phone IS NOT NULL))[1],
       (array_agg(l.company ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.company IS NOT NULL))[1],
       (array_agg(l.role_title ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.role_title IS NOT NULL))[1],
       (array_agg(l.city ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.city IS NOT NULL))[1],
       (array_agg(l.country ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.country IS NOT NULL))[1],
       (array_agg(l.commission_rate ORDER BY l.created_at, l.source, l.id) FILTER (WHERE l.source = 'partner'))[1],
       string_agg(DISTINCT l.notes, E'\n\n') FILTER (WHERE l.notes IS NOT NULL AND l.notes <> ''),
       CASE WHEN bool_or(l.status = 'active') THEN 'active'
            WHEN bool_or(l.status = 'pending') THEN 'pending' ELSE 'inactive' END,
       (array_agg(l.created_by) FILTER (WHERE l.created_by IS NOT NULL))[1],
       min(l.created_at),
       max(l.updated_at)
FROM legacy_contact_rows l
JOIN legacy_contact_map m ON m.legacy_id = l.id AND m.source = l.source
GROUP BY m.contact_id;

INSERT INTO contact_types (contact_id, org_id, type)
SELECT DISTINCT m.contact_id, l.org_id, l.type
FROM legacy_contact_rows l JOIN legacy_contact_map m ON m.legacy_id = l.id AND m.source = l.source;

-- The directory promises one contact per email in an org, from now on.
CREATE UNIQUE INDEX contacts_org_email_key ON contacts (org_id, email) WHERE email IS NOT NULL;

CREATE TABLE contact_commissions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid           NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    contact_id  uuid           NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    show_id     uuid REFERENCES shows (id) ON DELETE SET NULL,
    amount      numeric(10, 2) NOT NULL,
    currency    text           NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    description text,
    status      text           NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'cancelled')),
    paid_at     timestamptz,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX idx_contact_commissions_org_contact ON contact_commissions (org_id, contact_id);
CREATE INDEX idx_contact_commissions_show ON contact_commissions (show_id) WHERE show_id IS NOT NULL;

INSERT INTO contact_commissions (id, org_id, contact_id, show_id, amount, currency, description, status, paid_at,
                                 created_at, updated_at)
SELECT c.id, p.org_id, m.contact_id, c.show_id, c.amount, 'USD', c.description, c.status, c.paid_at, c.created_at, c.updated_at
FROM partner_commissions c
JOIN partners p ON p.id = c.partner_id
JOIN legacy_contact_map m ON m.source = 'partner' AND m.legacy_id = p.id;

CREATE TABLE venue_contacts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    venue_id   uuid        NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    contact_id uuid        NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    is_primary boolean     NOT NULL DEFAULT false,
    notes      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid REFERENCES app_users (id) ON DELETE SET NULL,
    UNIQUE (venue_id, contact_id)
);
CREATE INDEX idx_venue_contacts_org_contact ON venue_contacts (org_id, contact_id);

-- Two merged promoters linked to one venue become one link, primary if either was.
INSERT INTO venue_contacts (id, org_id, venue_id, contact_id, is_primary, notes, created_at, created_by)
SELECT (array_agg(vp.id ORDER BY vp.created_at, vp.id))[1], v.org_id, vp.venue_id, m.contact_id,
       bool_or(COALESCE(vp.is_primary, false)),
       string_agg(DISTINCT vp.notes, E'\n\n') FILTER (WHERE vp.notes IS NOT NULL AND vp.notes <> ''),
       min(vp.created_at),
       (array_agg(vp.created_by ORDER BY vp.created_at, vp.id))[1]
FROM venue_promoters vp
JOIN venues v ON v.id = vp.venue_id
JOIN legacy_contact_map m ON m.source = 'promoter' AND m.legacy_id = vp.promoter_id
GROUP BY v.org_id, vp.venue_id, m.contact_id;

DROP TABLE venue_promoters;
DROP TABLE partner_commissions;
DROP TABLE promoters;
DROP TABLE partners;
