package app.roadbook.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.NotFoundException;
import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Who works which show: assigning, double bookings, duties, and what the database itself refuses. */
@RoadbookTest
class ShowCrewTest {

    static final LocalDate DAY = LocalDate.of(2031, 6, 12);

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrewRoster roster;

    @Autowired
    ShowCrew crew;

    CrewWorld world;
    UUID oslo;
    UUID bergen;
    UUID later;
    UUID finn;
    UUID dana;

    @BeforeEach
    void twoShowsOnOneDayAndOneLater() {
        world = new CrewWorld(fixtures);
        oslo = world.show("The Auroras · Oslo", DAY, "Rockefeller Music Hall", "Oslo");
        bergen = world.show("Festival slot", DAY, "Bergenhus", "Bergen");
        later = world.show("The Auroras · Stockholm", DAY.plusDays(2), "Debaser Strand", "Stockholm");
        fixtures.signIn(world.editor);
        finn = roster.create(world.org, new PersonDraft("Finn Fader", "FOH engineer", null, "+47 1", null, null));
        dana = roster.create(world.org, new PersonDraft("Dana Driver", "Driver", null, "+47 2", null, null));
    }

    @Test
    void anEditorAssignsChangesDutiesAndUnassignsAndEveryStepIsLogged() {
        ShowCrew.Assigned first = crew.assign(world.org, oslo, finn, "  FOH engineer ");
        crew.assign(world.org, oslo, dana, null);
        assertThat(first.sameDay()).isEmpty();

        assertThat(crew.crew(world.org, oslo))
                .extracting(ShowCrewMember::name, ShowCrewMember::duty, ShowCrewMember::phone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Dana Driver", null, "+47 2"),
                        org.assertj.core.groups.Tuple.tuple("Finn Fader", "FOH engineer", "+47 1"));

        ShowCrewMember dan = crew.crew(world.org, oslo).getFirst();
        crew.changeDuty(world.org, dan.assignmentId(), dan.version(), "Driver");
        assertThat(crew.crew(world.org, oslo).getFirst().duty()).isEqualTo("Driver");
        assertThatThrownBy(() -> crew.changeDuty(world.org, dan.assignmentId(), dan.version(), "Merch"))
                .isInstanceOf(ConcurrentChangeException.class);

        crew.assign(world.org, later, finn, "FOH engineer");
        assertThat(roster.get(world.org, finn).shows())
                .as("a person's shows, by date, named readably")
                .extracting(s -> s.show().label(), PersonShow::duty)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Thu 12 Jun 2031 · The Auroras · Oslo at Rockefeller Music Hall, Oslo", "FOH engineer"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Sat 14 Jun 2031 · The Auroras · Stockholm at Debaser Strand, Stockholm",
                                "FOH engineer"));

        crew.unassign(world.org, dan.assignmentId());
        assertThat(crew.crew(world.org, oslo)).extracting(ShowCrewMember::name).containsExactly("Finn Fader");
        assertThatThrownBy(() -> crew.unassign(world.org, dan.assignmentId())).isInstanceOf(NotFoundException.class);

        assertThat(world.logged("show.crew_assigned")).isEqualTo(3);
        assertThat(world.logged("show.crew_duty_changed")).isEqualTo(1);
        assertThat(world.logged("show.crew_unassigned")).isEqualTo(1);
        assertThat(world.owner()
                        .queryForObject(
                                "select details->>'show' from activity_log where org_id = ? and action = 'show.crew_unassigned'",
                                String.class,
                                world.org))
                .isEqualTo("Thu 12 Jun 2031 · The Auroras · Oslo at Rockefeller Music Hall, Oslo");
    }

    @Test
    void aDoubleBookingIsNamedBeforehandAndAfterwardsButAllowed() {
        crew.assign(world.org, oslo, dana, "Driver");
        assertThat(crew.sameDay(world.org, bergen, dana))
                .extracting(ShowRef::name)
                .containsExactly("The Auroras · Oslo at Rockefeller Music Hall, Oslo");
        assertThat(crew.sameDay(world.org, later, dana)).as("another day").isEmpty();
        assertThat(crew.sameDay(world.org, bergen, finn)).as("someone else").isEmpty();

        ShowCrew.Assigned twice = crew.assign(world.org, bergen, dana, "Driver");
        assertThat(twice.sameDay()).extracting(ShowRef::id).containsExactly(oslo);
        assertThat(crew.crew(world.org, bergen))
                .extracting(ShowCrewMember::name)
                .containsExactly("Dana Driver");
        assertThat(world.owner()
                        .queryForObject(
                                "select details->'same_day_shows'->>0 from activity_log where org_id = ? and resource_id = ? and action = 'show.crew_assigned'",
                                String.class,
                                world.org,
                                bergen))
                .contains("Oslo");

        world.owner().update("update shows set status = 'cancelled' where id = ?", oslo);
        assertThat(crew.sameDay(world.org, bergen, dana))
                .as("a cancelled show is no clash")
                .isEmpty();
    }

    @Test
    void theSamePersonTwiceOnOneShowIsRefusedInWords() {
        crew.assign(world.org, oslo, finn, "FOH engineer");
        assertThatThrownBy(() -> crew.assign(world.org, oslo, finn, "Monitor engineer"))
                .isInstanceOf(Refusal.class)
                .hasMessage("Finn Fader is already on this show as FOH engineer. Change the duty there instead.");
        assertThatThrownBy(() -> crew.assign(world.org, oslo, finn, "x".repeat(101)))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void anotherOrganizationsPersonOrShowCannotBeAssigned() {
        UUID elsewhere = fixtures.owner()
                .queryForObject(
                        "select org_id from org_members where user_id = ? and role = 'owner'",
                        UUID.class,
                        world.outsider);
        UUID strangerPerson = fixtures.owner()
                .queryForObject(
                        "insert into people (org_id, name) values (?, 'Stranger') returning id", UUID.class, elsewhere);
        UUID strangerShow = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date, title) values (?, ?, 'Theirs') returning id",
                        UUID.class,
                        elsewhere,
                        DAY);
        assertThatThrownBy(() -> crew.assign(world.org, oslo, strangerPerson, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crew.assign(world.org, strangerShow, finn, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crew.assign(elsewhere, strangerShow, strangerPerson, null))
                .isInstanceOf(NotFoundException.class);

        // Below the service too (V18): even the schema owner, whom RLS does not restrict, cannot mix organizations.
        assertThatThrownBy(() -> fixtures.owner()
                        .update(
                                "insert into show_assignments (show_id, person_id) values (?, ?)",
                                oslo,
                                strangerPerson))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> fixtures.owner()
                        .update(
                                "insert into show_assignments (show_id, person_id, org_id) values (?, ?, ?)",
                                oslo,
                                strangerPerson,
                                elsewhere))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void removingAPersonTakesThemOffTheirShows() {
        crew.assign(world.org, oslo, finn, "FOH engineer");
        crew.assign(world.org, later, finn, "FOH engineer");
        assertThat(roster.showCount(world.org, finn)).isEqualTo(2);
        roster.delete(world.org, finn);
        assertThat(crew.crew(world.org, oslo)).isEmpty();
        assertThat(world.owner()
                        .queryForObject(
                                "select details->>'shows' from activity_log where org_id = ? and action = 'person.deleted'",
                                String.class,
                                world.org))
                .isEqualTo("2");
    }
}
