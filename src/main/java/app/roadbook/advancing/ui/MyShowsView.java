package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingExchange.GrantedShow;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** An external collaborator's start page: every show granted to them, across every org that invited them. */
@Route("my-shows")
@PageTitle("My shows · Roadbook")
@PermitAll
public class MyShowsView extends VerticalLayout implements BeforeEnterObserver {

    final Grid<GrantedShow> grid = new Grid<>();
    final Paragraph empty = new Paragraph("No shows have been shared with you yet. When an organization invites you to "
            + "advance a show, it appears here.");
    private final AdvancingExchange advancing;

    public MyShowsView(AdvancingExchange advancing) {
        this.advancing = advancing;
        grid.addColumn(GrantedShow::date).setHeader("Date").setAutoWidth(true);
        grid.addColumn(g -> g.title() == null ? "" : g.title())
                .setHeader("Show")
                .setFlexGrow(2);
        grid.addColumn(GrantedShow::artistName).setHeader("Artist");
        grid.addColumn(g -> g.venueName() == null
                        ? ""
                        : g.venueName() + (g.venueCity() == null ? "" : ", " + g.venueCity()))
                .setHeader("Venue");
        grid.addColumn(g -> g.doors() == null ? "" : g.doors() + " " + g.timezone())
                .setHeader("Doors (local)");
        grid.addColumn(GrantedShow::orgName).setHeader("Organization");
        grid.addColumn(g -> "promoter_editor".equals(g.role()) ? "Can edit" : "Can view")
                .setHeader("Access");
        grid.addItemClickListener(e -> advancing.sessions(e.getItem().showId()).stream()
                .findFirst()
                .ifPresent(s -> UI.getCurrent()
                        .navigate(AdvanceView.class, new RouteParameters("sessionId", s.id().toString()))));
        add(new H2("My shows"), empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<GrantedShow> shows = advancing.myShows();
        grid.setItems(shows);
        grid.setVisible(!shows.isEmpty());
        empty.setVisible(shows.isEmpty());
    }
}
