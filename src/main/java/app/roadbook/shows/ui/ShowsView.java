package app.roadbook.shows.ui;

import app.roadbook.base.RowCount;
import app.roadbook.base.ui.CountHeading;
import app.roadbook.base.ui.KeysetAnchors;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowKey;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.UUID;

/** The organization's shows, upcoming first, filtered by artist, status and dates. */
@Route("shows")
@PageTitle("Shows · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class ShowsView extends VerticalLayout implements BeforeEnterObserver {

    final ComboBox<ArtistOption> artist = new ComboBox<>();
    final Select<ShowStatus> status = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<ShowRow> grid = new Grid<>();
    final Span count = new Span();
    final Button create = new Button("New show", VaadinIcon.PLUS.create());
    final Paragraph empty = new Paragraph();
    final CountHeading heading = new CountHeading(count, "show", "shows");

    private final ShowService shows;
    private final ArtistService artists;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private ShowFilter filter = ShowFilter.ALL;
    private final KeysetAnchors<ShowRow, ShowKey> pages = new KeysetAnchors<>(ShowKey::of);

    public ShowsView(
            ShowService shows, ArtistService artists, VenueService venues, CurrentOrganization currentOrganization) {
        this.shows = shows;
        this.artists = artists;
        this.currentOrganization = currentOrganization;
        setSizeFull();
        artist.setPlaceholder("All artists");
        artist.setItemLabelGenerator(ArtistOption::name);
        artist.setClearButtonVisible(true);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItems(ShowStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "Any status" : statusLabel(s));
        from.setPlaceholder("From");
        to.setPlaceholder("To");
        artist.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> new ShowEditor(
                        new ShowEditor.Services(shows, artists, venues),
                        orgId,
                        null,
                        0,
                        new ShowDraft(
                                null,
                                null,
                                LocalDate.now().plusDays(30),
                                null,
                                null,
                                ShowStatus.draft,
                                null,
                                null,
                                "USD",
                                null),
                        id -> UI.getCurrent().navigate(ShowView.class, new RouteParameters("showId", id.toString())))
                .open());

        grid.addColumn(ShowRow::date).setHeader("Date").setAutoWidth(true);
        grid.addColumn(r -> r.title() == null ? "" : r.title())
                .setHeader("Title")
                .setFlexGrow(2);
        grid.addColumn(ShowRow::artistName).setHeader("Artist");
        grid.addColumn(r -> r.venueName() == null
                        ? ""
                        : r.venueName() + (r.venueCity() == null ? "" : ", " + r.venueCity()))
                .setHeader("Venue")
                .setFlexGrow(2);
        grid.addColumn(r -> r.doors() == null ? "" : r.doors() + " " + r.timezone())
                .setHeader("Doors (local)");
        grid.addColumn(r -> statusLabel(r.status())).setHeader("Status");
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        ShowView.class,
                        new RouteParameters("showId", e.getItem().id().toString())));
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(artist, status, from, to, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout title = new HorizontalLayout(new H2("Shows"), count, heading.exactly());
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(title, toolbar, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        create.setVisible(shows.canEdit(orgId));
        artist.setItems(artists.filterOptions(orgId));
        // Pages by key (after the last show the grid has), not by offset: scrolling deep costs a page (decision 0018).
        heading.bind(
                grid,
                q -> pages.page(q.getOffset(), q.getLimit(), start -> shows.shows(orgId, filter, start)).stream(),
                () -> shows.countShows(orgId, filter));
        refresh();
    }

    private void refresh() {
        filter = new ShowFilter(
                artist.getValue() == null ? null : artist.getValue().id(),
                status.getValue(),
                from.getValue(),
                to.getValue());
        pages.forget();
        // Up to 10,000 counted; above, "10,000+" and the exact figure on request (decision 0018).
        RowCount total = heading.show(shows.countShowsCapped(orgId, filter));
        grid.getDataProvider().refreshAll();
        empty.setText(
                !total.isZero()
                        ? ""
                        : filter.equals(ShowFilter.ALL)
                                ? "No shows yet."
                                        + (create.isVisible() ? " Add venues and artists, then your first show." : "")
                                : "No show matches these filters.");
        empty.setVisible(total.isZero());
        grid.setVisible(!total.isZero());
    }

    static String statusLabel(ShowStatus s) {
        return switch (s) {
            case draft -> "Draft";
            case confirmed -> "Confirmed";
            case cancelled -> "Cancelled";
        };
    }
}
