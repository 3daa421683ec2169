-- What an outside attack found in the database (issue "Close what an outside attack found"); see
-- docs/decisions/0014-what-the-database-trusts.md. The database trusts the application to say who is acting
-- (app.user_id); it no longer trusts it with temporary tables, password hashes, forged sign-ins, unbounded
-- audit rows or arbitrary partition ranges.

-- 1. Temporary tables can no longer shadow what definer functions read -------------------------------------
-- PostgreSQL searches the session's temporary schema first unless search_path names it: every function that
-- pins its search_path now puts pg_temp explicitly last. (Functions created below say so themselves.)
DO $do$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
          AND EXISTS (SELECT 1 FROM unnest(coalesce(p.proconfig, '{}')) cfg WHERE cfg LIKE 'search_path=%')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
    END LOOP;
END
$do$;

-- And the app role may not create temporary tables at all.
DO $do$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), '${app_role}');
END
$do$;

-- 2. Password hashes never leave the database -----------------------------------------------------------------
-- The app role reads every column of app_users but password_hash.
REVOKE SELECT ON app_users FROM ${app_role};
GRANT SELECT (id, email, display_name, is_platform_admin, disabled_at, created_at, updated_at, sessions_valid_from)
    ON app_users TO ${app_role};

-- A per-installation secret: unknown emails get a stable, made-up salt that cannot be told from a real one.
CREATE TABLE login_secrets (
    id     int   PRIMARY KEY CHECK (id = 1),
    pepper bytea NOT NULL
);
INSERT INTO login_secrets (id, pepper) VALUES (1, gen_random_bytes(32));
ALTER TABLE login_secrets ENABLE ROW LEVEL SECURITY;
-- Nobody reads it through the app role (no grant either); only the definer function below does.
CREATE POLICY login_secrets_no_access ON login_secrets USING (false);

-- Sign-in in two steps, so the stored hash is never handed out: the challenge is the hash's settings and salt
-- (Argon2id, PHC string without its last field); the application hashes the typed password with them and asks
-- app_login_verify whether that is the stored hash. Disabled, unknown and password-less accounts get a
-- made-up salt and never verify.
CREATE FUNCTION app_login_challenge(p_email text) RETURNS TABLE (setting text, hash_length int)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $fn$
    WITH account AS (
        SELECT u.password_hash FROM app_users u
        WHERE u.email = left(p_email, 320)::citext AND u.disabled_at IS NULL AND u.password_hash LIKE '$argon2id$%'
    )
    SELECT regexp_replace(a.password_hash, '\$[^$]*$', ''), (length(substring(a.password_hash FROM '[^$]*$')) * 3) / 4
    FROM account a
    UNION ALL
    SELECT '$argon2id$v=19$m=19456,t=2,p=1$'
               || rtrim(encode(substring(hmac(convert_to(lower(left(p_email, 320)), 'UTF8'), (SELECT pepper FROM login_secrets), 'sha256')
                                         FROM 1 FOR 16), 'base64'), '='),
           32
    WHERE NOT EXISTS (SELECT 1 FROM account)
$fn$;

