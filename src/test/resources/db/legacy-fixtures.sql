-- Legacy data full of edge cases, loaded at the end of the legacy baseline (V1.1) as the owner.
-- Ids: 1xxx users, 2xxx orgs, 3xxx people, 4xxx invitations, 5xxx shows/venues/artists,
-- 6xxx collaborators, 7xxx partners/promoters, 8xxx commissions/venue links, 9xxx logs and the rest.

INSERT INTO app_users (id, email, display_name, password_hash) VALUES
 ('00000000-0000-0000-0000-000000001001', 'Owner.A@Example.com', 'Owner A', 'x'),
 ('00000000-0000-0000-0000-000000001002', 'editor.a@example.com', 'Editor A', 'x'),
 ('00000000-0000-0000-0000-000000001003', 'owner.b@example.com', 'Owner B', 'x'),
 ('00000000-0000-0000-0000-000000001004', 'promoter@example.com', 'Promoter', 'x'),
 ('00000000-0000-0000-0000-000000001005', 'stranger@example.com', 'Stranger', 'x'),
 ('00000000-0000-0000-0000-000000001006', 'revoked@example.com', 'Revoked', 'x');

INSERT INTO organizations (id, slug, name, created_by) VALUES
 ('00000000-0000-0000-0000-000000002001', 'org-a', 'Org A', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000002002', 'org-b', 'Org B', '00000000-0000-0000-0000-000000001003');

INSERT INTO org_members (org_id, user_id, role) VALUES
 ('00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000001001', 'owner'),
 ('00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000001002', 'editor'),
 ('00000000-0000-0000-0000-000000002002', '00000000-0000-0000-0000-000000001003', 'owner');

-- p1 linked to a member; p2 and p4 linked to users who are not members; p3 without a login.
INSERT INTO people (id, org_id, user_id, name, email, member_type) VALUES
 ('00000000-0000-0000-0000-000000003001', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000001002', 'Eddie', 'editor.a@example.com', 'Crew'),
 ('00000000-0000-0000-0000-000000003002', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000001005', 'Stan', NULL, 'Agent'),
 ('00000000-0000-0000-0000-000000003003', '00000000-0000-0000-0000-000000002001', NULL, 'Nola', 'nola@example.com', 'Artist'),
 ('00000000-0000-0000-0000-000000003004', '00000000-0000-0000-0000-000000002002', '00000000-0000-0000-0000-000000001001', 'Ola', NULL, NULL);

-- Org invitations: pending, accepted, expired, and two pending for one email (the older becomes expired).
INSERT INTO invitations (id, org_id, person_id, email, token, expires_at, accepted_at, created_by, created_at, role) VALUES
 ('00000000-0000-0000-0000-000000004001', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000003003', 'nola@example.com', 'tok-pending-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', now() + interval '5 days', NULL, '00000000-0000-0000-0000-000000001001', now() - interval '1 day', 'editor'),
 ('00000000-0000-0000-0000-000000004002', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000003001', 'editor.a@example.com', 'tok-accepted-aaaaaaaaaaaaaaaaaaaaaaaaaaaaa', now() + interval '5 days', now() - interval '12 hours', '00000000-0000-0000-0000-000000001001', now() - interval '2 days', 'editor'),
 ('00000000-0000-0000-0000-000000004003', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000003002', 'STAN@example.com', 'tok-expired-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', now() - interval '1 day', NULL, NULL, now() - interval '10 days', 'viewer'),
 ('00000000-0000-0000-0000-000000004004', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000003003', 'dup@example.com', 'tok-dup-older-aaaaaaaaaaaaaaaaaaaaaaaaaaaa', now() + interval '3 days', NULL, NULL, now() - interval '3 days', 'viewer'),
 ('00000000-0000-0000-0000-000000004005', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000003003', 'Dup@Example.com', 'tok-dup-newer-aaaaaaaaaaaaaaaaaaaaaaaaaaaa', now() + interval '6 days', NULL, NULL, now() - interval '1 hour', 'viewer');

INSERT INTO artists (id, org_id, name, slug) VALUES
 ('00000000-0000-0000-0000-000000005001', '00000000-0000-0000-0000-000000002001', 'The Auroras', 'auroras'),
 ('00000000-0000-0000-0000-000000005002', '00000000-0000-0000-0000-000000002002', 'B Side', NULL);
INSERT INTO venues (id, org_id, name, city, country, capacity, contacts) VALUES
 ('00000000-0000-0000-0000-000000005101', '00000000-0000-0000-0000-000000002001', 'Hall One', 'Oslo', 'NO', 1200, '{"box office": "+47 1"}'),
 ('00000000-0000-0000-0000-000000005102', '00000000-0000-0000-0000-000000002001', 'Club Two', 'Bergen', 'NO', 300, NULL),
 ('00000000-0000-0000-0000-000000005103', '00000000-0000-0000-0000-000000002002', 'B Arena', 'Malmo', 'SE', NULL, NULL);
INSERT INTO shows (id, org_id, artist_id, venue_id, date, status, title, notes) VALUES
 ('00000000-0000-0000-0000-000000005201', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000005001', '00000000-0000-0000-0000-000000005101', '2026-03-01', 'confirmed', 'Oslo night', 'internal'),
 ('00000000-0000-0000-0000-000000005202', '00000000-0000-0000-0000-000000002001', NULL, '00000000-0000-0000-0000-000000005102', '2026-03-02', 'draft', NULL, NULL),
 ('00000000-0000-0000-0000-000000005203', '00000000-0000-0000-0000-000000002002', '00000000-0000-0000-0000-000000005002', NULL, '2026-04-01', 'cancelled', 'B show', NULL);
INSERT INTO show_assignments (show_id, person_id, duty) VALUES
 ('00000000-0000-0000-0000-000000005201', '00000000-0000-0000-0000-000000003001', 'FOH');

-- Collaborator invites in every status, plus an accepted one without a token and an "invited" one with a user.
INSERT INTO show_collaborators (id, show_id, user_id, email, role, invited_by, accepted_at, org_id, invite_token, status, created_at, updated_at) VALUES
 ('00000000-0000-0000-0000-000000006001', '00000000-0000-0000-0000-000000005201', NULL, 'new.promoter@example.com', 'promoter_editor', '00000000-0000-0000-0000-000000001001', NULL, '00000000-0000-0000-0000-000000002001', 'collab-token-invited-aaaaaaaaaaaaaaaaa', 'invited', now() - interval '2 days', now() - interval '2 days'),
 ('00000000-0000-0000-0000-000000006002', '00000000-0000-0000-0000-000000005201', '00000000-0000-0000-0000-000000001004', 'Promoter@Example.com', 'promoter_editor', '00000000-0000-0000-0000-000000001001', now() - interval '1 day', '00000000-0000-0000-0000-000000002001', 'collab-token-accepted-aaaaaaaaaaaaaaaa', 'accepted', now() - interval '3 days', now() - interval '1 day'),
 ('00000000-0000-0000-0000-000000006003', '00000000-0000-0000-0000-000000005201', '00000000-0000-0000-0000-000000001006', 'revoked@example.com', 'promoter_viewer', NULL, now() - interval '5 days', '00000000-0000-0000-0000-000000002001', NULL, 'revoked', now() - interval '6 days', now() - interval '4 days'),
 ('00000000-0000-0000-0000-000000006004', '00000000-0000-0000-0000-000000005202', '00000000-0000-0000-0000-000000001004', 'promoter@example.com', 'promoter_viewer', '00000000-0000-0000-0000-000000009999', NULL, '00000000-0000-0000-0000-000000002001', NULL, 'accepted', now() - interval '3 days', now() - interval '2 days'),
 ('00000000-0000-0000-0000-000000006005', '00000000-0000-0000-0000-000000005203', '00000000-0000-0000-0000-000000001005', 'stranger@example.com', 'promoter_editor', NULL, NULL, '00000000-0000-0000-0000-000000002002', 'collab-token-half-aaaaaaaaaaaaaaaaaaaa', 'invited', now() - interval '1 day', now() - interval '1 day');

INSERT INTO advancing_sessions (id, org_id, show_id, title, created_by) VALUES
 ('00000000-0000-0000-0000-000000009101', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000005201', 'Advance', '00000000-0000-0000-0000-000000001001');
INSERT INTO advancing_fields (id, org_id, session_id, section, field_name, value, status, party_type, created_by) VALUES
 ('00000000-0000-0000-0000-000000009201', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Doors', '"19:00"', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009202', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Doors', '"19:30"', 'pending', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- Confirmed on both sides with equal values (Load-in; Guest list spots, 20 and 20.0 being one number to jsonb): agreed.
 ('00000000-0000-0000-0000-000000009203', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Load-in', '"14:00"', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009204', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Load-in', '"14:00"', 'confirmed', 'from_you', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009205', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Guest list and credentials', 'Guest list spots', '20', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009206', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Guest list and credentials', 'Guest list spots', '20.0', 'confirmed', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- Confirmed on both sides, different values.
 ('00000000-0000-0000-0000-000000009207', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Soundcheck', '"16:00"', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009208', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Soundcheck', '"16:30"', 'confirmed', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- Equal values confirmed on one side only (Set time), and on neither (Hotel).
 ('00000000-0000-0000-0000-000000009209', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Set time', '"21:00"', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009210', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Set time', '"21:00"', 'pending', 'from_you', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009211', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Travel and accommodation', 'Hotel', '"Thon"', 'pending', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009212', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Travel and accommodation', 'Hotel', '"Thon"', 'pending', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- Only one side answered: the promoter's (Catering), the artist team's, confirmed (Parking).
 ('00000000-0000-0000-0000-000000009213', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Hospitality', 'Catering', NULL, 'pending', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009214', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Hospitality', 'Catering', '"Pizza"', 'pending', 'from_you', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009215', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Travel and accommodation', 'Parking', '"Behind the hall"', 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009216', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Travel and accommodation', 'Parking', NULL, 'pending', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- Confirmed on both sides without any value.
 ('00000000-0000-0000-0000-000000009217', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Curfew', NULL, 'confirmed', 'from_us', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000009218', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Schedule', 'Curfew', NULL, 'confirmed', 'from_you', '00000000-0000-0000-0000-000000001001'),
-- A side without its pair (the legacy schema never required both).
 ('00000000-0000-0000-0000-000000009219', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'Settlement', 'Deal', '"Door split"', 'confirmed', 'from_you', '00000000-0000-0000-0000-000000001001');
INSERT INTO advancing_comments (id, org_id, field_id, author_id, author_name, body) VALUES
 ('00000000-0000-0000-0000-000000009301', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009202', '00000000-0000-0000-0000-000000001004', 'Promoter', 'Can we do 19:30?');
INSERT INTO advancing_documents (id, org_id, session_id, party_type, label) VALUES
 ('00000000-0000-0000-0000-000000009401', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009101', 'from_you', 'Stage plot');
INSERT INTO files (id, org_id, document_id, storage_path, original_name, size_bytes) VALUES
 ('00000000-0000-0000-0000-000000009501', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000009401', 'org-a/plot.pdf', 'plot.pdf', 1024);
INSERT INTO schedule_items (id, org_id, show_id, starts_at, title, visibility, item_type) VALUES
 ('00000000-0000-0000-0000-000000009601', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000005201', '2026-03-01 18:00+01', 'Doors', 'promoter_team', 'doors'),
 ('00000000-0000-0000-0000-000000009602', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000005201', '2026-03-01 12:00+01', 'Band lunch', 'artist_team', 'catering');

-- Partners and promoters: a partner and a promoter with one email in mixed case (merge), two promoters
-- with one email (merge), NULL emails (never merged), the same email in another org (not merged).
INSERT INTO partners (id, org_id, name, email, phone, role, company, commission_rate, notes, status, created_at, updated_at) VALUES
 ('00000000-0000-0000-0000-000000007001', '00000000-0000-0000-0000-000000002001', 'Pat Agent', 'Pat@Example.com', '+1 555', 'Booking Agent', 'Pat Co', 10.00, 'partner note', 'active', '2025-10-05 10:00+00', '2025-10-06 10:00+00'),
 ('00000000-0000-0000-0000-000000007002', '00000000-0000-0000-0000-000000002001', 'Tom Manager', NULL, NULL, 'Tour Manager', NULL, 4.00, NULL, 'inactive', '2025-10-05 11:00+00', '2025-10-05 11:00+00'),
 ('00000000-0000-0000-0000-000000007003', '00000000-0000-0000-0000-000000002001', 'Vera Vendor', 'vendor@example.com', NULL, NULL, 'Lights Ltd', NULL, '', 'pending', '2025-10-05 12:00+00', '2025-10-05 12:00+00'),
 ('00000000-0000-0000-0000-000000007004', '00000000-0000-0000-0000-000000002002', 'Pat in B', 'pat@example.com', NULL, 'agent', NULL, 5.50, NULL, 'active', '2025-10-05 13:00+00', '2025-10-05 13:00+00');
INSERT INTO promoters (id, org_id, name, email, phone, company, city, country, notes, status, created_at, updated_at, created_by) VALUES
 ('00000000-0000-0000-0000-000000007101', '00000000-0000-0000-0000-000000002001', 'Pat Promotes', ' pat@example.COM ', NULL, 'Pat Promotions', 'Oslo', 'NO', 'promoter note', 'inactive', '2025-10-16 10:00+00', '2025-10-17 10:00+00', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000007102', '00000000-0000-0000-0000-000000002001', 'Nameless Promo', NULL, '+47 2', NULL, 'Bergen', 'NO', NULL, 'active', '2025-10-16 11:00+00', '2025-10-16 11:00+00', NULL),
 ('00000000-0000-0000-0000-000000007103', '00000000-0000-0000-0000-000000002001', 'Promo One', 'promo@example.com', NULL, NULL, 'Oslo', NULL, NULL, 'active', '2025-10-16 12:00+00', '2025-10-16 12:00+00', NULL),
 ('00000000-0000-0000-0000-000000007104', '00000000-0000-0000-0000-000000002001', 'Promo Dup', 'PROMO@example.com', NULL, 'Dup Co', NULL, 'SE', 'dup note', 'inactive', '2025-10-16 13:00+00', '2025-10-16 13:00+00', NULL);

INSERT INTO partner_commissions (id, partner_id, show_id, amount, description, status, paid_at) VALUES
 ('00000000-0000-0000-0000-000000008001', '00000000-0000-0000-0000-000000007001', '00000000-0000-0000-0000-000000005201', 150.00, 'Oslo', 'pending', NULL),
 ('00000000-0000-0000-0000-000000008002', '00000000-0000-0000-0000-000000007001', NULL, 99.99, NULL, 'cancelled', NULL),
 ('00000000-0000-0000-0000-000000008003', '00000000-0000-0000-0000-000000007002', '00000000-0000-0000-0000-000000005202', 20.00, 'Bergen', 'paid', '2026-01-15 09:00+00'),
 ('00000000-0000-0000-0000-000000008004', '00000000-0000-0000-0000-000000007004', NULL, 5.00, NULL, 'pending', NULL);

INSERT INTO venue_promoters (id, venue_id, promoter_id, is_primary, notes, created_at, created_by) VALUES
 ('00000000-0000-0000-0000-000000008101', '00000000-0000-0000-0000-000000005101', '00000000-0000-0000-0000-000000007101', true, 'main', '2025-10-20 10:00+00', '00000000-0000-0000-0000-000000001001'),
 ('00000000-0000-0000-0000-000000008102', '00000000-0000-0000-0000-000000005101', '00000000-0000-0000-0000-000000007102', NULL, NULL, '2025-10-20 11:00+00', NULL),
 ('00000000-0000-0000-0000-000000008103', '00000000-0000-0000-0000-000000005101', '00000000-0000-0000-0000-000000007103', false, 'one', '2025-10-20 12:00+00', NULL),
 ('00000000-0000-0000-0000-000000008104', '00000000-0000-0000-0000-000000005101', '00000000-0000-0000-0000-000000007104', true, 'dup', '2025-10-20 13:00+00', NULL),
 ('00000000-0000-0000-0000-000000008105', '00000000-0000-0000-0000-000000005102', '00000000-0000-0000-0000-000000007101', false, NULL, '2025-10-20 14:00+00', NULL);

INSERT INTO org_subscriptions (org_id, plan_id, status, current_period_start, current_period_end) VALUES
 ('00000000-0000-0000-0000-000000002001', 'team_manager', 'active', now() - interval '10 days', now() + interval '20 days'),
 ('00000000-0000-0000-0000-000000002002', 'solo_artist', 'past_due', now() - interval '40 days', now() - interval '10 days');
INSERT INTO org_feature_overrides (org_id, key, value) VALUES
 ('00000000-0000-0000-0000-000000002001', 'max_members', '25');
INSERT INTO org_seats (org_id, seat_type, used) VALUES
 ('00000000-0000-0000-0000-000000002001', 'member', 99);

INSERT INTO billing_actions_log (id, org_id, action, previous_state, new_state, triggered_by, created_at) VALUES
 ('00000000-0000-0000-0000-000000009001', '00000000-0000-0000-0000-000000002001', 'plan_changed', '{"plan": "solo_artist"}', '{"plan": "team_manager"}', 'admin', '2025-11-10 10:00+00'),
 ('00000000-0000-0000-0000-000000009002', NULL, 'plan_created', NULL, '{"plan": "enterprise"}', 'system', '2025-11-11 10:00+00'),
 ('00000000-0000-0000-0000-000000009003', '00000000-0000-0000-0000-000000002002', 'downgraded', '{"plan": "team_manager"}', NULL, NULL, '2026-01-02 10:00+00');
INSERT INTO activity_log (id, org_id, user_id, action, resource_type, resource_id, details, ip_address, user_agent, created_at) VALUES
 ('00000000-0000-0000-0000-000000009011', '00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-000000001001', 'show.created', 'show', '00000000-0000-0000-0000-000000005201', '{"title": "Oslo night"}', '10.0.0.1', 'Firefox', '2025-09-15 10:00+00'),
 ('00000000-0000-0000-0000-000000009012', '00000000-0000-0000-0000-000000002002', NULL, 'artist.created', 'artist', NULL, NULL, NULL, NULL, '2026-02-01 10:00+00');
INSERT INTO query_performance_log (id, query_name, execution_time_ms) VALUES
 ('00000000-0000-0000-0000-000000009021', 'shows_list', 42);
INSERT INTO waitlist (id, email, name, role) VALUES
 ('00000000-0000-0000-0000-000000009031', 'wait@example.com', 'Wait', 'manager');
INSERT INTO parsed_emails (id, org_id, subject, raw_content) VALUES
 ('00000000-0000-0000-0000-000000009041', '00000000-0000-0000-0000-000000002001', 'Offer', 'Dear...');
INSERT INTO parsed_contracts (id, org_id, file_name, file_url, confidence) VALUES
 ('00000000-0000-0000-0000-000000009051', '00000000-0000-0000-0000-000000002001', 'c.pdf', 'org-a/c.pdf', 0.87);
