package app.roadbook.shows.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.shows.ShowRecords.ShowDeletion;
import app.roadbook.shows.ShowService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Asks before a show is deleted, naming it and what goes with it. A show whose advances hold agreed items is deleted
 * only once its name is typed (the service asks for the same name, decision 0027).
 */
class DeleteShowDialog extends Dialog {

    final TextField typedName = new TextField("Type the show's name to confirm");
    final Button delete = new Button("Delete show");
    final Paragraph consequences = new Paragraph();

    DeleteShowDialog(ShowService shows, UUID orgId, ShowDeletion deletion, Runnable deleted) {
        setHeaderTitle("Delete the show " + deletion.name() + "?");
        setWidth("min(36rem, 100vw)");
        consequences.setText(consequences(deletion));
        add(consequences);
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        if (deletion.guarded()) {
            Paragraph guard = new Paragraph("Its advances have " + count(deletion.agreedItems(), "agreed item")
                    + ": both teams agreed on them. To delete the show anyway, type its name: " + deletion.name()
                    + ".");
            guard.addClassName("delete-guard");
            typedName.setWidthFull();
            typedName.setPlaceholder(deletion.name());
            typedName.setValueChangeMode(ValueChangeMode.EAGER);
            typedName.addValueChangeListener(e -> delete.setEnabled(matches(deletion.name(), e.getValue())));
            delete.setEnabled(false);
            add(guard, typedName);
        }
        delete.addClickListener(
                e -> Changes.attempt(() -> shows.deleteShow(orgId, deletion.showId(), typedName.getValue()), () -> {
                    close();
                    deleted.run();
                }));
        getFooter().add(new Button("Cancel", e -> close()), delete);
    }

    static boolean matches(String name, String typed) {
        return typed != null && typed.strip().replaceAll("\\s+", " ").equalsIgnoreCase(name);
    }

    /** "It also deletes its 2 advances, 4 schedule items … This cannot be undone." */
    static String consequences(ShowDeletion d) {
        List<String> goes = new ArrayList<>();
        if (d.advances() > 0) {
            goes.add(count(d.advances(), "advance") + " with their answers, comments and documents");
        }
        if (d.scheduleItems() > 0) {
            goes.add(count(d.scheduleItems(), "schedule item"));
        }
        if (d.crew() > 0) {
            goes.add(count(d.crew(), "crew assignment"));
        }
        if (d.guests() > 0) {
            goes.add("the guest list with " + count(d.guests(), "request"));
        }
        StringBuilder text = new StringBuilder();
        text.append(
                goes.isEmpty()
                        ? "The show goes from every list and calendar."
                        : "It also deletes its " + join(goes) + ".");
        if (d.promoters() > 0) {
            text.append(" The promoter team (")
                    .append(count(d.promoters(), "person", "people"))
                    .append(") can no longer open it.");
        }
        if (d.files() > 0) {
            text.append(" Its ")
                    .append(count(d.files(), "library file"))
                    .append(d.files() == 1 ? " stays" : " stay")
                    .append(" under Files, no longer about a show.");
        }
        return text.append(" This cannot be undone.").toString();
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
