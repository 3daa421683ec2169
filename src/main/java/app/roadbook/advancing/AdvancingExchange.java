package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingRows.Comment;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.SessionSummary;
import app.roadbook.advancing.AdvancingRows.ShowFacts;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

    /**
     * Starts an advance of a show: every template field, once for each side. The artist team's side of the schedule
     * starts from the show's own times (the show is the one source of its times); a blank title names the show.
     */
    @Transactional
    public UUID createSession(UUID orgId, UUID showId, String title, OffsetDateTime expiresAt, UUID templateId) {
        access.requireEditor(orgId);
        if (!access.belongsTo("shows", orgId, showId)) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        AdvancingTemplate template = templates.get(orgId, templateId);
        AdvancingSession session = new AdvancingSession(orgId, showId, "", expiresAt);
        ShowFacts show = sessions.findShowFactsOfShow(showId).map(this::facts).orElseThrow();
        session.rename(title(title == null || title.isBlank() ? show.defaultAdvanceTitle() : title), now());
        session = sessions.save(session);
        List<AdvancingField> made = new ArrayList<>();
        int order = 0;
        for (AdvancingTemplate.Field f : template.fields()) {
            order += 10;
            for (Party party : Party.values()) {
                made.add(new AdvancingField(session, f, party, order, party == Party.from_us ? showTime(show, f) : null));
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

    /** The show's own doors and set time, as the artist team's first answer to those schedule fields. */
    private String showTime(ShowFacts show, AdvancingTemplate.Field field) {
        if (!"Schedule".equals(field.section()) || field.type() != FieldType.time) {
            return null;
        }
        LocalTime time =
                switch (field.name()) {
                    case "Doors" -> show.doors();
                    case "Set time" -> show.setTime();
                    default -> null;
                };
        return time == null ? null : json.writeValueAsString(time.toString());
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
                        s.getClosedAt(),
                        Math.toIntExact(s.getFields()),
                        Math.toIntExact(s.getAgreed())))
                .toList();
    }

    /**
     * What the acting user may do in an advance, as the database sees it; the UI offers exactly that. {@code party} is
     * the side the reader belongs to (null for a platform admin or anyone outside both teams); answering, accepting
     * and declining are for one's own side only, and nothing changes in a closed advance but reopening it.
     */
    public record Capabilities(
            Party party,
            boolean editOurs,
            boolean editTheirs,
            boolean comment,
            boolean manage,
            boolean delete,
            boolean reopen) {

        public boolean answers(Party side) {
            return side == Party.from_us ? editOurs : editTheirs;
        }
    }

    /** Everything the advance page shows but its documents: the show, what the acting user may do, and the fields. */
    public record Advance(
            UUID id, String title, OffsetDateTime closedAt, ShowFacts show, Capabilities can, List<Row> rows) {
        public boolean closed() {
            return closedAt != null;
        }
    }

    /**
     * The advance page in three statements whatever the number of fields and comments (plus the permission
     * questions). An advance the user may not see looks missing.
     */
    @Transactional(readOnly = true)
    public Advance advance(UUID sessionId) {
        AdvancingSession session = sessions.findById(sessionId).orElseThrow(AdvancingExchange::noSuchAdvance);
        ShowFacts show = sessions.findShowFacts(sessionId).map(this::facts).orElseThrow(AdvancingExchange::noSuchAdvance);
        boolean member = access.role(session.getOrgId()).isPresent();
        boolean orgEditor = member && access.canEdit(session.getOrgId());
        boolean promoterEditor = !member && access.promoterEditor(session.getShowId());
        boolean open = !session.closed();
        Party party = member ? Party.from_us : access.collaborator(session.getShowId()) ? Party.from_you : null;
        Capabilities can = new Capabilities(
                party,
                open && orgEditor,
                open && promoterEditor,
                open && (orgEditor || promoterEditor),
                open && orgEditor,
                member && access.can(session.getOrgId(), OrgPermission.DELETE_ADVANCES),
                !open && orgEditor);
        return new Advance(session.getId(), session.getTitle(), session.getClosedAt(), show, can, pairs(sessionId));
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

    // Answers, acceptances and declines ----------------------------------------------------------------

    /**
     * Answers one side of a field: org editors answer for the artist team, promoter editors for the promoter. An
     * answer equal to the other side's makes the field agreed; changing an agreed value re-opens it for the other
     * party (the database keeps the agreed value beside the new one).
     */
    @Transactional
    public void setValue(UUID fieldId, int version, String input) {
        AdvancingField field = field(fieldId);
        requireAnswersFor(field);
        String value = toJson(field.getFieldType(), input);
        requireVersion(field, version);
        field.answer(value, !sameJson(field.getValue(), value), now());
        flushOrRefuse();
        record(field, "advancing.value_changed", Map.of());
    }

    /**
     * Accepts the other side's value for one's own side: it becomes this side's answer too, which agrees the field.
     * {@code theirVersion} is the other side as the person saw it: a value changed since then is not accepted.
     */
    @Transactional
    public void accept(UUID fieldId, int version, int theirVersion) {
        AdvancingField field = field(fieldId);
        requireAnswersFor(field);
        AdvancingField theirs = fields.findPartner(field).orElseThrow(AdvancingExchange::noSuchField);
        if (theirs.getValue() == null) {
            throw new Refusal("There is no value to accept yet.");
        }
        requireVersion(field, version);
        requireVersion(theirs, theirVersion);
        field.answer(theirs.getValue(), !sameJson(field.getValue(), theirs.getValue()), now());
        flushOrRefuse();
        record(field, "advancing.accepted", Map.of("value", plain(theirs.getValue())));
    }

    /**
     * Declines the other side's value with a reason, which also goes into the field's comments; this side keeps its
     * own answer. The field reads "declined" until the other side answers again.
     */
    @Transactional
    public void decline(UUID fieldId, int version, int theirVersion, String reason) {
        AdvancingField field = field(fieldId);
        requireAnswersFor(field);
        if (reason == null || reason.isBlank()) {
            throw new Refusal("Say why you decline: the other team reads it.");
        }
        TextInput.requireMultiLine("The reason", reason, 4000);
        AdvancingField theirs = fields.findPartner(field).orElseThrow(AdvancingExchange::noSuchField);
        if (theirs.getValue() == null) {
            throw new Refusal("There is no value to decline yet.");
        }
        requireVersion(field, version);
        requireVersion(theirs, theirVersion);
        field.decline(theirs.getValue(), reason.strip(), now());
        flushOrRefuse();
        String author = ActingUser.id().flatMap(comments::findDisplayName).orElse(null);
        comments.saveAndFlush(new AdvancingComment(
                field, author, "Declined " + plain(theirs.getValue()) + ": " + reason.strip()));
        record(field, "advancing.declined", Map.of("value", plain(theirs.getValue())));
    }

    // Comments ------------------------------------------------------------------------------------------

    /** The thread of a field: both sides' comments, oldest first; the reader's own are marked (they may delete them). */
    @Transactional(readOnly = true)
    public List<Comment> comments(UUID fieldId) {
        if (!fields.existsById(fieldId)) {
            throw noSuchField();
        }
        return comments.findThread(fieldId, ActingUser.id().orElse(null));
    }

    /** Both parties' editors comment; viewers of either side read. */
    @Transactional
    public UUID addComment(UUID fieldId, String body) {
        AdvancingField field = field(fieldId);
        if (body == null || body.isBlank()) {
            throw new Refusal("A comment is 1 to 4,000 characters.");
        }
        TextInput.requireMultiLine("The comment", body, 4000);
        requireOpen(field.getSession());
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

    /** Deletes one's own comment (the database lets nobody delete anyone else's). */
    @Transactional
    public void deleteComment(UUID commentId) {
        AdvancingComment comment = comments.findById(commentId).orElseThrow(() -> notFound("No such comment."));
        UUID me = ActingUser.id().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        if (!me.equals(comment.getAuthorId())) {
            throw new AccessDeniedException("You can delete your own comments only.");
        }
        AdvancingField field = field(comment.getFieldId());
        requireOpen(field.getSession());
        comments.delete(comment);
        comments.flush();
        record(field, "advancing.comment_deleted", Map.of());
    }

    // Housekeeping --------------------------------------------------------------------------------------

    /** Renames an advance (org editors, while it is open). */
    @Transactional
    public void rename(UUID sessionId, String title) {
        AdvancingSession session = session(sessionId);
        access.requireEditor(session.getOrgId());
        requireOpen(session);
        session.rename(title(title), now());
        sessions.flush();
        recordSession(session, "advancing.session_renamed", Map.of("title", session.getTitle()));
    }

    /** Closes an advance: read-only for everyone until an org editor reopens it. */
    @Transactional
    public void close(UUID sessionId) {
        AdvancingSession session = session(sessionId);
        access.requireEditor(session.getOrgId());
        requireOpen(session);
        session.close(ActingUser.id().orElse(null), now());
        sessions.flush();
        recordSession(session, "advancing.session_closed", Map.of());
    }

    @Transactional
    public void reopen(UUID sessionId) {
        AdvancingSession session = session(sessionId);
        access.requireEditor(session.getOrgId());
        if (!session.closed()) {
            throw new Refusal("This advance is open already.");
        }
        session.reopen(now());
        sessions.flush();
        recordSession(session, "advancing.session_reopened", Map.of());
    }

    /** Deletes an advance with its fields, comments and documents (owners and admins). */
    @Transactional
    public void delete(UUID sessionId) {
        AdvancingSession session = session(sessionId);
        access.require(session.getOrgId(), OrgPermission.DELETE_ADVANCES);
        sessions.delete(session);
        sessions.flush();
        recordSession(session, "advancing.session_deleted", Map.of("title", session.getTitle()));
    }

    // Granted shows -------------------------------------------------------------------------------------

    /** For an external collaborator: every show granted to them, across every org that invited them. */
    @Transactional(readOnly = true)
    public List<GrantedShow> myShows() {
        return sessions.findMyGrantedShows().stream()
                .map(g -> {
                    ZoneId zone = ZoneId.of(g.getVenueTimezone() == null ? "UTC" : g.getVenueTimezone());
                    Instant doors = g.getDoorsAt();
                    return new GrantedShow(
                            g.getShowId(),
                            g.getOrgName(),
                            g.getTitle(),
                            g.getDate(),
                            doors == null ? null : doors.atZone(zone).toLocalTime(),
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
                        p.getAgreement(),
                        plain(p.getAgreedValue()),
                        new Side(
                                p.getOurId(),
                                plain(p.getOurValue()),
                                p.getOurStance(),
                                p.getOurVersion(),
                                p.getOurBy(),
                                p.getOurAt(),
                                plain(p.getOurPrevious()),
                                plain(p.getOurDeclined()),
                                p.getOurReason()),
                        new Side(
                                p.getTheirId(),
                                plain(p.getTheirValue()),
                                p.getTheirStance(),
                                p.getTheirVersion(),
                                p.getTheirBy(),
                                p.getTheirAt(),
                                plain(p.getTheirPrevious()),
                                plain(p.getTheirDeclined()),
                                p.getTheirReason()),
                        Math.toIntExact(p.getComments())))
                .toList();
    }

    private AdvancingField field(UUID fieldId) {
        return fields.findWithSession(fieldId).orElseThrow(AdvancingExchange::noSuchField);
    }

    private AdvancingSession session(UUID sessionId) {
        return sessions.findById(sessionId).orElseThrow(AdvancingExchange::noSuchAdvance);
    }

    /**
     * Each party answers, accepts and declines for its own side only. Collaborators can see these fields, so a
     * refusal says why instead of pretending the field is missing.
     */
    private void requireAnswersFor(AdvancingField field) {
        requireOpen(field.getSession());
        if (field.getPartyType() == Party.from_us) {
            if (access.role(field.getOrgId()).isEmpty()) {
                throw new AccessDeniedException("Only the artist team answers for the artist team.");
            }
            access.requireEditor(field.getOrgId());
        } else if (!access.promoterEditor(field.getSession().getShowId())) {
            throw new AccessDeniedException("Only the promoter's team answers for the promoter.");
        }
    }

    private static void requireOpen(AdvancingSession session) {
        if (session.closed()) {
            throw new Refusal("This advance is closed: an editor of the artist team can reopen it.");
        }
    }

    /** The version the person saw must still be the field's, or someone else changed it in between. */
    private static void requireVersion(AdvancingField field, int version) {
        if (field.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
    }

    private String title(String title) {
        if (title == null || title.isBlank()) {
            throw new Refusal("Give the advance a title of up to 200 characters.");
        }
        TextInput.requireSingleLine("Title", title.strip(), 200);
        return title.strip();
    }

    private void record(AdvancingField field, String action, Map<String, String> details) {
        Map<String, String> all = new java.util.HashMap<>(details);
        all.put("field", field.getFieldName());
        all.put("party", field.getPartyType().label());
        activity.record(field.getOrgId(), "general", action, "advancing_field", field.getId(), all);
    }

    private void recordSession(AdvancingSession session, String action, Map<String, String> details) {
        Map<String, String> all = new java.util.HashMap<>(details);
        all.put("show_id", session.getShowId().toString());
        activity.record(session.getOrgId(), "general", action, "advancing_session", session.getId(), all);
    }

    private ShowFacts facts(AdvancingSessionRepository.ShowFactsRow f) {
        ZoneId zone = ZoneId.of(f.getVenueTimezone());
        return new ShowFacts(
                f.getShowId(),
                f.getOrgName(),
                f.getShowTitle(),
                f.getDate(),
                f.getDoorsAt() == null ? null : f.getDoorsAt().atZone(zone).toLocalTime(),
                f.getSetTime() == null ? null : f.getSetTime().atZone(zone).toLocalTime(),
                f.getVenueName(),
                f.getVenueAddress(),
                f.getVenueCity(),
                f.getVenueCountry(),
                zone.getId(),
                f.getArtistName());
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
        return notFound("No such advance.");
    }

    private static OrgAccess.NotFoundException notFound(String message) {
        return new OrgAccess.NotFoundException(message);
    }

    private static OrgAccess.NotFoundException noSuchField() {
        return new OrgAccess.NotFoundException("No such field.");
    }
}
