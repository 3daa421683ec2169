package app.roadbook.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.MainLayout;
import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows;
import app.roadbook.shows.ArtistService;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowService;
import app.roadbook.shows.ShowStatus;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgSummary;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RoadbookTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ArtistService artists;

    @Autowired
    ShowService shows;

    @Autowired
    AdvancingExchange advancing;

    @Test
    void theOwnerSeesTheirOrganizationInTheLayout() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        for (String role : new String[] {"admin", "editor", "viewer"}) {
            fixtures.member(org, fixtures.user(role), role);
        }
        fixtures.signIn(owner);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Home Touring");
        MainLayout layout = $(MainLayout.class).single();
        Span orgName = $(Span.class, layout).withClassName("current-org").single();
        assertThat(orgName.getText()).isEqualTo("Home Touring");
        assertThat(orgName.isVisible()).isTrue();
        assertThat($(Select.class, layout).all())
                .as("no visible switcher with one org")
                .isEmpty();
        // Its members have their own page now (MembersViewTest), reached from the menu.
        assertThat($(SideNavItem.class, layout).all().stream()
                        .filter(i -> "Members".equals(i.getLabel()))
                        .findFirst()
                        .orElseThrow()
                        .isVisible())
                .isTrue();
    }

    @Test
    void anotherOrganizationsOwnerSeesOnlyTheirOwn() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Home Touring", owner);
        fixtures.member(org, fixtures.user("editor"), "editor");
        UUID other = fixtures.user("Otto");
        fixtures.organization("Elsewhere Artists", other);
        fixtures.signIn(other);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Elsewhere Artists");
    }

    @Test
    void aUserWithoutAnOrganizationCreatesOneAndBecomesItsOwner() {
        UUID user = fixtures.user("Newcomer");
        fixtures.signIn(user);
        navigate(HomeView.class);
        assertThat($(H2.class).single().getText()).isEqualTo("Welcome to Roadbook");

        Button create = $(Button.class).withText("Create organization").single();
        test(create).click();
        TextField name = $(TextField.class).single();
        assertThat(name.isInvalid())
                .as("empty name is refused next to the field")
                .isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the organization a name.");

        test(name).setValue("Newcomer Live");
        test(create).click();
        assertThat($(H2.class).single().getText()).isEqualTo("Newcomer Live");
        assertThat($(Span.class).withClassName("current-org").single().getText())
                .isEqualTo("Newcomer Live");
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select role::text from org_members m join organizations o on o.id = m.org_id where m.user_id = ? and o.name = ?",
                                String.class,
                                user,
                                "Newcomer Live"))
                .isEqualTo("owner");
    }

    @Test
    void aUserInSeveralOrganizationsSwitchesBetweenThem() {
        UUID user = fixtures.user("Juggler");
        UUID first = fixtures.organization("Alpha Agency", user);
        UUID second = fixtures.organization("Beta Bookings", user);
        fixtures.signIn(user);
        navigate(HomeView.class);

        @SuppressWarnings("unchecked")
        Select<OrgSummary> switcher =
                $(Select.class, $(MainLayout.class).single()).single();
        assertThat(switcher.isVisible()).isTrue();
        assertThat(switcher.getValue().id()).isEqualTo(first);
        assertThat($(H2.class).single().getText()).isEqualTo("Alpha Agency");

        test(switcher).selectItem("Beta Bookings");
        assertThat($(H2.class).single().getText()).isEqualTo("Beta Bookings");
        assertThat(switcher.getValue().id()).isEqualTo(second);
    }

    @Test
    void aMemberLandsOnTheirDayTodaysAndComingShowsWhatWaitsAndRecentChangesInWords() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Day Touring", owner);
        fixtures.signIn(owner);
        UUID artist = artists.createArtist(org, "The Auroras");
        UUID venue = fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, 'Rockefeller', 'Oslo', 'Europe/Oslo') returning id",
                        UUID.class,
                        org);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UUID soon = shows.createShow(org, draft(artist, venue, today.plusDays(3), "Oslo night"));
        shows.createShow(org, draft(artist, venue, today.plusDays(40), "Much later night"));
        UUID session = advancing.createSession(org, soon, "Oslo advance", null, null);
        // The promoter answers the hotel: it waits on the artist team.
        UUID promoter = fixtures.user("Pia");
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        soon,
                        promoter,
                        org);
        fixtures.signIn(promoter);
        AdvancingRows.Side hotel = advancing.rows(session).stream()
                .filter(r -> r.fieldName().equals("Hotel"))
                .findFirst()
                .orElseThrow()
                .theirs();
        advancing.setValue(hotel.fieldId(), hotel.version(), "Hotel Continental");
        fixtures.signIn(owner);

        navigate(HomeView.class);
        String coming =
                $(Div.class).withClassName("home-shows").single().getElement().getTextRecursively();
        assertThat(coming)
                .contains("Oslo night")
                .contains("In 3 days")
                .contains("The Auroras at Rockefeller, Oslo")
                .contains("Doors 19:00 (Europe/Oslo)")
                .doesNotContain("Much later night");
        String waiting =
                $(Div.class).withClassName("home-waiting").single().getElement().getTextRecursively();
        assertThat(waiting).contains("Oslo advance").contains("1 item waits on the artist team");
        String changes =
                $(Div.class).withClassName("home-changes").single().getElement().getTextRecursively();
        assertThat(changes)
                .contains("Olive added the artist The Auroras")
                .contains("Olive added the show on ")
                .contains("Olive started an advance")
                .doesNotContain("{")
                .doesNotContain("show.created");
    }

    @Test
    void anEmptyOrganizationSaysWhatToDoFirstAndViewersSeeNoActivityLog() {
        UUID owner = fixtures.user("Olive");
        UUID org = fixtures.organization("Fresh Touring", owner);
        UUID viewer = fixtures.user("Vic");
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(owner);
        navigate(HomeView.class);
        Anchor first = $(Anchor.class).withText("Add your first artist").single();
        assertThat(first.getHref()).isEqualTo("artists");
        assertThat($(Div.class)
                        .withClassName("home-waiting")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .startsWith("Nothing in advancing waits on you.");

        artists.createArtist(org, "The Auroras");
        navigate(HomeView.class);
        assertThat($(Anchor.class).withText("Add your first show").single().getHref())
                .isEqualTo("shows");

        fixtures.signIn(viewer);
        navigate(HomeView.class);
        assertThat($(H3.class).all()).extracting(H3::getText).doesNotContain("Recent changes");
        assertThat($(Anchor.class).withText("Add your first show").all())
                .as("a viewer adds nothing")
                .isEmpty();
    }

    private static ShowDraft draft(UUID artist, UUID venue, LocalDate date, String title) {
        return new ShowDraft(
                artist, venue, date, LocalTime.of(19, 0), null, ShowStatus.confirmed, title, null, null, null);
    }
}
