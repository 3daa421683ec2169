package app.roadbook.schedule.ui;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.schedule.Audience;
import app.roadbook.schedule.ItemType;
import app.roadbook.schedule.ScheduleBook;
import app.roadbook.schedule.ScheduleDraft;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Adds or changes one schedule item. Times are on the venue's clock; a travel item asks for the zone of its departure
 * and of its arrival. An item the advance holds keeps its time, title, type and audience (they change in the advance).
 */
class ScheduleItemDialog extends Dialog {

    final Select<ItemType> type = new Select<>();
    final TextField title = new TextField("Title");
    final DatePicker day = new DatePicker("Day");
    final TimePicker starts = new TimePicker("Starts");
    final ComboBox<String> startsZone = new ComboBox<>("Departure time zone");
    final DatePicker endDay = new DatePicker("End day");
    final TimePicker ends = new TimePicker("Ends");
    final ComboBox<String> endsZone = new ComboBox<>("Arrival time zone");
    final TextField location = new TextField("Location");
    final TextArea notes = new TextArea("Notes");
    final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>("Who may see it");
    final MultiSelectComboBox<UUID> people = new MultiSelectComboBox<>("Named people");
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Save");

    private final Binder<ScheduleDraft> binder = new Binder<>(ScheduleDraft.class);
    private final ScheduleBook book;
    private final UUID orgId;
    private final UUID showId;
    private final UUID itemId;
    private final Runnable saved;
    private int version;

    ScheduleItemDialog(ScheduleBook book, UUID orgId, UUID showId, UUID itemId, Runnable saved) {
        this.book = book;
        this.orgId = orgId;
        this.showId = showId;
        this.itemId = itemId;
        this.saved = saved;
        ScheduleBook.ShowDay show = book.showDay(orgId, showId);
        Map<UUID, String> assignable = book.assignable(orgId, showId);
        setHeaderTitle(itemId == null ? "Add to the day" : "Change item");
        addClassName("schedule-item-dialog");

        type.setLabel("Type");
        type.setItems(ItemType.values());
        type.setItemLabelGenerator(ItemType::label);
        title.setPlaceholder("Named after the type");
        title.setHelperText("For example: Flight SK 809 or Lunch at the venue.");
        List<String> zones = ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted()
                .toList();
        for (ComboBox<String> zone : List.of(startsZone, endsZone)) {
            zone.setItems(zones);
            zone.setAllowCustomValue(true);
            zone.addCustomValueSetListener(e -> zone.setValue(e.getDetail()));
            zone.setHelperText("Where the clock is, e.g. Europe/London.");
        }
        starts.setStep(Duration.ofMinutes(5));
        ends.setStep(Duration.ofMinutes(5));
        endDay.setHelperText("Leave as is unless it ends on another day.");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(Audience::label);
        people.setItems(assignable.keySet());
        people.setItemLabelGenerator(id -> assignable.getOrDefault(id, "Someone"));
        people.setHelperText(
                assignable.isEmpty() ? "Nobody is assigned to this show yet." : "Only people assigned to this show.");
        audience.addValueChangeListener(e -> people.setVisible(e.getValue() == Audience.named));
        type.addValueChangeListener(e -> travelFields(e.getValue() == ItemType.travel, show.timezone()));
        day.addValueChangeListener(e -> {
            if (e.getValue() != null && (endDay.isEmpty() || endDay.getValue().equals(e.getOldValue()))) {
                endDay.setValue(e.getValue());
            }
        });
        problem.addClassName("form-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);

        binder.forField(type).asRequired("Choose what kind of item this is.").bind("type");
        binder.forField(title).bind("title");
        binder.forField(day).asRequired("Give the item a day.").bind("day");
        binder.forField(starts).asRequired("Give the start time.").bind("starts");
        binder.forField(startsZone).bind("startsZone");
        binder.forField(endDay).bind("endDay");
        binder.forField(ends).bind("ends");
        binder.forField(endsZone).bind("endsZone");
        binder.forField(location).bind("location");
        binder.forField(notes).bind("notes");
        binder.forField(audience).asRequired("Choose who may see the item.").bind("audience");
        binder.forField(people).bind("people");

        FormLayout form = new FormLayout(
                type, title, day, starts, startsZone, endDay, ends, endsZone, location, audience, people, notes);
        form.setColspan(notes, 2);
        form.setColspan(audience, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        add(problem, form);

        if (itemId == null) {
            binder.readRecord(new ScheduleDraft(
                    ItemType.other,
                    null,
                    show.date(),
                    null,
                    show.timezone(),
                    show.date(),
                    null,
                    show.timezone(),
                    null,
                    null,
                    Audience.all,
                    Set.of()));
        } else {
            ScheduleBook.ItemForm item = book.item(orgId, itemId);
            version = item.version();
            binder.readRecord(item.draft());
            if (item.fromAdvance()) {
                type.setReadOnly(true);
                title.setReadOnly(true);
                day.setReadOnly(true);
                starts.setReadOnly(true);
                audience.setReadOnly(true);

                Paragraph agreed = new Paragraph("Agreed in the advance: its time, title and audience change there."
                        + " You can add an end, a location and notes.");
                agreed.addClassName("agreed-note");
                addComponentAsFirst(agreed);
            }
        }
        travelFields(type.getValue() == ItemType.travel, show.timezone());
        people.setVisible(audience.getValue() == Audience.named);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(760px, 100vw)");
    }

    private void travelFields(boolean travel, String venueZone) {
        startsZone.setVisible(travel);
        endsZone.setVisible(travel);
        starts.setLabel(travel ? "Departs" : "Starts (venue time)");
        ends.setLabel(travel ? "Arrives" : "Ends (venue time, optional)");
        if (travel) {
            if (startsZone.isEmpty()) {
                startsZone.setValue(venueZone);
            }
            if (endsZone.isEmpty()) {
                endsZone.setValue(venueZone);
            }
        }
    }

    private void save() {
        ScheduleDraft draft;
        try {
            draft = binder.writeRecord();
        } catch (ValidationException invalid) {
            return;
        }
        try {
            if (itemId == null) {
                book.add(orgId, showId, draft);
            } else {
                book.update(orgId, itemId, version, draft);
            }
            close();
            saved.run();
        } catch (ConcurrentChangeException conflict) {
            close();
            Changes.changedBySomeoneElse(conflict, saved);
        } catch (Refusal refused) {
            problem.setText(refused.getMessage());
            problem.setVisible(true);
        }
    }
}
