package app.roadbook.crew.ui;

import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.crew.CrewRules;
import app.roadbook.crew.Duties;
import app.roadbook.crew.PersonOption;
import app.roadbook.crew.ShowCrew;
import app.roadbook.crew.ShowRef;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Puts someone on a show: from the show page one chooses the person, from a person's page the show. Choosing someone
 * who is on another show that day shows a warning naming that show; the editor may still assign them.
 */
class AssignDialog extends Dialog {

    final ComboBox<PersonOption> person = new ComboBox<>("Person");
    final ComboBox<ShowRef> show = new ComboBox<>("Show");
    final ComboBox<String> duty = dutyField("Duty");
    final Paragraph warning = new Paragraph();
    final Button assign = new Button("Assign");

    private final ShowCrew crew;
    private final UUID orgId;
    private final Supplier<UUID> showId;
    private final Supplier<UUID> personId;
    private final Supplier<String> personName;

    /** From the show page: who works this show. */
    static AssignDialog forShow(ShowCrew crew, List<PersonOption> people, UUID orgId, UUID showId, Runnable done) {
        AssignDialog dialog = new AssignDialog(crew, orgId, () -> showId, null, done);
        dialog.setHeaderTitle("Assign crew to this show");
        dialog.person.setItems(people);
        dialog.person.setItemLabelGenerator(PersonOption::label);
        dialog.person.setPlaceholder("Choose someone from the roster");
        dialog.person.addValueChangeListener(e -> dialog.checkSameDay());
        dialog.add(new FormLayout(dialog.person, dialog.duty), dialog.warning);
        return dialog;
    }

    /** From a person's page: which show they work. */
    static AssignDialog forPerson(
            ShowCrew crew, List<ShowRef> shows, UUID orgId, UUID personId, String name, Runnable done) {
        AssignDialog dialog = new AssignDialog(crew, orgId, null, () -> personId, done);
        dialog.setHeaderTitle("Assign " + name + " to a show");
        dialog.show.setItems(shows);
        dialog.show.setItemLabelGenerator(ShowRef::label);
        dialog.show.setPlaceholder("Choose a show");
        dialog.show.addValueChangeListener(e -> dialog.checkSameDay());
        dialog.add(new FormLayout(dialog.show, dialog.duty), dialog.warning);
        return dialog;
    }

    private AssignDialog(
            ShowCrew crew, UUID orgId, Supplier<UUID> fixedShow, Supplier<UUID> fixedPerson, Runnable done) {
        this.crew = crew;
        this.orgId = orgId;
        this.showId = fixedShow != null
                ? fixedShow
                : () -> show.getValue() == null ? null : show.getValue().id();
        this.personId = fixedPerson != null
                ? fixedPerson
                : () -> person.getValue() == null ? null : person.getValue().id();
        this.personName = () ->
                person.getValue() == null ? "This person" : person.getValue().name();
        setWidth("36rem");
        setMaxWidth("100%");
        warning.addClassName("double-booking");
        warning.setVisible(false);
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.addClickListener(e -> assign(done));
        getFooter().add(new Button("Cancel", e -> close()), assign);
    }

    /** The duty: one of the usual ones, or whatever the crew calls it. */
    static ComboBox<String> dutyField(String label) {
        ComboBox<String> field = new ComboBox<>(label);
        field.setItems(Duties.SUGGESTED);
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(e -> field.setValue(e.getDetail()));
        field.setClearButtonVisible(true);
        field.setPlaceholder("Choose or type a duty");
        return field;
    }

    private void checkSameDay() {
        UUID s = showId.get();
        UUID p = personId.get();
        List<ShowRef> sameDay = s == null || p == null ? List.of() : crew.sameDay(orgId, s, p);
        warning.setVisible(!sameDay.isEmpty());
        assign.setText(sameDay.isEmpty() ? "Assign" : "Assign anyway");
        if (!sameDay.isEmpty()) {
            String who = show.getValue() != null || person.getValue() == null ? "They are" : personName.get() + " is";
            warning.setText(
                    who + " already on " + sameDay.stream().map(ShowRef::name).collect(Collectors.joining(" and "))
                            + " that day (" + sameDay.getFirst().day() + "). You can still assign them.");
        }
    }

    private void assign(Runnable done) {
        UUID s = showId.get();
        UUID p = personId.get();
        if (p == null) {
            person.setErrorMessage("Choose who to assign.");
            person.setInvalid(true);
            return;
        }
        if (s == null) {
            show.setErrorMessage("Choose a show.");
            show.setInvalid(true);
            return;
        }
        if (duty.getValue() != null && duty.getValue().strip().length() > CrewRules.MAX_DUTY) {
            duty.setErrorMessage("Keep the duty to " + CrewRules.MAX_DUTY + " characters.");
            duty.setInvalid(true);
            return;
        }
        try {
            ShowCrew.Assigned assigned = crew.assign(orgId, s, p, duty.getValue());
            close();
            String message = assigned.sameDay().isEmpty()
                    ? "Assigned " + assigned.person() + "."
                    : "Assigned " + assigned.person() + ", who is also on "
                            + assigned.sameDay().stream().map(ShowRef::name).collect(Collectors.joining(" and "))
                            + " that day.";
            Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(
                            assigned.sameDay().isEmpty() ? NotificationVariant.SUCCESS : NotificationVariant.WARNING);
            done.run();
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
        }
    }
}
