package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.advancing.FieldAgreement;
import app.roadbook.advancing.FieldStance;
import app.roadbook.advancing.Party;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One field of an advance as a card: its name, its state in words, both sides labelled from the reader's point of
 * view (their own side first), and the reader's actions on their own side: answer, accept the other side's value,
 * decline it with a reason, and the comments. On a wide screen the card is one line of a table; below 600 px its
 * parts stack (roadbook.css), so nothing the reader needs is off-screen.
 */
class FieldCard extends Div {

    /** What the card asks of the page; the page runs it through the service and reloads. */
    interface Actions {
        void answer(Side side, String value);

        void accept(Side mine, Side theirs);

        void decline(Row row, Side mine, Side theirs);

        void comments(Row row);
    }

    final Row row;
    final Button edit = new Button("Edit");
    final Button accept = new Button();
    final Button decline = new Button("Decline");
    final Button comments;
    final Button save = new Button("Save");
    Component editor;

    FieldCard(Row row, AdvancingExchange.Capabilities can, Actions actions) {
        this.row = row;
        addClassName("field-card");
        getElement().setAttribute("data-state", row.agreement().name());
        Party reader = can.party() == null ? Party.from_us : can.party();

        Div name = new Div(row.fieldName());
        name.addClassName("field-name");
        add(name, sideBlock(row, reader, can), sideBlock(row, reader.other(), can), state(row));

        Div actionBar = new Div();
        actionBar.addClassName("field-actions");
        Side mine = row.side(reader);
        Side theirs = row.side(reader.other());
        if (can.answers(reader)) {
            edit.addThemeVariants(ButtonVariant.SMALL);
            edit.setAriaLabel("Edit " + row.fieldName());
            edit.addClickListener(e -> startEditing(mine));
            // Listened to once: the Save button outlives a cancelled edit, and a second listener would save twice.
            save.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            save.addClickListener(e -> save(mine, actions));
            actionBar.add(edit);
            row.acceptable(reader).ifPresent(value -> {
                accept.setText("Accept " + value);
                accept.setAriaLabel("Accept " + value + " for " + row.fieldName());
                accept.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
                accept.addClickListener(e -> actions.accept(mine, theirs));
                actionBar.add(accept);
            });
            row.declinable(reader).ifPresent(value -> {
                decline.setAriaLabel("Decline " + value + " for " + row.fieldName());
                decline.addThemeVariants(ButtonVariant.SMALL);
                decline.addClickListener(e -> actions.decline(row, mine, theirs));
                actionBar.add(decline);
            });
        }
        comments = new Button(row.comments() == 0 ? "Comments" : "Comments (" + row.comments() + ")");
        comments.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        comments.setAriaLabel("Comments on " + row.fieldName());
        comments.addClickListener(e -> actions.comments(row));
        actionBar.add(comments);
        add(actionBar);
    }

    /** One party's side: its label from the reader's point of view, its value, and what moved. */
    private static Div sideBlock(Row row, Party party, AdvancingExchange.Capabilities can) {
        Side side = row.side(party);
        Div block = new Div();
        block.addClassName("field-side");
        block.addClassName(party == can.party() ? "mine" : "other");
        Span label = new Span(sideLabel(party, can.party()));
        label.addClassName("side-label");
        Span value = new Span(side.value() == null ? "—" : side.value());
        value.addClassName("side-value");
        block.add(label, value);
        if (side.stance() == FieldStance.open && side.value() != null) {
            block.add(note("not accepted yet"));
        }
        return block;
    }

    /** "Your side" for the reader's own party when it is the promoter, the party's name otherwise. */
    static String sideLabel(Party party, Party reader) {
        return party == reader && reader == Party.from_you ? "Your side" : party.label();
    }

    private static Div state(Row row) {
        Div block = new Div();
        block.addClassName("field-state");
        Span badge = new Span(row.agreement().label());
        badge.addClassName("state-badge");
        badge.getElement().getThemeList().add("badge");
        switch (row.agreement()) {
            case agreed -> badge.getElement().getThemeList().add("success");
            case declined_by_artist_team, declined_by_promoter, changed_after_agreement ->
                badge.getElement().getThemeList().add("error");
            case different -> badge.getElement().getThemeList().add("contrast");
            default -> {}
        }
        block.add(badge);
        if (row.agreement() == FieldAgreement.changed_after_agreement) {
            block.add(note("Agreed before: " + row.agreedValue()));
        }
        row.waitsOn()
                .filter(p -> row.agreement() == FieldAgreement.changed_after_agreement)
                .ifPresent(p -> block.add(note("Waiting for the " + p.label().toLowerCase())));
        Side decliner = row.agreement() == FieldAgreement.declined_by_artist_team
                ? row.ours()
                : row.agreement() == FieldAgreement.declined_by_promoter ? row.theirs() : null;
        if (decliner != null) {
            block.add(note("Reason: " + decliner.declineReason()));
        }
        return block;
    }

    private static Div note(String text) {
        Div note = new Div(text);
        note.addClassName("field-note");
        return note;
    }

    private void startEditing(Side mine) {
        if (editor != null) {
            return;
        }
        editor = editor(row.type(), mine.value());
        editor.addClassName("field-editor");
        ((com.vaadin.flow.component.HasLabel) editor).setLabel(row.fieldName());
        Button cancel = new Button("Cancel", e -> stopEditing());
        cancel.addThemeVariants(ButtonVariant.SMALL);
        Div form = new Div(editor, save, cancel);
        form.addClassName("field-edit");
        add(form);
        ((com.vaadin.flow.component.Focusable<?>) editor).focus();
    }

    private void save(Side mine, Actions actions) {
        String now = text(editor);
        String value = now == null || now.isBlank() ? null : now;
        if (Objects.equals(value, mine.value()) && mine.stance() != FieldStance.open) {
            stopEditing();
            return;
        }
        actions.answer(mine, value);
    }

    private void stopEditing() {
        getChildren().filter(c -> c.hasClassName("field-edit")).findFirst().ifPresent(this::remove);
        editor = null;
    }

    static Component editor(FieldType type, String value) {
        return switch (type) {
            case time -> {
                TimePicker t = new TimePicker();
                t.setValue(value == null ? null : LocalTime.parse(value));
                yield t;
            }
            case date -> {
                DatePicker d = new DatePicker();
                d.setValue(value == null ? null : LocalDate.parse(value));
                yield d;
            }
            case textarea -> {
                TextArea a = new TextArea();
                a.setValue(value == null ? "" : value);
                a.setMaxLength(4000);
                a.setWidthFull();
                yield a;
            }
            case number, text -> {
                TextField f = new TextField();
                f.setValue(value == null ? "" : value);
                f.setMaxLength(500);
                yield f;
            }
        };
    }

    static String text(Component editor) {
        Object value = ((HasValue<?, ?>) editor).getValue();
        return value == null ? null : value.toString();
    }
}
