package app.roadbook.calendar.ui;

import app.roadbook.calendar.CalendarFeeds;
import app.roadbook.calendar.CalendarItem;
import app.roadbook.calendar.CalendarPage;
import app.roadbook.calendar.CalendarShow;
import app.roadbook.calendar.Calendars;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.OrgSummary;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The org's shows and the schedule items the member may see, a month at a time, as a month grid or as a list (the
 * list suits a phone); times on each venue's clock. Below, the member's own calendar feed.
 */
@Route("calendar")
@PageTitle("Calendar · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class CalendarView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    final H3 monthTitle = new H3();
    final Button previous = new Button("‹ Previous");
    final Button next = new Button("Next ›");
    final Button today = new Button("Today");
    final Tab monthTab = new Tab("Month");
    final Tab listTab = new Tab("List");
    final Tabs views = new Tabs(monthTab, listTab);
    final Div month = new Div();
    final Div list = new Div();
    final Paragraph empty = new Paragraph();
    final FeedPanel feedPanel;

    private final Calendars calendars;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private YearMonth shown = YearMonth.now();

    public CalendarView(Calendars calendars, CalendarFeeds feeds, CurrentOrganization currentOrganization) {
        this.calendars = calendars;
        this.currentOrganization = currentOrganization;
        addClassName("calendar-view");
        month.addClassName("calendar-month");
        list.addClassName("calendar-list");
        empty.addClassName("empty-state");
        previous.addThemeVariants(ButtonVariant.TERTIARY);
        next.addThemeVariants(ButtonVariant.TERTIARY);
        today.addThemeVariants(ButtonVariant.TERTIARY);
        previous.addClickListener(e -> show(shown.minusMonths(1)));
        next.addClickListener(e -> show(shown.plusMonths(1)));
        today.addClickListener(e -> show(YearMonth.now()));
        views.addSelectedChangeListener(e -> {
            month.setVisible(views.getSelectedTab() == monthTab);
            list.setVisible(views.getSelectedTab() == listTab);
        });
        list.setVisible(false);
        FlexLayout bar = new FlexLayout(previous, monthTitle, next, today);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.CENTER);
        bar.addClassName("calendar-bar");
        feedPanel = new FeedPanel(feeds);
        add(new H2("Calendar"), bar, views, empty, month, list, feedPanel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().map(OrgSummary::id).orElseThrow(NotFoundException::new);
        show(shown);
    }

    void show(YearMonth which) {
        shown = which;
        monthTitle.setText(MONTH.format(which));
        CalendarPage page = calendars.orgCalendar(orgId, which.atDay(1), which.atEndOfMonth());
        Map<LocalDate, List<Component>> byDay = new TreeMap<>();
        Map<LocalDate, List<Component>> listByDay = new TreeMap<>();
        Map<UUID, CalendarShow> shows = new java.util.HashMap<>();
        for (CalendarShow show : page.shows()) {
            shows.put(show.showId(), show);
            byDay.computeIfAbsent(show.date(), d -> new ArrayList<>()).add(showLink(show, "calendar-show"));
            listByDay.computeIfAbsent(show.date(), d -> new ArrayList<>()).add(showLink(show, "calendar-show"));
        }
        for (CalendarItem item : page.items()) {
            LocalDate day = item.starts().toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(itemLine(item, false));
            listByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(itemLine(item, true));
        }
        month.removeAll();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            Span head = new Span(weekday.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            head.addClassName("calendar-weekday");
            month.add(head);
        }
        int lead = which.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < lead; i++) {
            Div blank = new Div();
            blank.addClassName("calendar-blank");
            month.add(blank);
        }
        for (int d = 1; d <= which.lengthOfMonth(); d++) {
            LocalDate date = which.atDay(d);
            Div cell = new Div();
            cell.addClassName("calendar-day");
            if (date.equals(LocalDate.now())) {
                cell.addClassName("calendar-today");
            }
            Span number = new Span(String.valueOf(d));
            number.addClassName("calendar-day-number");
            cell.add(number);
            byDay.getOrDefault(date, List.of()).forEach(cell::add);
            month.add(cell);
        }
        list.removeAll();
        listByDay.forEach((date, entries) -> {
            Div day = new Div();
            day.addClassName("calendar-list-day");
            H3 title = new H3(DAY.format(date));
            title.addClassName("calendar-list-date");
            day.add(title);
            entries.forEach(day::add);
            list.add(day);
        });
        boolean nothing = page.shows().isEmpty();
        empty.setText("No shows in " + MONTH.format(which) + ". Shows you add under Shows appear here.");
        empty.setVisible(nothing);
    }

    private static Anchor showLink(CalendarShow show, String className) {
        Anchor link = new Anchor("shows/" + show.showId(), show.summary());
        link.addClassName(className);
        return link;
    }

    /** "21:00–22:30 Set" on the item's own clock; the list adds the show and a zone when it is not the venue's. */
    private static Span itemLine(CalendarItem item, boolean long_) {
        String time = HH_MM.format(item.starts()) + (item.ends() == null ? "" : "–" + HH_MM.format(item.ends()));
        String zone = item.ends() != null
                        && !item.ends().getZone().equals(item.starts().getZone())
                ? " (" + item.starts().getZone().getId() + " → "
                        + item.ends().getZone().getId() + ")"
                : "";
        Span line = new Span(time + " " + (long_ ? item.summary() : item.type().label()) + zone);
        line.addClassName("calendar-item");
        return line;
    }
}
