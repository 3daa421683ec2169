package app.roadbook.guests.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.ui.MyShowsView;
import app.roadbook.guests.GuestLists;
import app.roadbook.guests.GuestLists.RequestDraft;
import app.roadbook.guests.GuestLists.Setup;
import app.roadbook.guests.GuestType;
import app.roadbook.shows.ui.ShowView;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The guest list page, its dialogs, the door list and the show page's guest list section, for each kind of reader. */
@RoadbookTest
class GuestListViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    GuestLists guests;

    UUID owner;
    UUID editor;
    UUID viewer;
    UUID promoter;
    UUID org;
    UUID show;

    @BeforeEach
    void world() {
        owner = fixtures.user("Olive");
        org = fixtures.organization("Guest View Co", owner);
        editor = fixtures.user("Edda");
        fixtures.member(org, editor, "editor");
        viewer = fixtures.user("Vic");
        fixtures.member(org, viewer, "viewer");
        promoter = fixtures.user("Pia");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller', 'Oslo', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, venue_id, date, title) values (?, ?, current_date + 20, 'Oslo night') returning id",
                        UUID.class,
                        org,
                        venue);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
    }

    @Test
    void anEditorSetsUpTheListAddsAGuestAndApprovesThem() {
        fixtures.signIn(editor);
        GuestListView view = navigate("shows/" + show + "/guests", GuestListView.class);
        assertThat(view.empty.getText()).startsWith("No guest list yet. Set it up");
        assertThat(view.addRequest.isVisible()).isFalse();
        assertThat(view.back.getHref()).isEqualTo("shows/" + show);

        test(view.setUp).click();
        GuestListSetupDialog setup = $(GuestListSetupDialog.class).single();
        test(setup.artistAllotment).setValue(2);
        test(setup.promoterAllotment).setValue(4);
        test(setup.cutoff)
                .setValue(LocalDateTime.now()
                        .plusYears(1)
                        .withHour(18)
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0));
        test(setup.save).click();
        assertThat(view.allotments.getElement().getTextRecursively())
                .contains("Artist team: 0 of 2 places taken, 2 left")
                .contains("Promoter: 0 of 4 places taken, 4 left");
        assertThat(view.cutoff.getText()).startsWith("Requests close ").endsWith(", 18:00 (Europe/Oslo).");
        assertThat(view.empty.getText()).startsWith("No requests yet. Add the first guest");

        test(view.addRequest).click();
        GuestRequestDialog request = $(GuestRequestDialog.class).single();
        assertThat(request.party.isVisible()).as("editors choose the allotment").isTrue();
        test(request.save).click();
        assertThat(request.name.isInvalid()).isTrue();
        assertThat(request.name.getErrorMessage())
                .isEqualTo("Give the guest's name as it should read on the door list.");
        test(request.name).setValue("Ann Band");
        test(request.plusOnes).setValue(2);
        test(request.save).click();
        assertThat(request.problem.getText())
                .as("the dialog stays open and says how many places are left")
                .isEqualTo(
                        "The artist team's allotment has 2 places left (0 of 2 taken): this request needs 3 places.");
        test(request.plusOnes).setValue(1);
        test(request.save).click();
        assertThat(request.isOpened()).isFalse();

        assertThat(view.cards).singleElement().satisfies(card -> {
            assertThat(card.getElement().getTextRecursively())
                    .contains("Ann Band +1")
                    .contains("Requested")
                    .contains("Artist team allotment")
                    .contains("Requested by Edda");
            assertThat(card.approve.isVisible()).isTrue();
        });
        test(view.cards.getFirst().approve).click();
        assertThat(view.cards.getFirst().getElement().getTextRecursively()).contains("Approved");
        assertThat(view.cards.getFirst().approve.isVisible()).isFalse();

        DoorListView door = navigate("shows/" + show + "/guests/door-list", DoorListView.class);
        assertThat(door.total.getText()).isEqualTo("1 name, 2 people in all");
        assertThat(door.lines.getElement().getTextRecursively())
                .contains("Ann Band")
                .contains("+1");
    }

    @Test
    void thePromoterSeesTheirAllotmentAndRequestsButDecidesNothing() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(5, 3, null));
        guests.request(show, new RequestDraft(null, "Ann Band", 0, GuestType.guest, null));
        fixtures.signIn(promoter);
        GuestListView view = navigate("shows/" + show + "/guests", GuestListView.class);
        assertThat(view.back.getHref()).isEqualTo("my-shows");
        assertThat(view.allotments.getElement().getTextRecursively())
                .isEqualTo("Promoter: 0 of 3 places taken, 3 left");
        assertThat(view.setUp.isVisible()).isFalse();
        assertThat(view.cards).isEmpty();

        test(view.addRequest).click();
        GuestRequestDialog request = $(GuestRequestDialog.class).single();
        assertThat(request.party.isVisible())
                .as("the promoter asks on its own allotment")
                .isFalse();
        test(request.name).setValue("Lars Local");
        test(request.type).selectItem("Press");
        test(request.save).click();
        assertThat(view.cards).singleElement().satisfies(card -> {
            assertThat(card.getElement().getTextRecursively())
                    .contains("Lars Local")
                    .contains("Press");
            assertThat(card.approve.isVisible()).isFalse();
            assertThat(card.decline.isVisible()).isFalse();
            assertThat(card.withdraw.isVisible()).isTrue();
        });

        navigate("my-shows", MyShowsView.class);
        assertThat($(Anchor.class).withClassName("my-show-guest-list").single().getHref())
                .as("the promoter reaches the guest list from My shows")
                .isEqualTo("shows/" + show + "/guests");
    }

    @Test
    void aViewerReadsAndAnOutsiderFindsNothing() {
        fixtures.signIn(editor);
        guests.setUp(show, null, new Setup(5, 3, null));
        guests.request(show, new RequestDraft(null, "Ann Band", 0, GuestType.guest, null));
        fixtures.signIn(viewer);
        GuestListView view = navigate("shows/" + show + "/guests", GuestListView.class);
        assertThat(view.cards).hasSize(1);
        assertThat(view.addRequest.isVisible()).isFalse();
        assertThat(view.setUp.isVisible()).isFalse();
        assertThat(view.cards.getFirst().approve.isVisible()).isFalse();
        assertThat(view.cards.getFirst().withdraw.isVisible()).isFalse();

        UUID stranger = fixtures.user("Stranger");
        fixtures.organization("Elsewhere", stranger);
        fixtures.signIn(stranger);
        navigate("shows/" + show + "/guests", Component.class);
        assertThat(getCurrentView()).isNotInstanceOf(GuestListView.class);
    }

    @Test
    void theShowPageSummarisesTheGuestListAndLinksToIt() {
        fixtures.signIn(editor);
        navigate("shows/" + show, ShowView.class);
        Anchor link = $(Anchor.class).withClassName("guest-list-link").single();
        assertThat(link.getText()).isEqualTo("Set up the guest list");
        assertThat(link.getHref()).isEqualTo("shows/" + show + "/guests");

        guests.setUp(show, null, new Setup(5, 3, null));
        guests.request(show, new RequestDraft(null, "Ann Band", 1, GuestType.guest, null));
        navigate("shows/" + show, ShowView.class);
        String section = $(com.vaadin.flow.component.html.Div.class)
                .withClassName("guest-list-section")
                .single()
                .getElement()
                .getTextRecursively();
        assertThat(section)
                .contains("Artist team: 2 of 5 places taken, 3 left")
                .contains("0 approved · 1 waiting for approval")
                .contains("No cutoff");
        assertThat($(Anchor.class).withClassName("guest-list-link").single().getText())
                .isEqualTo("Open the guest list");
    }
}
