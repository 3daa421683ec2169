package app.roadbook.advancing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.advancing.AdvancingBoard;
import app.roadbook.advancing.AdvancingBoard.MyAdvance;
import app.roadbook.advancing.AdvancingBoard.MyShow;
import app.roadbook.advancing.AdvancingBoard.Progress;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A promoter's "My shows": their granted shows with each advance's figures, and nothing of any other show. */
@RoadbookTest
class MyShowsViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    AdvancingExchange exchange;

    @Autowired
    AdvancingBoard board;

    AdvancesUnderWay data;

    @BeforeEach
    void advancesUnderWay() {
        data = new AdvancesUnderWay(fixtures, exchange);
    }

    @Test
    void thePromoterSeesTheirShowsByDateWithWhatWaitsOnThem() {
        fixtures.signIn(data.promoter);
        MyShowsView view = navigate("", MyShowsView.class);
        assertThat(view.empty.isVisible()).isFalse();
        assertThat(view.cards).extracting(c -> c.title.getText()).containsExactly("Oslo night", "Copenhagen night");

        MyShowsView.ShowCard oslo = view.cards.get(0);
        MyShow show = oslo.show;
        assertThat(show.orgName()).isEqualTo("Board Touring");
        assertThat(show.artistName()).isEqualTo("The Auroras");
        assertThat(show.venueName() + ", " + show.venueCity()).isEqualTo("Rockefeller, Oslo");
        assertThat(show.daysUntil()).isEqualTo(3);
        assertThat(show.canEdit()).isTrue();
        assertThat(show.doors())
                .as("the agreed doors time wrote through to the show")
                .hasToString("19:00");
        MyAdvance advance = show.advances().getFirst();
        assertThat(show.advances()).hasSize(1);
        assertThat(advance.title()).isEqualTo("Oslo advance");
        assertThat(advance.progress()).isEqualTo(new Progress(AdvancesUnderWay.FIELDS, 1, 4, 1, 1, 1));
        assertThat(oslo.links).singleElement().satisfies(link -> {
            assertThat(link.getText()).isEqualTo("Oslo advance");
            assertThat(link.getHref()).isEqualTo("advance/" + data.oslo);
        });
        String text = oslo.getElement().getTextRecursively();
        assertThat(text)
                .contains("1 of 19 agreed")
                .contains("Waits on you1")
                .contains("Waits on the artist team4")
                .contains("Changed after agreement1")
                .contains("Declined1")
                .contains("Advancing with Board Touring")
                .doesNotContain("Closed");

        MyShowsView.ShowCard copenhagen = view.cards.get(1);
        assertThat(copenhagen.show.advances())
                .singleElement()
                .satisfies(
                        a -> assertThat(a.progress()).isEqualTo(new Progress(AdvancesUnderWay.FIELDS, 0, 0, 1, 0, 0)));
        assertThat(copenhagen.getElement().getTextRecursively()).contains("Waits on you1", "Waits on the artist team0");

        assertThat(view.getElement().getTextRecursively())
                .as("nothing of shows not granted to them")
                .doesNotContain("Last week", "Foreign");
    }

    @Test
    void aShowWithoutAnAdvanceSaysSoAndOnlyGrantedShowsAppear() {
        UUID newcomer = fixtures.user("Newcomer");
        data.grant(data.org, data.pastShow, newcomer);
        UUID quiet =
                data.show(data.org, data.auroras, null, AdvancesUnderWay.today().plusDays(40), "Quiet night");
        data.grant(data.org, quiet, newcomer);
        fixtures.signIn(newcomer);
        MyShowsView view = navigate(MyShowsView.class);
        assertThat(view.cards).extracting(c -> c.title.getText()).containsExactly("Last week", "Quiet night");
        MyShowsView.ShowCard last = view.cards.get(0);
        assertThat(last.show.advances()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.progress().agreed()).isEqualTo(1);
        });
        assertThat(last.getElement().getTextRecursively()).contains("Closed", "5 days ago");
        assertThat(view.cards.get(1).show.advances()).isEmpty();
        assertThat(view.cards.get(1).getElement().getTextRecursively()).contains("No advance started yet.");
    }

    @Test
    void aRevokedShowLeavesTheListAndNoShowsSaysWhatToExpect() {
        fixtures.owner()
                .update(
                        "delete from show_collaborators where show_id = ? and user_id = ?",
                        data.copenhagenShow,
                        data.promoter);
        fixtures.signIn(data.promoter);
        List<MyShow> mine = board.myShows();
        assertThat(mine).extracting(MyShow::title).containsExactly("Oslo night");

        UUID nobody = fixtures.user("Nobody");
        fixtures.signIn(nobody);
        MyShowsView view = navigate(MyShowsView.class);
        assertThat(view.cards).isEmpty();
        assertThat(view.shows.isVisible()).isFalse();
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).startsWith("No shows have been shared with you yet.");
    }

    @Test
    void titlesAreWholeForTheStylesheetToWrap() {
        UUID show = data.show(
                data.org,
                data.auroras,
                null,
                AdvancesUnderWay.today().plusDays(7),
                "The Aurora Lights with the Northern Strings Orchestra, late show");
        UUID reader = fixtures.user("Reader");
        data.grant(data.org, show, reader);
        fixtures.signIn(data.editor);
        exchange.createSession(data.org, show, null, null, null);
        fixtures.signIn(reader);
        MyShowsView view = navigate(MyShowsView.class);
        MyShowsView.ShowCard card = view.cards.getFirst();
        assertThat(card.title.getText()).isEqualTo("The Aurora Lights with the Northern Strings Orchestra, late show");
        assertThat(card.title.getClassNames()).contains("my-show-title");
        assertThat(card.getClassNames()).contains("my-show");
        Anchor link = card.links.getFirst();
        assertThat(link.getText()).isEqualTo("The Auroras");
    }
}
