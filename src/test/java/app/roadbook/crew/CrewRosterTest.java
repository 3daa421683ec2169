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
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** The roster as each role meets it: editors change it, viewers read it, outsiders and collaborators never see it. */
@RoadbookTest
class CrewRosterTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    CrewRoster roster;

    @Autowired
    ShowCrew crew;

    CrewWorld world;

    @BeforeEach
    void aCrewOfItsOwn() {
        world = new CrewWorld(fixtures);
    }

    static PersonDraft person(String name, String role, String email, String phone) {
        return new PersonDraft(name, role, email, phone, null, null);
    }

    @Test
    void anEditorAddsSearchesSortsEditsAndRemovesPeopleAndEveryChangeIsLogged() {
        fixtures.signIn(world.editor);
        UUID tess =
                roster.create(world.org, person("Tess Manager", "Tour manager", "tess@crew.test", "+47 400 00 001"));
        roster.create(world.org, person("Finn Fader", "FOH engineer", "finn@crew.test", "+47 400 00 002"));
        roster.create(world.org, person("ada Lights", "Lighting designer", null, null));

        assertThat(roster.count(world.org, null)).isEqualTo(3);
        assertThat(roster.list(world.org, "", PageRequest.of(0, 10)))
                .extracting(PersonRow::name)
                .as("by name, ignoring case")
                .containsExactly("ada Lights", "Finn Fader", "Tess Manager");
        assertThat(roster.list(world.org, "", PageRequest.of(0, 10, Sort.by(Sort.Order.desc("roleTitle")))))
                .extracting(PersonRow::roleTitle)
                .containsExactly("Tour manager", "Lighting designer", "FOH engineer");
        assertThat(roster.list(world.org, "foh", PageRequest.of(0, 10)))
                .extracting(PersonRow::name)
                .containsExactly("Finn Fader");
        assertThat(roster.list(world.org, "400 00 001", PageRequest.of(0, 10)))
                .extracting(PersonRow::name)
                .containsExactly("Tess Manager");
        assertThat(roster.count(world.org, "100%")).as("wildcards are literal").isZero();
        assertThatThrownBy(() -> roster.list(world.org, "", PageRequest.of(0, 10, Sort.by("notes"))))
                .isInstanceOf(Refusal.class);

        PersonDetails details = roster.get(world.org, tess);
        roster.update(
                world.org,
                tess,
                details.version(),
                new PersonDraft("Tess Manager", "Tour & production manager", "tess@crew.test", null, "Vegan", null));
        assertThat(roster.get(world.org, tess).draft().roleTitle()).isEqualTo("Tour & production manager");
        assertThatThrownBy(() -> roster.update(world.org, tess, details.version(), details.draft()))
                .as("a stale version")
                .isInstanceOf(ConcurrentChangeException.class);

        roster.delete(world.org, tess);
        assertThat(roster.count(world.org, null)).isEqualTo(2);
        assertThatThrownBy(() -> roster.get(world.org, tess)).isInstanceOf(NotFoundException.class);

        assertThat(world.logged("person.created")).isEqualTo(3);
        assertThat(world.logged("person.updated")).isEqualTo(1);
        assertThat(world.logged("person.deleted")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInWords() {
        fixtures.signIn(world.editor);
        assertThatThrownBy(() -> roster.create(world.org, person(" ", null, null, null)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Name is required.");
        assertThatThrownBy(() -> roster.create(world.org, person("Bad Mail", null, "not-an-email", null)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("\"not-an-email\" is not an email address.");
        assertThatThrownBy(() -> roster.create(world.org, person("Two\nLines", null, null, null)))
                .isInstanceOf(Refusal.class);
        assertThat(roster.count(world.org, null)).isZero();
    }

    @Test
    void aPersonMayBeOneMemberAccountOfTheOrgAndOnlyOnce() {
        fixtures.signIn(world.editor);
        assertThat(roster.accounts(world.org))
                .extracting(Account::userId)
                .containsExactlyInAnyOrder(world.owner, world.editor, world.viewer);
        UUID erin = roster.create(world.org, new PersonDraft("Erin", "Tour manager", null, null, null, world.editor));
        assertThat(roster.get(world.org, erin).account().userId()).isEqualTo(world.editor);
        assertThat(roster.list(world.org, "erin", PageRequest.of(0, 5))
                        .getFirst()
                        .account())
                .isNotBlank();

        assertThatThrownBy(() ->
                        roster.create(world.org, new PersonDraft("Erin again", null, null, null, null, world.editor)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("already Erin");
        assertThatThrownBy(() ->
                        roster.create(world.org, new PersonDraft("Stranger", null, null, null, null, world.outsider)))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("not a member");
    }

    @Test
    void aViewerReadsButChangesNothing() {
        fixtures.signIn(world.editor);
        UUID finn = roster.create(world.org, person("Finn Fader", "FOH engineer", null, null));
        UUID show = world.show("Oslo", LocalDate.of(2031, 5, 1), "Rockefeller", "Oslo");
        crew.assign(world.org, show, finn, "FOH engineer");

        fixtures.signIn(world.viewer);
        assertThat(roster.count(world.org, null)).isEqualTo(1);
        assertThat(roster.get(world.org, finn).shows()).hasSize(1);
        assertThat(crew.crew(world.org, show)).extracting(ShowCrewMember::name).containsExactly("Finn Fader");
        assertThat(roster.canEdit(world.org)).isFalse();
        assertThatThrownBy(() -> roster.create(world.org, person("Sneaky", null, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> roster.delete(world.org, finn)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crew.assign(world.org, show, finn, "Merch")).isInstanceOf(AccessDeniedException.class);
        UUID assignment = crew.crew(world.org, show).getFirst().assignmentId();
        assertThatThrownBy(() -> crew.unassign(world.org, assignment)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void outsidersAndCollaboratorsNeverSeeTheRoster() {
        fixtures.signIn(world.editor);
        UUID finn = roster.create(world.org, person("Finn Fader", "FOH engineer", null, "+47 1"));
        UUID show = world.show("Oslo", LocalDate.of(2031, 5, 1), "Rockefeller", "Oslo");
        crew.assign(world.org, show, finn, "FOH engineer");
        world.grant(show);

        for (UUID stranger : new UUID[] {world.outsider, world.promoter}) {
            fixtures.signIn(stranger);
            assertThat(roster.canRead(world.org)).isFalse();
            assertThatThrownBy(() -> roster.count(world.org, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> roster.get(world.org, finn)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> crew.crew(world.org, show)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> roster.create(world.org, person("Intruder", null, null, null)))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
