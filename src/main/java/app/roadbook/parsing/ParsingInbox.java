package app.roadbook.parsing;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.contacts.ContactDirectory;
import app.roadbook.contacts.ContactDraft;
import app.roadbook.contacts.ContactStatus;
import app.roadbook.contacts.ContactType;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.FileVisibility;
import app.roadbook.parsing.InboxRecords.Confirmation;
import app.roadbook.parsing.InboxRecords.Confirmed;
import app.roadbook.parsing.InboxRecords.InboxLine;
import app.roadbook.parsing.InboxRecords.Review;
import app.roadbook.parsing.InboxRecords.ValueLine;
import app.roadbook.shows.ShowRecords.ShowDetails;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parsing inbox (decision 0029): what arrived (pasted, uploaded, by mail), what the extractors proposed with the
 * span of the source each value came from, and the editor's review. Nothing an extractor proposes is written
 * anywhere but the inbox's own tables until an editor confirms; confirming writes only the accepted and edited
 * values, through the shows, contacts and advancing services, and records who accepted which values. Editors and up
 * only: the policies hide every item from viewers and collaborators, and each method asks {@link OrgAccess} first.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ParsingInbox {

    private static final Logger log = LoggerFactory.getLogger(ParsingInbox.class);

    /** The largest upload the inbox reads (a booking mail or contract is far smaller). */
    public static final int MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
    /** The longest text that may be pasted. */
    public static final int MAX_PASTE_CHARS = 200_000;
    /** The name the optional external model's extractor goes by ({@link Proposal#extractor()}). */
    static final String MODEL = ModelExtractor.NAME;

    private static final Map<ParsedField, String> ADVANCE_FIELDS = new EnumMap<>(Map.of(
            ParsedField.LOAD_IN, "Load-in",
            ParsedField.SOUNDCHECK, "Soundcheck",
            ParsedField.DOORS, "Doors",
            ParsedField.SET_TIME, "Set time",
            ParsedField.CURFEW, "Curfew"));

    /** A first guess at a new venue's zone from its country; the editor confirms or changes it. */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("NO", "Europe/Oslo"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("FI", "Europe/Helsinki"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("FR", "Europe/Paris"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("CZ", "Europe/Prague"),
            Map.entry("GB", "Europe/London"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("IS", "Atlantic/Reykjavik"),
            Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("JP", "Asia/Tokyo"));

    private final ParsedEmailRepository emails;
    private final ParsedContractRepository contracts;
    private final ParsedValueRepository values;
    private final ParsingSettingRepository settings;
    private final CatalogQueries catalog;
    private final ObjectProvider<DocumentReader> readers;
    private final List<Extractor> extractors;
    private final FileLibrary files;
    private final ShowService shows;
    private final VenueService venues;
    private final ContactDirectory contacts;
    private final AdvancingExchange advancing;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean modelConfigured;
    private final String bookingsAddress;

    ParsingInbox(
            ParsedEmailRepository emails,
            ParsedContractRepository contracts,
            ParsedValueRepository values,
            ParsingSettingRepository settings,
            CatalogQueries catalog,
            ObjectProvider<DocumentReader> readers,
            List<Extractor> extractors,
            FileLibrary files,
            ShowService shows,
            VenueService venues,
            ContactDirectory contacts,
            AdvancingExchange advancing,
            OrgAccess access,
            ActivityLog activity,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${roadbook.inbox.address:}") String bookingsAddress) {
        this.emails = emails;
        this.contracts = contracts;
        this.values = values;
        this.settings = settings;
        this.catalog = catalog;
        this.readers = readers;
        this.extractors = List.copyOf(extractors);
        this.files = files;
        this.shows = shows;
        this.venues = venues;
        this.contacts = contacts;
        this.advancing = advancing;
        this.access = access;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
        this.modelConfigured =
                this.extractors.stream().anyMatch(e -> e instanceof ModelExtractor model && model.configured());
        this.bookingsAddress = bookingsAddress.strip();
    }

    // The org's settings --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.can(orgId, OrgPermission.EDIT_DATA);
    }

    /** Whether an external model endpoint is configured at all (then owners may switch it on for their org). */
    public boolean modelConfigured() {
        return modelConfigured;
    }

    /** The org's own bookings address, {@code bookings+<slug>@domain}, or empty if no mailbox is configured. */
    @Transactional(readOnly = true)
    public Optional<String> bookingsAddress(UUID orgId) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        int at = bookingsAddress.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return catalog.slug(orgId).stream()
                .findFirst()
                .map(slug -> bookingsAddress.substring(0, at) + "+" + slug + bookingsAddress.substring(at));
    }

    @Transactional(readOnly = true)
    public boolean modelEnabled(UUID orgId) {
        return modelConfigured
                && settings.findById(orgId).map(ParsingSetting::isModelEnabled).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean canSwitchModel(UUID orgId) {
        return modelConfigured && access.can(orgId, OrgPermission.SWITCH_PARSING_MODEL);
    }

    /** Owners switch the external model on or off for their org (off by default; only if one is configured). */
    @Transactional
    public void switchModel(UUID orgId, boolean on) {
        access.require(orgId, OrgPermission.SWITCH_PARSING_MODEL);
        if (!modelConfigured) {
            throw new Refusal("No model endpoint is configured for this Roadbook, so there is nothing to switch on.");
        }
        ParsingSetting setting = settings.findById(orgId).orElseGet(() -> new ParsingSetting(orgId));
        setting.modelEnabled(on);
        settings.saveAndFlush(setting);
        activity.record(orgId, "general", "parsing.model_switched", "organization", orgId, Map.of("enabled", on));
    }

    // In ------------------------------------------------------------------------------------------------------

    /** A mail's text pasted into the inbox: kept as a text file, read and proposed at once. */
    public UUID paste(UUID orgId, String text) {
        requireEditor(orgId);
        if (text == null || text.isBlank()) {
            throw new Refusal("Paste the text of a booking mail first.");
        }
        if (text.length() > MAX_PASTE_CHARS) {
            throw new Refusal("That is more than " + String.format("%,d", MAX_PASTE_CHARS)
                    + " characters: paste the booking mail itself, or upload it as a file.");
        }
        SourceDocument document = SourceDocument.pasted(text);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        UUID fileId = keep(orgId, "Pasted booking mail.txt", bytes);
        return store(orgId, ReceivedVia.PASTE, document, fileId);
    }

    /**
     * An uploaded {@code .eml}, PDF or DOCX: read first (a refusal of the reader, such as a PDF without text, keeps
     * nothing), then kept in the files registry and proposed.
     */
    public UUID upload(UUID orgId, String fileName, byte[] content) {
        requireEditor(orgId);
        if (content == null || content.length == 0) {
            throw new Refusal((fileName == null ? "The file" : fileName) + " is empty: choose the file again.");
        }
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new Refusal(fileName + " is larger than " + FileLibrary.size(MAX_UPLOAD_BYTES)
                    + ", more than a booking mail or contract. Upload the mail or contract itself.");
        }
        DocumentReader reader = readers.getIfAvailable();
        if (reader == null) {
            throw new Refusal("Reading files is not available in this Roadbook; paste the mail's text instead.");
        }
        SourceDocument document = reader.read(fileName, content);
        UUID fileId = keep(orgId, fileName, content);
        return store(orgId, ReceivedVia.UPLOAD, document, fileId);
    }

    private void requireEditor(UUID orgId) {
        transactions.executeWithoutResult(status -> access.require(orgId, OrgPermission.EDIT_DATA));
    }

    /** The original, as a file only editors and up see (decision 0029). */
    private UUID keep(UUID orgId, String fileName, byte[] bytes) {
        return files.upload(
                orgId,
                FileSubject.org(orgId),
                FileVisibility.editors,
                fileName,
                new ByteArrayInputStream(bytes),
                bytes.length);
    }

    private UUID store(UUID orgId, ReceivedVia via, SourceDocument document, UUID fileId) {
        return transactions.execute(status -> {
            SourceDocument flat = flatten(document);
            ParsedItem item = document.kind() == SourceDocument.Kind.PDF || document.kind() == SourceDocument.Kind.DOCX
                    ? new ParsedContract(
                            orgId,
                            document.filename() == null ? "Contract" : document.filename(),
                            flat.text(),
                            notes(flat),
                            fileId)
                    : new ParsedEmail(
                            orgId, via, document.subject(), document.from(), flat.text(), notes(flat), fileId);
            save(item);
            propose(item, flat);
            activity.record(
                    orgId,
                    "general",
                    "parsing.received",
                    "parsed_item",
                    item.getId(),
                    Map.of("name", item.title(), "via", via.label()));
            return item.getId();
        });
    }

    private void save(ParsedItem item) {
        if (item instanceof ParsedEmail e) {
            emails.saveAndFlush(e);
        } else {
            contracts.saveAndFlush((ParsedContract) item);
        }
    }

    /**
     * A mail with its attachments as one text: the body, then each attachment's text under a line naming it. Every
     * span points into this text, which is what the inbox keeps and the review shows.
     */
    static SourceDocument flatten(SourceDocument document) {
        if (document.attachments().isEmpty()) {
            return document;
        }
        StringBuilder text = new StringBuilder(document.text() == null ? "" : document.text());
        List<String> notes = new ArrayList<>(document.notes());
        for (SourceDocument attachment : document.attachments()) {
            SourceDocument flat = flatten(attachment);
            text.append("\n\n——— Attachment: ")
                    .append(flat.filename() == null ? "unnamed" : flat.filename())
                    .append(" ———\n\n")
                    .append(flat.text() == null ? "" : flat.text());
            notes.addAll(flat.notes());
        }
        return new SourceDocument(
                document.kind(),
                document.filename(),
                document.subject(),
                document.from(),
                text.toString(),
                List.of(),
                notes);
    }

    private static String notes(SourceDocument document) {
        return document.notes().isEmpty() ? null : String.join("\n", document.notes());
    }

    /** Runs the extractors (the model only where the org switched it on) and keeps their proposals, spans checked. */
    private void propose(ParsedItem item, SourceDocument document) {
        Catalog known = catalogOf(item.getOrgId());
        boolean model = modelEnabled(item.getOrgId());
        List<Proposal> proposals = new ArrayList<>();
        for (Extractor extractor : extractors) {
            boolean isModel = MODEL.equals(extractor.name());
            if (isModel && !model) {
                continue;
            }
            try {
                proposals.addAll(extractor.extract(document, known));
            } catch (RuntimeException failed) {
                if (!isModel) {
                    throw failed;
                }
                // The model is optional: when it fails, the deterministic extractor answers alone.
                log.warn("The model extractor failed for inbox item {}: {}", item.getId(), failed.toString());
            }
        }
        int length = document.text() == null ? 0 : document.text().length();
        Map<String, Proposal> best = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p.end() > length || p.value() == null || p.value().isBlank()) {
                continue;
            }
            best.merge(p.field() + "\u0000" + p.value(), p, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
        List<Proposal> ordered = best.values().stream()
                .sorted(Comparator.comparing(Proposal::field).thenComparingInt(Proposal::start))
                .toList();
        int position = 0;
        List<ParsedValue> rows = new ArrayList<>();
        for (Proposal p : ordered) {
            rows.add(new ParsedValue(item, p, position++));
        }
        values.saveAll(rows);
        item.extracted(OffsetDateTime.now(clock));
        save(item);
    }

    private Catalog catalogOf(UUID orgId) {
        return new Catalog(
                catalog.venues(orgId).stream()
                        .map(v -> new Catalog.Venue(v.getId(), v.getName(), v.getCity(), countryCode(v.getCountry())))
                        .toList(),
                catalog.artists(orgId).stream()
                        .map(a -> new Catalog.Artist(a.getId(), a.getName()))
                        .toList(),
                catalog.contacts(orgId).stream()
                        .map(c ->
                                new Catalog.Contact(c.getId(), c.getName(), c.getCompany(), c.getEmail(), c.getPhone()))
                        .toList());
    }

    /** Venues keep a country as written ("NO", "Norway"); the catalog speaks ISO codes where it can tell. */
    static String countryCode(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String c = country.strip();
        if (c.matches("[A-Za-z]{2}")) {
            return c.toUpperCase(java.util.Locale.ROOT);
        }
        return Arrays.stream(java.util.Locale.getISOCountries())
                .filter(code -> java.util.Locale.of("", code)
                        .getDisplayCountry(java.util.Locale.ENGLISH)
                        .equalsIgnoreCase(c))
                .findFirst()
                .orElse(c);
    }

    // The list ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<InboxLine> inbox(UUID orgId, ItemStatus status, int offset, int limit) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        return emails.inbox(orgId, status == null ? null : status.stored(), limit, offset).stream()
                .map(l -> new InboxLine(
                        l.getId(),
                        l.getTitle() == null || l.getTitle().isBlank()
                                ? ("mail".equals(l.getKind()) && "paste".equals(l.getVia())
                                        ? "Pasted text"
                                        : "(no subject)")
                                : l.getTitle(),
                        l.getSender(),
                        ReceivedVia.of(l.getVia()),
                        ItemStatus.of(l.getStatus()),
                        l.getCreatedAt().atOffset(ZoneOffset.UTC),
                        summary(l)))
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(UUID orgId, ItemStatus status) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        return emails.countInbox(orgId, status == null ? null : status.stored());
    }

    private static String summary(ParsedEmailRepository.Line l) {
        List<String> parts = new ArrayList<>();
        if (l.getShowDate() != null) {
            parts.add(ValueText.readable(ParsedField.SHOW_DATE, l.getShowDate()));
        }
        if (l.getVenue() != null) {
            parts.add(l.getVenue());
        }
        if (l.getFee() != null) {
            parts.add(ValueText.readable(ParsedField.FEE, l.getFee()));
        }
        return parts.isEmpty() ? "No booking details found" : String.join(" · ", parts);
    }

    // Review --------------------------------------------------------------------------------------------------

    /**
     * An item to review. A mail the poller stored is read and proposed the first time an editor opens it (the
     * poller acts for nobody, so it cannot read the org's venues and contacts to match against).
     */
    @Transactional
    public Review review(UUID itemId) {
        ParsedItem item = item(itemId);
        boolean editable = access.can(item.getOrgId(), OrgPermission.EDIT_DATA);
        if (item.getExtractedAt() == null && editable && item.status().open()) {
            propose(item, mailText(item));
        }
        List<ParsedValue> rows = rows(item);
        Map<ParsedField, ParsedValue> firstKept = new EnumMap<>(ParsedField.class);
        for (ParsedValue v : rows) {
            if (v.decision() != Decision.DROPPED) {
                firstKept.putIfAbsent(v.field(), v);
            }
        }
        UUID showId = item.getShowId() != null ? item.getShowId() : matchedShow(item.getOrgId(), firstKept);
        String showName = showId == null
                ? null
                : catalog.showName(showId).stream()
                        .findFirst()
                        .map(CatalogQueries.NameLine::getName)
                        .orElse(null);
        ParsedValue venue = firstKept.get(ParsedField.VENUE);
        ParsedValue country = firstKept.get(ParsedField.VENUE_COUNTRY);
        ParsedValue email = firstKept.get(ParsedField.PROMOTER_EMAIL);
        ParsedValue person = firstKept.get(ParsedField.PROMOTER_PERSON);
        String text = item.getRawContent();
        return new Review(
                item.getId(),
                item.title(),
                item.sender(),
                item.receivedVia(),
                item.status(),
                item.getCreatedAt(),
                text,
                item.getNotes() == null ? List.of() : item.getNotes().lines().toList(),
                rows.stream().map(v -> line(v, text)).toList(),
                item.getSourceFileId(),
                showId,
                showName,
                editable && item.status().open(),
                venue != null && venue.getMatchId() != null,
                country == null ? null : ZONES.get(country.effectiveValue()),
                (email != null && email.getMatchId() != null) || (person != null && person.getMatchId() != null));
    }

    /** The text kept for a mail the poller stored, as a document the extractors read. */
    private static SourceDocument mailText(ParsedItem item) {
        String subject = item instanceof ParsedEmail e ? e.getSubject() : null;
        return new SourceDocument(
                item instanceof ParsedContract ? SourceDocument.Kind.PDF : SourceDocument.Kind.MAIL,
                item.title(),
                subject,
                item.sender(),
                item.getRawContent(),
                List.of(),
                List.of());
    }

    private ValueLine line(ParsedValue v, String text) {
        int end = Math.min(v.getSpanEnd(), text.length());
        int start = Math.min(v.getSpanStart(), end);
        return new ValueLine(
                v.getId(),
                v.getVersion(),
                v.field(),
                v.getValue(),
                ValueText.readable(v.field(), v.getValue()),
                start,
                end,
                text.substring(start, end),
                ValueText.confidence(v.getConfidence().doubleValue()),
                MODEL.equals(v.getExtractor()) ? "External model" : "Roadbook's rules",
                match(v),
                v.decision(),
                v.getEditedValue());
    }

    /** "matches venue Sentrum Scene" / "new venue", for the fields that are matched against the org's lists. */
    private String match(ParsedValue v) {
        return switch (v.field()) {
            case VENUE ->
                v.getMatchId() == null
                        ? "New venue"
                        : catalog.venueName(v.getMatchId()).stream()
                                .findFirst()
                                .map(n -> "Matches venue " + n)
                                .orElse("New venue");
            case ARTIST ->
                v.getMatchId() == null
                        ? "Not one of your artists"
                        : catalog.artistName(v.getMatchId()).stream()
                                .findFirst()
                                .map(n -> "Matches artist " + n)
                                .orElse("Not one of your artists");
            case PROMOTER_COMPANY, PROMOTER_PERSON, PROMOTER_EMAIL, PROMOTER_PHONE ->
                v.getMatchId() == null
                        ? "New contact"
                        : catalog.contactName(v.getMatchId()).stream()
                                .findFirst()
                                .map(n -> "Matches contact " + n)
                                .orElse("New contact");
            default -> null;
        };
    }

    private UUID matchedShow(UUID orgId, Map<ParsedField, ParsedValue> kept) {
        ParsedValue date = kept.get(ParsedField.SHOW_DATE);
        if (date == null) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.effectiveValue());
        } catch (DateTimeParseException e) {
            return null;
        }
        ParsedValue venue = kept.get(ParsedField.VENUE);
        UUID venueId = venue == null ? null : venue.getMatchId();
        return catalog.showOn(orgId, day, venueId).stream().findFirst().orElse(null);
    }

    /** Accepts, edits or drops one value; an edited value is checked against its field's form. */
    @Transactional
    public void decide(UUID valueId, int version, Decision decision, String edited) {
        ParsedValue value = values.findById(valueId).orElseThrow(ParsingInbox::missing);
        ParsedItem item = item(value.itemId());
        access.require(item.getOrgId(), OrgPermission.EDIT_DATA);
        if (!item.status().open()) {
            throw new Refusal("This item is " + item.status().label().toLowerCase(java.util.Locale.ROOT)
                    + ": its values no longer change.");
        }
        if (value.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        String checked = null;
        if (decision == Decision.EDITED) {
            checked = normalised(value.field(), edited);
            if (checked.equals(value.getValue())) {
                decision = Decision.ACCEPTED;
            }
        }
        value.decide(decision, checked);
        try {
            values.saveAndFlush(value);
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        if (item.status() == ItemStatus.NEW) {
            item.status(ItemStatus.REVIEWED);
            save(item);
        }
    }

    /** Accepts every value nobody decided yet. */
    @Transactional
    public int acceptRest(UUID itemId) {
        ParsedItem item = item(itemId);
        access.require(item.getOrgId(), OrgPermission.EDIT_DATA);
        requireOpen(item);
        int n = 0;
        for (ParsedValue v : rows(item)) {
            if (v.decision() == Decision.PROPOSED) {
                v.decide(Decision.ACCEPTED, null);
                n++;
            }
        }
        values.flush();
        if (n > 0 && item.status() == ItemStatus.NEW) {
            item.status(ItemStatus.REVIEWED);
            save(item);
        }
        return n;
    }

    /** An edited value in its field's normal form, or a sentence saying what form it takes. */
    static String normalised(ParsedField field, String input) {
        String v = input == null ? "" : input.strip();
        if (v.isEmpty()) {
            throw new Refusal(
                    "Enter the " + field.label().toLowerCase(java.util.Locale.ROOT) + ", or drop the value instead.");
        }
        TextInput.requireSingleLine(field.label(), v, 300);
        try {
            return switch (field) {
                case SHOW_DATE -> LocalDate.parse(v).toString();
                case LOAD_IN, SOUNDCHECK, DOORS, SET_TIME, CURFEW ->
                    LocalTime.parse(v).toString();
                case FEE, TICKET_PRICE -> {
                    ValueText.Amount a = ValueText.amount(v.toUpperCase(java.util.Locale.ROOT));
                    if (a == null || a.value().signum() < 0) {
                        throw new Refusal(field.label() + ": enter a currency code and an amount, like EUR 3500.00.");
                    }
                    yield a.currency() + " "
                            + a.value()
                                    .setScale(2, java.math.RoundingMode.HALF_UP)
                                    .toPlainString();
                }
                case CAPACITY ->
                    String.valueOf(Integer.parseInt(v.replace(",", "").replace(" ", "")));
                case VENUE_COUNTRY -> {
                    String code = countryCode(v);
                    if (code == null || !code.matches("[A-Z]{2}")) {
                        throw new Refusal("Country: enter a country or its two-letter code, like NO.");
                    }
                    yield code;
                }
                case DEAL_TYPE -> {
                    String d = v.toLowerCase(java.util.Locale.ROOT);
                    if (!Set.of("flat", "versus", "door").contains(d)) {
                        throw new Refusal("Deal: enter flat, versus or door.");
                    }
                    yield d;
                }
                case BOOKING_STATUS -> {
                    String s = v.toLowerCase(java.util.Locale.ROOT);
                    if (!Set.of("hold", "confirmed").contains(s)) {
                        throw new Refusal("Hold or confirmed: enter hold or confirmed.");
                    }
                    yield s;
                }
                case PROMOTER_EMAIL -> v.toLowerCase(java.util.Locale.ROOT);
                default -> v;
            };
        } catch (DateTimeParseException e) {
            throw new Refusal(
                    field == ParsedField.SHOW_DATE
                            ? "Show date: enter a date like 2027-01-15."
                            : field.label() + ": enter a time like 19:30.");
        } catch (NumberFormatException e) {
            throw new Refusal("Capacity: enter a whole number of tickets, like 1200.");
        }
    }

    /** Dismisses an item: nothing of it is written; it stays in the inbox, marked dismissed. */
    @Transactional
    public void dismiss(UUID itemId) {
        ParsedItem item = item(itemId);
        access.require(item.getOrgId(), OrgPermission.EDIT_DATA);
        requireOpen(item);
        item.status(ItemStatus.DISMISSED);
        save(item);
        activity.record(
                item.getOrgId(), "general", "parsing.dismissed", "parsed_item", itemId, Map.of("name", item.title()));
    }

    // Confirmation ----------------------------------------------------------------------------------------------

    /**
     * Writes the accepted and edited values: a draft show (or the org's show on that date and venue, updated), the
     * new venue and contact if asked for, and the schedule times as the artist team's answers in the show's open
     * advances (the promoter accepts them there, as the agreement rules say). Dropped values are never written.
     * Every value must be decided first.
     */
    @Transactional
    public Confirmed confirm(UUID itemId, Confirmation asked) {
        ParsedItem item = item(itemId);
        UUID orgId = item.getOrgId();
        access.require(orgId, OrgPermission.EDIT_DATA);
        requireOpen(item);
        List<ParsedValue> rows = rows(item);
        long undecided =
                rows.stream().filter(v -> v.decision() == Decision.PROPOSED).count();
        if (undecided > 0) {
            throw new Refusal("Accept, edit or drop every value first: " + undecided + (undecided == 1 ? " is" : " are")
                    + " still undecided.");
        }
        Map<ParsedField, List<ParsedValue>> kept = rows.stream()
                .filter(v -> v.decision().kept())
                .collect(Collectors.groupingBy(
                        ParsedValue::field, () -> new EnumMap<>(ParsedField.class), Collectors.toList()));
        if (kept.getOrDefault(ParsedField.SHOW_DATE, List.of()).size() > 1) {
            throw new Refusal("Keep one show date: one confirmation makes or updates one show. Drop the others.");
        }
        Map<ParsedField, ParsedValue> first = new EnumMap<>(ParsedField.class);
        kept.forEach((f, list) -> first.put(f, list.getFirst()));

        UUID venueId = null;
        UUID newVenue = null;
        ParsedValue venue = first.get(ParsedField.VENUE);
        if (venue != null) {
            if (venue.getMatchId() != null) {
                venueId = venue.getMatchId();
            } else if (asked.createVenue()) {
                String zone = asked.venueZone();
                try {
                    ZoneId.of(zone == null ? "" : zone);
                } catch (DateTimeException e) {
                    throw new Refusal("Choose the new venue's time zone, e.g. Europe/Oslo.");
                }
                newVenue = venues.createVenue(
                        orgId,
                        new VenueDraft(
                                venue.effectiveValue(),
                                null,
                                value(first, ParsedField.VENUE_CITY),
                                value(first, ParsedField.VENUE_COUNTRY),
                                integer(value(first, ParsedField.CAPACITY)),
                                zone));
                venueId = newVenue;
            }
        }
        UUID newContact = null;
        boolean contactMatched = first.keySet().stream()
                .filter(f -> f.name().startsWith("PROMOTER_"))
                .anyMatch(f -> first.get(f).getMatchId() != null);
        if (asked.createContact() && !contactMatched) {
            String name = value(first, ParsedField.PROMOTER_PERSON);
            String company = value(first, ParsedField.PROMOTER_COMPANY);
            if (name == null && company == null) {
                throw new Refusal(
                        "A new contact needs a name: keep the promoter contact or company, or do not add one.");
            }
            newContact = contacts.create(
                    orgId,
                    new ContactDraft(
                            name != null ? name : company,
                            Set.of(ContactType.promoter),
                            value(first, ParsedField.PROMOTER_EMAIL),
                            value(first, ParsedField.PROMOTER_PHONE),
                            company,
                            null,
                            value(first, ParsedField.VENUE_CITY),
                            null,
                            null,
                            null,
                            ContactStatus.active));
        }

        LocalDate date = date(value(first, ParsedField.SHOW_DATE));
        UUID showId = date == null ? null : matchedShow(orgId, first);
        if (showId == null && date == null) {
            throw new Refusal("Keep a show date (accept or edit one): a show needs its date.");
        }
        boolean created = showId == null;
        ShowDraft draft;
        int version = 0;
        boolean advanced = false;
        if (created) {
            draft = new ShowDraft(artist(first), venueId, date, null, null, ShowStatus.draft, null, null, null, null);
        } else {
            ShowDetails current = shows.show(orgId, showId);
            draft = current.draft();
            version = current.version();
            advanced = current.advanced();
        }
        ShowDraft next = merged(draft, first, venueId, advanced, rows);
        if (created) {
            showId = shows.createShow(orgId, next);
        } else {
            shows.updateShow(orgId, showId, version, next);
        }
        int answers = answerAdvances(showId, first);

        item.confirmedInto(showId);
        save(item);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", item.title());
        details.put("show_id", showId.toString());
        // Who accepted which values: the log keeps them as sentences ("Venue: Sentrum Scene; Fee: €3,500.00").
        putJoined(details, "accepted", rows, Decision.ACCEPTED, v -> v.getValue());
        putJoined(details, "edited", rows, Decision.EDITED, v -> v.getEditedValue());
        putJoined(details, "dropped", rows, Decision.DROPPED, null);
        activity.record(orgId, "general", "parsing.confirmed", "parsed_item", itemId, details);
        int written = (int) rows.stream().filter(v -> v.decision().kept()).count();
        return new Confirmed(showId, created, written, answers, newVenue, newContact);
    }

    /**
     * The show's facts with the kept values laid over them: date, venue, artist, doors and set time (at a venue, and
     * not where an advance agrees them), fee; everything else the show has no column for goes into its notes.
     */
    private ShowDraft merged(
            ShowDraft d, Map<ParsedField, ParsedValue> first, UUID venueId, boolean advanced, List<ParsedValue> rows) {
        LocalDate date = Objects.requireNonNullElse(date(value(first, ParsedField.SHOW_DATE)), d.date());
        UUID venue = venueId != null ? venueId : d.venueId();
        UUID artist = artist(first) != null ? artist(first) : d.artistId();
        boolean timesOnShow = venue != null && !advanced;
        LocalTime doors = timesOnShow && first.containsKey(ParsedField.DOORS)
                ? LocalTime.parse(first.get(ParsedField.DOORS).effectiveValue())
                : d.doors();
        LocalTime set = timesOnShow && first.containsKey(ParsedField.SET_TIME)
                ? LocalTime.parse(first.get(ParsedField.SET_TIME).effectiveValue())
                : d.setTime();
        BigDecimal fee = d.fee();
        String currency = d.feeCurrency();
        ParsedValue feeValue = first.get(ParsedField.FEE);
        if (feeValue != null) {
            ValueText.Amount amount = ValueText.amount(feeValue.effectiveValue());
            if (amount != null) {
                fee = amount.value();
                currency = amount.currency();
            }
        }
        List<String> lines = new ArrayList<>();
        for (ParsedValue v : rows) {
            if (!v.decision().kept() || onShow(v.field(), timesOnShow)) {
                continue;
            }
            if (v.field() == ParsedField.VENUE && venue != null) {
                continue;
            }
            lines.add(v.field().label() + ": " + ValueText.readable(v.field(), v.effectiveValue()));
        }
        String notes = d.notes();
        if (!lines.isEmpty()) {
            String block = "From the parsing inbox:\n" + String.join("\n", lines);
            notes = notes == null || notes.isBlank() ? block : notes + "\n\n" + block;
            if (notes.length() > 5000) {
                notes = notes.substring(0, 5000);
            }
        }
        return new ShowDraft(artist, venue, date, doors, set, d.status(), d.title(), fee, currency, notes);
    }

    /** Fields that land in a show column rather than its notes. */
    private static boolean onShow(ParsedField field, boolean timesOnShow) {
        return switch (field) {
            case SHOW_DATE, FEE -> true;
            case ARTIST -> false;
            case DOORS, SET_TIME -> timesOnShow;
            default -> false;
        };
    }

    /**
     * The kept schedule times as the artist team's answers in the show's open advances, through
     * {@link AdvancingExchange#setValue}: equal to the promoter's answer, the field is agreed; otherwise it waits for
     * the promoter to accept. Only where the answer would change.
     */
    private int answerAdvances(UUID showId, Map<ParsedField, ParsedValue> first) {
        int answers = 0;
        for (AdvancingRows.SessionSummary session : advancing.sessions(showId)) {
            if (session.closedAt() != null) {
                continue;
            }
            for (AdvancingRows.Row row : advancing.rows(session.id())) {
                for (Map.Entry<ParsedField, String> e : ADVANCE_FIELDS.entrySet()) {
                    ParsedValue v = first.get(e.getKey());
                    if (v == null || !e.getValue().equals(row.fieldName()) || row.ours() == null) {
                        continue;
                    }
                    String value = v.effectiveValue();
                    if (value.equals(plain(row.ours().value()))) {
                        continue;
                    }
                    advancing.setValue(row.ours().fieldId(), row.ours().version(), value);
                    answers++;
                }
            }
        }
        return answers;
    }

    private static String plain(String stored) {
        if (stored == null) {
            return null;
        }
        String s = stored.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static void putJoined(
            Map<String, Object> details,
            String key,
            List<ParsedValue> rows,
            Decision decision,
            java.util.function.Function<ParsedValue, String> value) {
        String joined = rows.stream()
                .filter(v -> v.decision() == decision)
                .map(v -> value == null
                        ? v.field().label()
                        : v.field().label() + ": " + ValueText.readable(v.field(), value.apply(v)))
                .collect(Collectors.joining("; "));
        if (!joined.isEmpty()) {
            details.put(key, joined);
        }
    }

    private static UUID artist(Map<ParsedField, ParsedValue> first) {
        ParsedValue a = first.get(ParsedField.ARTIST);
        return a == null ? null : a.getMatchId();
    }

    private static String value(Map<ParsedField, ParsedValue> first, ParsedField field) {
        ParsedValue v = first.get(field);
        return v == null ? null : v.effectiveValue();
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal("Show date: enter a date like 2027-01-15.");
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // Helpers ---------------------------------------------------------------------------------------------------

    private ParsedItem item(UUID itemId) {
        Optional<ParsedItem> found = emails.findById(itemId).map(ParsedItem.class::cast);
        if (found.isEmpty()) {
            found = contracts.findById(itemId).map(ParsedItem.class::cast);
        }
        return found.orElseThrow(ParsingInbox::missing);
    }

    private List<ParsedValue> rows(ParsedItem item) {
        return item instanceof ParsedEmail
                ? values.findByEmailIdOrderByPosition(item.getId())
                : values.findByContractIdOrderByPosition(item.getId());
    }

    private static void requireOpen(ParsedItem item) {
        if (!item.status().open()) {
            throw new Refusal("This item is already " + item.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }

    private static OrgAccess.NotFoundException missing() {
        return new OrgAccess.NotFoundException("No such item in the inbox.");
    }
}
