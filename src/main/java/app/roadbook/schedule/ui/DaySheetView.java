package app.roadbook.schedule.ui;

import app.roadbook.base.Ids;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.schedule.Audience;
import app.roadbook.schedule.DaySheet;
import app.roadbook.schedule.DaySheets;
import app.roadbook.schedule.ScheduleEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A show's day sheet: what a tour manager hands out in the morning. For the org's members and the promoter team
 * granted the show alike; each reads only what is visible to them (the services ask the database as the reader). It
 * prints on A4 or Letter without the app's frame, and downloads as a PDF rendered on the server.
 */
@Route("shows/:showId/day-sheet")
@PermitAll
@StyleSheet("styles/day-sheet.css")
public class DaySheetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    final Anchor pdfA4 = new Anchor();
    final Anchor pdfLetter = new Anchor();
    final Button print = new Button("Print");
    private final DaySheets daySheets;
    private DaySheet sheet;

    public DaySheetView(DaySheets daySheets) {
        this.daySheets = daySheets;
        addClassName("day-sheet-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID showId = Ids.parse(event.getRouteParameters().get("showId"))
                    .orElseThrow(() -> new NotFoundException("No such show."));
            sheet = daySheets.sheet(showId);
        } catch (Refusal e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return (sheet == null ? "Day sheet" : "Day sheet · " + sheet.heading()) + " · Roadbook";
    }

    /** The sheet on screen (tests read it). */
    public DaySheet sheet() {
        return sheet;
    }

    private void render() {
        removeAll();
        UUID showId = sheet.showId();
        pdfA4.setText("PDF (A4)");
        pdfA4.setHref(pdf(showId, DaySheets.Paper.A4));
        pdfA4.getElement().setAttribute("download", true);
        pdfA4.addClassName("pdf-a4");
        pdfLetter.setText("PDF (Letter)");
        pdfLetter.setHref(pdf(showId, DaySheets.Paper.LETTER));
        pdfLetter.getElement().setAttribute("download", true);
        pdfLetter.addClassName("pdf-letter");
        print.addClickListener(e -> getElement().executeJs("window.print()"));
        Anchor back = sheet.member() ? new Anchor("shows/" + showId, "← Show") : new Anchor("my-shows", "← My shows");
        HorizontalLayout tools = new HorizontalLayout(back, print, pdfA4, pdfLetter);
        tools.setWrap(true);
        tools.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.BASELINE);
        tools.addClassName("no-print");

        Div head = new Div();
        head.addClassName("sheet-head");
        Span kicker = new Span("Day sheet" + (sheet.orgName() == null ? "" : " · " + sheet.orgName()));
        kicker.addClassName("kicker");
        H1 heading = new H1(sheet.heading().isBlank() ? "Show" : sheet.heading());
        Paragraph date = new Paragraph(DAY.format(sheet.date()));
        date.addClassName("sheet-date");
        head.add(kicker, heading, date);
        if (!sheet.venueLine().isBlank()) {
            Paragraph venue = new Paragraph(new Text(sheet.venueLine() + " "));
            venue.addClassName("sheet-venue");
            Anchor map = new Anchor(sheet.mapLink(), "Map");
            map.setTarget(AnchorTarget.BLANK);
            map.getElement().setAttribute("rel", "noopener noreferrer");
            venue.add(map);
            head.add(venue);
        }
        Paragraph zone =
                new Paragraph("Times are local to the venue (" + sheet.timezone() + ") unless a zone is given.");
        zone.addClassName("sheet-zone");
        head.add(zone);
        add(tools, head);

        add(new H2("Schedule"));
        if (sheet.schedule().isEmpty()) {
            add(new Paragraph("Nothing is scheduled for this day yet."));
        } else {
            NativeTableBody body = new NativeTableBody();
            for (ScheduleEntry e : sheet.schedule()) {
                NativeTableRow row = new NativeTableRow();
                row.addClassName("item-" + e.type().name());
                NativeTableCell when = new NativeTableCell(e.when());
                when.addClassName("when");
                Div what = new Div(strong(e.title()));
                what.add(small(details(e)));
                if (e.location() != null) {
                    what.add(small("At " + e.location()));
                }
                if (e.notes() != null) {
                    what.add(small(e.notes()));
                }
                row.add(when, new NativeTableCell(what));
                body.add(row);
            }
            NativeTable table = new NativeTable(body);
            table.addClassName("sheet-schedule");
            add(table);
        }

        List<ScheduleEntry> hotelAndTravel = sheet.hotelAndTravel();
        if (!hotelAndTravel.isEmpty()) {
            add(new H2("Hotel and travel"));
            Div block = new Div();
            block.addClassName("sheet-hotel-travel");
            for (ScheduleEntry e : hotelAndTravel) {
                Div line = new Div(strong(e.title()), new Text(" · " + e.when()));
                if (e.location() != null) {
                    line.add(small(e.location()));
                }
                if (e.notes() != null) {
                    line.add(small(e.notes()));
                }
                block.add(line);
            }
            add(block);
        }

        if (sheet.member()) {
            add(new H2("Crew"));
            if (sheet.crew().isEmpty()) {
                add(new Paragraph("Nobody is assigned to this show yet."));
            } else {
                NativeTableBody body = new NativeTableBody();
                for (DaySheet.Crew c : sheet.crew()) {
                    body.add(new NativeTableRow(
                            new NativeTableCell(c.name()),
                            new NativeTableCell(c.duty() == null ? "" : c.duty()),
                            new NativeTableCell(phone(c.phone())),
                            new NativeTableCell(c.email() == null ? "" : c.email())));
                }
                NativeTable crew = new NativeTable(body);
                crew.addClassName("sheet-crew");
                add(crew);
            }
        }

        add(new H2("Promoter team"));
        contacts(sheet.promoterTeam(), "No promoter has joined this show yet.", "sheet-promoters");
        if (!sheet.venueContacts().isEmpty()) {
            add(new H2("Venue contacts"));
            contacts(sheet.venueContacts(), "", "sheet-venue-contacts");
        }
    }

    private void contacts(List<DaySheet.Contact> contacts, String none, String className) {
        if (contacts.isEmpty()) {
            add(new Paragraph(none));
            return;
        }
        NativeTableBody body = new NativeTableBody();
        for (DaySheet.Contact c : contacts) {
            body.add(new NativeTableRow(
                    new NativeTableCell(c.name()),
                    new NativeTableCell(c.role() == null ? "" : c.role()),
                    new NativeTableCell(phone(c.phone())),
                    new NativeTableCell(c.email() == null ? "" : c.email())));
        }
        NativeTable table = new NativeTable(body);
        table.addClassName(className);
        add(table);
    }

    private static String details(ScheduleEntry e) {
        StringBuilder s = new StringBuilder(e.type().label());
        if (e.audience() != Audience.all) {
            s.append(" · ").append(e.audienceText());
        }
        if (!e.agreement().isBlank()) {
            s.append(" · ").append(e.agreement());
        }
        return s.toString();
    }

    private static Component phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return new Span("");
        }
        return new Anchor("tel:" + phone.replaceAll("[^+0-9]", ""), phone);
    }

    private static Span strong(String text) {
        Span s = new Span(text);
        s.addClassName("strong");
        return s;
    }

    private static Div small(String text) {
        Div d = new Div(text);
        d.addClassName("small");
        return d;
    }

    private DownloadHandler pdf(UUID showId, DaySheets.Paper paper) {
        // The handler asks the service again, as whoever requests the file: the same access as the page.
        return event -> {
            byte[] bytes = daySheets.pdf(showId, paper);
            event.setFileName("day-sheet-" + sheet.date() + "-" + paper.label().toLowerCase(Locale.ROOT) + ".pdf");
            event.getResponse().setContentType("application/pdf");
            event.getOutputStream().write(bytes);
        };
    }
}
