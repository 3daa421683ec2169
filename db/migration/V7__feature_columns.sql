-- What the features need beyond the redesign phases: venue time zones, show fees, plan retirement,
-- who changed an advancing field and what it said before, and version columns for optimistic locking.

ALTER TABLE venues ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';
ALTER TABLE shows ADD COLUMN fee numeric(10, 2) CHECK (fee IS NULL OR fee >= 0),
                  ADD COLUMN fee_currency text NOT NULL DEFAULT 'USD' CHECK (fee_currency ~ '^[A-Z]{3}$');
ALTER TABLE billing_plans ADD COLUMN retired_at timestamptz;
ALTER TABLE advancing_fields ADD COLUMN updated_by uuid REFERENCES app_users (id) ON DELETE SET NULL,
                             ADD COLUMN previous_value jsonb;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organizations', 'people', 'artists', 'venues', 'shows', 'schedule_items',
        'advancing_sessions', 'advancing_fields', 'advancing_comments', 'advancing_documents', 'contacts',
        'contact_commissions', 'venue_contacts', 'billing_plans', 'org_subscriptions', 'parsed_emails',
        'parsed_contracts', 'waitlist']
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN version int NOT NULL DEFAULT 0', t);
    END LOOP;
END
$$;

-- shows_list_view selects s.*; re-create it so the new show columns appear in it.
DROP VIEW shows_list_view;
CREATE VIEW shows_list_view WITH (security_invoker = true) AS
SELECT s.*, v.name AS venue_name, v.city AS venue_city, v.timezone AS venue_timezone, a.name AS artist_name
FROM shows s
LEFT JOIN venues v ON v.id = s.venue_id
LEFT JOIN artists a ON a.id = s.artist_id;
