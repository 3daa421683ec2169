-- The parsing inbox (issue #19, docs/decisions/0029-parsing-inbox.md): booking mails and contracts arrive (pasted,
-- uploaded, or by mail to bookings+<org slug>@…), their source is kept in the files registry, every proposed value is
-- a row of parsed_values with its span and confidence, and an editor accepts, edits or drops each before confirming.
-- Only the org's editors and up see any of it.

-- 1. A source of the inbox is a library file only editors and up see --------------------------------------------
ALTER TABLE files DROP CONSTRAINT files_visibility_check;
ALTER TABLE files ADD CONSTRAINT files_visibility_check CHECK (visibility IN ('members', 'promoter_team', 'editors'));

-- As V21, but an 'editors' file is hidden from viewers (it is never shared with a promoter team: only
-- 'promoter_team' files and advance documents are).
DROP POLICY files_select ON files;
CREATE POLICY files_select ON files FOR SELECT
    USING ((is_org_member(org_id) AND (visibility <> 'editors' OR has_org_role(org_id, '{owner,admin,editor}')))
           OR (deleted_at IS NULL
               AND (visibility = 'promoter_team' OR num_nonnulls(session_id, document_id, field_id) > 0)
               AND file_shared_with_me(org_id, session_id, document_id, field_id, show_id, artist_id, venue_id)));

-- As V21 (members see every version, whoever else sees the file its current one), but only of a file the reader
-- sees at all: a viewer sees no version of an 'editors' file.
DROP POLICY file_versions_select ON file_versions;
CREATE POLICY file_versions_select ON file_versions FOR SELECT
    USING (EXISTS (SELECT 1 FROM files f
                   WHERE f.id = file_id AND (f.current_version = number OR is_org_member(f.org_id))));

-- 2. The inbox items: mails (and pasted text) in parsed_emails, contracts (PDF, DOCX) in parsed_contracts ------------
ALTER TABLE parsed_emails DROP CONSTRAINT parsed_emails_status_check;
ALTER TABLE parsed_contracts DROP CONSTRAINT parsed_contracts_status_check;
UPDATE parsed_emails SET status = CASE status WHEN 'pending_review' THEN 'new' WHEN 'rejected' THEN 'dismissed' ELSE status END;
UPDATE parsed_contracts SET status = CASE status WHEN 'pending_review' THEN 'new' WHEN 'rejected' THEN 'dismissed' ELSE status END;

-- status: new (nobody decided anything yet), reviewed (values decided, not confirmed), confirmed (written to the
-- show), dismissed. raw_content: the text every span points into (a mail's body with its attachments' text after
-- it). source_file_id: the original (.eml, PDF, DOCX, pasted text) in the files registry, visibility 'editors'.
-- extracted_at: when proposals were made (a mail stored by the poller is extracted when an editor first opens it).
ALTER TABLE parsed_emails
    ALTER COLUMN status SET DEFAULT 'new',
    ADD CONSTRAINT parsed_emails_status_check CHECK (status IN ('new', 'reviewed', 'confirmed', 'dismissed')),
    ADD COLUMN received_via   text NOT NULL DEFAULT 'paste' CHECK (received_via IN ('paste', 'upload', 'mail')),
    ADD COLUMN message_id     text,
    ADD COLUMN source_file_id uuid REFERENCES files (id) ON DELETE SET NULL,
    ADD COLUMN notes          text,
    ADD COLUMN extracted_at   timestamptz,
    ADD COLUMN created_by     uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN confirmed_by   uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN confirmed_at   timestamptz,
    ADD COLUMN show_id        uuid REFERENCES shows (id) ON DELETE SET NULL,
    ADD CONSTRAINT parsed_emails_id_org UNIQUE (id, org_id);