CREATE FUNCTION app_login_verify(p_email text, p_password_hash text)
    RETURNS TABLE (id uuid, email text, display_name text, is_platform_admin boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $fn$
    SELECT u.id, u.email::text, u.display_name, u.is_platform_admin
    FROM app_users u
    WHERE u.email = left(p_email, 320)::citext AND u.disabled_at IS NULL
      AND u.password_hash IS NOT NULL AND u.password_hash = p_password_hash
$fn$;

DROP FUNCTION app_login_lookup(text);

-- 3. Sign-in audit rows are bounded and cannot be forged --------------------------------------------------------
-- Refused sign-ins are counted per client, targeted organization and 10-minute window: the first five are
-- logged one by one, the sixth says that further ones are being counted, and a summary with the total
-- follows when the window closes (flush_sign_in_refusals). Platform admins may read the live counters.
CREATE TABLE sign_in_refusals (
    client       text        NOT NULL,
    org_id       uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    refused      int         NOT NULL,
    PRIMARY KEY (client, org_id, window_start)
);
COMMENT ON COLUMN sign_in_refusals.client IS 'the client''s address, or ''unknown''';
COMMENT ON COLUMN sign_in_refusals.org_id IS 'the organization of the account tried; the nil uuid when none';
ALTER TABLE sign_in_refusals ENABLE ROW LEVEL SECURITY;
CREATE POLICY sign_in_refusals_platform_admins ON sign_in_refusals FOR SELECT USING ((SELECT is_platform_admin()));

CREATE OR REPLACE FUNCTION record_sign_in(p_email text, p_succeeded boolean, p_ip text, p_user_agent text, p_reason text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $fn$
DECLARE
    v_user    uuid;
    v_action  text := CASE WHEN p_succeeded THEN 'auth.signed_in' ELSE 'auth.sign_in_failed' END;
    v_details jsonb := jsonb_strip_nulls(jsonb_build_object('email', left(p_email, 320), 'reason', p_reason));
    v_ip      inet;
    v_window  timestamptz := to_timestamp(floor(extract(epoch FROM now()) / 600) * 600);
    v_orgs    uuid[];
    v_org     uuid;
    v_count   int;
BEGIN
    IF p_succeeded IS NULL OR (NOT p_succeeded AND p_reason IS DISTINCT FROM 'bad_credentials'
                               AND p_reason IS DISTINCT FROM 'throttled' AND p_reason IS DISTINCT FROM 'malformed') THEN
        RAISE EXCEPTION 'not a sign-in outcome' USING ERRCODE = '22023';
    END IF;
    SELECT u.id INTO v_user FROM app_users u WHERE u.email = left(p_email, 320)::citext;
    -- A successful sign-in is recorded in the transaction of the account that just signed in, nobody else's.
    IF p_succeeded AND (v_user IS NULL OR v_user IS DISTINCT FROM current_app_user_id()) THEN
        RAISE EXCEPTION 'a sign-in is recorded as the account that signed in' USING ERRCODE = '42501';
    END IF;
    BEGIN
        v_ip := p_ip::inet;
    EXCEPTION WHEN others THEN
        v_ip := NULL;
    END;
    SELECT array_agg(m.org_id) INTO v_orgs FROM org_members m WHERE v_user IS NOT NULL AND m.user_id = v_user;
    IF v_orgs IS NULL THEN
        v_orgs := ARRAY[NULL::uuid];
    END IF;
    FOREACH v_org IN ARRAY v_orgs LOOP
        IF NOT p_succeeded THEN
            INSERT INTO sign_in_refusals AS r (client, org_id, window_start, refused)
            VALUES (COALESCE(host(v_ip), 'unknown'), COALESCE(v_org, '00000000-0000-0000-0000-000000000000'), v_window, 1)
            ON CONFLICT (client, org_id, window_start) DO UPDATE SET refused = r.refused + 1
            RETURNING r.refused INTO v_count;
            IF v_count = 6 THEN
                INSERT INTO activity_log (org_id, user_id, category, action, resource_type, details, ip_address)
                VALUES (v_org, NULL, 'security', 'auth.sign_in_failures_counted', 'client',
                        jsonb_build_object('client', COALESCE(host(v_ip), 'unknown'), 'window_start', v_window,
                                           'window_end', v_window + interval '10 minutes'), v_ip);
            END IF;
            CONTINUE WHEN v_count > 5;
        END IF;
        INSERT INTO activity_log (org_id, user_id, category, action, resource_type, resource_id, details, ip_address, user_agent)
        VALUES (v_org, v_user, 'security', v_action, 'user', v_user, v_details, v_ip, left(p_user_agent, 500));
    END LOOP;
END
$fn$;

-- Writes the totals of closed windows that went past five refusals, and forgets closed windows.
CREATE FUNCTION flush_sign_in_refusals() RETURNS int
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $fn$
DECLARE
    v_written int;
BEGIN
    WITH closed AS (
        DELETE FROM sign_in_refusals WHERE window_start + interval '10 minutes' <= now() RETURNING *
    ), written AS (
        INSERT INTO activity_log (org_id, category, action, resource_type, details, ip_address)
        SELECT NULLIF(c.org_id, '00000000-0000-0000-0000-000000000000'), 'security', 'auth.sign_in_failures_summary', 'client',
               jsonb_build_object('client', c.client, 'refused', c.refused, 'window_start', c.window_start,
                                  'window_end', c.window_start + interval '10 minutes'),
               CASE WHEN c.client <> 'unknown' THEN c.client::inet END
        FROM closed c WHERE c.refused > 5
        RETURNING 1
    )
    SELECT count(*) INTO v_written FROM written;
    RETURN v_written;
END
$fn$;

-- 4. The app role keeps the activity log's partitions ahead, and nothing more -------------------------------------
-- ensure_activity_log_partitions takes any range and stays the owner's (migrations, maintenance).
CREATE FUNCTION ensure_current_activity_log_partitions() RETURNS int
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $fn$ SELECT ensure_activity_log_partitions(2, now()) $fn$;

REVOKE ALL ON FUNCTION ensure_activity_log_partitions(int, timestamptz) FROM ${app_role};
REVOKE ALL ON FUNCTION app_login_challenge(text), app_login_verify(text, text), flush_sign_in_refusals(),
    ensure_current_activity_log_partitions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_login_challenge(text), app_login_verify(text, text), flush_sign_in_refusals(),
    ensure_current_activity_log_partitions() TO ${app_role};
GRANT SELECT ON sign_in_refusals TO ${app_role};
