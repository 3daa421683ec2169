-- The benchmark's dataset: a large agency after some years (docs/performance.md). Run as the schema owner on an
-- empty, migrated database; {{name}} placeholders are whole numbers the runner computes from the scale factor
-- (ScaleBenchmark). Set-based throughout (generate_series), so scale 1 takes minutes, not hours. Identifiers are
-- deterministic (md5 of a name), so every run at a scale builds the same data and picks the same rows.
-- Org 1 is the big org; orgs 2..{{orgs}} share the rest. User n owns org n; user 1 also views orgs 2 and 3.

ALTER TABLE org_members DISABLE TRIGGER USER;
ALTER TABLE artists DISABLE TRIGGER USER;
ALTER TABLE advancing_fields DISABLE TRIGGER USER;
ALTER TABLE show_collaborators DISABLE TRIGGER USER;

INSERT INTO app_users (id, email, display_name)
SELECT md5('user-' || g)::uuid, 'bench-user-' || g || '@bench.test', 'Bench User ' || g
FROM generate_series(1, {{orgs}}) g;
INSERT INTO app_users (id, email, display_name)
VALUES (md5('collaborator')::uuid, 'bench-promoter@bench.test', 'Bench Promoter');

INSERT INTO organizations (id, slug, name, created_by)
SELECT md5('org-' || g)::uuid, 'bench-org-' || g, 'Bench Org ' || g, md5('user-' || g)::uuid
FROM generate_series(1, {{orgs}}) g;
INSERT INTO org_members (org_id, user_id, role)
SELECT md5('org-' || g)::uuid, md5('user-' || g)::uuid, 'owner' FROM generate_series(1, {{orgs}}) g;
INSERT INTO org_members (org_id, user_id, role)
SELECT md5('org-' || g)::uuid, md5('user-1')::uuid, 'viewer' FROM generate_series(2, least(3, {{orgs}})) g;
INSERT INTO org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end)
SELECT md5('org-' || g)::uuid, 'enterprise', 'active', now() - interval '1 day', now() + interval '30 days'
FROM generate_series(1, {{orgs}}) g;

-- {{artists}} artists and {{venues}} venues per org.
INSERT INTO artists (id, org_id, name)
SELECT md5('artist-' || o || '-' || a)::uuid, md5('org-' || o)::uuid, 'Artist ' || o || '-' || a
FROM generate_series(1, {{orgs}}) o, generate_series(0, {{artists}} - 1) a;
INSERT INTO venues (id, org_id, name, city, country, timezone)
SELECT md5('venue-' || o || '-' || v)::uuid, md5('org-' || o)::uuid, 'Venue ' || o || '-' || v,
       (ARRAY['Oslo', 'Bergen', 'Berlin', 'London', 'Paris', 'Madrid', 'Rome', 'Vienna'])[1 + v % 8], 'NO', 'Europe/Oslo'
FROM generate_series(1, {{orgs}}) o, generate_series(0, {{venues}} - 1) v;

-- Shows: {{shows_big}} in org 1, {{shows_other}} in each other org, over ten years around today.
INSERT INTO shows (id, org_id, artist_id, venue_id, date, status, title, doors_at)
SELECT md5('show-' || o || '-' || g)::uuid, md5('org-' || o)::uuid,
       md5('artist-' || o || '-' || (g % {{artists}}))::uuid, md5('venue-' || o || '-' || (g % {{venues}}))::uuid,
       current_date - 1825 + ((g::bigint * 7919) % 3650)::int, (ARRAY['draft', 'confirmed', 'confirmed', 'cancelled'])[1 + g % 4]::show_status,
       'Show ' || o || '-' || g, now()
FROM generate_series(1, {{orgs}}) o,
     LATERAL generate_series(1, CASE WHEN o = 1 THEN {{shows_big}} ELSE {{shows_other}} END) g;

-- Contacts: {{contacts_big}} in org 1, {{contacts_other}} in each other org; one or two types each.
INSERT INTO contacts (id, org_id, name, email, company, city, country, status)
SELECT md5('contact-' || o || '-' || g)::uuid, md5('org-' || o)::uuid,
       (ARRAY['Ada', 'Bjørn', 'Camille', 'Dag', 'Eva', 'Finn', 'Greta', 'Hans', 'Ingrid', 'Jonas', 'Kari', 'Lars',
              'Maja', 'Nils', 'Ola', 'Per', 'Ragnhild', 'Sven', 'Tove', 'Ulf'])[1 + g % 20] || ' ' ||
       (ARRAY['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
              'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Eriksen', 'Dahl', 'Lie', 'Moen', 'Strand', 'Solberg', 'Bakken'])[1 + (g / 20) % 20]
       || ' ' || g,
       'c' || g || '@mail' || (g % 997) || '.test', 'Company ' || (g % 5000),
       (ARRAY['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Berlin', 'Hamburg', 'London', 'Leeds', 'Paris', 'Lyon',
              'Madrid', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Riga', 'Tallinn', 'Helsinki', 'Stockholm', 'Copenhagen',
              'Gothenburg', 'Malmö', 'Aarhus', 'Tromsø', 'Bodø', 'Ålesund', 'Drammen', 'Kristiansand', 'Fredrikstad', 'Sandnes',
              'Tønsberg', 'Moss', 'Skien', 'Arendal', 'Hamar', 'Gjøvik', 'Lillehammer', 'Molde', 'Harstad', 'Narvik',
              'Alta', 'Kirkenes', 'Halden', 'Larvik', 'Sandefjord', 'Porsgrunn', 'Horten', 'Kongsberg', 'Elverum', 'Steinkjer'])[1 + (g * 31) % 50],
       'NO', CASE WHEN g % 10 = 0 THEN 'inactive' ELSE 'active' END