-- A mail is stored once per organization, however often the mailbox is read.
CREATE UNIQUE INDEX parsed_emails_message_once ON parsed_emails (org_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX idx_parsed_emails_org_created ON parsed_emails (org_id, created_at DESC);

ALTER TABLE parsed_contracts
    ALTER COLUMN status SET DEFAULT 'new',
    ALTER COLUMN file_url DROP NOT NULL,
    ADD CONSTRAINT parsed_contracts_status_check CHECK (status IN ('new', 'reviewed', 'confirmed', 'dismissed')),
    ADD COLUMN raw_content    text NOT NULL DEFAULT '',
    ADD COLUMN received_via   text NOT NULL DEFAULT 'upload' CHECK (received_via IN ('paste', 'upload', 'mail')),
    ADD COLUMN source_file_id uuid REFERENCES files (id) ON DELETE SET NULL,
    ADD COLUMN notes          text,
    ADD COLUMN extracted_at   timestamptz,
    ADD COLUMN created_by     uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN confirmed_by   uuid REFERENCES app_users (id) ON DELETE SET NULL,
    ADD COLUMN confirmed_at   timestamptz,
    ADD COLUMN show_id        uuid REFERENCES shows (id) ON DELETE SET NULL,
    ADD CONSTRAINT parsed_contracts_id_org UNIQUE (id, org_id);
CREATE INDEX idx_parsed_contracts_org_created ON parsed_contracts (org_id, created_at DESC);

-- 3. Every proposed value, with its span, confidence and the editor's decision --------------------------------------
-- The item is named with its org (composite keys), so a value never points at another org's item.
CREATE TABLE parsed_values (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email_id     uuid,
    contract_id  uuid,
    field        text         NOT NULL,
    value        text         NOT NULL,
    span_start   int          NOT NULL CHECK (span_start >= 0),
    span_end     int          NOT NULL,
    confidence   numeric(3, 2) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    extractor    text         NOT NULL,
    match_id     uuid,
    position     int          NOT NULL DEFAULT 0,
    -- proposed: nobody decided yet; accepted: written as proposed; edited: written as edited_value; dropped: never written.
    decision     text         NOT NULL DEFAULT 'proposed' CHECK (decision IN ('proposed', 'accepted', 'edited', 'dropped')),
    edited_value text,
    decided_by   uuid REFERENCES app_users (id) ON DELETE SET NULL,
    decided_at   timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    version      int          NOT NULL DEFAULT 0,
    CHECK (span_end >= span_start),
    CHECK (num_nonnulls(email_id, contract_id) = 1),
    CHECK (decision <> 'edited' OR edited_value IS NOT NULL),
    FOREIGN KEY (email_id, org_id) REFERENCES parsed_emails (id, org_id) ON DELETE CASCADE,
    FOREIGN KEY (contract_id, org_id) REFERENCES parsed_contracts (id, org_id) ON DELETE CASCADE
);
CREATE INDEX idx_parsed_values_email ON parsed_values (email_id) WHERE email_id IS NOT NULL;
CREATE INDEX idx_parsed_values_contract ON parsed_values (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX idx_parsed_values_org ON parsed_values (org_id);

-- Who decided a value, who made and who confirmed an item: whoever the database sees acting (decision 0014).
CREATE FUNCTION parsed_values_decided_by() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.decision IS DISTINCT FROM OLD.decision
       OR NEW.edited_value IS DISTINCT FROM OLD.edited_value THEN
        IF NEW.decision = 'proposed' THEN
            NEW.decided_by := NULL;
            NEW.decided_at := NULL;
        ELSE
            NEW.decided_by := current_app_user_id();
            NEW.decided_at := now();
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER parsed_values_decided_by BEFORE INSERT OR UPDATE ON parsed_values
    FOR EACH ROW EXECUTE FUNCTION parsed_values_decided_by();

CREATE FUNCTION parsed_items_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_app_user_id();
    END IF;
    IF NEW.status = 'confirmed' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'confirmed') THEN
        NEW.confirmed_by := current_app_user_id();
        NEW.confirmed_at := now();
    END IF;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER parsed_emails_actor BEFORE INSERT OR UPDATE ON parsed_emails
    FOR EACH ROW EXECUTE FUNCTION parsed_items_actor();
CREATE TRIGGER parsed_contracts_actor BEFORE INSERT OR UPDATE ON parsed_contracts
    FOR EACH ROW EXECUTE FUNCTION parsed_items_actor();

-- 4. Row-level security: editors and up read (a lapsed org's too), editors of a live org write ----------------------
DROP POLICY parsed_emails_select ON parsed_emails;
CREATE POLICY parsed_emails_select ON parsed_emails FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin,editor}'))::uuid[]));
DROP POLICY parsed_contracts_select ON parsed_contracts;
CREATE POLICY parsed_contracts_select ON parsed_contracts FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin,editor}'))::uuid[]));

ALTER TABLE parsed_values ENABLE ROW LEVEL SECURITY;
CREATE POLICY parsed_values_select ON parsed_values FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin,editor}'))::uuid[]));
CREATE POLICY parsed_values_insert ON parsed_values FOR INSERT
    WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
