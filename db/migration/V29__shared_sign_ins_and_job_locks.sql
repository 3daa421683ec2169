-- Several app nodes (issue 20, decision 0030): a sign-in every node recognises, and scheduled jobs that run on one
-- node at a time.

-- 1. Sign-in records. A password sign-in makes one; its browser keeps a random 256-bit token in an HttpOnly cookie
-- and only the SHA-256 of the token is stored here. A node that has no HTTP session for a request (the person's node
-- died) finds the record by the token's hash and signs the person in again without the password, within the idle
-- (30 minutes since last_used_at) and absolute (12 hours since signed_in_at) limits, which the application checks
-- with its clock. Signing out revokes the record; losing access, being signed out everywhere or a disabled account
-- revokes every record of the person (trigger below).
CREATE TABLE sign_ins (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid        NOT NULL REFERENCES app_users (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    signed_in_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sign_ins_token_hash_sha256 CHECK (length(token_hash) = 32),
    CONSTRAINT sign_ins_used_after_sign_in CHECK (last_used_at >= signed_in_at)
);
CREATE INDEX sign_ins_live_by_user ON sign_ins (user_id) WHERE revoked_at IS NULL;

-- A person reads only their own records (nobody reads another's, and nobody writes any directly): every change goes
-- through the definer functions below, so a record cannot be revived, moved to another account or backdated.
ALTER TABLE sign_ins ENABLE ROW LEVEL SECURITY;
CREATE POLICY sign_ins_select ON sign_ins FOR SELECT
    USING (user_id = (SELECT current_app_user_id()));
GRANT SELECT ON sign_ins TO ${app_role};

-- A new record for the acting user, right after their password was checked (the sign-in sets app.user_id to the
-- account it just verified, as record_sign_in's caller does). False for nobody or a disabled account.
CREATE FUNCTION begin_sign_in(p_token_hash bytea, p_at timestamptz) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    INSERT INTO sign_ins (user_id, token_hash, signed_in_at, last_used_at)
    SELECT u.id, p_token_hash, p_at, p_at FROM app_users u
    WHERE u.id = current_app_user_id() AND u.disabled_at IS NULL;
    RETURN FOUND;
END
$$;

-- The live record behind a token, for a node that has no session for the request: nobody is acting yet, hence a
-- definer function. Revoked records and disabled accounts answer nothing; the limits are the caller's to check.
-- The lookup is by the hash (a unique index), so its timing tells nothing about the token.
CREATE FUNCTION resume_sign_in(p_token_hash bytea)
    RETURNS TABLE (user_id uuid, email text, display_name text, is_platform_admin boolean,
                   signed_in_at timestamptz, last_used_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT u.id, u.email::text, u.display_name, u.is_platform_admin, s.signed_in_at, s.last_used_at
    FROM sign_ins s JOIN app_users u ON u.id = s.user_id
    WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND u.disabled_at IS NULL
$$;

-- The acting user's session facts and, when the session came from a record, whether that record is still live and
-- when it was last used (on any node). Read on every request, like my_session_state().
CREATE FUNCTION my_sign_in_state(p_token_hash bytea)
    RETURNS TABLE (disabled boolean, sessions_valid_from timestamptz, record_live boolean,
                   record_last_used_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT u.disabled_at IS NOT NULL, u.sessions_valid_from, s.id IS NOT NULL AND s.revoked_at IS NULL,
           s.last_used_at
    FROM app_users u
    LEFT JOIN sign_ins s ON s.token_hash = p_token_hash AND s.user_id = u.id
    WHERE u.id = current_app_user_id()
$$;

-- Real use of the acting user's own live record (the application calls it at most once a minute per session).
-- It only ever moves forward.
CREATE FUNCTION touch_sign_in(p_token_hash bytea, p_at timestamptz) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    UPDATE sign_ins SET last_used_at = greatest(last_used_at, p_at)
    WHERE token_hash = p_token_hash AND user_id = current_app_user_id() AND revoked_at IS NULL
$$;

-- Ends the record behind a token: signing out, or a record found idle or too old. Whoever holds the token may end
-- it (no user is acting when an idle record is found); a revoked record stays revoked.
CREATE FUNCTION end_sign_in(p_token_hash bytea) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    UPDATE sign_ins SET revoked_at = now() WHERE token_hash = p_token_hash AND revoked_at IS NULL
$$;

-- "Signed in before this, start again" (decision 0013) now also ends the person's records, so no node lets them
-- back in: a changed or removed membership or show grant, sign out everywhere, a disabled account.
CREATE FUNCTION end_sign_ins_of_user() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    UPDATE sign_ins SET revoked_at = now() WHERE user_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER app_users_end_sign_ins
    AFTER UPDATE OF sessions_valid_from, disabled_at ON app_users
    FOR EACH ROW
    WHEN (NEW.sessions_valid_from IS DISTINCT FROM OLD.sessions_valid_from
          OR (NEW.disabled_at IS NOT NULL AND OLD.disabled_at IS NULL))
    EXECUTE FUNCTION end_sign_ins_of_user();

-- Records past the 12-hour limit (and a day of grace) are of no use to anyone; the once-only housekeeping removes them.
CREATE FUNCTION purge_old_sign_ins() RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    WITH gone AS (DELETE FROM sign_ins WHERE signed_in_at < now() - interval '36 hours' RETURNING 1)
    SELECT count(*)::integer FROM gone
$$;

REVOKE ALL ON FUNCTION begin_sign_in(bytea, timestamptz), resume_sign_in(bytea), my_sign_in_state(bytea),
    touch_sign_in(bytea, timestamptz), end_sign_in(bytea), end_sign_ins_of_user(), purge_old_sign_ins() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_sign_in(bytea, timestamptz), resume_sign_in(bytea), my_sign_in_state(bytea),
    touch_sign_in(bytea, timestamptz), end_sign_in(bytea), purge_old_sign_ins() TO ${app_role};

-- 2. Once-only jobs (ShedLock's lock semantics, stored here). One row per job name; the node that runs a job holds
-- the row until lock_until: at most "lockAtMostFor" when it dies holding it, at least "lockAtLeastFor" after it
-- started, so a node whose schedule fires a moment later does not run the same job again. Times are the database's,
-- so the nodes' clocks need not agree. Jobs run with nobody acting: the application role takes and releases locks only
-- through the two definer functions below; platform admins may read the table (which job ran where and when).
CREATE TABLE job_locks (
    name       text        PRIMARY KEY,
    lock_until timestamptz NOT NULL,
    locked_at  timestamptz NOT NULL,
    locked_by  text        NOT NULL,
    CONSTRAINT job_locks_name_is_a_job_name CHECK (name ~ '^[a-z][a-z0-9.-]{0,63}$'),
    CONSTRAINT job_locks_locked_by_length CHECK (length(locked_by) BETWEEN 1 AND 255)
);
ALTER TABLE job_locks ENABLE ROW LEVEL SECURITY;
CREATE POLICY job_locks_select ON job_locks FOR SELECT USING ((SELECT is_platform_admin()));
GRANT SELECT ON job_locks TO ${app_role};

-- Takes the job's lock for at most p_at_most (a day at the very most) when nobody holds it; true when taken.
CREATE FUNCTION take_job_lock(p_name text, p_at_most interval, p_by text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_until timestamptz := clock_timestamp() + least(greatest(p_at_most, interval '0'), interval '1 day');
BEGIN
    INSERT INTO job_locks AS l (name, lock_until, locked_at, locked_by) VALUES (p_name, v_until, v_now, p_by)
    ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_at = EXCLUDED.locked_at,
                                     locked_by = EXCLUDED.locked_by
        WHERE l.lock_until <= v_now;
    RETURN FOUND;
END
$$;

-- Releases the holder's own lock, keeping it until at least p_at_least after it was taken.
CREATE FUNCTION release_job_lock(p_name text, p_at_least interval, p_by text) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
    UPDATE job_locks
    SET lock_until = greatest(clock_timestamp(), locked_at + least(greatest(p_at_least, interval '0'), interval '1 day'))
    WHERE name = p_name AND locked_by = p_by AND lock_until > clock_timestamp()
$$;

REVOKE ALL ON FUNCTION take_job_lock(text, interval, text), release_job_lock(text, interval, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION take_job_lock(text, interval, text), release_job_lock(text, interval, text) TO ${app_role};
