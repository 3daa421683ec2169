package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingRows.Comment;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.SessionSummary;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange of an advance: sessions started from a template, and the field-by-field exchange between the touring
 * party (our side, {@link Party#from_us}) and the promoter (their side, {@link Party#from_you}): values, confirmations
 * and comments. Who may type where and who confirms is asked of the same SQL helpers the policies use
 * ({@link OrgAccess}); the database refuses the rest (policies and the advancing_fields guard trigger).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingExchange {

    /** jsonb's equality: numbers by value (20 = 20.0), everything else as it is. */
    private static final Comparator<JsonNode> JSONB_EQUALITY =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final AdvancingSessionRepository sessions;
    private final AdvancingFieldRepository fields;
    private final AdvancingCommentRepository comments;
    private final AdvancingTemplates templates;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final JsonMapper json;
    private final Clock clock;

    AdvancingExchange(
            AdvancingSessionRepository sessions,
            AdvancingFieldRepository fields,
            AdvancingCommentRepository comments,
            AdvancingTemplates templates,
            OrgAccess access,
            ActivityLog activity,
            JsonMapper json,
            Clock clock) {
        this.sessions = sessions;
        this.fields = fields;
        this.comments = comments;
        this.templates = templates;
        this.access = access;
        this.activity = activity;
        this.json = json;
        this.clock = clock;
    }

    // Advances ----------------------------------------------------------------------------------------

    /** Starts an advance of a show: every template field, once for each side. */
    @Transactional
    public UUID createSession(UUID orgId, UUID showId, String title, OffsetDateTime expiresAt, UUID templateId) {
        access.requireEditor(orgId);
        if (!access.belongsTo("shows", orgId, showId)) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        if (title == null || title.isBlank()) {
            throw new Refusal("Give the advance a title of up to 200 characters.");
        }
        TextInput.requireSingleLine("Title", title.strip(), 200);
        AdvancingTemplate template = templates.get(orgId, templateId);
        AdvancingSession session = sessions.save(new AdvancingSession(orgId, showId, title.strip(), expiresAt));
        List<AdvancingField> made = new ArrayList<>();
        int order = 0;
        for (AdvancingTemplate.Field f : template.fields()) {
            order += 10;
            for (Party party : Party.values()) {
                made.add(new AdvancingField(session, f, party, order));
            }
        }
        fields.insertAll(made);
        activity.record(
                orgId,
                "general",
                "advancing.session_created",
                "advancing_session",
                session.getId(),
                Map.of("show_id", showId.toString(), "template", template.name()));
        return session.getId();
    }

    /** The advances of a show the acting user may see (members, and collaborators granted the show). */
    @Transactional(readOnly = true)
    public List<SessionSummary> sessions(UUID showId) {
        return sessions.findSummaries(showId).stream()
                .map(s -> new SessionSummary(
                        s.getId(),
                        s.getShowId(),
                        s.getOrgId(),
                        s.getTitle(),
                        s.getExpiresAt(),
                        Math.toIntExact(s.getFields()),
                        Math.toIntExact(s.getConfirmed())))
                .toList();
    }

    /** What the acting user may do in an advance, as the database sees it; the UI offers exactly that. */
    public record Capabilities(boolean editOurs, boolean editTheirs, boolean confirm, boolean comment) {}

    /** Everything the advance page shows but its documents: the title, what the acting user may do, and the grid. */
    public record Advance(UUID id, String title, Capabilities can, List<Row> rows) {}

    /**
     * The advance page in two statements whatever the number of fields and comments (plus the two permission
     * questions). An advance the user may not see looks missing.
     */
    @Transactional(readOnly = true)
    public Advance advance(UUID sessionId) {
        AdvancingSession session = sessions.findById(sessionId).orElseThrow(AdvancingExchange::noSuchAdvance);
        boolean orgEditor = access.canEdit(session.getOrgId());
        boolean promoterEditor = access.promoterEditor(session.getShowId());
        Capabilities can = new Capabilities(orgEditor, promoterEditor, orgEditor, orgEditor || promoterEditor);
        return new Advance(session.getId(), session.getTitle(), can, pairs(sessionId));
    }

    /** The grid: one row per field, in template order. A session the user may not see looks missing. */
    @Transactional(readOnly = true)
    public List<Row> rows(UUID sessionId) {
        List<Row> rows = pairs(sessionId);
        if (rows.isEmpty() && !sessions.existsById(sessionId)) {
            throw noSuchAdvance();
        }
        return rows;
    }

    // Values and confirmations ------------------------------------------------------------------------

    /**
     * Types a value into one side of a field. Org editors type on our side, promoter editors on theirs. Changing a
     * confirmed value re-opens the field and keeps what it said before.
     */
    @Transactional
    public void setValue(UUID fieldId, int version, String input) {
        AdvancingField field = field(fieldId);
        if (field.getPartyType() == Party.from_us) {
            requireOrgEditor(field, "Only the organization's team fills in its own side.");
        } else if (!access.promoterEditor(field.getSession().getShowId())) {
            throw new AccessDeniedException("Only the promoter's team fills in the promoter side.");
        }
        String value = toJson(field.getFieldType(), input);
        requireVersion(field, version);
        field.type(value, !sameJson(field.getValue(), value), now());
        flushOrRefuse();
        activity.record(
                field.getOrgId(),
                "general",
                "advancing.value_changed",
                "advancing_field",
                fieldId,
                Map.of(
                        "field",
                        field.getFieldName(),
                        "party",
                        field.getPartyType().name()));
    }

    /** An org editor confirms one side's value; a confirmed Schedule time becomes (or updates) a day-sheet item. */
    @Transactional
    public void confirm(UUID fieldId, int version) {
        AdvancingField field = field(fieldId);
        requireOrgEditor(field, "Only an editor of the organization confirms a field.");
        if (field.getValue() == null) {
            throw new Refusal("There is no value to confirm yet.");
        }
        requireVersion(field, version);
        field.confirm(now());
        flushOrRefuse();
        String itemType = AdvancingTemplate.scheduleItemType(field.getSection(), field.getFieldName());
        if (itemType != null && field.getFieldType() == FieldType.time) {
            fields.scheduleConfirmedTime(
                    field.getSession().getId(),
                    field.getSection(),
                    field.getFieldName(),
                    LocalTime.parse(json.readValue(field.getValue(), String.class)),
                    itemType);
        }
        activity.record(
                field.getOrgId(),
                "general",
                "advancing.confirmed",
                "advancing_field",
                fieldId,
                Map.of(
                        "field",
                        field.getFieldName(),
                        "party",
                        field.getPartyType().name()));
    }

    // Comments ------------------------------------------------------------------------------------------

    /** The thread of a field: both sides' comments, oldest first. */
    @Transactional(readOnly = true)
    public List<Comment> comments(UUID fieldId) {
        if (!fields.existsById(fieldId)) {
            throw noSuchField();
        }
        return comments.findThread(fieldId);
    }

    /** Both parties' editors comment; viewers of either side read. */
    @Transactional
    public UUID addComment(UUID fieldId, String body) {
        AdvancingField field = field(fieldId);
        if (body == null || body.isBlank()) {
            throw new Refusal("A comment is 1 to 4,000 characters.");
        }
        TextInput.requireMultiLine("The comment", body, 4000);
        boolean orgEditor = access.canEdit(field.getOrgId());
        if (!orgEditor && !access.promoterEditor(field.getSession().getShowId())) {
            throw new AccessDeniedException("Your role can read comments but not add them.");
        }
        String author = ActingUser.id().flatMap(comments::findDisplayName).orElse(null);
        AdvancingComment comment = comments.saveAndFlush(new AdvancingComment(field, author, body.strip()));
        activity.record(
                field.getOrgId(),
                "general",
                "advancing.commented",
                "advancing_field",
                fieldId,
                Map.of("field", field.getFieldName()));
        return comment.getId();
    }

    // Granted shows -------------------------------------------------------------------------------------

    /** For an external collaborator: every show granted to them, across every org that invited them. */
    @Transactional(readOnly = true)
    public List<GrantedShow> myShows() {
        return sessions.findMyGrantedShows().stream()
                .map(g -> {
                    ZoneId zone = ZoneId.of(g.getVenueTimezone() == null ? "UTC" : g.getVenueTimezone());
                    OffsetDateTime doors = g.getDoorsAt();
                    return new GrantedShow(
                            g.getShowId(),
                            g.getOrgName(),
                            g.getTitle(),
                            g.getDate(),
                            doors == null ? null : doors.atZoneSameInstant(zone).toLocalTime(),
                            g.getVenueName(),
                            g.getVenueCity(),
                            zone.getId(),
                            g.getArtistName(),
                            g.getRole());
                })
                .toList();
    }

    public record GrantedShow(
            UUID showId,
            String orgName,
            String title,
            LocalDate date,
            LocalTime doors,
            String venueName,
            String venueCity,
            String timezone,
            String artistName,
            String role) {}

    // Helpers -------------------------------------------------------------------------------------------

    private List<Row> pairs(UUID sessionId) {
        return fields.findPairs(sessionId).stream()
                .map(p -> new Row(
                        p.getSection(),
                        p.getFieldName(),
                        p.getType(),
                        p.getSortOrder(),
                        new Side(
                                p.getOurId(),
                                plain(p.getOurValue()),
                                p.getOurStatus(),
                                p.getOurVersion(),
                                p.getOurBy(),
                                p.getOurAt(),
                                plain(p.getOurPrevious())),
                        new Side(
                                p.getTheirId(),
                                plain(p.getTheirValue()),
                                p.getTheirStatus(),
                                p.getTheirVersion(),
                                p.getTheirBy(),
                                p.getTheirAt(),
                                plain(p.getTheirPrevious())),
                        Math.toIntExact(p.getComments())))
                .toList();
    }

    private AdvancingField field(UUID fieldId) {
        return fields.findWithSession(fieldId).orElseThrow(AdvancingExchange::noSuchField);
    }

    /** Collaborators can see these fields, so a refusal says why instead of pretending the field is missing. */
    private void requireOrgEditor(AdvancingField field, String refusal) {
        if (access.role(field.getOrgId()).isEmpty()) {
            throw new AccessDeniedException(refusal);
        }
        access.requireEditor(field.getOrgId());
    }

    /** The version the person saw must still be the field's, or someone else changed it in between. */
    private static void requireVersion(AdvancingField field, int version) {
        if (field.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
    }

    /** Writes the change now; if someone else's change committed since the field was read, theirs stands. */
    private void flushOrRefuse() {
        try {
            fields.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** JSON text as people read it: a string without its quotes, a number as it is. */
    private String plain(String jsonValue) {
        if (jsonValue == null) {
            return null;
        }
        return jsonValue.startsWith("\"") ? json.readValue(jsonValue, String.class) : jsonValue;
    }

    /** Whether two JSON texts are the same value as jsonb compares them (null for SQL NULL). */
    private boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return json.readTree(a).equals(JSONB_EQUALITY, json.readTree(b));
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
            throw new Refusal(
                    switch (type) {
                        case time -> "Enter a time like 19:30.";
                        case date -> "Enter a date like 2026-12-01.";
                        default -> "Enter a number.";
                    });
        }
    }

    private static OrgAccess.NotFoundException noSuchAdvance() {
        return new OrgAccess.NotFoundException("No such advance.");
    }

    private static OrgAccess.NotFoundException noSuchField() {
        return new OrgAccess.NotFoundException("No such field.");
    }
}
