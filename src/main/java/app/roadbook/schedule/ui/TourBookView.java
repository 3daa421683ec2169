package app.roadbook.schedule.ui;

import app.roadbook.base.Refusal;
import app.roadbook.schedule.DaySheet;
import app.roadbook.schedule.DaySheets;
import app.roadbook.tenancy.CurrentOrganization;
import app.roadbook.tenancy.OrgPermission;
import app.roadbook.tenancy.RequiresOrgPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A tour book: the day sheets of one artist's shows in a date range, as one PDF. */
@Route("tour-book")
@PageTitle("Tour book · Roadbook")
@PermitAll
@RequiresOrgPermission(OrgPermission.READ_DATA)
public class TourBookView extends VerticalLayout implements BeforeEnterObserver {

    final Select<UUID> artist = new Select<>();
    final DatePicker from = new DatePicker("First day");
    final DatePicker to = new DatePicker("Last day");
    final Select<DaySheets.Paper> paper = new Select<>();
    final Button prepare = new Button("Prepare tour book");
    final Paragraph problem = new Paragraph();
    final UnorderedList contents = new UnorderedList();
    final Anchor download = new Anchor();

    private final DaySheets daySheets;
    private final CurrentOrganization currentOrganization;
    private UUID orgId;
    private Map<UUID, String> artists = Map.of();

    public TourBookView(DaySheets daySheets, CurrentOrganization currentOrganization) {
        this.daySheets = daySheets;
        this.currentOrganization = currentOrganization;
        addClassName("tour-book-view");
        artist.setLabel("Artist");
        paper.setLabel("Paper");
        paper.setItems(DaySheets.Paper.values());
        paper.setItemLabelGenerator(DaySheets.Paper::label);
        paper.setValue(DaySheets.Paper.A4);
        LocalDate today = LocalDate.now();
        from.setValue(today);
        to.setValue(today.plusMonths(1));
        prepare.addThemeVariants(ButtonVariant.PRIMARY);
        prepare.addClickListener(e -> prepare());
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        download.setText("Download tour book (PDF)");
        download.getElement().setAttribute("download", true);
        download.addClassName("tour-book-download");
        download.setVisible(false);
        for (var field : List.of(artist, paper)) {
            field.addValueChangeListener(e -> download.setVisible(false));
        }
        from.addValueChangeListener(e -> download.setVisible(false));
        to.addValueChangeListener(e -> download.setVisible(false));
        FormLayout form = new FormLayout(artist, from, to, paper);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 4));
        add(
                new H2("Tour book"),
                new Paragraph("The day sheets of an artist's shows, one after another in a single PDF to print or"
                        + " share with the crew. Each day sheet holds what you may see."),
                form,
                prepare,
                problem,
                contents,
                download);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orgId = currentOrganization.get().orElseThrow(NotFoundException::new).id();
        artists = daySheets.artists(orgId);
        artist.setItems(artists.keySet());
        artist.setItemLabelGenerator(id -> artists.getOrDefault(id, ""));
        artist.setEmptySelectionAllowed(false);
        if (artists.isEmpty()) {
            problem.setText("Add an artist and their shows first: a tour book collects an artist's day sheets.");
            problem.setVisible(true);
            prepare.setEnabled(false);
        } else {
            artist.setValue(artists.keySet().iterator().next());
        }
    }

    private void prepare() {
        problem.setVisible(false);
        contents.removeAll();
        download.setVisible(false);
        try {
            List<DaySheet> sheets = daySheets.tourBook(orgId, artist.getValue(), from.getValue(), to.getValue());
            if (sheets.isEmpty()) {
                problem.setText("This artist has no shows from " + from.getValue() + " to " + to.getValue() + ".");
                problem.setVisible(true);
                return;
            }
            sheets.forEach(s -> contents.add(new ListItem(
                    s.date() + " · " + s.heading() + (s.venueLine().isBlank() ? "" : " · " + s.venueLine()))));
            UUID artistId = artist.getValue();
            LocalDate first = from.getValue();
            LocalDate last = to.getValue();
            DaySheets.Paper size = paper.getValue();
            download.setHref(handler(artistId, first, last, size));
            download.setVisible(true);
        } catch (Refusal refused) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
        }
    }

    private DownloadHandler handler(UUID artistId, LocalDate first, LocalDate last, DaySheets.Paper size) {
        // Rendered as whoever downloads it, through the same service checks as the preview.
        return event -> {
            byte[] bytes = daySheets.tourBookPdf(orgId, artistId, first, last, size);
            event.setFileName(
                    "tour-book-" + first + "-" + last + "-" + size.label().toLowerCase(Locale.ROOT) + ".pdf");
            event.getResponse().setContentType("application/pdf");
            event.getOutputStream().write(bytes);
        };
    }
}
