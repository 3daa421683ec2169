package app.roadbook.shows.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.VenueRow;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.shows.VenueService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Create or edit a show; times are entered as wall-clock times at the chosen venue. */
class ShowEditor extends Dialog {

    final DatePicker date = new DatePicker("Date");
    final ComboBox<ArtistOption> artist = new ComboBox<>("Artist");
    final ComboBox<VenueRow> venue = new ComboBox<>("Venue");
    final TimePicker doors = new TimePicker("Doors (venue time)");
    final TimePicker setTime = new TimePicker("Set time (venue time)");
    final Select<ShowStatus> status = new Select<>();
    final TextField title = new TextField("Title");
    final BigDecimalField fee = new BigDecimalField("Fee");
    final TextField feeCurrency = new TextField("Currency");
    final TextArea notes = new TextArea("Internal notes");
    final Button save = new Button("Save");
    private final Binder<ShowDraft> binder = new Binder<>(ShowDraft.class);

    /**
     * Once a show is advanced, its doors and set time are agreed in the advance, which writes them through: the
     * editor shows them read-only and says where to change them.
     */
    ShowEditor timesAgreedInAdvance(boolean advanced) {
        if (advanced) {
            for (TimePicker time : List.of(doors, setTime)) {
                time.setReadOnly(true);
                time.setHelperText("Agreed in the advance: change it there");
            }
        }
        return this;
    }

    /** The services the editor works with. */
    record Services(ShowService shows, ArtistService artists, VenueService venues) {}

    ShowEditor(Services services, UUID orgId, UUID showId, int version, ShowDraft draft, Consumer<UUID> saved) {
        setHeaderTitle(showId == null ? "New show" : "Edit show");
        setWidth("44rem");
        ShowService shows = services.shows();
        List<ArtistOption> artists = services.artists().options(orgId, draft == null ? null : draft.artistId());
        List<VenueRow> venues = services.venues().venues(orgId);
        artist.setItems(artists);
        artist.setItemLabelGenerator(ArtistOption::name);
        artist.setClearButtonVisible(true);
        venue.setItems(venues);
        venue.setItemLabelGenerator(v -> v.label() + " · " + v.timezone());
        venue.setClearButtonVisible(true);
        venue.addValueChangeListener(e -> {
            String zone = e.getValue() == null ? "choose a venue" : e.getValue().timezone();
            doors.setHelperText(zone);
            setTime.setHelperText(zone);
        });
        doors.setStep(Duration.ofMinutes(15));
        setTime.setStep(Duration.ofMinutes(15));
        status.setLabel("Status");
        status.setItems(ShowStatus.values());
        status.setItemLabelGenerator(ShowsView::statusLabel);
        feeCurrency.setMaxLength(3);
        title.setMaxLength(200);
        notes.setMaxLength(5000);

        binder.forField(artist)
                .withConverter(
                        a -> a == null ? null : a.id(),
                        id -> artists.stream()
                                .filter(a -> a.id().equals(id))
                                .findFirst()
                                .orElse(null))
                .bind("artistId");
        binder.forField(venue)
                .withConverter(
                        v -> v == null ? null : v.id(),
                        id -> venues.stream()
                                .filter(v -> v.id().equals(id))
                                .findFirst()
                                .orElse(null))
                .bind("venueId");
        binder.forField(date).asRequired("Give the show a date.").bind("date");
        binder.forField(doors)
                .withValidator(
                        t -> t == null || venue.getValue() != null, "Choose the venue first: times are local to it.")
                .bind("doors");
        binder.forField(setTime)
                .withValidator(
                        t -> t == null || venue.getValue() != null, "Choose the venue first: times are local to it.")
                .bind("setTime");
        binder.forField(status).asRequired().bind("status");
        binder.forField(title).bind("title");
        binder.forField(fee)
                .withValidator(
                        f -> f == null
                                || (f.signum() >= 0 && f.stripTrailingZeros().scale() <= 2),
                        "A positive amount with at most two decimals.")
                .bind("fee");
        binder.forField(feeCurrency)
                .withValidator(
                        c -> c == null || c.isBlank() || c.strip().matches("[A-Za-z]{3}"),
                        "A three-letter code such as EUR.")
                .bind("feeCurrency");
        binder.forField(notes).bind("notes");
        binder.readRecord(draft);

        FormLayout form = new FormLayout(date, status, artist, venue, doors, setTime, title, fee, feeCurrency);
        form.add(notes, 2);
        add(form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> {
            ShowDraft d;
            try {
                d = binder.writeRecord();
            } catch (ValidationException invalid) {
                return;
            }
            try {
                UUID id = showId == null ? shows.createShow(orgId, d) : showId;
                if (showId != null) {
                    shows.updateShow(orgId, showId, version, d);
                }
                close();
                saved.accept(id);
            } catch (ConcurrentChangeException conflict) {
                Changes.changedBySomeoneElse(conflict, () -> {
                    close();
                    saved.accept(showId);
                });
            } catch (Refusal refused) {
                Changes.refuse(refused.getMessage());
            }
        });
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
