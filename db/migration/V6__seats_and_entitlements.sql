-- Redesign phase 5: org_seats goes (it was never written); seat usage is computed, correctly for
-- every caller; entitlements are readable only by the org's members and platform admins.
-- See docs/decisions/0008-seats-and-entitlements.md.

DROP TABLE org_seats;

DROP TRIGGER org_subscriptions_refresh_entitlements ON org_subscriptions;
DROP TRIGGER org_feature_overrides_refresh_entitlements ON org_feature_overrides;
DROP MATERIALIZED VIEW org_entitlements_cache;
DROP FUNCTION refresh_org_entitlements_cache();

-- Counts with the owner's eyes, so an org viewer gets the same numbers as its owner; answers only
-- for the caller's own orgs (or any org for a platform admin), and only numbers.
CREATE FUNCTION org_seat_counts(p_org_id uuid)
    RETURNS TABLE (members_used bigint, collaborators_used bigint, artists_used bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT (SELECT count(*) FROM org_members m WHERE m.org_id = p_org_id),
           (SELECT count(DISTINCT sc.user_id) FROM show_collaborators sc JOIN shows s ON s.id = sc.show_id
            WHERE s.org_id = p_org_id),
           (SELECT count(*) FROM artists a WHERE a.org_id = p_org_id)
    WHERE is_org_member(p_org_id) OR is_platform_admin()
$$;
REVOKE ALL ON FUNCTION org_seat_counts(uuid) FROM PUBLIC;

DROP VIEW org_seat_usage;
CREATE VIEW org_seat_usage WITH (security_invoker = true) AS
SELECT o.id AS org_id, o.name AS org_name, c.members_used, c.collaborators_used, c.artists_used
FROM organizations o
CROSS JOIN LATERAL org_seat_counts(o.id) c;

-- Entitlements: the plan's features and limits, the org's overrides on top. A plain invoker view:
-- row-level security on subscriptions and overrides decides who reads which org.
CREATE VIEW org_entitlements WITH (security_invoker = true) AS
SELECT s.org_id,
       s.status AS subscription_status,
       s.current_period_end,
       s.plan_id,
       p.features || jsonb_build_object('max_artists', p.max_artists, 'max_members', p.max_members,
                                        'max_collaborators', p.max_collaborators) AS base_entitlements,
       COALESCE((SELECT jsonb_object_agg(f.key, f.value) FROM org_feature_overrides f WHERE f.org_id = s.org_id),
                '{}'::jsonb) AS overrides,
       p.features || jsonb_build_object('max_artists', p.max_artists, 'max_members', p.max_members,
                                        'max_collaborators', p.max_collaborators)
           || COALESCE((SELECT jsonb_object_agg(f.key, f.value) FROM org_feature_overrides f WHERE f.org_id = s.org_id),
                       '{}'::jsonb) AS effective_entitlements
FROM org_subscriptions s
JOIN billing_plans p ON p.id = s.plan_id;

CREATE INDEX idx_advancing_fields_session_party_section ON advancing_fields (session_id, party_type, section);
