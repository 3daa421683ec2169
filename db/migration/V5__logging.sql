-- Redesign phase 4: one activity log. billing_actions_log rows move in with category 'billing';
-- activity_log becomes partitioned by month with a default partition, so no insert ever fails.
-- See docs/decisions/0007-logging.md.

ALTER TABLE activity_log RENAME TO legacy_activity_log;
ALTER INDEX activity_log_pkey RENAME TO legacy_activity_log_pkey;
ALTER INDEX idx_activity_log_org_created RENAME TO legacy_idx_activity_log_org_created;
ALTER INDEX idx_activity_log_user_created RENAME TO legacy_idx_activity_log_user_created;
ALTER INDEX idx_activity_log_action_created RENAME TO legacy_idx_activity_log_action_created;
ALTER INDEX idx_activity_log_resource RENAME TO legacy_idx_activity_log_resource;

-- org_id is optional now: platform-level billing events (the plan catalog) belong to no org.
CREATE TABLE activity_log (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    org_id        uuid REFERENCES organizations (id) ON DELETE CASCADE,
    user_id       uuid,
    category      text        NOT NULL DEFAULT 'general'
        CHECK (category IN ('general', 'billing', 'security', 'membership', 'invitation', 'migration')),
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   uuid,
    details       jsonb,
    ip_address    inet,
    user_agent    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);

CREATE TABLE activity_log_default PARTITION OF activity_log DEFAULT;

CREATE INDEX idx_activity_log_org_created ON activity_log (org_id, created_at DESC);
CREATE INDEX idx_activity_log_user_created ON activity_log (user_id, created_at DESC);
CREATE INDEX idx_activity_log_action_created ON activity_log (action, created_at DESC);
CREATE INDEX idx_activity_log_resource ON activity_log (resource_type, resource_id);
CREATE INDEX idx_activity_log_org_category_created ON activity_log (org_id, category, created_at DESC);

-- Creates the monthly partitions from p_from's month through p_months_ahead months past now (or past
-- p_from, if that is later).
-- Rows already in the default partition for a new month are moved into it.
CREATE FUNCTION ensure_activity_log_partitions(p_months_ahead int DEFAULT 2, p_from timestamptz DEFAULT now())
    RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
    v_month   date := date_trunc('month', p_from AT TIME ZONE 'UTC')::date;
    v_last    date := (date_trunc('month', greatest(p_from, now()) AT TIME ZONE 'UTC')
                       + make_interval(months => greatest(p_months_ahead, 0)))::date;
    v_name    text;
    v_created int := 0;
BEGIN
    WHILE v_month <= v_last LOOP
        v_name := 'activity_log_' || to_char(v_month, 'YYYY_MM');
        IF to_regclass(v_name) IS NULL THEN
            EXECUTE format('CREATE TABLE public.%I (LIKE public.activity_log INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_name);
            EXECUTE format($q$WITH moved AS (DELETE FROM activity_log_default
                                             WHERE created_at >= %L::timestamptz AND created_at < %L::timestamptz
                                             RETURNING *)
                             INSERT INTO %I SELECT * FROM moved$q$,
                           v_month::timestamp AT TIME ZONE 'UTC', (v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC', v_name);
            EXECUTE format('ALTER TABLE activity_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name,
                           v_month::timestamp AT TIME ZONE 'UTC', (v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            v_created := v_created + 1;
        END IF;
        v_month := (v_month + interval '1 month')::date;
    END LOOP;
    RETURN v_created;
END
$$;
REVOKE ALL ON FUNCTION ensure_activity_log_partitions(int, timestamptz) FROM PUBLIC;

SELECT ensure_activity_log_partitions(2, COALESCE(
    (SELECT least(min(created_at), now()) FROM (SELECT created_at FROM legacy_activity_log
                                               UNION ALL SELECT created_at FROM billing_actions_log) t), now()));

INSERT INTO activity_log (id, org_id, user_id, category, action, resource_type, resource_id, details, ip_address,
                          user_agent, created_at)
SELECT id, org_id, user_id, 'general', action, resource_type, resource_id, details, ip_address, user_agent, created_at
FROM legacy_activity_log;

INSERT INTO activity_log (id, org_id, user_id, category, action, resource_type, resource_id, details, created_at)
SELECT b.id, b.org_id, NULL, 'billing', b.action, 'subscription', NULL,
       jsonb_strip_nulls(jsonb_build_object('previous_state', b.previous_state, 'new_state', b.new_state,
                                            'triggered_by', b.triggered_by)),
       b.created_at
FROM billing_actions_log b;

-- The people/members phase logged its unlinks as general; they are migration events.
UPDATE activity_log SET category = 'migration' WHERE action = 'person.user_unlinked';

DROP TABLE legacy_activity_log;
DROP TABLE billing_actions_log;
