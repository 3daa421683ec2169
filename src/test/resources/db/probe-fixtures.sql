-- One row of every table for org A (and org B), and an account per actor of docs/product.md §1.
-- Loaded as the owner into a scratch database at the latest version. ids: see RlsProbes.

INSERT INTO app_users (id, email, display_name, is_platform_admin) VALUES
 ('a0000000-0000-0000-0000-000000000001', 'owner@a.test', 'Owner A', false),
 ('a0000000-0000-0000-0000-000000000002', 'admin@a.test', 'Admin A', false),
 ('a0000000-0000-0000-0000-000000000003', 'editor@a.test', 'Editor A', false),
 ('a0000000-0000-0000-0000-000000000004', 'viewer@a.test', 'Viewer A', false),
 ('a0000000-0000-0000-0000-000000000005', 'promoter.editor@p.test', 'Promoter Editor', false),
 ('a0000000-0000-0000-0000-000000000006', 'promoter.viewer@p.test', 'Promoter Viewer', false),
 ('a0000000-0000-0000-0000-000000000007', 'platform@x.test', 'Platform', true),
 ('a0000000-0000-0000-0000-000000000008', 'owner@b.test', 'Owner B', false);

INSERT INTO organizations (id, slug, name) VALUES
 ('b0000000-0000-0000-0000-00000000000a', 'org-a', 'Org A'),
 ('b0000000-0000-0000-0000-00000000000b', 'org-b', 'Org B'),
 ('b0000000-0000-0000-0000-00000000000c', 'org-c', 'Org C without subscription');
INSERT INTO org_members (org_id, user_id, role) VALUES
 ('b0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000001', 'owner'),
 ('b0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000002', 'admin'),
 ('b0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000003', 'editor'),
 ('b0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000004', 'viewer'),
 ('b0000000-0000-0000-0000-00000000000b', 'a0000000-0000-0000-0000-000000000008', 'owner');
INSERT INTO org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end) VALUES
 ('b0000000-0000-0000-0000-00000000000a', 'team_manager', 'active', now() - interval '1 day', now() + interval '30 days'),
 ('b0000000-0000-0000-0000-00000000000b', 'team_manager', 'active', now() - interval '1 day', now() + interval '30 days');
INSERT INTO org_feature_overrides (org_id, key, value) VALUES ('b0000000-0000-0000-0000-00000000000a', 'reporting', 'false');
INSERT INTO billing_plans (id, name, price_cents) VALUES ('probe_plan', 'Probe plan', 100);

INSERT INTO people (id, org_id, name) VALUES
 ('c0000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Crew A'),
 ('c0000000-0000-0000-0000-00000000000b', 'b0000000-0000-0000-0000-00000000000b', 'Crew B');
-- The viewer is on the crew too (a person with an account); another crew member is on no show.
INSERT INTO people (id, org_id, name, user_id) VALUES
 ('c0000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', 'Viewer on the crew', 'a0000000-0000-0000-0000-000000000004');
INSERT INTO people (id, org_id, name) VALUES
 ('c0000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', 'Crew on no show');
INSERT INTO artists (id, org_id, name) VALUES
 ('d0000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Artist A'),
 ('d0000000-0000-0000-0000-00000000000b', 'b0000000-0000-0000-0000-00000000000b', 'Artist B');
INSERT INTO venues (id, org_id, name, timezone) VALUES
 ('e0000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Venue A', 'Europe/Oslo'),
 ('e0000000-0000-0000-0000-00000000000b', 'b0000000-0000-0000-0000-00000000000b', 'Venue B', 'UTC');
