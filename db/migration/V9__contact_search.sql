-- Fast directory search: trigram index over what the search box matches (name, company, email, city).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION contact_search_text(p_name text, p_company text, p_email citext, p_city text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lower(coalesce(p_name, '') || ' ' || coalesce(p_company, '') || ' ' || coalesce(p_email::text, '') || ' ' || coalesce(p_city, '')) $$;

CREATE INDEX idx_contacts_search ON contacts USING gin (contact_search_text(name, company, email, city) gin_trgm_ops);