CREATE POLICY parsed_values_update ON parsed_values FOR UPDATE
    USING (org_id = ANY ((SELECT editable_org_ids())::uuid[])) WITH CHECK (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
CREATE POLICY parsed_values_delete ON parsed_values FOR DELETE
    USING (org_id = ANY ((SELECT editable_org_ids())::uuid[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON parsed_values TO ${app_role};

-- 5. Per-org parsing settings: whether the optional external model extractor runs (default off, owners decide) ----
CREATE TABLE parsing_settings (
    org_id        uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    model_enabled boolean     NOT NULL DEFAULT false,
    updated_by    uuid REFERENCES app_users (id) ON DELETE SET NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       int         NOT NULL DEFAULT 0
);
CREATE FUNCTION parsing_settings_actor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, public
AS $$
BEGIN
    NEW.updated_by := current_app_user_id();
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER parsing_settings_actor BEFORE INSERT OR UPDATE ON parsing_settings
    FOR EACH ROW EXECUTE FUNCTION parsing_settings_actor();
ALTER TABLE parsing_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY parsing_settings_select ON parsing_settings FOR SELECT
    USING (org_id = ANY ((SELECT org_ids_with_role('{owner,admin,editor}'))::uuid[]));
CREATE POLICY parsing_settings_insert ON parsing_settings FOR INSERT
    WITH CHECK (has_org_role(org_id, '{owner}') AND org_is_live(org_id));
CREATE POLICY parsing_settings_update ON parsing_settings FOR UPDATE
    USING (has_org_role(org_id, '{owner}') AND org_is_live(org_id))
    WITH CHECK (has_org_role(org_id, '{owner}') AND org_is_live(org_id));
GRANT SELECT, INSERT, UPDATE ON parsing_settings TO ${app_role};

-- 6. Mail intake with nobody acting ---------------------------------------------------------------------------------
-- The mailbox poller runs without a user, so no policy admits its insert. This definer function is its one way in:
-- it resolves the plus-address handle to an organization by its slug (unique), stores the message once per org
-- (Message-ID), registers the original .eml (bytes already in the file store) as an 'editors' file, and returns what
-- happened: 'stored', 'duplicate' or 'unknown_handle' (then nothing is written, and the poller leaves the message in
-- a folder for people). It only ever makes an item with status 'new': nothing in it becomes data until an editor of
-- that org confirms it, under RLS, as themselves.
CREATE FUNCTION receive_booking_mail(p_handle text, p_message_id text, p_subject text, p_from text, p_text text,
                                     p_notes text, p_storage_path text, p_file_name text, p_content_type text,
                                     p_size bigint)
    RETURNS TABLE (outcome text, item_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    v_org  uuid;
    v_file uuid;
    v_item uuid;
BEGIN
    IF p_message_id IS NULL OR btrim(p_message_id) = '' THEN
        RAISE EXCEPTION 'a mail needs a Message-ID to be stored once' USING ERRCODE = '22023';
    END IF;
    SELECT o.id INTO v_org FROM organizations o WHERE o.slug = lower(btrim(p_handle));
    IF v_org IS NULL THEN
        RETURN QUERY SELECT 'unknown_handle'::text, NULL::uuid;
        RETURN;
    END IF;
    SELECT e.id INTO v_item FROM parsed_emails e WHERE e.org_id = v_org AND e.message_id = p_message_id;
    IF v_item IS NOT NULL THEN
        RETURN QUERY SELECT 'duplicate'::text, v_item;
        RETURN;
    END IF;
    INSERT INTO files (org_id, storage_path, original_name, content_type, size_bytes, visibility)
    VALUES (v_org, p_storage_path, p_file_name, p_content_type, p_size, 'editors')
    RETURNING id INTO v_file;
    INSERT INTO parsed_emails (org_id, subject, from_email, raw_content, received_via, message_id, notes, source_file_id)
    VALUES (v_org, coalesce(left(p_subject, 500), ''), left(p_from, 320), p_text, 'mail', p_message_id, p_notes, v_file)
    ON CONFLICT (org_id, message_id) WHERE message_id IS NOT NULL DO NOTHING
    RETURNING id INTO v_item;
    IF v_item IS NULL THEN
        -- Another poller stored the same message a moment ago: keep theirs.
        DELETE FROM files WHERE id = v_file;
        SELECT e.id INTO v_item FROM parsed_emails e WHERE e.org_id = v_org AND e.message_id = p_message_id;
        RETURN QUERY SELECT 'duplicate'::text, v_item;
        RETURN;
    END IF;
    RETURN QUERY SELECT 'stored'::text, v_item;
END
$$;
REVOKE ALL ON FUNCTION receive_booking_mail(text, text, text, text, text, text, text, text, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION receive_booking_mail(text, text, text, text, text, text, text, text, text, bigint) TO ${app_role};

-- The organization a bookings handle names (its slug), for the poller to file the original under before it calls
-- receive_booking_mail. Definer for the same reason; it answers only an id for a slug, which plus-addressing makes
-- public anyway.
CREATE FUNCTION booking_handle_org(p_handle text) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT o.id FROM organizations o WHERE o.slug = lower(btrim(p_handle)) $$;
REVOKE ALL ON FUNCTION booking_handle_org(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION booking_handle_org(text) TO ${app_role};
