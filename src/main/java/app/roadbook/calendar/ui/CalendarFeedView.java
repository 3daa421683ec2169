package app.roadbook.calendar.ui;

import app.roadbook.calendar.CalendarFeeds;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The calendar feed on its own page, for everyone signed in: external collaborators reach it from "My shows" (they
 * have no Calendar page, which shows an org's own data).
 */
@Route("calendar-feed")
@PageTitle("Calendar feed · Roadbook")
@PermitAll
public class CalendarFeedView extends VerticalLayout {

    final FeedPanel panel;

    public CalendarFeedView(CalendarFeeds feeds) {
        addClassName("calendar-feed-view");
        panel = new FeedPanel(feeds);
        add(new Anchor("my-shows", "← My shows"), new H2("Calendar feed"), panel);
    }
}