INSERT INTO shows (id, org_id, artist_id, venue_id, date, title, fee, notes) VALUES
 ('f0000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'd0000000-0000-0000-0000-00000000000a', 'e0000000-0000-0000-0000-00000000000a', '2026-12-01', 'Granted show', 5000, 'internal'),
 ('f0000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', NULL, NULL, '2026-12-02', 'Not granted', 100, NULL),
 ('f0000000-0000-0000-0000-00000000000b', 'b0000000-0000-0000-0000-00000000000b', NULL, NULL, '2026-12-03', 'Show B', NULL, NULL);
INSERT INTO show_assignments (show_id, person_id, duty) VALUES
 ('f0000000-0000-0000-0000-00000000000a', 'c0000000-0000-0000-0000-00000000000a', 'FOH'),
 ('f0000000-0000-0000-0000-00000000000a', 'c0000000-0000-0000-0000-0000000000a2', 'Merch');
INSERT INTO show_collaborators (id, show_id, user_id, role, org_id) VALUES
 ('10000000-0000-0000-0000-000000000001', 'f0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000005', 'promoter_editor', 'b0000000-0000-0000-0000-00000000000a'),
 ('10000000-0000-0000-0000-000000000002', 'f0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000006', 'promoter_viewer', 'b0000000-0000-0000-0000-00000000000a');
INSERT INTO schedule_items (id, org_id, show_id, starts_at, title, visibility, item_type) VALUES
 ('11000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', '2026-12-01 18:00+00', 'Doors', 'promoter_team', 'doors'),
 ('11000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', '2026-12-01 12:00+00', 'Band lunch', 'crew', 'meal');
-- Advances: an open one on the granted show, one on the show not granted, and a closed one on the granted show.
INSERT INTO advancing_sessions (id, org_id, show_id, title, created_by, closed_at, closed_by) VALUES
 ('12000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'Advance', 'a0000000-0000-0000-0000-000000000001', NULL, NULL),
 ('12000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-0000000000a2', 'Other advance', 'a0000000-0000-0000-0000-000000000001', NULL, NULL),
 ('12000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'Closed advance', 'a0000000-0000-0000-0000-000000000001', now(), 'a0000000-0000-0000-0000-000000000003');
-- Doors: each side answered, the two differ (the database derives the agreement). Catering of the closed advance:
-- agreed (a text field, so nothing is written through to the show).
INSERT INTO advancing_fields (id, org_id, session_id, section, field_name, value, stance, party_type, created_by) VALUES
 ('13000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', 'Schedule', 'Doors', '"19:30"', 'answered', 'from_you', 'a0000000-0000-0000-0000-000000000001'),
 ('13000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', 'Schedule', 'Doors', '"19:00"', 'answered', 'from_us', 'a0000000-0000-0000-0000-000000000001'),
 ('13000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-0000000000a3', 'Hospitality', 'Catering', '"Pizza"', 'answered', 'from_us', 'a0000000-0000-0000-0000-000000000001'),
 ('13000000-0000-0000-0000-0000000000a4', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-0000000000a3', 'Hospitality', 'Catering', '"Pizza"', 'answered', 'from_you', 'a0000000-0000-0000-0000-000000000001');
-- V19: an item for named people (the viewer; Crew A), and the item the advance wrote for the artist team's doors.
INSERT INTO schedule_items (id, org_id, show_id, starts_at, title, visibility, item_type) VALUES
 ('11000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', '2026-12-01 10:00+00', 'Merch count', 'named', 'other'),
 ('11000000-0000-0000-0000-0000000000a4', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', '2026-12-01 11:00+00', 'FOH tuning', 'named', 'other');
INSERT INTO schedule_item_people (item_id, person_id) VALUES
 ('11000000-0000-0000-0000-0000000000a3', 'c0000000-0000-0000-0000-0000000000a2'),
 ('11000000-0000-0000-0000-0000000000a4', 'c0000000-0000-0000-0000-00000000000a');
INSERT INTO schedule_items (id, org_id, show_id, session_id, source_field_id, starts_at, title, visibility, item_type, auto_generated) VALUES
 ('11000000-0000-0000-0000-0000000000a5', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', '13000000-0000-0000-0000-0000000000a2', '2026-12-01 18:00+00', 'Doors', 'all', 'doors', true);
INSERT INTO advancing_comments (id, org_id, field_id, author_id, body) VALUES
 ('14000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '13000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000005', 'Fine'),
 ('14000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', '13000000-0000-0000-0000-0000000000a4', 'a0000000-0000-0000-0000-000000000005', 'Pizza it is');
-- Document boxes: the promoter's and the artist team's of the open advance, the promoter's of the closed one.
INSERT INTO advancing_documents (id, org_id, session_id, party_type, label) VALUES
 ('15000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', 'from_you', 'Stage plot'),
 ('15000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', 'from_us', 'Rider'),
 ('15000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-0000000000a3', 'from_you', 'Menu');
INSERT INTO files (id, org_id, document_id, storage_path, uploaded_by) VALUES
 ('16000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '15000000-0000-0000-0000-00000000000a', 'a/plot.pdf', 'a0000000-0000-0000-0000-000000000005'),
 ('16000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', '15000000-0000-0000-0000-0000000000a2', 'a/rider.pdf', 'a0000000-0000-0000-0000-000000000003'),
 ('16000000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', '15000000-0000-0000-0000-0000000000a3', 'a/menu.pdf', 'a0000000-0000-0000-0000-000000000005');
-- The file library (V21): the granted show's artist's rider shared with its promoter team, the show's contract for
-- members only, an org-wide file marked for the promoter team (it concerns no show, so it stays with members), and a
-- venue file in the bin.
INSERT INTO files (id, org_id, artist_id, venue_id, show_id, storage_path, original_name, content_type, size_bytes,
                   visibility, deleted_at) VALUES
 ('16000000-0000-0000-0000-0000000000b1', 'b0000000-0000-0000-0000-00000000000a', 'd0000000-0000-0000-0000-00000000000a', NULL, NULL, 'a/lib-rider', 'Rider.pdf', 'application/pdf', 10, 'promoter_team', NULL),
 ('16000000-0000-0000-0000-0000000000b2', 'b0000000-0000-0000-0000-00000000000a', NULL, NULL, 'f0000000-0000-0000-0000-00000000000a', 'a/lib-contract', 'Contract.pdf', 'application/pdf', 10, 'members', NULL),
 ('16000000-0000-0000-0000-0000000000b3', 'b0000000-0000-0000-0000-00000000000a', NULL, NULL, NULL, 'a/lib-handbook', 'Handbook.pdf', 'application/pdf', 10, 'promoter_team', NULL),
 ('16000000-0000-0000-0000-0000000000b4', 'b0000000-0000-0000-0000-00000000000a', NULL, 'e0000000-0000-0000-0000-00000000000a', NULL, 'a/lib-pack', 'Pack.pdf', 'application/pdf', 10, 'promoter_team', now() - interval '1 day');
INSERT INTO contacts (id, org_id, name, email) VALUES
 ('17000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Contact A', 'c@a.test'),
 ('17000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', 'Contact A2', 'c2@a.test'),
 ('17000000-0000-0000-0000-00000000000b', 'b0000000-0000-0000-0000-00000000000b', 'Contact B', 'c@b.test');
INSERT INTO contact_types (contact_id, org_id, type) VALUES
 ('17000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'promoter');
INSERT INTO contact_commissions (id, org_id, contact_id, amount) VALUES
 ('18000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '17000000-0000-0000-0000-00000000000a', 10);
INSERT INTO venue_contacts (id, org_id, venue_id, contact_id) VALUES
 ('19000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'e0000000-0000-0000-0000-00000000000a', '17000000-0000-0000-0000-00000000000a');
INSERT INTO invitations (id, org_id, email, org_role, show_id, collab_role, status, expires_at) VALUES
 ('1a000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'new@a.test', 'viewer', NULL, NULL, 'pending', now() + interval '7 days'),
 ('1a000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', 'new.promoter@p.test', NULL, 'f0000000-0000-0000-0000-00000000000a', 'promoter_editor', 'pending', now() + interval '7 days');
INSERT INTO parsed_emails (id, org_id, subject, raw_content) VALUES
 ('1b000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Offer', 'Hi');
INSERT INTO parsed_contracts (id, org_id, file_name, file_url) VALUES
 ('1c000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'c.pdf', 'a/c.pdf');
INSERT INTO activity_log (id, org_id, user_id, category, action, resource_type, created_at) VALUES
 ('1d000000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000001', 'general', 'show.created', 'show', now()),
 ('1d000000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', NULL, 'billing', 'plan_changed', 'subscription', now());
INSERT INTO query_performance_log (id, query_name, execution_time_ms) VALUES ('1e000000-0000-0000-0000-00000000000a', 'q', 1);
INSERT INTO query_performance_log (id, query_name, execution_time_ms, user_id, org_id) VALUES
 ('1e000000-0000-0000-0000-0000000000a2', 'ContactRepository.findRows', 250, 'a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-00000000000a');
INSERT INTO waitlist (id, email, role) VALUES ('1f000000-0000-0000-0000-00000000000a', 'wait@w.test', 'other');
INSERT INTO invitations (id, org_id, email, status, expires_at, invited_by) VALUES
 ('1a000000-0000-0000-0000-0000000000a3', NULL, 'new.org@n.test', 'pending', now() + interval '7 days', 'a0000000-0000-0000-0000-000000000007');
INSERT INTO activity_log (id, org_id, user_id, category, action, resource_type, created_at) VALUES
 ('1d000000-0000-0000-0000-0000000000a3', NULL, 'a0000000-0000-0000-0000-000000000007', 'general', 'waitlist.status_changed', 'waitlist', now());
INSERT INTO plan_change_requests (id, org_id, plan_id, requested_by, status) VALUES
 ('1f100000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'enterprise', 'a0000000-0000-0000-0000-000000000001', 'declined');
INSERT INTO advancing_templates (id, org_id, name, fields) VALUES
 ('1f200000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'Club shows', '[{"section": "Schedule", "field": "Doors", "type": "time"}]');
INSERT INTO sign_in_refusals (client, org_id, window_start, refused) VALUES
 ('203.0.113.9', 'b0000000-0000-0000-0000-00000000000a', now(), 3);

-- Advancing notices (V16): a notice of the promoter editor's answer, handed to the viewer; a second advance of the
-- granted show whose mails the viewer and the promoter viewer stopped.
INSERT INTO advancing_sessions (id, org_id, show_id, title, created_by) VALUES
 ('12000000-0000-0000-0000-0000000000a5', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'Second advance', 'a0000000-0000-0000-0000-000000000001');
INSERT INTO advancing_notices (id, org_id, session_id, field_id, party, actor_id, actor_name, kind, value) VALUES
 ('1f300000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '12000000-0000-0000-0000-00000000000a', '13000000-0000-0000-0000-00000000000a', 'from_you', 'a0000000-0000-0000-0000-000000000005', 'Promoter Editor', 'changed', '19:30');
INSERT INTO advancing_notice_recipients (notice_id, user_id, session_id) VALUES
 ('1f300000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000004', '12000000-0000-0000-0000-00000000000a');
INSERT INTO advancing_notice_stops (user_id, session_id) VALUES
 ('a0000000-0000-0000-0000-000000000004', '12000000-0000-0000-0000-0000000000a5'),
 ('a0000000-0000-0000-0000-000000000006', '12000000-0000-0000-0000-0000000000a5');

-- Guest lists (V20): the granted show's list (room for 10 on each side, open for another 30 days) with a pending
-- request on each allotment and an approved one of the promoter's.
INSERT INTO guest_lists (id, org_id, show_id, artist_allotment, promoter_allotment, cutoff_at) VALUES
 ('1f400000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 10, 10, now() + interval '30 days');
INSERT INTO guest_requests (id, org_id, guest_list_id, show_id, party, guest_name, plus_ones, status, requested_by, requested_by_name) VALUES
 ('1f500000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '1f400000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'from_you', 'Promoter guest', 1, 'requested', 'a0000000-0000-0000-0000-000000000005', 'Promoter Editor'),
 ('1f500000-0000-0000-0000-0000000000a2', 'b0000000-0000-0000-0000-00000000000a', '1f400000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'from_us', 'Band guest', 0, 'requested', 'a0000000-0000-0000-0000-000000000003', 'Editor'),
 ('1f500000-0000-0000-0000-0000000000a3', 'b0000000-0000-0000-0000-00000000000a', '1f400000-0000-0000-0000-00000000000a', 'f0000000-0000-0000-0000-00000000000a', 'from_you', 'Approved guest', 0, 'approved', 'a0000000-0000-0000-0000-000000000005', 'Promoter Editor');
-- Calendar feeds (V24): the owner's secret address (only its hash is stored).
INSERT INTO calendar_feeds (id, user_id, token_hash) VALUES
 ('1f400000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000001', decode(repeat('ab', 32), 'hex'));
-- Sign-in records and job locks (V29): the owner's live sign-in record (only its token's hash is stored) and a lock a
-- node holds.
INSERT INTO sign_ins (id, user_id, token_hash, signed_in_at, last_used_at) VALUES
 ('1f900000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000001', decode(repeat('ab', 32), 'hex'), now(), now());
INSERT INTO job_locks (name, lock_until, locked_at, locked_by) VALUES ('probe-job', now() + interval '1 hour', now(), 'probe-node');
-- The parsing inbox (V28): a proposed value of org A's mail, org A's parsing settings, and an original kept for the
-- inbox (visibility 'editors').
INSERT INTO parsed_values (id, org_id, email_id, field, value, span_start, span_end, confidence, extractor) VALUES
 ('1b100000-0000-0000-0000-00000000000a', 'b0000000-0000-0000-0000-00000000000a', '1b000000-0000-0000-0000-00000000000a', 'SHOW_DATE', 'Hi', 0, 2, 0.9, 'rules');
INSERT INTO parsing_settings (org_id) VALUES ('b0000000-0000-0000-0000-00000000000a');
INSERT INTO files (id, org_id, storage_path, original_name, content_type, size_bytes, visibility) VALUES
 ('16000000-0000-0000-0000-0000000000b5', 'b0000000-0000-0000-0000-00000000000a', 'a/inbox-mail', 'Booking mail.eml', 'message/rfc822', 10, 'editors');
