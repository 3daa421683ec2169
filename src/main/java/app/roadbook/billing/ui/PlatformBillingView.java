package app.roadbook.billing.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Formats;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.billing.Entitlements;
import app.roadbook.billing.PlanCatalog;
import app.roadbook.billing.PlanDraft;
import app.roadbook.billing.PlanSummary;
import app.roadbook.billing.PlatformBilling;
import app.roadbook.tenancy.RoadbookUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform admin area: plan catalog, every org's subscription and overrides, plan change requests. */
@Route("admin/billing")
@PageTitle("Platform billing · Roadbook")
@RolesAllowed(RoadbookUser.ROLE_PLATFORM_ADMIN)
public class PlatformBillingView extends VerticalLayout {

    final Grid<PlanSummary> plans = new Grid<>();
    final Grid<PlatformBilling.OrgBillingRow> orgs = new Grid<>();
    final Grid<PlatformBilling.RequestRow> requests = new Grid<>();
    final Button newPlan = new Button("New plan");

    private final PlanCatalog catalog;
    private final PlatformBilling platform;

    public PlatformBillingView(PlanCatalog catalog, PlatformBilling platform) {
        this.catalog = catalog;
        this.platform = platform;
        plans.addColumn(PlanSummary::name).setHeader("Name");
        plans.addColumn(PlanSummary::price).setHeader("Price");
        plans.addColumn(p -> limit(p.maxMembers())).setHeader("Members");
        plans.addColumn(p -> limit(p.maxCollaborators())).setHeader("Collaborators");
        plans.addColumn(p -> limit(p.maxArtists())).setHeader("Artists");
        plans.addColumn(p -> p.retired() ? "Retired" : "Offered").setHeader("State");
        plans.addComponentColumn(p -> new HorizontalLayout(
                        new Button("Edit", e -> editPlan(p)),
                        p.retired()
                                ? new Button(
                                        "Reinstate",
                                        e -> run(() -> catalog.reinstatePlan(p.id()), "Reinstated " + p.name() + "."))
                                : new Button(
                                        "Remove",
                                        e -> Changes.confirmFirst(
                                                "Remove plan " + p.name() + "?",
                                                "A plan no organization uses is deleted; one in use is retired: its"
                                                        + " organizations keep it, no new organization can choose it.",
                                                "Remove plan",
                                                () -> run(
                                                        () -> Notification.show(
                                                                catalog.removePlan(p.id())
                                                                        ? p.name()
                                                                                + " is in use, so it was retired: no new orgs can choose it."
                                                                        : "Deleted " + p.name() + "."),
                                                        null)))))
                .setAutoWidth(true);
        plans.setAllRowsVisible(true);
        newPlan.addClickListener(e -> editPlan(null));

        orgs.addColumn(PlatformBilling.OrgBillingRow::name).setHeader("Organization");
        orgs.addColumn(r -> r.planName() == null ? "—" : r.planName()).setHeader("Plan");
        orgs.addColumn(r -> r.status() == null ? "—" : BillingView.label(r.status()))
                .setHeader("Status");
        orgs.addColumn(r -> r.periodEnd() == null
                        ? ""
                        : Formats.shortDate(r.periodEnd().toLocalDate()))
                .setHeader("Period ends");
        orgs.addColumn(r -> r.members() + " / " + r.collaborators() + " / " + r.artists())
                .setHeader("Members / collaborators / artists");
        orgs.addColumn(r -> r.pendingPlan() == null ? "" : "wants " + r.pendingPlan())
                .setHeader("Request");
        orgs.addComponentColumn(r -> {
                    Button subscription = new Button("Subscription", e -> editSubscription(r));
                    subscription.setAriaLabel("Subscription of " + r.name());
                    Button overrides = new Button("Overrides", e -> editOverrides(r));
                    overrides.setAriaLabel("Overrides of " + r.name());
                    return new HorizontalLayout(subscription, overrides);
                })
                .setAutoWidth(true);
        orgs.setAllRowsVisible(true);

        requests.addColumn(PlatformBilling.RequestRow::orgName).setHeader("Organization");
        requests.addColumn(PlatformBilling.RequestRow::planName).setHeader("Requested plan");
        requests.addColumn(PlatformBilling.RequestRow::requestedBy).setHeader("By");
        requests.addColumn(r -> Formats.shortDate(r.at().toLocalDate())).setHeader("On");
        requests.addComponentColumn(r -> new HorizontalLayout(
                        new Button(
                                "Apply",
                                e -> run(
                                        () -> platform.applyRequest(r.id()),
                                        "Applied " + r.planName() + " to " + r.orgName() + ".")),
                        new Button("Decline", e -> run(() -> platform.declineRequest(r.id(), null), "Declined."))))
                .setAutoWidth(true);
        requests.setAllRowsVisible(true);

        plans.getColumns().forEach(c -> c.setAutoWidth(true));
        orgs.getColumns().forEach(c -> c.setAutoWidth(true));
        add(
                new H2("Platform billing"),
                new H3("Plan change requests"),
                requests,
                new H3("Plans"),
                newPlan,
                plans,
                new H3("Organizations"),
                orgs);
        refresh();
    }

