package app.roadbook.parsing.ui;

import app.roadbook.base.Formats;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.files.FileLibrary;
import app.roadbook.parsing.InboxRecords.InboxLine;
import app.roadbook.parsing.ItemStatus;
import app.roadbook.parsing.ParsingInbox;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/**
 * The parsing inbox: paste a booking mail or upload one (.eml, PDF, DOCX), see what arrived by mail, and open an item
 * to review what was read from it. Editors and up.
 */
@Route("inbox")
@PageTitle("Inbox · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.EDIT_DATA)
public class InboxView extends VerticalLayout implements BeforeEnterObserver {

    final TextArea paste = new TextArea("Paste a booking mail");
    final Button read = new Button("Read mail", VaadinIcon.MAGIC.create());
    final Upload upload = new Upload();
    final Select<ItemStatus> status = new Select<>();
    final Grid<InboxLine> grid = new Grid<>();
    final Span count = new Span();
    final Div emptyState = new Div();
    final Checkbox model = new Checkbox("Also let the external model propose values");
    final Paragraph address = new Paragraph();

    private final ParsingInbox inbox;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private volatile UUID uploaded;

    public InboxView(ParsingInbox inbox, CurrentOrganization currentOrganization) {
        this.inbox = inbox;
        this.currentOrganization = currentOrganization;
        setWidthFull();

        paste.setWidthFull();
        paste.setMinHeight("8em");
        paste.setMaxHeight("20em");
        paste.setMaxLength(ParsingInbox.MAX_PASTE_CHARS);
        paste.setPlaceholder("The offer or confirmation as it arrived: subject, body, signature");
        paste.setHelperText("Nothing becomes a show until you review the values and confirm.");
        read.addThemeVariants(ButtonVariant.PRIMARY);
        read.addClickListener(e -> readPasted());

        upload.setMaxFiles(1);
        upload.setMaxFileSize(ParsingInbox.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".eml", ".pdf", ".docx", ".txt");
        upload.setDropAllowed(true);
        upload.setUploadHandler(handler());
        upload.addFileRejectedListener(e -> Changes.refuse(e.getFileName() + ": "
                + (e.getErrorMessage() != null
                                && e.getErrorMessage()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains("big")
                        ? "larger than " + FileLibrary.size(ParsingInbox.MAX_UPLOAD_BYTES) + ", the limit for one file."
                        : "upload a mail (.eml), a PDF or a Word document (.docx).")));
        upload.addAllFinishedListener(e -> openUploaded());
        Span uploadHint = new Span("Or upload a mail (.eml), a PDF contract or a Word document (.docx), up to "
                + FileLibrary.size(ParsingInbox.MAX_UPLOAD_BYTES) + ".");
        uploadHint.addClassName("upload-hint");

        status.setLabel("Status");
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(ItemStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : s.label());
        status.addValueChangeListener(e -> refresh());

        grid.addColumn(l -> Formats.utc(l.receivedAt())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(InboxLine::title).setHeader("Subject or file").setFlexGrow(2);
        grid.addColumn(InboxLine::summary).setHeader("Read from it").setFlexGrow(2);
        grid.addColumn(l -> l.sender() == null ? l.via().label() : l.via().label() + " from " + l.sender())
                .setHeader("How");
        grid.addColumn(l -> l.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setAllRowsVisible(true);
        grid.setWidthFull();

        emptyState.addClassName("empty-state");
        model.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Changes.attempt(() -> inbox.switchModel(orgId, e.getValue()), () -> {});
            }
        });
        model.setHelperText("When on, booking mails are also sent to the configured model endpoint; its proposals are"
                + " reviewed like every other.");

        HorizontalLayout title = new HorizontalLayout(new H2("Inbox"), count);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        count.addClassName("result-count");
        VerticalLayout in = new VerticalLayout(paste, read, upload, uploadHint, address);
        in.setPadding(false);
        in.addClassName("inbox-in");
        add(title, in, model, status, emptyState, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        boolean canEdit = inbox.canEdit(orgId);
        paste.setEnabled(canEdit);
        read.setEnabled(canEdit);
        upload.setVisible(canEdit);
        String bookings = inbox.bookingsAddress(orgId).orElse(null);
        address.setText(
                bookings == null
                        ? "Mail forwarded to a bookings address lands here too once the operator sets up the bookings mailbox."
                        : "Promoters and agents can also write to " + bookings + ": each mail lands here for review.");
        model.setVisible(inbox.canSwitchModel(orgId));
        model.setValue(inbox.modelEnabled(orgId));
        grid.setItems(
                query -> inbox.inbox(orgId, status.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(orgId, status.getValue())));
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        long total = inbox.count(orgId, status.getValue());
        count.setText(total == 1 ? "1 item" : String.format(Formats.LOCALE, "%,d items", total));
        emptyState.removeAll();
        boolean empty = total == 0;
        if (empty && status.getValue() == null) {
            String bookings = inbox.bookingsAddress(orgId).orElse(null);
            emptyState.add(new Paragraph("Nothing in the inbox yet. Paste an offer or confirmation above, or upload the"
                    + " mail or contract: Roadbook reads the date, venue, times, fee and promoter from it, shows where"
                    + " each value came from, and makes a draft show once you confirm."
                    + (bookings == null ? "" : " Mail sent or forwarded to " + bookings + " arrives here by itself.")));
        } else if (empty) {
            Button all = new Button("Show every status", e -> status.clear());
            all.addThemeVariants(ButtonVariant.TERTIARY);
            emptyState.add(
                    new Paragraph("Nothing in the inbox is "
                            + status.getValue().label().toLowerCase() + "."),
                    all);
        }
        emptyState.setVisible(empty);
        grid.setVisible(!empty);
    }

    void readPasted() {
        try {
            UUID id = inbox.paste(orgId, paste.getValue());
            paste.clear();
            open(id);
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
        }
    }

    private void open(UUID id) {
        UI.getCurrent().navigate(ReviewView.class, new RouteParameters("itemId", id.toString()));
    }

    private void openUploaded() {
        UUID id = uploaded;
        uploaded = null;
        if (id != null) {
            Notification.show("Read. Check each value against the highlighted source, then confirm.");
            open(id);
        } else {
            refresh();
        }
    }

    /** Reads the upload (at most the limit and one byte) and hands it to the inbox, as the signed-in editor. */
    private UploadHandler handler() {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                UI ui = event.getUI();
                try (InputStream in = event.getInputStream()) {
                    byte[] bytes = in.readNBytes(ParsingInbox.MAX_UPLOAD_BYTES + 1);
                    uploaded = inbox.upload(orgId, event.getFileName(), bytes);
                } catch (Refusal | AccessDeniedException refused) {
                    event.reject(refused.getMessage());
                    ui.access(() -> Changes.refuse(refused.getMessage()));
                }
            }
        };
    }
}
