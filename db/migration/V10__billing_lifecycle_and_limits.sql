-- Billing: plan limits enforced by the database whoever adds a member, collaborator or artist; a plan whose
-- `editing` entitlement is off makes the org read-only; the lifecycle of trials and overdue subscriptions; and
-- owners' plan change requests. See docs/decisions/0011-billing.md.

-- The effective entitlements of one org: plan features and limits with the org's overrides on top.
CREATE FUNCTION org_effective_entitlements(p_org_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT p.features || jsonb_build_object('max_artists', p.max_artists, 'max_members', p.max_members,
                                            'max_collaborators', p.max_collaborators)
           || COALESCE((SELECT jsonb_object_agg(f.key, f.value) FROM org_feature_overrides f WHERE f.org_id = s.org_id), '{}')
    FROM org_subscriptions s JOIN billing_plans p ON p.id = s.plan_id
    WHERE s.org_id = p_org_id
$$;

-- Live now also means the plan lets the org edit (Crew Read-Only does not).
CREATE OR REPLACE FUNCTION org_is_live(p_org_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (SELECT 1 FROM org_subscriptions s
                   WHERE s.org_id = p_org_id
                     AND ((s.status IN ('trialing', 'active') AND (s.current_period_end IS NULL OR s.current_period_end > now()))
                          OR (s.status = 'past_due' AND s.current_period_end + interval '7 days' > now())))
       AND COALESCE((org_effective_entitlements(p_org_id) ->> 'editing')::boolean, true)
$$;

-- Seat limits. An advisory lock per org serializes concurrent additions, so no race exceeds a limit.
CREATE FUNCTION enforce_seat_limit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_kind  text := TG_ARGV[0];
    v_key   text := 'max_' || v_kind;
    v_limit int;
    v_used  bigint;
    v_plan  text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('roadbook-seats:' || NEW.org_id::text, 0));
    SELECT (org_effective_entitlements(NEW.org_id) ->> v_key)::int, p.name
      INTO v_limit, v_plan
      FROM org_subscriptions s JOIN billing_plans p ON p.id = s.plan_id WHERE s.org_id = NEW.org_id;
    IF v_limit IS NULL THEN
        RETURN NEW; -- unlimited, or no subscription (then the org is read-only anyway)
    END IF;
    IF v_kind = 'members' THEN
        SELECT count(*) INTO v_used FROM org_members WHERE org_id = NEW.org_id;
    ELSIF v_kind = 'artists' THEN
        SELECT count(*) INTO v_used FROM artists WHERE org_id = NEW.org_id;
    ELSE
        -- A collaborator already granted another show of this org takes no new seat.
        IF EXISTS (SELECT 1 FROM show_collaborators WHERE org_id = NEW.org_id AND user_id = NEW.user_id) THEN
            RETURN NEW;
        END IF;
        SELECT count(DISTINCT user_id) INTO v_used FROM show_collaborators WHERE org_id = NEW.org_id;
    END IF;
    IF v_used >= v_limit THEN
        RAISE EXCEPTION 'The % plan allows % %; this organization has %.', v_plan, v_limit, v_kind, v_used
            USING ERRCODE = '23514', CONSTRAINT = 'seat_limit_' || v_kind;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER org_members_seat_limit BEFORE INSERT ON org_members
    FOR EACH ROW EXECUTE FUNCTION enforce_seat_limit('members');
CREATE TRIGGER artists_seat_limit BEFORE INSERT ON artists
    FOR EACH ROW EXECUTE FUNCTION enforce_seat_limit('artists');
CREATE TRIGGER show_collaborators_seat_limit BEFORE INSERT ON show_collaborators
    FOR EACH ROW EXECUTE FUNCTION enforce_seat_limit('collaborators');

-- The lifecycle, run by a scheduled job with the time it is told (testable with an injected clock):
-- an expired trial is canceled (read-only); past_due beyond 7 days' grace moves to Crew Read-Only, as the
-- original did. Each transition is logged with its before and after state. Returns how many moved.
CREATE FUNCTION apply_billing_lifecycle(p_now timestamptz) RETURNS int
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    r       record;
    v_moved int := 0;
BEGIN
    -- Anyone may run it, but never ahead of time: that would expire other orgs' trials early.
    IF p_now > now() + interval '1 minute' THEN
        RAISE EXCEPTION 'the billing lifecycle cannot run ahead of the current time' USING ERRCODE = '22023';
    END IF;
    FOR r IN SELECT * FROM org_subscriptions
             WHERE (status = 'trialing' AND current_period_end <= p_now)
                OR (status = 'past_due' AND current_period_end + interval '7 days' <= p_now AND plan_id <> 'crew_readonly')
             FOR UPDATE
    LOOP
        IF r.status = 'trialing' THEN
            UPDATE org_subscriptions SET status = 'canceled', updated_at = p_now, version = version + 1 WHERE org_id = r.org_id;
            INSERT INTO activity_log (org_id, category, action, resource_type, resource_id, details, created_at)
            VALUES (r.org_id, 'billing', 'subscription.trial_expired', 'subscription', r.org_id,
                    jsonb_build_object('before', jsonb_build_object('plan_id', r.plan_id, 'status', r.status),
                                       'after', jsonb_build_object('plan_id', r.plan_id, 'status', 'canceled')), p_now);
        ELSE
            UPDATE org_subscriptions SET plan_id = 'crew_readonly', status = 'active', current_period_start = p_now,
                   current_period_end = p_now + interval '30 days', updated_at = p_now, version = version + 1
            WHERE org_id = r.org_id;
            INSERT INTO activity_log (org_id, category, action, resource_type, resource_id, details, created_at)
            VALUES (r.org_id, 'billing', 'subscription.downgraded_after_grace', 'subscription', r.org_id,
                    jsonb_build_object('before', jsonb_build_object('plan_id', r.plan_id, 'status', r.status),
                                       'after', jsonb_build_object('plan_id', 'crew_readonly', 'status', 'active')), p_now);
        END IF;
        v_moved := v_moved + 1;
    END LOOP;
    RETURN v_moved;
END
$$;

-- Plan change requests: owners ask, platform admins apply or decline (the payment boundary is manual for now).
CREATE TABLE plan_change_requests (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    plan_id      text        NOT NULL REFERENCES billing_plans (id),
    requested_by uuid        NOT NULL REFERENCES app_users (id),
    status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'declined', 'withdrawn')),
    note         text,
    decided_by   uuid REFERENCES app_users (id),
    decided_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    version      int         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX plan_change_requests_one_pending ON plan_change_requests (org_id) WHERE status = 'pending';
ALTER TABLE plan_change_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY plan_change_requests_select ON plan_change_requests FOR SELECT
    USING (has_org_role(org_id, '{owner,admin}') OR (SELECT is_platform_admin()));
-- Owners ask even when the org has lapsed: changing the plan is how a lapsed org gets going again.
CREATE POLICY plan_change_requests_insert ON plan_change_requests FOR INSERT
    WITH CHECK (has_org_role(org_id, '{owner}') AND requested_by = (SELECT current_app_user_id()) AND status = 'pending');
CREATE POLICY plan_change_requests_update ON plan_change_requests FOR UPDATE
    USING ((SELECT is_platform_admin()) OR (has_org_role(org_id, '{owner}') AND status = 'pending'))
    WITH CHECK ((SELECT is_platform_admin()) OR (has_org_role(org_id, '{owner}') AND status = 'withdrawn'));

-- org_effective_entitlements is internal (it answers for any org); the app reads the org_entitlements view.
REVOKE ALL ON FUNCTION org_effective_entitlements(uuid), apply_billing_lifecycle(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION apply_billing_lifecycle(timestamptz) TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON plan_change_requests TO ${app_role};
