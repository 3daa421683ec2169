package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.advancing.AdvancingBoard.MyAdvance;
import app.roadbook.advancing.AdvancingBoard.MyShow;
import app.roadbook.advancing.Party;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/**
 * An external collaborator's start page: every show granted to them, across every org that invited them, by date,
 * each as a card with its advances and where each stands from the promoter's side: how much is agreed, what waits on
 * them, what waits on the artist team, what changed after agreement. Cards and their titles wrap, so a phone shows
 * all of it (roadbook.css).
 */
@Route("my-shows")
@PageTitle("My shows · Roadbook")
@PermitAll
public class MyShowsView extends VerticalLayout implements BeforeEnterObserver {

    final Div shows = new Div();
    final List<ShowCard> cards = new ArrayList<>();
    final Paragraph empty = new Paragraph("No shows have been shared with you yet. When an organization invites you to "
            + "advance a show, it appears here.");
    private final AdvancingBoard board;

    public MyShowsView(AdvancingBoard board) {
        this.board = board;
        addClassName("my-shows");
        shows.addClassName("my-show-list");
        empty.addClassName("empty-state");
        add(new H2("My shows"), empty, shows);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<MyShow> mine = board.myShows();
        shows.removeAll();
        cards.clear();
        mine.forEach(show -> {
            ShowCard card = new ShowCard(show);
            cards.add(card);
            shows.add(card);
        });
        shows.setVisible(!mine.isEmpty());
        empty.setVisible(mine.isEmpty());
    }

    /** One granted show: its facts, then its advances with their figures. */
    static final class ShowCard extends Div {

        final MyShow show;
        final H3 title;
        final List<Anchor> links = new ArrayList<>();

        ShowCard(MyShow show) {
            this.show = show;
            addClassName("my-show");
            title = new H3(
                    show.title() != null && !show.title().isBlank()
                            ? show.title()
                            : show.artistName() != null ? show.artistName() : "Show");
            title.addClassName("my-show-title");
            Span when = new Span(AdvanceView.DATE.format(show.date()) + " · "
                    + AdvancingBoardView.daysUntil(show.daysUntil()).toLowerCase());
            when.addClassName("my-show-date");
            // The day sheet is the schedule capability's page; named by its URL, so advancing does not depend on it.
            Anchor daySheet = new Anchor("shows/" + show.showId() + "/day-sheet", "Day sheet");
            daySheet.addClassName("my-show-day-sheet");
            Div head = new Div(title, when, daySheet);
            head.addClassName("my-show-head");

            Div facts = new Div();
            facts.addClassName("my-show-facts");
            if (show.artistName() != null) {
                facts.add(fact(show.artistName()));
            }
            if (show.venueName() != null) {
                facts.add(fact(show.venueName() + (show.venueCity() == null ? "" : ", " + show.venueCity())));
            }
            if (show.doors() != null) {
                facts.add(fact("Doors " + show.doors() + " (" + show.timezone() + ")"));
            }
            facts.add(fact("Advancing with " + show.orgName()));
            facts.add(fact(show.canEdit() ? "You can edit the promoter side" : "You can view"));

            Div advances = new Div();
            advances.addClassName("my-advances");
            if (show.advances().isEmpty()) {
                Span none = new Span("No advance started yet.");
                none.addClassName("empty-state");
                advances.add(none);
            }
            for (MyAdvance advance : show.advances()) {
                Anchor link = new Anchor("advance/" + advance.sessionId(), advance.title());
                link.addClassName("my-advance-title");
                links.add(link);
                Span progress = new Span(advance.progress().agreedText());
                progress.addClassName("advance-figure");
                progress.addClassName("agreed-figure");
                Div figures = new Div(
                        progress,
                        figure("Waits on you", advance.progress().waitingOn(Party.from_you), true),
                        figure("Waits on the artist team", advance.progress().waitingOn(Party.from_us), false),
                        figure("Changed after agreement", advance.progress().changed(), true),
                        figure("Declined", advance.progress().declined(), true));
                figures.addClassName("advance-figures");
                if (advance.closed()) {
                    Span closed = new Span("Closed");
                    closed.addClassName("closed-flag");
                    closed.getElement().getThemeList().add("badge");
                    closed.getElement().getThemeList().add("contrast");
                    figures.add(closed);
                }
                Div line = new Div(link, figures);
                line.addClassName("my-advance");
                advances.add(line);
            }
            // The guest list lives in its own package; a link by URL keeps advancing independent of it.
            Anchor guestList = new Anchor("shows/" + show.showId() + "/guests", "Guest list");
            guestList.addClassName("my-show-guest-list");
            add(head, facts, advances, guestList);
        }

        private static Span fact(String text) {
            Span span = new Span(text);
            span.addClassName("fact");
            return span;
        }

        /** "Waits on you 2": a label and its number; one that asks something of the reader stands out above zero. */
        private static Span figure(String label, int value, boolean attention) {
            Span name = new Span(label);
            name.addClassName("figure-label");
            Span number = new Span(String.valueOf(value));
            number.addClassName("figure-value");
            Span figure = new Span(name, number);
            figure.addClassName("advance-figure");
            if (attention && value > 0) {
                figure.addClassName("attention");
            }
            return figure;
        }
    }
}