FROM generate_series(1, {{orgs}}) o,
     LATERAL generate_series(1, CASE WHEN o = 1 THEN {{contacts_big}} ELSE {{contacts_other}} END) g;
INSERT INTO contact_types (contact_id, org_id, type)
SELECT c.id, c.org_id, (ARRAY['promoter', 'agent', 'manager', 'vendor'])[1 + (abs(hashtext(c.id::text)) % 4)]::contact_type
FROM contacts c;
INSERT INTO contact_types (contact_id, org_id, type)
SELECT c.id, c.org_id, 'vendor' FROM contacts c WHERE abs(hashtext(c.id::text)) % 8 = 1;

-- Advances: {{advances}} in org 1, one per show, {{field_pairs}} fields with both sides each; a comment on every
-- tenth advance. The promoter collaborates on show 1's advance.
INSERT INTO advancing_sessions (id, org_id, show_id, title, created_by)
SELECT md5('advance-' || g)::uuid, md5('org-1')::uuid, md5('show-1-' || g)::uuid, 'Advance ' || g, md5('user-1')::uuid
FROM generate_series(1, {{advances}}) g;
INSERT INTO advancing_fields (org_id, session_id, section, field_name, field_type, value, party_type, sort_order,
                              created_by, updated_by)
SELECT md5('org-1')::uuid, md5('advance-' || g)::uuid, (ARRAY['Production', 'Hospitality', 'Travel'])[1 + f % 3],
       'Field ' || f, 'text', to_jsonb('value ' || f), p::party, f * 10, md5('user-1')::uuid, md5('user-1')::uuid
FROM generate_series(1, {{advances}}) g, generate_series(1, {{field_pairs}}) f, unnest(ARRAY['from_us', 'from_you']) p;
INSERT INTO advancing_comments (org_id, field_id, author_id, author_name, body)
SELECT f.org_id, f.id, md5('user-1')::uuid, 'Bench User 1', 'A comment'
FROM advancing_fields f
WHERE f.field_name = 'Field 1' AND f.party_type = 'from_us'
  AND f.session_id IN (SELECT md5('advance-' || g)::uuid FROM generate_series(1, {{advances}}, 10) g);
INSERT INTO show_collaborators (show_id, user_id, role, org_id)
VALUES (md5('show-1-1')::uuid, md5('collaborator')::uuid, 'promoter_editor', md5('org-1')::uuid);

-- Invitations: {{invitations_big}} in org 1 (a quarter pending), {{invitations_other}} in each other org.
INSERT INTO invitations (org_id, email, org_role, status, expires_at, invited_by, created_at)
SELECT md5('org-' || o)::uuid, 'invitee-' || g || '@bench.test', 'viewer',
       (ARRAY['pending', 'revoked', 'expired', 'expired'])[1 + g % 4]::invitation_status, now() + interval '7 days',
       md5('user-' || o)::uuid, now() - g * interval '1 hour'
FROM generate_series(1, {{orgs}}) o,
     LATERAL generate_series(1, CASE WHEN o = 1 THEN {{invitations_big}} ELSE {{invitations_other}} END) g;

-- The activity log: 24 monthly partitions, {{log_big}} rows for org 1 and {{log_other}} for each other org.
SELECT ensure_activity_log_partitions(1, now() - interval '23 months');
INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details, created_at)
SELECT md5('org-' || o)::uuid, md5('user-' || o)::uuid,
       (ARRAY['general', 'general', 'general', 'security', 'membership', 'invitation', 'billing', 'general'])[1 + g % 8],
       (ARRAY['show.updated', 'contact.created', 'advance.field_changed', 'member.signed_in'])[1 + g % 4], 'show',
       md5('show-' || o || '-' || g)::uuid, '{}'::jsonb,
       now() - ((g::bigint * 7919) % (700 * 24 * 60)) * interval '1 minute'
FROM generate_series(1, {{orgs}}) o,
     LATERAL generate_series(1, CASE WHEN o = 1 THEN {{log_big}} ELSE {{log_other}} END) g;

ALTER TABLE org_members ENABLE TRIGGER USER;
ALTER TABLE artists ENABLE TRIGGER USER;
ALTER TABLE advancing_fields ENABLE TRIGGER USER;
ALTER TABLE show_collaborators ENABLE TRIGGER USER;

ANALYZE app_users, organizations, org_members, org_subscriptions, artists, venues, shows, contacts, contact_types,
    advancing_sessions, advancing_fields, advancing_comments, show_collaborators, invitations, activity_log;
