package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingDocuments;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.ShowFacts;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.FieldAgreement;
import app.roadbook.advancing.Party;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Ids;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.files.DocumentTypes;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.FileSubject;
import app.roadbook.files.ui.FileList;
import app.roadbook.files.ui.FileTransfers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;

/**
 * An advance, as both parties read it: the show it is for, its progress (agreed fields only), and its fields section
 * by section as cards, each with its state in words and the reader's own actions. Members of the org and the
 * collaborators granted the show open it; what each may do is decided by the service and the database. An open page
 * whose access ended says so at the next action.
 */
@Route("advance/:sessionId")
@PermitAll
public class AdvanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    /** Which fields the page lists. */
    enum Filter {
        ALL("All fields"),
        WAITING_FOR_ME("Waiting for you"),
        WAITING_FOR_OTHER("Waiting for the other team"),
        NOT_AGREED("Not agreed yet"),
        CHANGED("Changed after agreement");

        final String label;

        Filter(String label) {
            this.label = label;
        }
    }

    final Anchor back = new Anchor();
    final H2 title = new H2("Advance");
    final Div facts = new Div();
    final Div closedBanner = new Div();
    final Button rename = new Button("Rename");
    final Button close = new Button("Close advance");
    final Button reopen = new Button("Reopen");
    final Button delete = new Button("Delete advance");
    final Div progress = new Div();
    final Select<Filter> filter = new Select<>();
    final Div sections = new Div();
    final Div documents = new Div();
    final List<FieldCard> cards = new ArrayList<>();
    private final AdvancingExchange advancing;
    private final AdvancingDocuments files;
    private final FileLibrary library;
    private UUID sessionId;
    private AdvancingExchange.Advance advance;

    public AdvanceView(AdvancingExchange advancing, AdvancingDocuments files, FileLibrary library) {
        this.library = library;
        this.advancing = advancing;
        this.files = files;
        addClassName("advance-view");
        back.addClassName("back-link");
        facts.addClassName("advance-facts");
        closedBanner.addClassName("closed-banner");
        progress.addClassName("advance-progress");
        sections.addClassName("advance-sections");
        documents.addClassName("advance-documents");
        filter.setLabel("Show");
        filter.setItems(Filter.values());
        filter.setItemLabelGenerator(f -> f.label);
        filter.setValue(Filter.ALL);
        filter.addValueChangeListener(e -> showFields());
        rename.addClickListener(e -> askRename());
        close.addClickListener(e -> Changes.confirmFirst(
                "Close this advance?",
                "Nobody can change it while it is closed, neither team. An editor of the artist team can reopen it.",
                "Close advance",
                () -> act(() -> advancing.close(sessionId))));
        reopen.addClickListener(e -> act(() -> advancing.reopen(sessionId)));
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> Changes.confirmFirst(
                "Delete this advance?",
                "Its fields, comments and documents are deleted for both teams. This cannot be undone.",
                "Delete advance",
                this::deleteAdvance));
        HorizontalLayout housekeeping = new HorizontalLayout(rename, close, reopen, delete);
        housekeeping.addClassName("advance-housekeeping");
        housekeeping.setWrap(true);
        add(back, title, facts, closedBanner, housekeeping, progress, filter, sections, new H3("Documents"), documents);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            sessionId = Ids.parse(event.getRouteParameters().get("sessionId"))
                    .orElseThrow(() -> new NotFoundException("No such advance."));
            load();
        } catch (Refusal e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return (advance == null ? "Advance" : advance.title()) + " · Roadbook";
    }

    /** What this person may do in this advance, as the database answered it (the access matrix test reads it). */
    public AdvancingExchange.Capabilities capabilities() {
        return advance.can();
    }

    void load() {
        advance = advancing.advance(sessionId);
        AdvancingExchange.Capabilities can = advance.can();
        ShowFacts show = advance.show();
        boolean member = can.party() == Party.from_us;
        back.setText(member ? "← Show" : "← My shows");
        back.setHref(member ? "shows/" + show.showId() : "my-shows");
        title.setText(advance.title());
        facts.removeAll();
        facts.add(fact(show.artistName() != null ? show.artistName() : show.showTitle()));
        facts.add(fact(show.date().format(DATE)));
        if (show.venueName() != null) {
            facts.add(fact(String.join(
                    ", ", nonBlank(show.venueName(), show.venueAddress(), show.venueCity(), show.venueCountry()))));
        }
        facts.add(fact("Times are local to the venue (" + show.timezone() + ")"
                + (show.doors() == null ? "" : " · Doors " + show.doors())
                + (show.setTime() == null ? "" : " · Set " + show.setTime())));
        if (!member) {
            facts.add(fact("Advancing with " + show.orgName()));
        }
        closedBanner.setVisible(advance.closed());
        closedBanner.setText(
                advance.closed()
                        ? "This advance is closed: nobody can change it"
                                + (can.reopen() ? " until you reopen it." : ".")
                        : "");
        rename.setVisible(can.manage());
        close.setVisible(can.manage());
        reopen.setVisible(can.reopen());
        delete.setVisible(can.delete());
        UI.getCurrent().getPage().setTitle(getPageTitle());
        showFields();
        showDocuments();
    }

    private static Span fact(String text) {
        Span span = new Span(text);
        span.addClassName("fact");
        return span;
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .toList();
    }

    private void showFields() {
        List<Row> rows = advance.rows();
        AdvancingExchange.Capabilities can = advance.can();
        progress.removeAll();
        int agreed = (int) rows.stream().filter(Row::agreed).count();
        Span total = new Span(agreed + " of " + rows.size() + " agreed");
        total.addClassName("total-progress");
        progress.add(total);
        for (AdvancingRows.SectionProgress p : AdvancingRows.progress(rows)) {
            Span badge = new Span(p.section() + ": " + p.agreed() + " of " + p.total() + " agreed");
            badge.addClassName("section-progress");
            progress.add(badge);
        }
        Party reader = can.party() == null ? Party.from_us : can.party();
        Predicate<Row> shown = switch (filter.getValue()) {
            case ALL -> r -> true;
            case WAITING_FOR_ME -> r -> r.waitsOn().filter(reader::equals).isPresent();
            case WAITING_FOR_OTHER ->
                r -> r.waitsOn().filter(reader.other()::equals).isPresent();
            case NOT_AGREED -> r -> !r.agreed();
            case CHANGED -> r -> r.agreement() == FieldAgreement.changed_after_agreement;
        };
        Map<String, List<Row>> bySection = new LinkedHashMap<>();
        rows.stream()
                .filter(shown)
                .forEach(r -> bySection
                        .computeIfAbsent(r.section(), s -> new ArrayList<>())
                        .add(r));
        sections.removeAll();
        cards.clear();
        if (bySection.isEmpty()) {
            Paragraph empty = new Paragraph(
                    rows.isEmpty()
                            ? "This advance has no fields."
                            : "No field is " + filter.getValue().label.toLowerCase() + ".");
            empty.addClassName("empty-state");
            sections.add(empty);
        }
        ZoneId zone = ZoneId.of(advance.show().timezone());
        FieldCard.Actions actions = new FieldCard.Actions() {
            @Override
            public void answer(Side side, String value) {
                act(() -> advancing.setValue(side.fieldId(), side.version(), value));
            }

            @Override
            public void accept(Side mine, Side theirs) {
                act(() -> advancing.accept(mine.fieldId(), mine.version(), theirs.version()));
            }

            @Override
            public void decline(Row row, Side mine, Side theirs) {
                String otherParty = reader.other() == Party.from_us ? "artist team" : "promoter";
                DeclineDialog[] dialog = new DeclineDialog[1];
                dialog[0] = new DeclineDialog(
                        row,
                        theirs,
                        otherParty,
                        reason -> act(() -> {
                            advancing.decline(mine.fieldId(), mine.version(), theirs.version(), reason);
                            dialog[0].close();
                        }));
                dialog[0].open();
            }

            @Override
            public void comments(Row row) {
                try {
                    new CommentsDialog(advancing, can, row, zone, AdvanceView.this::reloadQuietly).open();
                } catch (NotFoundException gone) {
                    accessEnded();
                }
            }
        };
        bySection.forEach((section, sectionRows) -> {
            Div block = new Div();
            block.addClassName("advance-section");
            H3 heading = new H3(section);
            block.add(heading);
            for (Row row : sectionRows) {
                FieldCard card = new FieldCard(row, can, actions);
                cards.add(card);
                block.add(card);
            }
            sections.add(block);
        });
    }

    private void showDocuments() {
        documents.removeAll();
        AdvancingExchange.Capabilities can = advance.can();
        List<AdvancingDocuments.Document> all = files.list(sessionId);
        Div sides = new Div();
        sides.addClassName("document-sides");
        Party reader = can.party() == null ? Party.from_us : can.party();
        for (Party party : List.of(reader, reader.other())) {
            VerticalLayout column = new VerticalLayout(new H4(documentsLabel(party, can.party())));
            column.setPadding(false);
            List<AdvancingDocuments.Document> theirs =
                    all.stream().filter(d -> d.party() == party).toList();
            if (theirs.isEmpty()) {
                Span none = new Span("No documents yet.");
                none.addClassName("empty-state");
                column.add(none);
            }
            boolean mayChange = can.answers(party);
            theirs.forEach(d -> {
                Anchor link = new Anchor(
                        FileTransfers.download(() -> files.download(d.fileId())),
                        d.name() + " (" + Math.max(1, d.sizeBytes() / 1024) + " KB)");
                link.getElement().setAttribute("download", true);
                Div line = new Div(link);
                line.addClassName("document");
                if (mayChange) {
                    Button remove = new Button(
                            "Remove",
                            e -> Changes.confirmFirst(
                                    "Remove " + d.name() + "?",
                                    "The document is removed for both teams. This cannot be undone.",
                                    "Remove document",
                                    () -> act(() -> files.remove(d.fileId()))));
                    remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                    remove.setAriaLabel("Remove " + d.name());
                    line.add(remove);
                }
                column.add(line);
            });
            if (mayChange) {
                Upload upload = new Upload();
                upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxBytes()));
                upload.setAcceptedFileTypes(DocumentTypes.PICKER_HINTS.toArray(String[]::new));
                upload.setUploadHandler(FileTransfers.upload(
                        (name, in, size) -> files.upload(sessionId, party, name, in, size), this::load));
                upload.addFileRejectedListener(
                        e -> Notification.show(e.getErrorMessage(), 5000, Notification.Position.MIDDLE));
                column.add(upload);
            }
            sides.add(column);
        }
        documents.add(sides);
        // The show's library files the reader may see (the artist's rider, the venue's tech pack, …): for the promoter
        // team, the ones shared with them.
        List<FileLibrary.FileLine> shared = library.forShow(advance.show().showId()).stream()
                .filter(f -> f.subjectKind() != FileSubject.Kind.ADVANCE)
                .toList();
        if (!shared.isEmpty()) {
            documents.add(new H4("Files for this show"), new FileList(library, shared, ""));
        }
    }

    static String documentsLabel(Party party, Party reader) {
        return party == reader && reader == Party.from_you ? "Your documents" : party.label() + "'s documents";
    }

    private void askRename() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename advance");
        TextField name = new TextField("Title");
        name.setValue(advance.title());
        name.setMaxLength(200);
        name.setWidthFull();
        Button save = new Button(
                "Save",
                e -> act(() -> {
                    advancing.rename(sessionId, name.getValue());
                    dialog.close();
                }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void deleteAdvance() {
        UUID showId = advance.show().showId();
        try {
            advancing.delete(sessionId);
            UI.getCurrent().navigate("shows/" + showId);
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
        }
    }

    /**
     * Runs a change and reloads. The page may have outlived the reader's access (a revoked grant, a removed
     * membership): then it says so instead of showing a stale advance.
     */
    private void act(Runnable change) {
        try {
            change.run();
            load();
        } catch (ConcurrentChangeException conflict) {
            Changes.changedBySomeoneElse(conflict, this::reloadQuietly);
        } catch (Refusal | AccessDeniedException refused) {
            // Something missing (a document someone else removed) is not yet access that ended: the reload says.
            if (!reloadQuietly()) {
                return;
            }
            Changes.refuse(refused.getMessage());
        }
    }

    /** Reloads; false (and the page says access ended) when the advance is no longer visible to the reader. */
    private boolean reloadQuietly() {
        try {
            load();
            return true;
        } catch (NotFoundException gone) {
            accessEnded();
            return false;
        }
    }

    private void accessEnded() {
        removeAll();
        Paragraph ended = new Paragraph(
                "Your access to this advance has ended, or it was deleted. Your other shows are not affected.");
        ended.addClassName("access-ended");
        Anchor home = new Anchor("", "Go to the start page");
        add(new H2("Access ended"), ended, home);
    }
}
