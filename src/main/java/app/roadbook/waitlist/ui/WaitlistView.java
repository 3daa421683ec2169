package app.roadbook.waitlist.ui;

import app.roadbook.base.Formats;
import app.roadbook.base.ui.Changes;
import app.roadbook.tenancy.RoadbookUser;
import app.roadbook.waitlist.WaitlistAdmin;
import app.roadbook.waitlist.WaitlistRow;
import app.roadbook.waitlist.WaitlistStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.data.domain.PageRequest;

/**
 * Platform admins work through the waitlist: filter by status, search, export as CSV, and move entries on: invite
 * (an invitation to start an organization is mailed), send again, decline, or take a decline back. Each move asks
 * first and names the person.
 */
@Route("admin/waitlist")
@PageTitle("Waitlist · Roadbook")
@RolesAllowed(RoadbookUser.ROLE_PLATFORM_ADMIN)
public class WaitlistView extends VerticalLayout {

    final Select<WaitlistStatus> status = new Select<>();
    final TextField search = new TextField();
    final Anchor exportCsv = new Anchor();
    final Span count = new Span();
    final Grid<WaitlistRow> grid = new Grid<>();
    private final WaitlistAdmin waitlist;

    public WaitlistView(WaitlistAdmin waitlist) {
        this.waitlist = waitlist;
        addClassName("waitlist-admin");

        status.setLabel("Status");
        status.setItems(WaitlistStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "All statuses" : s.label());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All statuses");
        status.addValueChangeListener(e -> refresh());
        search.setLabel("Search");
        search.setPlaceholder("Name, email or company");
        search.setMaxLength(200);
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        exportCsv.setText("Export CSV");
        exportCsv.setHref(exportHandler());
        exportCsv.getElement().setAttribute("download", true);
        count.addClassName("result-count");

        grid.addColumn(WaitlistRow::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(WaitlistRow::email).setHeader("Email").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> r.role() == null ? "" : r.role().label())
                .setHeader("Role")
                .setAutoWidth(true);
        grid.addColumn(WaitlistRow::company).setHeader("Company").setAutoWidth(true);
        grid.addColumn(r -> r.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> day(r.signedUpAt())).setHeader("Signed up").setAutoWidth(true);
        grid.addColumn(WaitlistView::progress).setHeader("Progress").setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setHeader("Actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.note() == null ? "" : r.note())
                .setHeader("Note")
                .setWidth("16rem")
                .setTooltipGenerator(r -> r.note() == null ? "" : r.note());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(
                query -> waitlist
                        .find(
                                status.getValue(),
                                search.getValue(),
                                PageRequest.of(query.getPage(), query.getPageSize()))
                        .stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, waitlist.count(status.getValue(), search.getValue())));
        grid.setEmptyStateText("Nobody on the waitlist matches this status and search.");
        grid.setSizeFull();

        FlexLayout filters = new FlexLayout(status, search, exportCsv);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("waitlist-filters");
        add(
                new H2("Waitlist"),
                new Paragraph("People who asked for a place. Invite someone to mail them a link that creates their"
                        + " account and organization (they become its owner, on a trial of the starting plan); the"
                        + " entry moves on by itself when they do."),
                filters,
                count,
                grid);
        setSizeFull();
        updateCount();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateCount();
    }

    private void updateCount() {
        long n = waitlist.count(status.getValue(), search.getValue());
        count.setText(n == 1 ? "1 entry" : String.format(Formats.LOCALE, "%,d entries", n));
    }

    private static String day(OffsetDateTime at) {
        return at == null ? "" : Formats.shortDate(LocalDate.ofInstant(at.toInstant(), ZoneOffset.UTC));
    }

    /** What happened since the sign-up, in words. */
    static String progress(WaitlistRow r) {
        return switch (r.status()) {
            case pending -> "";
            case invited -> "Invited " + day(r.invitedAt()) + (r.invitedBy() == null ? "" : " by " + r.invitedBy());
            case converted ->
                "Created " + (r.organization() == null ? "an organization" : r.organization()) + " on "
                        + day(r.decidedAt());
            case declined -> "Declined " + day(r.decidedAt());
        };
    }

    private Component actions(WaitlistRow r) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(true);
        String who = r.name() == null || r.name().isBlank() ? r.email() : r.name() + " (" + r.email() + ")";
        switch (r.status()) {
            case pending -> {
                buttons.add(button(
                        "Invite",
                        who,
                        () -> ask(
                                "Invite " + who + "?",
                                "They get an email with a link to create their account and their organization. The entry"
                                        + " moves to Invited.",
                                "Send invitation",
                                () -> waitlist.invite(r.id(), r.version()),
                                r.email() + " is invited.")));
                buttons.add(declineButton(r, who));
            }
            case invited -> {
                buttons.add(button(
                        "Send again",
                        who,
                        () -> ask(
                                "Send the invitation to " + who + " again?",
                                "They get a new link; the one sent before stops working.",
                                "Send again",
                                () -> waitlist.sendInvitationAgain(r.id(), r.version()),
                                "The invitation is on its way to " + r.email() + " again.")));
                buttons.add(declineButton(r, who));
            }
            case declined ->
                buttons.add(button(
                        "Back to waiting",
                        who,
                        () -> ask(
                                "Put " + who + " back on the waiting list?",
                                "The entry moves to Waiting; nobody is mailed.",
                                "Back to waiting",
                                () -> waitlist.reopen(r.id(), r.version()),
                                r.email() + " is waiting again.")));
            case converted -> {}
        }
        return buttons;
    }

    private Button declineButton(WaitlistRow r, String who) {
        Button decline = new Button(
                "Decline",
                e -> Changes.confirmFirst(
                        "Decline " + who + "?",
                        r.status() == WaitlistStatus.invited
                                ? "Their invitation link stops working. Nobody is mailed; you can put them back on the"
                                        + " waiting list later."
                                : "Nobody is mailed; you can put them back on the waiting list later.",
                        "Decline",
                        () -> change(() -> waitlist.decline(r.id(), r.version()), r.email() + " is declined.")));
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        decline.setAriaLabel("Decline " + who);
        return decline;
    }

    private static Button button(String text, String who, Runnable click) {
        Button button = new Button(text, e -> click.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(text + " " + who);
        return button;
    }

    /** A move that is not destructive still asks first, with its own words on the button. */
    private void ask(String header, String text, String confirm, Runnable change, String done) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirm, e -> change(change, done));
        dialog.setCancelable(true);
        dialog.open();
    }

    private void change(Runnable change, String done) {
        if (Changes.attempt(change, this::refresh)) {
            Notification.show(done, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName("waitlist-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
            event.getResponse().setContentType("text/csv; charset=utf-8");
            waitlist.export(
                    status.getValue(),
                    search.getValue(),
                    new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        };
    }
}
