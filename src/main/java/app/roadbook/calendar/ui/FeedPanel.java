package app.roadbook.calendar.ui;

import app.roadbook.base.ui.Changes;
import app.roadbook.calendar.CalendarFeeds;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in person's calendar feed: make an address, copy it (it is shown only once, as only its hash is
 * kept), replace it or revoke it, each after a confirmation. The same panel for members and collaborators.
 */
public class FeedPanel extends Div {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    final Paragraph state = new Paragraph();
    final TextField address = new TextField("Your feed address");
    final Button copy = new Button("Copy address");
    final Button create = new Button("Create feed address");
    final Button regenerate = new Button("Regenerate address");
    final Button revoke = new Button("Revoke address");

    private final CalendarFeeds feeds;

    public FeedPanel(CalendarFeeds feeds) {
        this.feeds = feeds;
        addClassName("feed-panel");
        Paragraph about = new Paragraph("Subscribe to your shows and schedule items in a calendar app (Google"
                + " Calendar, Apple Calendar, Outlook) with a private address. Anyone who has the address can read"
                + " what you see, so keep it to yourself. Revoking or regenerating it stops the old address at once;"
                + " if you lose access to a show, it leaves your calendar at the next refresh.");
        address.setReadOnly(true);
        address.setWidthFull();
        address.setHelperText("Shown only now: Roadbook keeps a fingerprint of it, not the address itself.");
        address.setVisible(false);
        copy.setVisible(false);
        copy.addClickListener(e -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", address.getValue());
            Notification.show("Address copied.");
        });
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> show(feeds.issue()));
        regenerate.addClickListener(e -> Changes.confirmFirst(
                "Regenerate the feed address?",
                "Calendars subscribed to the current address stop updating. You will get a new address to"
                        + " subscribe to.",
                "Regenerate",
                () -> show(feeds.issue())));
        revoke.addThemeVariants(ButtonVariant.ERROR);
        revoke.addClickListener(e -> Changes.confirmFirst(
                "Revoke the feed address?",
                "Calendars subscribed to it stop updating. You can create a new address later.",
                "Revoke",
                () -> {
                    feeds.revoke();
                    address.clear();
                    address.setVisible(false);
                    copy.setVisible(false);
                    Notification.show("Feed address revoked.");
                    refresh();
                }));
        FlexLayout buttons = new FlexLayout(create, regenerate, revoke);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.addClassName("feed-buttons");
        add(new H3("Calendar feed"), about, state, address, copy, buttons);
        refresh();
    }

    private void show(String url) {
        address.setValue(url);
        address.setVisible(true);
        copy.setVisible(true);
        refresh();
    }

    private void refresh() {
        Optional<Instant> since = feeds.myFeedSince();
        state.setText(
                since.map(at -> "Your current address was made on " + WHEN.format(at.atZone(ZoneOffset.UTC)) + ".")
                        .orElse("You have no feed address."));
        create.setVisible(since.isEmpty());
        regenerate.setVisible(since.isPresent());
        revoke.setVisible(since.isPresent());
    }
}
