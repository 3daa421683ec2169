package app.roadbook.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table × every actor of docs/product.md (section 1) × select, insert, update and delete, against the rows of
 * probe-fixtures.sql, run as the application role with RLS on. Each probe runs in a savepoint that is
 * rolled back, so probes never see each other's effects.
 */
final class RlsProbes {

    enum Actor {
        OWNER("a0000000-0000-0000-0000-000000000001"),
        ADMIN("a0000000-0000-0000-0000-000000000002"),
        EDITOR("a0000000-0000-0000-0000-000000000003"),
        VIEWER("a0000000-0000-0000-0000-000000000004"),
        PROMOTER_EDITOR("a0000000-0000-0000-0000-000000000005"),
        PROMOTER_VIEWER("a0000000-0000-0000-0000-000000000006"),
        PLATFORM_ADMIN("a0000000-0000-0000-0000-000000000007"),
        OTHER_ORG_OWNER("a0000000-0000-0000-0000-000000000008"),
        NOBODY("");

        final String userId;

        Actor(String userId) {
            this.userId = userId;
        }
    }

    enum Op {
        SELECT,
        INSERT,
        UPDATE,
        DELETE
    }

    record Probe(String table, String label, Op op, String sql) {
        String name() {
            return label + " " + op.name().toLowerCase();
        }
    }

    static final String ORG_A = "'b0000000-0000-0000-0000-00000000000a'";
    static final String ORG_B = "'b0000000-0000-0000-0000-00000000000b'";
    static final String SHOW_A = "'f0000000-0000-0000-0000-00000000000a'";
    static final String SESSION_A = "'12000000-0000-0000-0000-00000000000a'";
    static final String FIELD_A = "'13000000-0000-0000-0000-00000000000a'";
    static final String DOC_A = "'15000000-0000-0000-0000-00000000000a'";
    static final String OUR_DOC = "'15000000-0000-0000-0000-0000000000a2'";
    static final String CLOSED_SESSION = "'12000000-0000-0000-0000-0000000000a3'";
    static final String CONTACT_A = "'17000000-0000-0000-0000-00000000000a'";
    static final String VENUE_A = "'e0000000-0000-0000-0000-00000000000a'";
    static final String ME = "current_app_user_id()";

    final List<Probe> probes = new ArrayList<>();
    /** label → actor → the operations it may do ("siud"). */
    final Map<String, Map<Actor, String>> expected = new LinkedHashMap<>();
    /** Inserts into org B by org A's editor, all of which must fail. */
    final List<Probe> foreignInserts = new ArrayList<>();

    private static final String ORG_WRITERS = "OWNER,ADMIN,EDITOR=siud VIEWER=s";
    /** The parsing inbox (V28): editors and up only, viewers see nothing. */
    private static final String INBOX = "OWNER,ADMIN,EDITOR=siud";

