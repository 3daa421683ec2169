package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Comment;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Formats;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.base.ui.Changes;
import app.roadbook.base.ui.ReaderZone;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.ZoneId;
import org.springframework.security.access.AccessDeniedException;

/**
 * The comments on one field, both parties', oldest first, with their times in the venue's zone (named). Editors of
 * either party add comments while the advance is open; everyone deletes their own, after confirming.
 */
class CommentsDialog extends Dialog {

    final TextArea comment = new TextArea("Add a comment");
    final Button add = new Button("Comment");
    private final VerticalLayout thread = new VerticalLayout();
    private final AdvancingExchange advancing;
    private final Row row;
    private final ZoneId zone;
    private final Runnable changed;

    CommentsDialog(
            AdvancingExchange advancing, AdvancingExchange.Capabilities can, Row row, ZoneId zone, Runnable changed) {
        this.advancing = advancing;
        this.row = row;
        this.zone = zone;
        this.changed = changed;
        setHeaderTitle(row.section() + " · " + row.fieldName());
        setWidth("min(40rem, 100vw)");
        thread.setPadding(false);
        thread.addClassName("comment-thread");
        comment.setMaxLength(4000);
        comment.setWidthFull();
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.addClickListener(e -> attempt(() -> advancing.addComment(row.ours().fieldId(), comment.getValue()), () -> {
            comment.clear();
            showThread(can);
            changed.run();
        }));
        comment.setVisible(can.comment());
        add.setVisible(can.comment());
        showThread(can);
        add(thread, comment, add);
        getFooter().add(new Button("Close", e -> close()));
    }

    /**
     * Runs a change, then {@code refresh}. When the field is gone for the reader (their access ended, or the advance
     * was deleted), the dialog closes and the page says so.
     */
    private void attempt(Runnable change, Runnable refresh) {
        try {
            change.run();
        } catch (NotFoundException gone) {
            close();
            changed.run();
            return;
        } catch (ConcurrentChangeException conflict) {
            Changes.changedBySomeoneElse(conflict, refresh);
            return;
        } catch (Refusal | AccessDeniedException refused) {
            Changes.refuse(refused.getMessage());
            return;
        }
        refresh.run();
    }

    private void showThread(AdvancingExchange.Capabilities can) {
        thread.removeAll();
        var all = advancing.comments(row.ours().fieldId());
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph("No comments yet.");
            empty.addClassName("empty-state");
            thread.add(empty);
        }
        for (Comment c : all) {
            Div line = new Div();
            line.addClassName("comment");
            // On the venue's clock, the zone named unless the reader's own clock is the venue's.
            Span meta = new Span(
                    c.author() + ", " + Formats.dateTime(c.at().toInstant(), zone, ReaderZone.current()) + ": ");
            meta.addClassName("comment-meta");
            line.add(meta, new Span(c.body()));
            if (c.mine() && can.comment()) {
                Button delete = new Button(
                        "Delete",
                        e -> Changes.confirmFirst(
                                "Delete your comment?",
                                "The comment is removed for both teams. This cannot be undone.",
                                "Delete comment",
                                () -> attempt(() -> advancing.deleteComment(c.id()), () -> {
                                    showThread(can);
                                    changed.run();
                                })));
                delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                delete.setAriaLabel("Delete your comment");
                line.add(delete);
            }
            thread.add(line);
        }
    }
}