    private void refresh() {
        plans.setItems(catalog.plans());
        orgs.setItems(platform.organizations());
        requests.setItems(platform.pendingRequests());
    }

    private void run(Runnable change, String done) {
        if (Changes.attempt(change, this::refresh) && done != null) {
            Notification.show(done, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        }
    }

    private void editPlan(PlanSummary plan) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(plan == null ? "New plan" : "Edit " + plan.name());
        TextField id = new TextField("Id");
        TextField name = new TextField("Name");
        TextField description = new TextField("Description");
        BigDecimalField price = new BigDecimalField("Price per month");
        price.setHelperText("In the currency's main unit: 109 or 109.50, not cents.");
        TextField currency = new TextField("Currency");
        currency.setHelperText("Three-letter code, e.g. USD, EUR, NOK.");
        IntegerField members = new IntegerField("Max members (empty = unlimited)");
        IntegerField collaborators = new IntegerField("Max collaborators (empty = unlimited)");
        IntegerField artists = new IntegerField("Max artists (empty = unlimited)");
        Map<String, Checkbox> flags = new LinkedHashMap<>();
        PlanDraft.FEATURES.forEach(f -> flags.put(f, new Checkbox(Entitlements.name(f))));
        currency.setValue("USD");
        if (plan != null) {
            id.setValue(plan.id());
            id.setReadOnly(true);
            name.setValue(plan.name());
            description.setValue(plan.description() == null ? "" : plan.description());
            price.setValue(Formats.fromMinor(plan.priceCents(), plan.currency()));
            currency.setValue(plan.currency().toUpperCase(java.util.Locale.ROOT));
            members.setValue(plan.maxMembers());
            collaborators.setValue(plan.maxCollaborators());
            artists.setValue(plan.maxArtists());
            flags.forEach(
                    (f, box) -> box.setValue(Boolean.TRUE.equals(plan.features().get(f))));
        }
        FormLayout form = new FormLayout(id, name, description, price, currency, members, collaborators, artists);
        flags.values().forEach(form::add);
        dialog.add(form);
        Button save = new Button("Save", e -> {
            Map<String, Boolean> features = new LinkedHashMap<>();
            flags.forEach((f, box) -> features.put(f, box.getValue()));
            String code = currency.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            long cents;
            try {
                cents = price.getValue() == null ? -1 : Formats.toMinor(price.getValue(), code);
            } catch (Refusal | ArithmeticException bad) {
                price.setErrorMessage("Enter the price in " + code.toUpperCase(java.util.Locale.ROOT)
                        + " with at most two decimals, e.g. 109 or 109.50.");
                price.setInvalid(true);
                return;
            }
            if (cents > Integer.MAX_VALUE) {
                price.setErrorMessage("That price is too high.");
                price.setInvalid(true);
                return;
            }
            PlanDraft draft = new PlanDraft(
                    id.getValue().strip(),
                    name.getValue(),
                    description.getValue(),
                    (int) cents,
                    code,
                    artists.getValue(),
                    members.getValue(),
                    collaborators.getValue(),
                    features);
            String shown =
                    cents == 0 ? "custom pricing (no fixed price)" : Formats.moneyMinor(cents, code) + " per month";
            ConfirmDialog confirm = new ConfirmDialog(
                    "Save plan " + draft.name() + "?",
                    "Organizations on " + draft.name() + " will be charged " + shown + ".",
                    "Save plan",
                    ok -> savePlan(plan, draft, dialog));
            confirm.setCancelable(true);
            confirm.open();
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void savePlan(PlanSummary plan, PlanDraft draft, Dialog dialog) {
        {
            try {
                if (plan == null) {
                    catalog.savePlan(draft);
                } else {
                    catalog.savePlan(draft, plan.version());
                }
                dialog.close();
                refresh();
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, () -> {
                    dialog.close();
                    refresh();
                });
            } catch (Refusal refused) {
                Changes.refuse(refused.getMessage());
            }
        }
    }

    private void editSubscription(PlatformBilling.OrgBillingRow org) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Subscription of " + org.name());
        ComboBox<PlanSummary> plan = new ComboBox<>("Plan");
        List<PlanSummary> offered = catalog.plans().stream()
                .filter(p -> !p.retired() || p.id().equals(org.planId()))
                .toList();
        plan.setItems(offered);
        plan.setItemLabelGenerator(PlanSummary::name);
        offered.stream().filter(p -> p.id().equals(org.planId())).findFirst().ifPresent(plan::setValue);
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems("trialing", "active", "past_due", "canceled", "incomplete");
        status.setItemLabelGenerator(BillingView::label);
        status.setValue(org.status() == null ? "active" : org.status());
        DateTimePicker periodEnd = new DateTimePicker("Period ends (UTC)");
        periodEnd.setLocale(Formats.LOCALE);
        if (org.periodEnd() != null) {
            periodEnd.setValue(
                    org.periodEnd().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        dialog.add(new FormLayout(plan, status, periodEnd));
        Button save = new Button("Save", e -> {
            if (plan.getValue() == null) {
                plan.setInvalid(true);
                plan.setErrorMessage("Choose a plan.");
                return;
            }
            try {
                platform.changeSubscription(
                        org.orgId(),
                        plan.getValue().id(),
                        status.getValue(),
                        periodEnd.getValue() == null
                                ? null
                                : periodEnd.getValue().atOffset(ZoneOffset.UTC),
                        org.subscriptionVersion());
                dialog.close();
                refresh();
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, () -> {
                    dialog.close();
                    refresh();
                });
            } catch (Refusal refused) {
                plan.setInvalid(true);
                plan.setErrorMessage(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void editOverrides(PlatformBilling.OrgBillingRow org) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Overrides for " + org.name());
        Map<String, Object> current = platform.overrides(org.orgId());
        VerticalLayout rows = new VerticalLayout();
        for (String flag : PlanDraft.FEATURES) {
            Select<String> value = new Select<>();
            value.setLabel(Entitlements.name(flag));
            value.setItems("plan default", "on", "off");
            value.setValue(
                    !current.containsKey(flag)
                            ? "plan default"
                            : Boolean.TRUE.equals(current.get(flag)) ? "on" : "off");
            value.addValueChangeListener(e -> run(
                    () -> {
                        if ("plan default".equals(e.getValue())) {
                            platform.removeOverride(org.orgId(), flag);
                        } else {
                            platform.setOverride(org.orgId(), flag, "on".equals(e.getValue()));
                        }
                    },
                    null));
            rows.add(value);
        }
        for (String key : List.of("max_members", "max_collaborators", "max_artists")) {
            IntegerField value = new IntegerField(Entitlements.name(key) + " (empty = plan default)");
            value.setMin(0);
            if (current.get(key) instanceof Number n) {
                value.setValue(n.intValue());
            }
            Checkbox unlimited = new Checkbox("unlimited", current.containsKey(key) && current.get(key) == null);
            Button apply = new Button(
                    "Apply",
                    e -> run(
                            () -> {
                                if (unlimited.getValue()) {
                                    platform.setOverride(org.orgId(), key, null);
                                } else if (value.getValue() == null) {
                                    platform.removeOverride(org.orgId(), key);
                                } else {
                                    platform.setOverride(org.orgId(), key, value.getValue());
                                }
                            },
                            "Saved the " + Entitlements.name(key).toLowerCase(java.util.Locale.ROOT) + " limit."));
            rows.add(new HorizontalLayout(value, unlimited, apply));
        }
        dialog.add(rows);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private static String limit(Integer limit) {
        return limit == null ? "unlimited" : limit.toString();
    }
}