    RlsProbes() {
        orgTable(
                "people",
                "'c0000000-0000-0000-0000-00000000000a'",
                "(org_id, name) values (:org, 'New')",
                "name = name",
                ORG_WRITERS);
        orgTable(
                "artists",
                "'d0000000-0000-0000-0000-00000000000a'",
                "(org_id, name) values (:org, 'New')",
                "name = name",
                ORG_WRITERS);
        orgTable("venues", VENUE_A, "(org_id, name) values (:org, 'New')", "name = name", ORG_WRITERS);
        // V27: editors create and change shows; owners and admins delete them (with everything hanging off them).
        orgTable(
                "shows",
                SHOW_A,
                "(org_id, date) values (:org, '2027-01-01')",
                "title = title",
                "OWNER,ADMIN=siud EDITOR=siu VIEWER=s");
        // V27: archiving an artist is an update of the artist: whoever writes artists archives and unarchives them.
        table(
                "artists",
                "artists(archive)",
                "id = 'd0000000-0000-0000-0000-00000000000a'",
                null,
                "archived_at = now()",
                ORG_WRITERS);
        orgTable("contacts", CONTACT_A, "(org_id, name) values (:org, 'New')", "name = name", ORG_WRITERS);
        orgTable(
                "contact_commissions",
                "'18000000-0000-0000-0000-00000000000a'",
                "(org_id, contact_id, amount) values (:org, " + CONTACT_A + ", 1)",
                "amount = amount",
                ORG_WRITERS);
        orgTable(
                "venue_contacts",
                "'19000000-0000-0000-0000-00000000000a'",
                "(org_id, venue_id, contact_id) values (:org, 'e0000000-0000-0000-0000-00000000000a', '17000000-0000-0000-0000-0000000000a2')",
                "notes = notes",
                ORG_WRITERS);
        orgTable(
                "parsed_emails",
                "'1b000000-0000-0000-0000-00000000000a'",
                "(org_id, subject, raw_content) values (:org, 's', 'r')",
                "subject = subject",
                INBOX);
        orgTable(
                "parsed_contracts",
                "'1c000000-0000-0000-0000-00000000000a'",
                "(org_id, file_name, file_url) values (:org, 'f', 'u')",
                "file_name = file_name",
                INBOX);
        // V28: every proposed value of the parsing inbox, for editors and up; never pointing at another org's item.
        orgTable(
                "parsed_values",
                "'1b100000-0000-0000-0000-00000000000a'",
                "(org_id, email_id, field, value, span_start, span_end, confidence, extractor) values (:org, "
                        + "'1b000000-0000-0000-0000-00000000000a', 'VENUE', 'Probe', 0, 2, 0.5, 'rules')",
                "decision = 'accepted'",
                INBOX);
        // V28: the org's parsing settings: editors and up read them, owners write (an upsert, as the org has a row).
        table(
                "parsing_settings",
                "parsing_settings",
                "org_id = " + ORG_A,
                "insert into parsing_settings (org_id, model_enabled) values (:org, true) "
                        + "on conflict (org_id) do update set model_enabled = true",
                "model_enabled = true",
                "OWNER=siu ADMIN,EDITOR=s");
        // V28: an original of the parsing inbox (visibility 'editors'): viewers and promoters see neither it nor its
        // versions.
        table(
                "files",
                "files(library editors only)",
                "id = '16000000-0000-0000-0000-0000000000b5'",
                null,
                "original_name = original_name",
                "OWNER,ADMIN,EDITOR=su");
        table(
                "file_versions",
                "file_versions(editors only file)",
                "file_id = '16000000-0000-0000-0000-0000000000b5'",
                null,
                null,
                "OWNER,ADMIN,EDITOR=s");
        table(
                "contact_types",
                "contact_types",
                "contact_id = " + CONTACT_A + " and type = 'promoter'",
                "insert into contact_types (contact_id, org_id, type) values (" + CONTACT_A + ", :org, 'agent')",
                "type = type",
                ORG_WRITERS);
        table(
                "show_assignments",
                "show_assignments",
                "show_id = " + SHOW_A,
                "insert into show_assignments (show_id, person_id) values ('f0000000-0000-0000-0000-0000000000a2', 'c0000000-0000-0000-0000-00000000000a')",
                "duty = duty",
                ORG_WRITERS);
        // V18: an assignment carries its org, filled in from the show when left out (above) or named; members read,
        // editors write, collaborators and other orgs see nothing. Into org B it never goes, named or derived.
        table(
                "show_assignments",
                "show_assignments(with org)",
                "show_id = " + SHOW_A + " and org_id = " + ORG_A,
                "insert into show_assignments (show_id, person_id, org_id, duty) values "
                        + "('f0000000-0000-0000-0000-0000000000a2', 'c0000000-0000-0000-0000-00000000000a', :org, 'Driver')",
                "duty = 'Merch'",
                ORG_WRITERS);
        foreignInserts.add(new Probe(
                "show_assignments",
                "show_assignments(into org B)",
                Op.INSERT,
                "insert into show_assignments (show_id, person_id, org_id) values "
                        + "('f0000000-0000-0000-0000-00000000000b', 'c0000000-0000-0000-0000-00000000000b', " + ORG_B
                        + ")"));
        foreignInserts.add(new Probe(
                "show_assignments",
                "show_assignments(into org B, org from the show)",
                Op.INSERT,
                "insert into show_assignments (show_id, person_id) values "
                        + "('f0000000-0000-0000-0000-00000000000b', 'c0000000-0000-0000-0000-00000000000b')"));
        orgTable(
                "schedule_items",
                "'11000000-0000-0000-0000-00000000000a'",
                "(org_id, show_id, starts_at, title) values (:org, " + SHOW_A + ", now(), 'New')",
                "title = title",
                ORG_WRITERS + " PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "schedule_items",
                "schedule_items(internal)",
                "id = '11000000-0000-0000-0000-0000000000a2'",
                null,
                "title = title",
                "OWNER,ADMIN,EDITOR=sud VIEWER=s");
        scheduleV19();
        calendarFeedsV24();
        signInsAndJobLocksV29();
        table(
                "show_collaborators",
                "show_collaborators",
                "id = '10000000-0000-0000-0000-000000000001'",
                "insert into show_collaborators (show_id, user_id, role, org_id) values (" + SHOW_A
                        + ", 'a0000000-0000-0000-0000-000000000007', 'promoter_viewer', :org)",
                "role = role",
                ORG_WRITERS + " PROMOTER_EDITOR=s");
        table(
                "invitations",
                "invitations(org)",
                "id = '1a000000-0000-0000-0000-00000000000a'",
                "insert into invitations (org_id, email, org_role) values (:org, 'x@y.test', 'editor')",
                "status = status",
                "OWNER,ADMIN=siu");
        table(
                "invitations",
                "invitations(org owner role)",
                "id = '1a000000-0000-0000-0000-00000000000a'",
                "insert into invitations (org_id, email, org_role) values (:org, 'x@y.test', 'owner')",
                null,
                "OWNER=si ADMIN=s");
        table(
                "invitations",
                "invitations(show)",
                "id = '1a000000-0000-0000-0000-0000000000a2'",
                "insert into invitations (org_id, email, show_id, collab_role) values (:org, 'x@y.test', " + SHOW_A
                        + ", 'promoter_viewer')",
                "status = status",
                "OWNER,ADMIN,EDITOR=siu");
        // An invitation to start an organization has none (V25, decision 0025): platform admins issue and manage it.
        table(
                "invitations",
                "invitations(new org)",
                "id = '1a000000-0000-0000-0000-0000000000a3'",
                "insert into invitations (email, invited_by) values ('x@y.test', " + ME + ")",
                "status = status",
                "PLATFORM_ADMIN=siu");
        orgTable(
                "advancing_templates",
                "'1f200000-0000-0000-0000-00000000000a'",
                "(org_id, name, fields) values (:org, 'New template', '[]')",
                "name = name",
                "OWNER,ADMIN=siud EDITOR,VIEWER=s");
        // Editors start, rename, close and reopen advances; owners and admins delete them (V15).
        orgTable(
                "advancing_sessions",
                SESSION_A,
                "(org_id, show_id, title, created_by) values (:org, " + SHOW_A + ", 'New', " + ME + ")",
                "title = title",
                "OWNER,ADMIN=siud EDITOR=siu VIEWER=s PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "advancing_sessions",
                "advancing_sessions(not granted)",
                "id = '12000000-0000-0000-0000-0000000000a2'",
                null,
                "title = title",
                "OWNER,ADMIN=sud EDITOR=su VIEWER=s");
        // A closed advance is read-only for everyone until an org editor reopens it; owners and admins may delete it.
        table(
                "advancing_sessions",
                "advancing_sessions(closed)",
                "id = " + CLOSED_SESSION,
                null,
                "title = 'Renamed'",
                "OWNER,ADMIN=sd EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "advancing_sessions",
                "advancing_sessions(reopen)",
                "id = " + CLOSED_SESSION,
                null,
                "closed_at = null, closed_by = null",
                "OWNER,ADMIN,EDITOR=su VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        orgTable(
                "advancing_fields",
                FIELD_A,
                "(org_id, session_id, section, field_name, party_type, created_by) values (:org, " + SESSION_A
                        + ", 'S', 'New', 'from_us', " + ME + ")",
                "value = '\"20:00\"'",
                "OWNER,ADMIN,EDITOR=sid VIEWER=s PROMOTER_EDITOR=su PROMOTER_VIEWER=s");
        table(
                "advancing_fields",
                "advancing_fields(our side)",
                "id = '13000000-0000-0000-0000-0000000000a2'",
                null,
                "value = '\"18:00\"'",
                "OWNER,ADMIN,EDITOR=sud VIEWER=s PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        // Each party answers, accepts and declines for itself only (V15): FIELD_A is the promoter's side of Doors
        // (19:30), the "our side" row the artist team's (19:00).
        String ourSide = "id = '13000000-0000-0000-0000-0000000000a2'";
        String theirsOnly = "OWNER,ADMIN,EDITOR,VIEWER=s PROMOTER_EDITOR=su PROMOTER_VIEWER=s";
        String oursOnly = "OWNER,ADMIN,EDITOR=su VIEWER=s PROMOTER_EDITOR,PROMOTER_VIEWER=s";
        String nobody = "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s";
        table(
                "advancing_fields",
                "advancing_fields(promoter accepts)",
                "id = " + FIELD_A,
                null,
                "value = '\"19:00\"', stance = 'answered'",
                theirsOnly);
        table(
                "advancing_fields",
                "advancing_fields(promoter declines)",
                "id = " + FIELD_A,
                null,
                "stance = 'declined', declined_value = '\"19:00\"', decline_reason = 'Too early'",
                theirsOnly);
        table(
                "advancing_fields",
                "advancing_fields(artist team accepts)",
                ourSide,
                null,
                "value = '\"19:30\"', stance = 'answered'",
                oursOnly);
        table(
                "advancing_fields",
                "advancing_fields(artist team declines)",
                ourSide,
                null,
                "stance = 'declined', declined_value = '\"19:30\"', decline_reason = 'Too late'",
                oursOnly);
        // Only the database records an agreement, on either side.
        table(
                "advancing_fields",
                "advancing_fields(agreement)",
                "id = " + FIELD_A,
                null,
                "agreement = 'agreed'",
                nobody);
        table(
                "advancing_fields",
                "advancing_fields(agreed value)",
                ourSide,
                null,
                "agreed_value = value, agreed_at = now()",
                nobody);
        // Nothing in a closed advance changes: answers, structure, comments, documents.
        table(
                "advancing_fields",
                "advancing_fields(closed)",
                "id = '13000000-0000-0000-0000-0000000000a3'",
                "insert into advancing_fields (org_id, session_id, section, field_name, party_type, created_by) values (:org, "
                        + CLOSED_SESSION + ", 'S', 'New', 'from_us', " + ME + ")",
                "value = '\"Soup\"'",
                nobody);
        table(
                "advancing_fields",
                "advancing_fields(closed, theirs)",
                "id = '13000000-0000-0000-0000-0000000000a4'",
                null,
                "value = '\"Soup\"', stance = 'answered'",
                nobody);
        orgTable(
                "advancing_comments",
                "'14000000-0000-0000-0000-00000000000a'",
                "(org_id, field_id, author_id, body) values (:org, " + FIELD_A + ", " + ME + ", 'Hi')",
                "body = body",
                "OWNER,ADMIN,EDITOR=si VIEWER=s PROMOTER_EDITOR=siud PROMOTER_VIEWER=s");
        table(
                "advancing_comments",
                "advancing_comments(closed)",
                "id = '14000000-0000-0000-0000-0000000000a3'",
                "insert into advancing_comments (org_id, field_id, author_id, body) values (:org, "
                        + "'13000000-0000-0000-0000-0000000000a4', " + ME + ", 'Hi')",
                "body = body",
                nobody);
        // A party's documents are added, changed and removed by that party only (V15): DOC_A is the promoter's box.
        orgTable(
                "advancing_documents",
                "'15000000-0000-0000-0000-00000000000a'",
                "(org_id, session_id, party_type, label) values (:org, " + SESSION_A + ", 'from_you', 'New')",
                "label = label",
                "OWNER,ADMIN,EDITOR,VIEWER=s PROMOTER_EDITOR=siud PROMOTER_VIEWER=s");
        table(
                "advancing_documents",
                "advancing_documents(our box)",
                "id = " + OUR_DOC,
                "insert into advancing_documents (org_id, session_id, party_type, label) values (:org, " + SESSION_A
                        + ", 'from_us', 'New')",
                "label = label",
                "OWNER,ADMIN,EDITOR=siud VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "advancing_documents",
                "advancing_documents(closed)",
                "id = '15000000-0000-0000-0000-0000000000a3'",
                "insert into advancing_documents (org_id, session_id, party_type, label) values (:org, "
                        + CLOSED_SESSION + ", 'from_you', 'New')",
                "label = label",
                nobody);
        orgTable(
                "files",
                "'16000000-0000-0000-0000-00000000000a'",
                "(org_id, document_id, storage_path, uploaded_by) values (:org, " + DOC_A
                        + ", 'p/' || gen_random_uuid(), " + ME + ")",
                "original_name = original_name",
                "OWNER,ADMIN,EDITOR,VIEWER=s PROMOTER_EDITOR=sid PROMOTER_VIEWER=s");
        table(
                "files",
                "files(our box)",
                "id = '16000000-0000-0000-0000-0000000000a2'",
                "insert into files (org_id, document_id, storage_path, uploaded_by) values (:org, " + OUR_DOC
                        + ", 'p/' || gen_random_uuid(), " + ME + ")",
                "original_name = original_name",
                "OWNER,ADMIN,EDITOR=sid VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "files",
                "files(closed)",
                "id = '16000000-0000-0000-0000-0000000000a3'",
                "insert into files (org_id, document_id, storage_path, uploaded_by) values (:org, "
                        + "'15000000-0000-0000-0000-0000000000a3', 'p/' || gen_random_uuid(), " + ME + ")",
                "original_name = original_name",
                nobody);
        // The file library (V21): editors add and change library files (an advance's files keep the rules above);
        // the promoter team sees what is shared with a show it is on; the bin is for owners and admins.
        table(
                "files",
                "files(library shared)",
                "id = '16000000-0000-0000-0000-0000000000b1'",
                "insert into files (org_id, artist_id, storage_path, visibility, size_bytes) values (:org, "
                        + "'d0000000-0000-0000-0000-00000000000a', 'p/' || gen_random_uuid(), 'promoter_team', 1)",
                "visibility = visibility",
                "OWNER,ADMIN,EDITOR=siu VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "files",
                "files(library members)",
                "id = '16000000-0000-0000-0000-0000000000b2'",
                "insert into files (org_id, show_id, storage_path, size_bytes) values (:org, " + SHOW_A
                        + ", 'p/' || gen_random_uuid(), 1)",
                "deleted_at = now()",
                "OWNER,ADMIN,EDITOR=siu VIEWER=s");
        table(
                "files",
                "files(library org-wide)",
                "id = '16000000-0000-0000-0000-0000000000b3'",
                "insert into files (org_id, storage_path, size_bytes) values (:org, 'p/' || gen_random_uuid(), 1)",
                "original_name = 'Renamed.pdf'",
                "OWNER,ADMIN,EDITOR=siu VIEWER=s");
        table(
                "files",
                "files(library bin)",
                "id = '16000000-0000-0000-0000-0000000000b4'",
                null,
                "deleted_at = null",
                "OWNER,ADMIN=sud EDITOR,VIEWER=s");
        table(
                "files",
                "files(library other org's artist)",
                "id = '16000000-0000-0000-0000-0000000000b1'",
                "insert into files (org_id, artist_id, storage_path, size_bytes) values (:org, "
                        + "'d0000000-0000-0000-0000-00000000000b', 'p/' || gen_random_uuid(), 1)",
                null,
                "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "files",
                "files(library moved to another org)",
                "id = '16000000-0000-0000-0000-0000000000b1'",
                null,
                "org_id = " + ORG_B,
                "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        // Versions: members see all, whoever sees a file sees its current one; editors add new ones; none change.
        String newVersion = "insert into file_versions (org_id, file_id, number, storage_path, original_name, "
                + "content_type, size_bytes) values (:org, '16000000-0000-0000-0000-0000000000b1', 2, "
                + "'v/' || gen_random_uuid(), 'Rider v2.pdf', 'application/pdf', 1)";
        table(
                "file_versions",
                "file_versions",
                "file_id = '16000000-0000-0000-0000-0000000000b1' and number = 1",
                newVersion,
                "original_name = original_name",
                "OWNER,ADMIN,EDITOR=si VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        foreignInserts.add(
                new Probe("file_versions", "file_versions(into org B)", Op.INSERT, newVersion.replace(":org", ORG_B)));
        table(
                "file_versions",
                "file_versions(members only file)",
                "file_id = '16000000-0000-0000-0000-0000000000b2'",
                "insert into file_versions (org_id, file_id, number, storage_path, original_name, content_type, "
                        + "size_bytes) values (:org, '16000000-0000-0000-0000-0000000000b4', 2, 'v/x', 'x', 'x', 1)",
                null,
                "OWNER,ADMIN,EDITOR,VIEWER=s");
        table(
                "billing_plans",
                "billing_plans",
                "id = 'probe_plan'",
                "insert into billing_plans (id, name, price_cents) values ('new_plan', 'New', 1)",
                "name = name",
                "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER,OTHER_ORG_OWNER=s PLATFORM_ADMIN=siud");
        table(
                "org_subscriptions",
                "org_subscriptions",
                "org_id = " + ORG_A,
                "insert into org_subscriptions (org_id, plan_id, status) values ('b0000000-0000-0000-0000-00000000000c', 'solo_artist', 'trialing')",
                "status = status",
                "OWNER,ADMIN,EDITOR,VIEWER=s PLATFORM_ADMIN=siud");
        table(
                "plan_change_requests",
                "plan_change_requests",
                "id = '1f100000-0000-0000-0000-00000000000a'",
                "insert into plan_change_requests (org_id, plan_id, requested_by) values (" + ORG_A + ", 'enterprise', "
                        + ME + ")",
                "note = note",
                "OWNER=si ADMIN=s PLATFORM_ADMIN=su");
        table(
                "org_feature_overrides",
                "org_feature_overrides",
                "org_id = " + ORG_A + " and key = 'reporting'",
                "insert into org_feature_overrides (org_id, key, value) values (" + ORG_A + ", 'max_members', '5')",
                "value = value",
                "OWNER,ADMIN,EDITOR,VIEWER=s PLATFORM_ADMIN=siud");
        table(
                "waitlist",
                "waitlist",
                "id = '1f000000-0000-0000-0000-00000000000a'",
                "insert into waitlist (email, role) values ('w2@w.test', 'other')",
                "name = name",
                "PLATFORM_ADMIN=sud");
        table(
                "activity_log",
                "activity_log",
                "id = '1d000000-0000-0000-0000-00000000000a'",
                "insert into activity_log (org_id, user_id, action, resource_type) values (:org, " + ME + ", 'a', 'r')",
                "action = action",
                "OWNER,ADMIN=si EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=i");
        table(
                "activity_log",
                "activity_log(billing)",
                "id = '1d000000-0000-0000-0000-0000000000a2'",
                "insert into activity_log (org_id, user_id, category, action, resource_type) values (null, " + ME
                        + ", 'billing', 'a', 'r')",
                null,
                "OWNER,ADMIN,PLATFORM_ADMIN=s PLATFORM_ADMIN=si");
        // A platform admin's waitlist moves belong to no organization (V25): only platform admins write and read them.
        table(
                "activity_log",
                "activity_log(waitlist)",
                "id = '1d000000-0000-0000-0000-0000000000a3'",
                "insert into activity_log (org_id, user_id, category, action, resource_type) values (null, " + ME
                        + ", 'general', 'waitlist.status_changed', 'waitlist')",
                null,
                "PLATFORM_ADMIN=si");
        table(
                "query_performance_log",
                "query_performance_log",
                "id = '1e000000-0000-0000-0000-00000000000a'",
                "insert into query_performance_log (query_name, execution_time_ms, user_id) values ('q', 1, " + ME
                        + ")",
                null,
                // Platform admins read it; the recorder writes through record_slow_statements only (decision 0026).
                "PLATFORM_ADMIN=s");
        // A slow statement of the owner's, in org A: still not theirs to read (it says how the platform performs).
        table(
                "query_performance_log",
                "query_performance_log(own org)",
                "id = '1e000000-0000-0000-0000-0000000000a2'",
                null,
                null,
                "PLATFORM_ADMIN=s");
        table(
                "app_users",
                "app_users",
                "id = 'a0000000-0000-0000-0000-000000000001'",
                "insert into app_users (email, display_name) values ('new@u.test', 'New')",
                null,
                "OWNER,ADMIN,EDITOR,VIEWER,PLATFORM_ADMIN=s");
        // Password hashes never reach the app role, not even one's own (decision 0014).
        probes.add(new Probe(
                "app_users",
                "app_users(password_hash)",
                Op.SELECT,
                "select count(password_hash) from app_users where id = " + ME));
        expected.put("app_users(password_hash)", byActor(""));
        table(
                "login_secrets",
                "login_secrets",
                "id = 1",
                "insert into login_secrets (id, pepper) values (2, '\\x00')",
                "pepper = pepper",
                "");
        table(
                "sign_in_refusals",
                "sign_in_refusals",
                "client = '203.0.113.9'",
                "insert into sign_in_refusals (client, org_id, window_start, refused) values ('198.51.100.1', :org, now(), 1)",
                "refused = refused + 1",
                "PLATFORM_ADMIN=s");
        table(
                "app_users",
                "app_users(self)",
                "id = " + ME,
                null,
                "display_name = display_name",
                "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER,PLATFORM_ADMIN,OTHER_ORG_OWNER=su");
        table(
                "organizations",
                "organizations",
                "id = " + ORG_A,
                "insert into organizations (slug, name) values ('new-org', 'New')",
                "name = name",
                "OWNER=sud ADMIN=su EDITOR,VIEWER,PLATFORM_ADMIN=s");
        table(
                "org_members",
                "org_members",
                "org_id = " + ORG_A + " and user_id = 'a0000000-0000-0000-0000-000000000004'",
                "insert into org_members (org_id, user_id, role) values (:org, 'a0000000-0000-0000-0000-000000000007', 'viewer')",
                "role = role",
                "OWNER,ADMIN=siud EDITOR,VIEWER=s");
        table(
                "org_members",
                "org_members(owner row)",
                "org_id = " + ORG_A + " and user_id = 'a0000000-0000-0000-0000-000000000001'",
                "insert into org_members (org_id, user_id, role) values (:org, 'a0000000-0000-0000-0000-000000000007', 'owner')",
                "role = role",
                "OWNER=si ADMIN,EDITOR,VIEWER=s");
        advancingNotices();
        guestLists();
    }

    /**
     * Guest lists (V20, decision 0021): members read the list and every request, the show's promoter team reads the
     * list and the promoter's requests only; editors set the list up and decide; promoter editors ask on the
     * promoter's allotment (never approved, never on the artist team's) and withdraw the promoter's pending requests.
     * Over-allotment and the cutoff are refusals of the guard trigger, checked in GuestListDatabaseTest.
     */
    private void guestLists() {
        String list = "'1f400000-0000-0000-0000-00000000000a'";
        String columns = "(org_id, guest_list_id, show_id, party, guest_name, requested_by_name, status) values (:org, "
                + list + ", " + SHOW_A + ", ";
        orgTable(
                "guest_lists",
                list,
                "(org_id, show_id) values (:org, 'f0000000-0000-0000-0000-0000000000a2')",
                "artist_allotment = artist_allotment",
                "OWNER,ADMIN,EDITOR=siud VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        orgTable(
                "guest_requests",
                "'1f500000-0000-0000-0000-00000000000a'",
                columns + "'from_you', 'New', 'x', 'requested')",
                "guest_name = guest_name",
                "OWNER,ADMIN,EDITOR=siud VIEWER=s PROMOTER_EDITOR=sid PROMOTER_VIEWER=s");
        table(
                "guest_requests",
                "guest_requests(our side)",
                "id = '1f500000-0000-0000-0000-0000000000a2'",
                "insert into guest_requests " + columns.replace(":org", ORG_A) + "'from_us', 'New', 'x', 'requested')",
                "plus_ones = plus_ones",
                "OWNER,ADMIN,EDITOR=siud VIEWER=s");
        table(
                "guest_requests",
                "guest_requests(approve)",
                "id = '1f500000-0000-0000-0000-00000000000a'",
                "insert into guest_requests " + columns.replace(":org", ORG_A) + "'from_you', 'New', 'x', 'approved')",
                "status = 'approved'",
                "OWNER,ADMIN,EDITOR=siu VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "guest_requests",
                "guest_requests(approved)",
                "id = '1f500000-0000-0000-0000-0000000000a3'",
                null,
                "status = 'declined'",
                "OWNER,ADMIN,EDITOR=sud VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
    }

    /**
     * Advancing notices (V16, decision 0017): a notice is written by the person acting, for the party they answer or
     * comment for, and read only by the people it was handed to (VIEWER, in the fixtures); each person sees, marks
     * and drops only their own hand-outs, and stops the mails of an advance they may read, for themselves only.
     */
    private void advancingNotices() {
        String notice = "'1f300000-0000-0000-0000-00000000000a'";
        orgTable(
                "advancing_notices",
                notice,
                "(org_id, session_id, field_id, party, kind, value) values (:org, " + SESSION_A + ", " + FIELD_A
                        + ", 'from_you', 'changed', '20:00')",
                null,
                "VIEWER=s PROMOTER_EDITOR=i");
        table(
                "advancing_notices",
                "advancing_notices(our side)",
                "id = " + notice,
                "insert into advancing_notices (org_id, session_id, field_id, party, kind, value) values (:org, "
                        + SESSION_A + ", '13000000-0000-0000-0000-0000000000a2', 'from_us', 'changed', '18:00')",
                null,
                "OWNER,ADMIN,EDITOR=i VIEWER=s");
        table(
                "advancing_notice_recipients",
                "advancing_notice_recipients",
                "notice_id = " + notice,
                "insert into advancing_notice_recipients (notice_id, user_id, session_id) values (" + notice + ", " + ME
                        + ", " + SESSION_A + ")",
                "mailed_at = now()",
                "VIEWER=sud");
        String stopped = "session_id = '12000000-0000-0000-0000-0000000000a5'";
        table(
                "advancing_notice_stops",
                "advancing_notice_stops",
                stopped,
                "insert into advancing_notice_stops (session_id) values (" + SESSION_A + ")",
                "created_at = created_at",
                "OWNER,ADMIN,EDITOR,PROMOTER_EDITOR=i VIEWER,PROMOTER_VIEWER=sid");
        table(
                "advancing_notice_stops",
                "advancing_notice_stops(not granted)",
                stopped,
                "insert into advancing_notice_stops (session_id) values ('12000000-0000-0000-0000-0000000000a2')",
                null,
                "OWNER,ADMIN,EDITOR,VIEWER=i VIEWER,PROMOTER_VIEWER=sd");
    }

    /**
     * V19 (decision 0020): a named item is read by the org's editors and the named people (VIEWER is named on one,
     * not on the other), never by the promoter team; a name is visible exactly when its item is, and only a person
     * assigned to the show may be named. An item the advance wrote keeps its time and cannot be deleted by anyone;
     * editors may add its notes.
     */
    private void scheduleV19() {
        table(
                "schedule_items",
                "schedule_items(named)",
                "id = '11000000-0000-0000-0000-0000000000a3'",
                null,
                "title = title",
                "OWNER,ADMIN,EDITOR=su VIEWER=s");
        table(
                "schedule_items",
                "schedule_items(named someone else)",
                "id = '11000000-0000-0000-0000-0000000000a4'",
                null,
                "title = title",
                "OWNER,ADMIN,EDITOR=su");
        table(
                "schedule_items",
                "schedule_items(advance)",
                "id = '11000000-0000-0000-0000-0000000000a5'",
                "insert into schedule_items (org_id, show_id, starts_at, title, source_field_id) values (:org, "
                        + SHOW_A + ", now(), 'Forged', '13000000-0000-0000-0000-00000000000a')",
                "starts_at = starts_at + interval '1 hour'",
                "OWNER,ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "schedule_items",
                "schedule_items(advance notes)",
                "id = '11000000-0000-0000-0000-0000000000a5'",
                null,
                "notes = 'Stage door', location = 'Main stage'",
                "OWNER,ADMIN,EDITOR=su VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER=s");
        table(
                "schedule_item_people",
                "schedule_item_people",
                "item_id = '11000000-0000-0000-0000-0000000000a3'",
                "insert into schedule_item_people (item_id, person_id) values ('11000000-0000-0000-0000-0000000000a4',"
                        + " 'c0000000-0000-0000-0000-0000000000a2')",
                null,
                "OWNER,ADMIN,EDITOR=sid VIEWER=s");
        table(
                "schedule_item_people",
                "schedule_item_people(not assigned)",
                "item_id = '11000000-0000-0000-0000-0000000000a4'",
                "insert into schedule_item_people (item_id, person_id) values ('11000000-0000-0000-0000-0000000000a3',"
                        + " 'c0000000-0000-0000-0000-0000000000a3')",
                null,
                "OWNER,ADMIN,EDITOR=s");
    }

    /**
     * V24 (decision 0024): a person reads, replaces and deletes only their own feed and makes one only for
     * themselves; nobody else, the platform admin included, reads another's hash.
     */
    private void calendarFeedsV24() {
        table(
                "calendar_feeds",
                "calendar_feeds",
                "id = '1f400000-0000-0000-0000-00000000000a'",
                null,
                "token_hash = token_hash",
                "OWNER=sud");
        // One's own new feed; the owner already has one (no second row: on conflict nothing is inserted).
        table(
                "calendar_feeds",
                "calendar_feeds(new, mine)",
                "user_id = " + ME,
                "insert into calendar_feeds (user_id, token_hash) values (" + ME
                        + ", decode(repeat('cd', 32), 'hex')) on conflict (user_id) do nothing",
                null,
                "OWNER=s ADMIN,EDITOR,VIEWER,PROMOTER_EDITOR,PROMOTER_VIEWER,PLATFORM_ADMIN,OTHER_ORG_OWNER=i");
        // A feed for someone else (the other org's owner, who has none): only that person may make it.
        table(
                "calendar_feeds",
                "calendar_feeds(for someone else)",
                "user_id = 'a0000000-0000-0000-0000-000000000008'",
                "insert into calendar_feeds (user_id, token_hash) values ('a0000000-0000-0000-0000-000000000008',"
                        + " decode(repeat('ef', 32), 'hex'))",
                null,
                "OTHER_ORG_OWNER=i");
    }

    /**
     * V29 (decision 0030): a person reads only their own sign-in records and nobody writes any directly (the definer
     * functions do); job locks are read by platform admins only and written only through their functions.
     */
    private void signInsAndJobLocksV29() {
        table(
                "sign_ins",
                "sign_ins",
                "id = '1f900000-0000-0000-0000-00000000000a'",
                "insert into sign_ins (user_id, token_hash, signed_in_at, last_used_at) values (" + ME
                        + ", decode(repeat('cd', 32), 'hex'), now(), now())",
                "last_used_at = last_used_at",
                "OWNER=s");
        table(
                "job_locks",
                "job_locks",
                "name = 'probe-job'",
                "insert into job_locks (name, lock_until, locked_at, locked_by) values ('probe-new', now(), now(), 'x')",
                "lock_until = now()",
                "PLATFORM_ADMIN=s");
    }

    private void orgTable(String table, String id, String insertTail, String updateSet, String expectation) {
        table(table, table, "id = " + id, "insert into " + table + " " + insertTail, updateSet, expectation);
        foreignInserts.add(new Probe(
                table,
                table + "(into org B)",
                Op.INSERT,
                ("insert into " + table + " " + insertTail).replace(":org", ORG_B)));
    }

    private void table(String table, String label, String where, String insert, String updateSet, String expectation) {
        probes.add(new Probe(table, label, Op.SELECT, "select count(*) from " + table + " where " + where));
        if (insert != null) {
            probes.add(new Probe(table, label, Op.INSERT, insert.replace(":org", ORG_A)));
        }
        if (updateSet != null) {
            probes.add(new Probe(table, label, Op.UPDATE, "update " + table + " set " + updateSet + " where " + where));
        }
        if (!label.contains("(")
                || label.endsWith("(internal)")
                || label.endsWith("(not granted)")
                || label.endsWith("(our side)")
                || label.endsWith("(our box)")
                || label.startsWith("files(library")
                || label.endsWith("(approved)")
                || label.endsWith("(closed)")
                || label.endsWith("(advance)")) {
            probes.add(new Probe(table, label, Op.DELETE, "delete from " + table + " where " + where));
        }
        expected.merge(label, byActor(expectation), (a, b) -> b);
    }

    /** "OWNER,ADMIN=siud VIEWER=s" as actor → operations; "" for nobody. */
    private static Map<Actor, String> byActor(String expectation) {
        Map<Actor, String> byActor = new LinkedHashMap<>();
        for (Actor actor : Actor.values()) {
            byActor.put(actor, "");
        }
        for (String part : expectation.split(" ")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            for (String actor : kv[0].split(",")) {
                byActor.merge(Actor.valueOf(actor), kv[1], String::concat);
            }
        }
        return byActor;
    }

    boolean expectedAllowed(Probe probe, Actor actor) {
        String ops = expected.get(probe.label()).get(actor);
        return ops.indexOf(Character.toLowerCase(probe.op().name().charAt(0))) >= 0;
    }

    /** Runs one probe as the actor, through the app role, on a connection that may SET ROLE to it. */
    static boolean allowed(Connection superuser, String appRole, Probe probe, Actor actor) throws SQLException {
        try (Statement st = superuser.createStatement()) {
            st.execute("savepoint probe");
            try {
                st.execute("set local role " + appRole);
                st.execute("select set_config('app.user_id', '" + actor.userId + "', true)");
                if (probe.op() == Op.SELECT) {
                    try (ResultSet rs = st.executeQuery(probe.sql())) {
                        rs.next();
                        return rs.getLong(1) > 0;
                    }
                }
                return st.executeUpdate(probe.sql()) > 0;
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return false;
                }
                // A foreign key stopping a delete means row-level security let the statement reach the row.
                if (probe.op() == Op.DELETE && "23503".equals(e.getSQLState())) {
                    return true;
                }
                throw new SQLException(
                        "probe '" + probe.name() + "' as " + actor + " failed for another reason: " + e.getMessage(),
                        e.getSQLState(),
                        e);
            } finally {
                st.execute("rollback to savepoint probe");
            }
        }
    }
}
