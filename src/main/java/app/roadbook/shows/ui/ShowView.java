package app.roadbook.shows.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.advancing.AdvancingTemplate;
import app.roadbook.advancing.AdvancingTemplates;
import app.roadbook.advancing.ui.AdvanceView;
import app.roadbook.base.Formats;
import app.roadbook.base.Ids;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.base.ui.ShowPageSection;
import app.roadbook.invitations.InvitationService;
import app.roadbook.invitations.ShowCollabRole;
import app.roadbook.invitations.ui.InviteLinkDialog;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowDetails;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.VenueService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** One show's facts, with times shown in the venue's time zone. */
@Route("shows/:showId")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class ShowView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Div facts = new Div();
    final Button edit = new Button("Edit");
    final Grid<AdvancingRows.SessionSummary> advances = new Grid<>();
    final Button newAdvance = new Button("Start advance");
    final Button invitePromoter = new Button("Invite promoter");
    final Button delete = new Button("Delete show");
    /** Under the Advancing heading while the show has no advance, so the heading never stands alone. */
    final Paragraph noAdvances = new Paragraph();

    final Grid<ShowService.Viewer> audience = new Grid<>();
    private final InvitationService invitations;
    private final AdvancingExchange advancing;
    private final AdvancingTemplates advancingTemplates;
    private final List<ShowPageSection> sections;
    private final Div contributed = new Div();

    private final ShowService shows;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private ShowDetails show;

    public ShowView(
            ShowService shows,
            ArtistService artists,
            VenueService venues,
            CurrentOrganization currentOrganization,
            AdvancingExchange advancing,
            AdvancingTemplates advancingTemplates,
            InvitationService invitations,
            List<ShowPageSection> sections) {
        this.shows = shows;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ShowPageSection::order))
                .toList();
        this.invitations = invitations;
        this.advancing = advancing;
        this.advancingTemplates = advancingTemplates;
        this.currentOrganization = currentOrganization;
        facts.addClassName("show-facts");
        contributed.setWidthFull();
        edit.addThemeVariants(ButtonVariant.PRIMARY);
        edit.addClickListener(e -> new ShowEditor(
                        new ShowEditor.Services(shows, artists, venues),
                        orgId,
                        show.id(),
                        show.version(),
                        show.draft(),
                        id -> load(id))
                .timesAgreedInAdvance(
                        !advances.getGenericDataView().getItems().findAny().isEmpty())
                .open());
        advances.addColumn(AdvancingRows.SessionSummary::title)
                .setHeader("Advance")
                .setFlexGrow(2);
        advances.addColumn(a -> a.agreed() + " of " + a.fields() + " agreed" + (a.closed() ? " · closed" : ""))
                .setHeader("Progress");
        advances.addColumn(a ->
                        a.expiresAt() == null ? "" : a.expiresAt().toLocalDate().toString())
                .setHeader("Expires");
        advances.setAllRowsVisible(true);
        advances.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        AdvanceView.class,
                        new RouteParameters("sessionId", e.getItem().id().toString())));
        newAdvance.addClickListener(e -> startAdvance());
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmDelete());
        invitePromoter.addClickListener(e -> invitePromoter());
        audience.addColumn(v -> v.name() == null ? v.email() : v.name())
                .setHeader("Who")
                .setAutoWidth(true);
        audience.addColumn(ShowService.Viewer::email).setHeader("Email").setAutoWidth(true);
        audience.addColumn(ShowService.Viewer::reason).setHeader("Why").setFlexGrow(2);
        audience.addComponentColumn(v -> {
                    Button revoke = new Button(
                            "Revoke",
                            e -> Changes.confirmFirst(
                                    "Revoke " + (v.name() == null ? v.email() : v.name()) + "'s access to this show?",
                                    "They can no longer open this show or its advances. Other shows they were invited to stay"
                                            + " as they are.",
                                    "Revoke access",
                                    () -> Changes.attempt(
                                            () -> invitations.revokeCollaborator(orgId, v.grantId()),
                                            () -> audience.setItems(shows.audience(orgId, show.id())))));
                    revoke.setAriaLabel("Revoke access of " + v.email());
                    revoke.setVisible(edit.isVisible() && "collaborator".equals(v.kind()));
                    return revoke;
                })
                .setAutoWidth(true);
        audience.setAllRowsVisible(true);
        audience.addClassName("show-audience");
        add(
                title,
                facts,
                new HorizontalLayout(edit, invitePromoter, delete),
                new H3("Who can see this?"),
                audience,
                contributed,
                new H3("Advancing"),
                noAdvances,
                newAdvance,
                advances);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        try {
            load(Ids.parse(event.getRouteParameters().get("showId"))
                    .orElseThrow(() -> new app.roadbook.base.NotFoundException("No such show.")));
        } catch (Refusal e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        edit.setVisible(shows.canEdit(orgId));
        newAdvance.setVisible(edit.isVisible());
        invitePromoter.setVisible(edit.isVisible());
        delete.setVisible(shows.canDelete(orgId));
    }

    /** "Oslo · 15 Jan 2027 · Roadbook": the show's title, else its city or venue, and its date. */
    @Override
    public String getPageTitle() {
        if (show == null) {
            return "Show · Roadbook";
        }
        var d = show.draft();
        String what = d.title() != null
                ? d.title()
                : show.venueCity() != null
                        ? show.venueCity()
                        : show.venueName() != null ? show.venueName() : show.artistName();
        return (what == null ? "Show" : what) + " · " + Formats.shortDate(d.date()) + " · Roadbook";
    }

    private void confirmDelete() {
        Changes.attempt(
                () -> new DeleteShowDialog(shows, orgId, shows.deletion(orgId, show.id()), () -> {
                            Notification.show("The show is deleted.", 4000, Notification.Position.BOTTOM_START);
                            UI.getCurrent().navigate(ShowsView.class);
                        })
                        .open(),
                () -> {});
    }

    private void invitePromoter() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite the promoter's team to this show");
        EmailField email = new EmailField("Email");
        Select<ShowCollabRole> role = new Select<>();
        role.setLabel("Access");
        role.setItems(ShowCollabRole.values());
        role.setItemLabelGenerator(
                r -> r == ShowCollabRole.promoter_editor ? "Can fill in the promoter side" : "Can only read");
        role.setValue(ShowCollabRole.promoter_editor);
        Button send = new Button("Send invitation", e -> {
            try {
                InvitationService.Issued issued =
                        invitations.inviteToShow(orgId, show.id(), email.getValue(), role.getValue());
                dialog.close();
                audience.setItems(shows.audience(orgId, show.id()));
                new InviteLinkDialog(email.getValue(), invitations.link(issued.token())).open();
            } catch (Refusal refused) {
                email.setErrorMessage(refused.getMessage());
                email.setInvalid(true);
            }
        });
        send.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new FormLayout(email, role));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.open();
    }

    private void startAdvance() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Start an advance");
        TextField name = new TextField("Title");
        name.setPlaceholder("Named after the show");
        name.setHelperText("Leave blank to name it after the artist and venue.");
        Select<AdvancingTemplate> template = new Select<>();
        template.setLabel("Template");
        List<AdvancingTemplate> templates = advancingTemplates.list(orgId);
        template.setItems(templates);
        template.setItemLabelGenerator(AdvancingTemplate::name);
        template.setValue(templates.getFirst());
        DatePicker expires = new DatePicker("Expires");
        expires.setValue(show.draft().date());
        Button start = new Button("Start", e -> {
            try {
                UUID session = advancing.createSession(
                        orgId,
                        show.id(),
                        name.getValue(),
                        expires.getValue() == null
                                ? null
                                : expires.getValue().atTime(23, 59).atOffset(ZoneOffset.UTC),
                        template.getValue().id());
                dialog.close();
                UI.getCurrent().navigate(AdvanceView.class, new RouteParameters("sessionId", session.toString()));
            } catch (Refusal refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
            }
        });
        start.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new FormLayout(name, template, expires));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), start);
        dialog.open();
    }

    private void load(UUID id) {
        show = shows.show(orgId, id);
        List<AdvancingRows.SessionSummary> sessions = advancing.sessions(id);
        advances.setItems(sessions);
        advances.setVisible(!sessions.isEmpty());
        noAdvances.setVisible(sessions.isEmpty());
        noAdvances.setText("No advance for this show yet"
                + (shows.canEdit(orgId)
                        ? ": start one to agree times, hospitality and technical needs with the promoter."
                        : "."));
        noAdvances.addClassName("empty-state");
        audience.setItems(shows.audience(orgId, id));
        contributed.removeAll();
        sections.forEach(section -> section.build(orgId, id).ifPresent(contributed::add));
        var d = show.draft();
        title.setText((d.title() == null ? "Show" : d.title()) + " · " + Formats.date(d.date()));
        facts.removeAll();
        fact("Status", ShowsView.statusLabel(d.status()));
        fact("Artist", show.artistName());
        fact("Venue", show.venueName());
        // The venue's zone as the shows list and the advance name it, so every page says the same.
        String zone = show.timezone() == null ? "" : " (" + show.timezone() + ")";
        fact("Doors", d.doors() == null ? null : Formats.time(d.doors()) + zone);
        fact("Set time", d.setTime() == null ? null : Formats.time(d.setTime()) + zone);
        fact("Fee", d.fee() == null ? null : Formats.money(d.fee(), d.feeCurrency()));
        fact("Internal notes", d.notes());
    }

    private void fact(String label, String value) {
        if (value != null && !value.isBlank()) {
            Div row = new Div(new Span(label + ": "), new Span(value));
            row.addClassName("fact");
            facts.add(row);
        }
    }
}
