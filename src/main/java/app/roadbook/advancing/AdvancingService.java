package app.roadbook.advancing;

import app.roadbook.tenancy.OrgPermission;
import app.roadbook.base.TextInput;
import app.roadbook.advancing.AdvancingRows.Comment;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.SessionSummary;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Advancing: sessions made from templates, and the field-by-field exchange between the touring party ("our side",
 * from_us) and the promoter ("promoter side", from_you). Who may type where and who confirms is asked of the same
 * SQL helpers the policies use; the database refuses the rest (policies and the advancing_fields guard trigger).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingService {

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final JsonMapper json;

    AdvancingService(DataSource dataSource, OrgAccess access, ActivityLog activity, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
        this.json = json;
    }

    /** The built-in template first, then the org's own. */
    @Transactional(readOnly = true)
    public List<AdvancingTemplate> templates(UUID orgId) {
        access.requireMember(orgId);
        List<AdvancingTemplate> templates = new ArrayList<>(List.of(AdvancingTemplate.DEFAULT));
        templates.addAll(jdbc.query("select id, name, fields::text from advancing_templates where org_id = ? order by lower(name)",
                (rs, i) -> new AdvancingTemplate(rs.getObject(1, UUID.class), rs.getString(2), parseFields(rs.getString(3))), orgId));
        return templates;
    }

    /** Owners and admins keep the org's templates. */
    @Transactional
    public UUID saveTemplate(UUID orgId, UUID templateId, String name, List<AdvancingTemplate.Field> fields) {
        access.require(orgId, OrgPermission.MANAGE_TEMPLATES);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the template a name of up to 120 characters.");
        }
        TextInput.requireSingleLine("Template name", name.strip(), 120);
        if (fields.isEmpty() || fields.size() > 200 || fields.stream().anyMatch(f -> f.section() == null || f.name() == null
                || f.type() == null || f.section().isBlank() || f.name().isBlank())) {
            throw new IllegalArgumentException("A template needs 1 to 200 fields, each with a section, a name and a type.");
        }
        for (AdvancingTemplate.Field f : fields) {
            TextInput.requireSingleLine("Section", f.section().strip(), 120);
            TextInput.requireSingleLine("Field name", f.name().strip(), 120);
        }
        String body = json.writeValueAsString(fields.stream().map(f -> Map.of("section", f.section().strip(), "field",
                f.name().strip(), "type", f.type().name())).toList());
        UUID id = templateId == null
                ? jdbc.queryForObject("insert into advancing_templates (org_id, name, fields) values (?, ?, ?::jsonb) returning id",
                        UUID.class, orgId, name.strip(), body)
                : templateId;
        if (templateId != null && jdbc.update("""
                update advancing_templates set name = ?, fields = ?::jsonb, updated_at = now(), version = version + 1
                where org_id = ? and id = ?""", name.strip(), body, orgId, templateId) == 0) {
            throw new OrgAccess.NotFoundException("No such template.");
        }
        activity.record(orgId, "general", "advancing_template.saved", "advancing_template", id, Map.of("name", name.strip()));
        return id;
    }

    /** Starts an advance of a show: every template field, once for each side. */
    @Transactional
    public UUID createSession(UUID orgId, UUID showId, String title, OffsetDateTime expiresAt, UUID templateId) {
        access.requireEditor(orgId);
        if (!access.belongsTo("shows", orgId, showId)) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Give the advance a title of up to 200 characters.");
        }
        TextInput.requireSingleLine("Title", title.strip(), 200);
        AdvancingTemplate template = templates(orgId).stream()
                .filter(t -> templateId == null ? t.id() == null : templateId.equals(t.id())).findFirst()
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such template."));
        UUID sessionId = jdbc.queryForObject("""
                insert into advancing_sessions (org_id, show_id, title, expires_at, created_by)
                values (?, ?, ?, ?, current_app_user_id()) returning id""", UUID.class, orgId, showId, title.strip(),
                expiresAt == null ? null : Timestamp.from(expiresAt.toInstant()));
        List<Object[]> rows = new ArrayList<>();
        int order = 0;
        for (AdvancingTemplate.Field f : template.fields()) {
            order += 10;
            for (String party : new String[]{"from_us", "from_you"}) {
                rows.add(new Object[]{orgId, sessionId, f.section(), f.name(), f.type().name(), party, order});
            }
        }
        jdbc.batchUpdate("""
                insert into advancing_fields (org_id, session_id, section, field_name, field_type, party_type, sort_order, created_by)
                values (?, ?, ?, ?, ?, ?::party, ?, current_app_user_id())""", rows);
        activity.record(orgId, "general", "advancing.session_created", "advancing_session", sessionId,
                Map.of("show_id", showId.toString(), "template", template.name()));
        return sessionId;
    }

    /** The advances of a show the acting user may see (members, and collaborators granted the show). */
    @Transactional(readOnly = true)
    public List<SessionSummary> sessions(UUID showId) {
        return jdbc.query("""
                select s.id, s.show_id, s.org_id, s.title, s.expires_at,
                       (select count(*) from advancing_fields f where f.session_id = s.id and f.party_type = 'from_us'),
                       (select count(*) from advancing_fields u where u.session_id = s.id and u.party_type = 'from_us'
                          and (u.status = 'confirmed' or exists (select 1 from advancing_fields y where y.session_id = u.session_id
                               and y.section = u.section and y.field_name = u.field_name and y.party_type = 'from_you'
                               and y.status = 'confirmed')))
                from advancing_sessions s where s.show_id = ? order by s.created_at""",
                (rs, i) -> new SessionSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getInt(6), rs.getInt(7)), showId);
    }

    /** The grid: one row per field, in template order. A session the user may not see looks missing. */
    @Transactional(readOnly = true)
    public List<Row> rows(UUID sessionId) {
        List<Row> rows = jdbc.query("""
                select u.section, u.field_name, u.field_type, u.sort_order,
                       u.id as u_id, u.value::text as u_value, u.status as u_status, u.version as u_version,
                       uu.display_name as u_by, u.updated_at as u_at, u.previous_value::text as u_prev,
                       y.id as y_id, y.value::text as y_value, y.status as y_status, y.version as y_version,
                       yu.display_name as y_by, y.updated_at as y_at, y.previous_value::text as y_prev,
                       (select count(*) from advancing_comments c where c.field_id in (u.id, y.id)) as comments
                from advancing_fields u
                join advancing_fields y on y.session_id = u.session_id and y.section = u.section
                     and y.field_name = u.field_name and y.party_type = 'from_you'
                left join app_users uu on uu.id = u.updated_by
                left join app_users yu on yu.id = y.updated_by
                where u.session_id = ? and u.party_type = 'from_us'
                order by u.sort_order, u.section, u.field_name""", this::row, sessionId);
        if (rows.isEmpty() && !sessionVisible(sessionId)) {
            throw new OrgAccess.NotFoundException("No such advance.");
        }
        return rows;
    }

    /**
     * Types a value into one side of a field. Org editors type on our side, promoter editors on theirs. Changing a
     * confirmed value re-opens the field and keeps what it said before.
     */
    @Transactional
    public void setValue(UUID fieldId, int version, String input) {
        FieldRef field = field(fieldId);
        if ("from_us".equals(field.party())) {
            requireOrgEditor(field, "Only the organization's team fills in its own side.");
        } else if (!access.promoterEditor(field.showId())) {
            throw new AccessDeniedException("Only the promoter's team fills in the promoter side.");
        }
        String value = toJson(field.type(), input);
        int n = jdbc.update("""
                update advancing_fields
                set previous_value = case when status = 'confirmed' and value is distinct from ?::jsonb then value
                                          else previous_value end,
                    status = case when value is distinct from ?::jsonb then 'pending'::field_status else status end,
                    value = ?::jsonb, updated_by = current_app_user_id(), updated_at = now(), version = version + 1
                where id = ? and version = ?""", value, value, value, fieldId, version);
        if (n == 0) {
            throw new ConcurrentChangeException();
        }
        activity.record(field.orgId(), "general", "advancing.value_changed", "advancing_field", fieldId,
                Map.of("field", field.name(), "party", field.party()));
    }

    /** An org editor confirms one side's value; a confirmed Schedule time becomes (or updates) a day-sheet item. */
    @Transactional
    public void confirm(UUID fieldId, int version) {
        FieldRef field = field(fieldId);
        requireOrgEditor(field, "Only an editor of the organization confirms a field.");
        String value = jdbc.queryForObject("select value::text from advancing_fields where id = ?", String.class, fieldId);
        if (value == null) {
            throw new IllegalArgumentException("There is no value to confirm yet.");
        }
        if (jdbc.update("""
                update advancing_fields set status = 'confirmed', updated_by = current_app_user_id(), updated_at = now(),
                       version = version + 1 where id = ? and version = ?""", fieldId, version) == 0) {
            throw new ConcurrentChangeException();
        }
        String itemType = AdvancingTemplate.scheduleItemType(field.section(), field.name());
        if (itemType != null && field.type() == FieldType.time) {
            scheduleItem(field, LocalTime.parse(json.readValue(value, String.class)), itemType);
        }
        activity.record(field.orgId(), "general", "advancing.confirmed", "advancing_field", fieldId,
                Map.of("field", field.name(), "party", field.party()));
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(UUID fieldId) {
        FieldRef field = field(fieldId);
        return jdbc.query("""
                select c.id, coalesce(c.author_name, 'Someone'), c.body, c.created_at from advancing_comments c
                join advancing_fields f on f.id = c.field_id
                join advancing_fields pair on pair.session_id = f.session_id and pair.section = f.section and pair.field_name = f.field_name
                where pair.id = ? order by c.created_at""",
                (rs, i) -> new Comment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)),
                field.id());
    }

    /** Both parties' editors comment; viewers of either side read. */
    @Transactional
    public UUID addComment(UUID fieldId, String body) {
        FieldRef field = field(fieldId);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A comment is 1 to 4,000 characters.");
        }
        TextInput.requireMultiLine("The comment", body, 4000);
        boolean orgEditor = access.canEdit(field.orgId());
        if (!orgEditor && !access.promoterEditor(field.showId())) {
            throw new AccessDeniedException("Your role can read comments but not add them.");
        }
        String author = ActingUser.id().map(id -> jdbc.queryForList("select display_name from app_users where id = ?", String.class, id)
                .stream().findFirst().orElse(null)).orElse(null);
        UUID id = jdbc.queryForObject("""
                insert into advancing_comments (org_id, field_id, author_id, author_name, body)
                values (?, ?, current_app_user_id(), ?, ?) returning id""", UUID.class, field.orgId(), fieldId, author, body.strip());
        activity.record(field.orgId(), "general", "advancing.commented", "advancing_field", fieldId, Map.of("field", field.name()));
        return id;
    }

    /** The advance's title and its show's date, for the page heading; missing for anyone who may not see it. */
    @Transactional(readOnly = true)
    public String heading(UUID sessionId) {
        return jdbc.queryForList("select title from advancing_sessions where id = ?", String.class, sessionId).stream().findFirst()
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
    }

    /** What the acting user may do in an advance, as the database sees it; the UI offers exactly that. */
    public record Capabilities(boolean editOurs, boolean editTheirs, boolean confirm, boolean comment) {
    }

    @Transactional(readOnly = true)
    public Capabilities capabilities(UUID sessionId) {
        Map<String, Object> s = jdbc.queryForList("select org_id, show_id from advancing_sessions where id = ?", sessionId)
                .stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
        boolean orgEditor = access.canEdit((UUID) s.get("org_id"));
        boolean promoterEditor = access.promoterEditor((UUID) s.get("show_id"));
        return new Capabilities(orgEditor, promoterEditor, orgEditor, orgEditor || promoterEditor);
    }

    /** For an external collaborator: every show granted to them, across every org that invited them. */
    @Transactional(readOnly = true)
    public List<GrantedShow> myShows() {
        return jdbc.query("select * from my_granted_shows() order by date, title", (rs, i) -> {
            ZoneId zone = ZoneId.of(rs.getString("venue_timezone") == null ? "UTC" : rs.getString("venue_timezone"));
            OffsetDateTime doors = rs.getObject("doors_at", OffsetDateTime.class);
            return new GrantedShow(rs.getObject("show_id", UUID.class), rs.getString("org_name"), rs.getString("title"),
                    rs.getObject("date", LocalDate.class), doors == null ? null : doors.atZoneSameInstant(zone).toLocalTime(),
                    rs.getString("venue_name"), rs.getString("venue_city"), zone.getId(), rs.getString("artist_name"), rs.getString("role"));
        });
    }

    public record GrantedShow(UUID showId, String orgName, String title, LocalDate date, LocalTime doors, String venueName,
                              String venueCity, String timezone, String artistName, String role) {
    }

    // Helpers ---------------------------------------------------------------------------------------

    private record FieldRef(UUID id, UUID orgId, UUID showId, UUID sessionId, String section, String name, FieldType type,
                            String party) {
    }

    private FieldRef field(UUID fieldId) {
        return jdbc.query("""
                select f.id, f.org_id, s.show_id, f.session_id, f.section, f.field_name, f.field_type, f.party_type
                from advancing_fields f join advancing_sessions s on s.id = f.session_id where f.id = ?""",
                (rs, i) -> new FieldRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), FieldType.valueOf(rs.getString(7)),
                        rs.getString(8)), fieldId).stream().findFirst()
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such field."));
    }

    /** Collaborators can see these fields, so a refusal says why instead of pretending the field is missing. */
    private void requireOrgEditor(FieldRef field, String refusal) {
        if (access.role(field.orgId()).isEmpty()) {
            throw new AccessDeniedException(refusal);
        }
        access.requireEditor(field.orgId());
    }

    private boolean sessionVisible(UUID sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from advancing_sessions where id = ?)",
                Boolean.class, sessionId));
    }

    private void scheduleItem(FieldRef field, LocalTime time, String itemType) {
        Map<String, Object> show = jdbc.queryForMap("""
                select s.date, coalesce(v.timezone, 'UTC') as tz, ours.id as anchor
                from shows s left join venues v on v.id = s.venue_id
                join advancing_fields ours on ours.session_id = ? and ours.section = ? and ours.field_name = ? and ours.party_type = 'from_us'
                where s.id = ?""", field.sessionId(), field.section(), field.name(), field.showId());
        LocalDate date = ((java.sql.Date) show.get("date")).toLocalDate();
        Timestamp startsAt = Timestamp.from(ZonedDateTime.of(date, time, ZoneId.of((String) show.get("tz"))).toInstant());
        // Keyed by our side's row, so confirming either side of the pair updates the one item.
        jdbc.update("""
                insert into schedule_items (org_id, show_id, session_id, starts_at, title, item_type, visibility, auto_generated,
                                            source_field_id, created_by)
                values (?, ?, ?, ?, ?, ?, 'all', true, ?, current_app_user_id())
                on conflict (source_field_id) where source_field_id is not null
                do update set starts_at = excluded.starts_at, updated_at = now(), version = schedule_items.version + 1""",
                field.orgId(), field.showId(), field.sessionId(), startsAt, field.name(), itemType, show.get("anchor"));
    }

    private Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString("section"), rs.getString("field_name"), FieldType.valueOf(rs.getString("field_type")),
                rs.getInt("sort_order"), side(rs, "u"), side(rs, "y"), rs.getInt("comments"));
    }

    private Side side(ResultSet rs, String p) throws SQLException {
        return new Side(rs.getObject(p + "_id", UUID.class), plain(rs.getString(p + "_value")), rs.getString(p + "_status"),
                rs.getInt(p + "_version"), rs.getString(p + "_by"), rs.getObject(p + "_at", OffsetDateTime.class),
                plain(rs.getString(p + "_prev")));
    }

    private String plain(String jsonValue) {
        if (jsonValue == null) {
            return null;
        }
        return jsonValue.startsWith("\"") ? json.readValue(jsonValue, String.class) : jsonValue;
    }

    /** The typed input as JSON, or null for blank; refuses what the field type cannot hold. */
    String toJson(FieldType type, String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String v = input.strip();
        if (type == FieldType.textarea) {
            TextInput.requireMultiLine("The answer", v, 4000);
        } else {
            TextInput.requireSingleLine("The answer", v, 500);
        }
        try {
            return switch (type) {
                case text, textarea -> json.writeValueAsString(v);
                case time -> json.writeValueAsString(LocalTime.parse(v).toString());
                case date -> json.writeValueAsString(LocalDate.parse(v).toString());
                case number -> new BigDecimal(v).toPlainString();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(switch (type) {
                case time -> "Enter a time like 19:30.";
                case date -> "Enter a date like 2026-12-01.";
                default -> "Enter a number.";
            });
        }
    }

    private List<AdvancingTemplate.Field> parseFields(String text) {
        List<Map<String, String>> raw = json.readValue(text, new tools.jackson.core.type.TypeReference<List<Map<String, String>>>() { });
        return raw.stream().map(m -> new AdvancingTemplate.Field(m.get("section"), m.get("field"),
                FieldType.valueOf(m.getOrDefault("type", "text")))).toList();
    }
}
