package app.roadbook.home.ui;

import app.roadbook.base.Formats;
import app.roadbook.home.HomeBoard;
import app.roadbook.home.HomeBoard.Change;
import app.roadbook.home.HomeBoard.Day;
import app.roadbook.home.HomeBoard.FirstStep;
import app.roadbook.home.HomeBoard.Waiting;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowStatus;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.GrantedShows;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.OrganizationService;
import app.roadbook.tenancy.ui.CreateOrganizationForm;
import app.roadbook.tenancy.ui.PendingInvitation;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Where people land. A member lands on their day in the current organization: today's and the coming shows, the
 * advances with items waiting on them, and (for those who may read the activity log) the recent changes in words; an
 * organization with nothing yet says what to do first. An external collaborator lands on their shows (My shows);
 * someone with neither, on the way to create an organization. An invitation opened before signing in comes first.
 */
@Route("")
@PageTitle("Home · Roadbook")
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    final Div shows = new Div();
    final Div waiting = new Div();
    final Div changes = new Div();
    private final OrganizationService organizations;
    private final CurrentOrganization currentOrganization;
    private final GrantedShows collaboratorShows;
    private final HomeBoard board;

    public HomeView(
            OrganizationService organizations,
            CurrentOrganization currentOrganization,
            GrantedShows collaboratorShows,
            HomeBoard board) {
        this.organizations = organizations;
        this.collaboratorShows = collaboratorShows;
        this.currentOrganization = currentOrganization;
        this.board = board;
        addClassName("home-view");
        shows.addClassName("home-shows");
        waiting.addClassName("home-waiting");
        changes.addClassName("home-changes");
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<String> pendingInvitation = PendingInvitation.take();
        if (pendingInvitation.isPresent()) {
            // Signed in from an invitation link: carry on with it.
            event.forwardTo("invite/" + pendingInvitation.get());
            return;
        }
        Optional<OrgSummary> current = currentOrganization.get();
        if (current.isPresent()) {
            showDay(current.get());
        } else if (collaboratorShows.hasGrantedShows()) {
            event.forwardTo("my-shows");
        } else {
            showNoOrganizationYet();
        }
    }

    private void showDay(OrgSummary org) {
        H2 title = new H2(org.name());
        title.addClassName("org-title");
        Paragraph role = new Paragraph("You are " + article(org.role().label()) + " "
                + org.role().label().toLowerCase() + " of this organization.");
        role.addClassName("home-role");
        Day day = board.day(org.id());
        add(title, role);

        add(new H3("Today and the next " + HomeBoard.DAYS + " days"), shows);
        shows.removeAll();
        for (ShowRow show : day.shows()) {
            shows.add(showLine(show, day.today()));
        }
        if (day.shows().isEmpty()) {
            shows.add(firstStep(day));
        }

        add(new H3("Waiting for you"), waiting);
        waiting.removeAll();
        for (Waiting w : day.waiting()) {
            Anchor link = new Anchor("advance/" + w.sessionId(), w.title());
            link.addClassName("home-line-title");
            Span what = new Span(w.items() + (w.items() == 1 ? " item waits" : " items wait") + " on the artist team");
            what.addClassName("home-attention");
            waiting.add(
                    line(link, what, fact(when(w.date(), w.daysUntil())), fact(place(w.artistName(), w.venueName()))));
        }
        if (day.waiting().isEmpty()) {
            waiting.add(empty("Nothing in advancing waits on you. Advances of upcoming shows with questions for the"
                    + " artist team show up here."));
        }

        if (day.changes() != null) {
            add(new H3("Recent changes"), changes);
            changes.removeAll();
            for (Change c : day.changes()) {
                // As the activity log says it: "Sun 6 Dec 2026, 07:59 UTC".
                Span at = new Span(Formats.utc(c.at()));
                at.addClassName("fact");
                Span sentence = new Span(c.sentence());
                sentence.addClassName("home-change");
                changes.add(line(sentence, at));
            }
            if (day.changes().isEmpty()) {
                changes.add(empty("No changes yet. What members change appears here, newest first."));
            }
            Anchor all = new Anchor("audit", "The whole activity log");
            all.addClassName("home-more");
            changes.add(all);
        }
    }

    private Component showLine(ShowRow show, LocalDate today) {
        String name = show.title() != null && !show.title().isBlank()
                ? show.title()
                : show.artistName() != null ? show.artistName() : "Show";
        Anchor link = new Anchor("shows/" + show.id(), name);
        link.addClassName("home-line-title");
        Div line = line(link, fact(when(show.date(), ChronoUnit.DAYS.between(today, show.date()))));
        if (show.venueName() != null || show.artistName() != null) {
            line.add(fact(place(show.artistName(), show.venueName())
                    + (show.venueCity() == null ? "" : ", " + show.venueCity())));
        }
        if (show.doors() != null) {
            line.add(fact("Doors " + show.doors() + " (" + show.timezone() + ")"));
        }
        if (show.status() != null && show.status() != ShowStatus.confirmed) {
            line.add(fact(show.status() == ShowStatus.draft ? "Not confirmed yet" : "Cancelled"));
        }
        return line;
    }

    private Component firstStep(Day day) {
        Div box = new Div();
        box.addClassName("empty-state");
        if (day.firstStep() == FirstStep.ADD_ARTIST) {
            box.add(new Paragraph(
                    "No artists yet. Everything starts with an artist: add them, then their venues and" + " shows."));
            if (day.canEdit()) {
                box.add(new Anchor("artists", "Add your first artist"));
            }
        } else if (day.firstStep() == FirstStep.ADD_SHOW) {
            box.add(new Paragraph("No shows yet. Add the first show: its artist, venue and date."));
            if (day.canEdit()) {
                box.add(new Anchor("shows", "Add your first show"));
            }
        } else {
            box.add(new Paragraph("No shows in the next " + HomeBoard.DAYS + " days."));
            box.add(new Anchor("shows", "All shows"));
        }
        return box;
    }

    private void showNoOrganizationYet() {
        H2 title = new H2("Welcome to Roadbook");
        title.addClassName("empty-state-title");
        Paragraph intro = new Paragraph("You are not part of an organization yet. Create one for your management "
                + "company or tour, and you become its owner; or ask an organization's admin to invite you.");
        add(title, intro, new CreateOrganizationForm(organizations, id -> {
            currentOrganization.select(id);
            UI.getCurrent().refreshCurrentRoute(true);
        }));
    }

    static String when(LocalDate date, long daysUntil) {
        String relative = daysUntil == 0 ? "Today" : daysUntil == 1 ? "Tomorrow" : "In " + daysUntil + " days";
        return relative + " · " + DAY.format(date);
    }

    private static String place(String artist, String venue) {
        if (artist != null && venue != null) {
            return artist + " at " + venue;
        }
        return artist != null ? artist : venue != null ? venue : "";
    }

    private static Div line(Component... parts) {
        Div line = new Div(parts);
        line.addClassName("home-line");
        return line;
    }

    private static Span fact(String text) {
        Span span = new Span(text);
        span.addClassName("fact");
        return span;
    }

    private static Paragraph empty(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("empty-state");
        return p;
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
