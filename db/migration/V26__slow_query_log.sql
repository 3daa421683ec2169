-- The slow-query log (decision 0026): every statement of the app slower than a threshold is recorded with a stable
-- name (the service method or repository query running it), its duration, who was acting and for which org.
-- The legacy table keeps its columns (query_name, execution_time_ms, user_id, org_id, created_at) and its rows; it
-- gains a fingerprint of the statement: the SQL with every literal replaced by '?', cut to 500 characters. Parameter
-- values never reach it: they can hold personal data (names, emails, notes).

ALTER TABLE query_performance_log ADD COLUMN statement_fingerprint text;
-- Legacy rows are brought within the new limits before the limits are set.
UPDATE query_performance_log SET query_name = left(coalesce(nullif(query_name, ''), 'unnamed'), 200)
WHERE query_name = '' OR char_length(query_name) > 200;
UPDATE query_performance_log SET execution_time_ms = 0 WHERE execution_time_ms < 0;
ALTER TABLE query_performance_log
    ADD CONSTRAINT query_performance_log_name_length CHECK (char_length(query_name) BETWEEN 1 AND 200),
    ADD CONSTRAINT query_performance_log_duration CHECK (execution_time_ms >= 0),
    ADD CONSTRAINT query_performance_log_fingerprint_length CHECK (char_length(statement_fingerprint) <= 500);

-- The admin page reads one period (the last hour .. 30 days) and groups it by name: an index on the time that
-- carries the name and the duration answers it from the index alone; the retention job deletes by the same time.
DROP INDEX idx_query_performance_log_created;
DROP INDEX idx_query_performance_log_name_time;
CREATE INDEX idx_query_performance_log_period ON query_performance_log (created_at)
    INCLUDE (query_name, execution_time_ms);

-- Only platform admins read the log (the select policy of V8 stays). Nobody inserts directly any more: the recorder
-- writes through record_slow_statements from its own thread, acting for nobody, rows of many users (and of none,
-- e.g. a sign-in), so an insert policy on the acting user cannot describe it.
DROP POLICY query_performance_log_insert ON query_performance_log;
REVOKE INSERT ON query_performance_log FROM ${app_role};

-- One batch of slow statements, as measured by the application. Definer: see above. The values are checked here,
-- so the app role can add rows of this shape only: names and fingerprints cut to their limits, durations >= 0.
CREATE FUNCTION record_slow_statements(p_names text[], p_durations int[], p_users uuid[], p_orgs uuid[],
                                       p_at timestamptz[], p_fingerprints text[]) RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH added AS (
        INSERT INTO query_performance_log (query_name, execution_time_ms, user_id, org_id, created_at,
                                           statement_fingerprint)
        SELECT left(coalesce(nullif(n.name, ''), 'unnamed'), 200), greatest(n.duration, 0), n.user_id, n.org_id,
               least(coalesce(n.at, now()), now()), left(n.fingerprint, 500)
        FROM unnest(p_names, p_durations, p_users, p_orgs, p_at, p_fingerprints)
             AS n(name, duration, user_id, org_id, at, fingerprint)
        LIMIT 1000
        RETURNING 1)
    SELECT count(*)::int FROM added
$$;

-- Removes entries older than the retention (the job passes its configured number of days); never the last day's.
CREATE FUNCTION purge_query_performance_log(p_keep_days int) RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH gone AS (
        DELETE FROM query_performance_log
        WHERE created_at < now() - make_interval(days => greatest(p_keep_days, 1))
        RETURNING 1)
    SELECT count(*)::int FROM gone
$$;

REVOKE ALL ON FUNCTION record_slow_statements(text[], int[], uuid[], uuid[], timestamptz[], text[]),
    purge_query_performance_log(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION record_slow_statements(text[], int[], uuid[], uuid[], timestamptz[], text[]),
    purge_query_performance_log(int) TO ${app_role};
