package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Comment;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.security.access.AccessDeniedException;

/**
 * One field of an advance: both sides with an editor matching the field's type, confirm buttons, the previous value
 * of a re-opened field, and the comment thread. Saving a side nobody may change is refused by the service.
 */
class FieldPanel extends Dialog {

    final Component oursEditor;
    final Component theirsEditor;
    final Button saveOurs = new Button("Save our side");
    final Button saveTheirs = new Button("Save promoter side");
    final Button confirmOurs = new Button("Confirm ours");
    final Button confirmTheirs = new Button("Confirm promoter's");
    final TextArea comment = new TextArea("Add a comment");
    final Button addComment = new Button("Comment");

    FieldPanel(AdvancingExchange advancing, AdvancingExchange.Capabilities can, Row row, Runnable changed) {
        setHeaderTitle(row.section() + " · " + row.fieldName());
        setWidth("46rem");
        oursEditor = editor(row.type(), row.ours().value());
        theirsEditor = editor(row.type(), row.theirs().value());
        oursEditor.addClassName("ours-editor");
        theirsEditor.addClassName("theirs-editor");
        saveOurs.addThemeVariants(ButtonVariant.PRIMARY);
        saveTheirs.addThemeVariants(ButtonVariant.PRIMARY);
        saveOurs.addClickListener(e ->
                act(() -> advancing.setValue(row.ours().fieldId(), row.ours().version(), text(oursEditor)), changed));
        saveTheirs.addClickListener(e -> act(
                () -> advancing.setValue(row.theirs().fieldId(), row.theirs().version(), text(theirsEditor)), changed));
        confirmOurs.addClickListener(e ->
                act(() -> advancing.confirm(row.ours().fieldId(), row.ours().version()), changed));
        confirmTheirs.addClickListener(e ->
                act(() -> advancing.confirm(row.theirs().fieldId(), row.theirs().version()), changed));
        addComment.addClickListener(
                e -> act(() -> advancing.addComment(row.ours().fieldId(), comment.getValue()), changed));
        comment.setMaxLength(4000);
        saveOurs.setVisible(can.editOurs());
        saveTheirs.setVisible(can.editTheirs());
        confirmOurs.setVisible(can.confirm());
        confirmTheirs.setVisible(can.confirm());
        ((HasValue<?, ?>) oursEditor).setReadOnly(!can.editOurs());
        ((HasValue<?, ?>) theirsEditor).setReadOnly(!can.editTheirs());
        comment.setVisible(can.comment());
        addComment.setVisible(can.comment());

        VerticalLayout comments = new VerticalLayout();
        comments.setPadding(false);
        for (Comment c : advancing.comments(row.ours().fieldId())) {
            comments.add(new Paragraph(c.author() + " (" + c.at().format(AdvanceView.WHEN) + "): " + c.body()));
        }
        add(
                new HorizontalLayout(
                        side("Our side", row.ours(), oursEditor, saveOurs, confirmOurs),
                        side("Promoter side", row.theirs(), theirsEditor, saveTheirs, confirmTheirs)),
                new H4("Comments"),
                comments,
                comment,
                addComment);
        getFooter().add(new Button("Close", e -> close()));
    }

    private static VerticalLayout side(String label, Side side, Component editor, Button save, Button confirm) {
        VerticalLayout column =
                new VerticalLayout(new H4(label + (side.confirmed() ? " ✓ confirmed" : "")), editor, save, confirm);
        column.setPadding(false);
        if (side.previousValue() != null && !side.confirmed()) {
            column.add(new Div("Previously confirmed: " + side.previousValue()));
        }
        confirm.setEnabled(side.value() != null && !side.confirmed());
        return column;
    }

    private void act(Runnable action, Runnable changed) {
        try {
            action.run();
            close();
            changed.run();
        } catch (ConcurrentChangeException conflict) {
            Changes.changedBySomeoneElse(conflict, () -> {
                close();
                changed.run();
            });
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
        }
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
