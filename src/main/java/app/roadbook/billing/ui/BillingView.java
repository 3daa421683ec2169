package app.roadbook.billing.ui;

import app.roadbook.base.Formats;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.billing.BillingOverview;
import app.roadbook.billing.BillingService;
import app.roadbook.billing.Entitlements;
import app.roadbook.billing.PaymentGateway;
import app.roadbook.billing.PlanSummary;
import app.roadbook.files.FileLibrary;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The organization's plan, status, seats, entitlements and billing history, for owners and admins. */
@Route("billing")
@PageTitle("Billing · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.VIEW_BILLING)
public class BillingView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Formats.LOCALE);

    final H3 planName = new H3();
    final Span status = new Span();
    final Paragraph period = new Paragraph();
    final Paragraph trialRule = new Paragraph();
    final Div seats = new Div();
    final Grid<BillingOverview.Entitlement> entitlements = new Grid<>();
    final Select<PlanSummary> newPlan = new Select<>();
    final Button requestChange = new Button("Request plan change");
    final Paragraph pending = new Paragraph();
    final Button withdraw = new Button("Withdraw request");
    final Grid<BillingService.BillingEvent> history = new Grid<>();
    final H3 changeHeading = new H3("Change plan");
    private final HorizontalLayout changeForm;

    private final BillingService billing;
    private final FileLibrary files;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private boolean owner;

    public BillingView(BillingService billing, CurrentOrganization currentOrganization, FileLibrary files) {
        this.billing = billing;
        this.files = files;
        this.currentOrganization = currentOrganization;
        status.addClassName("billing-status");
        seats.addClassName("seat-usage");
        entitlements.addColumn(e -> Entitlements.name(e.key())).setHeader("Entitlement");
        entitlements.addColumn(e -> Entitlements.value(e.key(), e.value())).setHeader("Value");
        entitlements.addColumn(e -> e.overridden() ? "Override" : "Plan").setHeader("Source");
        entitlements.setAllRowsVisible(true);
        newPlan.setLabel("Move to plan");
        newPlan.setItemLabelGenerator(p -> p.name() + " · " + p.price());
        requestChange.addThemeVariants(ButtonVariant.PRIMARY);
        requestChange.addClickListener(e -> request());
        withdraw.addClickListener(e -> Changes.attempt(() -> billing.withdrawRequest(orgId), this::load));
        changeForm = new HorizontalLayout(newPlan, requestChange);
        changeForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        history.addColumn(ev -> Formats.utc(ev.at())).setHeader("When").setAutoWidth(true);
        history.addColumn(BillingService.BillingEvent::sentence)
                .setHeader("What happened")
                .setFlexGrow(3);
        history.setAllRowsVisible(true);
        HorizontalLayout plan = new HorizontalLayout(planName, status);
        plan.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Billing"),
                plan,
                period,
                trialRule,
                new H3("Seats"),
                seats,
                new H3("Entitlements"),
                entitlements,
                changeHeading,
                pending,
                withdraw,
                changeForm,
                new H3("History"),
                history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OrgSummary org = currentOrganization.get().orElseThrow(NotFoundException::new);
        orgId = org.id();
        owner = OrgPermission.CHANGE_PLAN.heldBy(org.role());
        // Only those who may change the plan see its form; the others read the same page.
        newPlan.setVisible(owner);
        requestChange.setVisible(owner);
        load();
    }

    private void load() {
        BillingOverview o = billing.overview(orgId);
        OffsetDateTime now = OffsetDateTime.now();
        planName.setText(
                o.plan() == null
                        ? "No plan"
                        : o.plan().name() + " · " + o.plan().price());
        status.setText(label(o.status()) + (o.live() ? "" : " · read-only"));
        Long days = o.daysLeft(now);
        if (o.periodEnd() == null) {
            period.setText(o.plan() == null ? "This organization has no subscription." : "No end date.");
        } else if (days != null && days >= 0) {
            period.setText(("trialing".equals(o.status()) ? "Trial ends on " : "Current period ends on ")
                    + o.periodEnd().format(DAY) + " (" + days + (days == 1 ? " day" : " days") + " left).");
        } else {
            period.setText("The period ended on " + o.periodEnd().format(DAY) + ".");
        }
        trialRule.setText(
                "trialing".equals(o.status())
                        ? "When the trial ends, the organization becomes read-only: everything stays readable, nothing is deleted, "
                                + "and editing resumes as soon as a requested plan is approved."
                        : "past_due".equals(o.status())
                                ? "Payment is overdue: editing continues for 7 days after the period ended, then the organization moves to "
                                        + "Crew Read-Only."
                                : "");
        trialRule.setVisible(!trialRule.getText().isEmpty());
        seats.removeAll();
        for (BillingOverview.SeatUsage seat : o.seats()) {
            ProgressBar bar = new ProgressBar(0, 1, seat.fraction());
            if (seat.limit() != null && seat.used() >= seat.limit()) {
                bar.addThemeName("error");
            }
            Div row = new Div(
                    new Span(capitalize(seat.kind()) + ": " + seat.used() + " of "
                            + (seat.limit() == null ? "unlimited" : seat.limit().toString())),
                    bar);
            row.addClassName("seat");
            seats.add(row);
        }
        // File storage against the plan's quota (the file library counts every version and the bin).
        FileLibrary.StorageUsage storage = files.usage(orgId);
        ProgressBar storageBar = new ProgressBar(0, 1, storage.fraction());
        Div storageRow = new Div(new Span("File storage: " + storage.text()), storageBar);
        storageRow.addClassName("seat");
        seats.add(storageRow);
        entitlements.setItems(o.entitlements());
        newPlan.setItems(billing.availablePlans().stream()
                .filter(p -> o.plan() == null || !p.id().equals(o.plan().id()))
                .toList());
        pending.setVisible(o.pendingRequest() != null);
        if (o.pendingRequest() != null) {
            pending.setText("Requested a move to " + o.pendingRequest().planName() + " on "
                    + o.pendingRequest().requestedAt().format(DAY) + "; waiting for approval.");
        }
        requestChange.setEnabled(o.pendingRequest() == null);
        withdraw.setVisible(owner && o.pendingRequest() != null);
        // Admins read billing but cannot change the plan: no heading over nothing.
        changeHeading.setVisible(owner || o.pendingRequest() != null);
        history.setItems(billing.history(orgId, org.springframework.data.domain.PageRequest.of(0, 50)));
    }

    private void request() {
        if (newPlan.getValue() == null) {
            newPlan.setErrorMessage("Choose a plan.");
            newPlan.setInvalid(true);
            return;
        }
        try {
            PaymentGateway.Outcome outcome =
                    billing.requestPlanChange(orgId, newPlan.getValue().id());
            Notification.show(
                            outcome == PaymentGateway.Outcome.APPLIED
                                    ? "Your plan was changed."
                                    : "Requested. A Roadbook admin applies it shortly.",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
            load();
        } catch (Refusal refused) {
            newPlan.setErrorMessage(refused.getMessage());
            newPlan.setInvalid(true);
        }
    }

    static String label(String status) {
        return switch (status) {
            case "trialing" -> "Trial";
            case "active" -> "Active";
            case "past_due" -> "Past due";
            case "canceled" -> "Canceled";
            case "incomplete" -> "Incomplete";
            default -> "No subscription";
        };
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
