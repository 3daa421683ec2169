package app.roadbook.shows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.roadbook.base.Refusal;
import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** Issue 18, item 5: an archived artist leaves pickers and the default list; their shows stay; restoring undoes it. */
@RoadbookTest
class ArtistArchiveTest {

    @Autowired
    ArtistService artists;

    @Autowired
    ShowService shows;

    @Autowired
    Fixtures fixtures;

    UUID owner, editor, viewer, org, auroras, borealis, show;

    @BeforeEach
    void twoArtistsOneWithAShow() {
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        org = fixtures.organization("Archive Co", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        fixtures.signIn(editor);
        auroras = artists.createArtist(org, "The Auroras");
        borealis = artists.createArtist(org, "Borealis");
        show = shows.createShow(
                org,
                new ShowDraft(
                        auroras,
                        null,
                        LocalDate.of(2027, 2, 1),
                        null,
                        null,
                        ShowStatus.confirmed,
                        null,
                        null,
                        "EUR",
                        null));
    }

    @Test
    void anArchivedArtistLeavesPickersAndTheDefaultListWhileTheirShowsStay() {
        artists.archiveArtist(org, auroras);

        assertThat(artists.options(org)).extracting(ArtistOption::name).containsExactly("Borealis");
        assertThat(artists.artists(org)).extracting(ArtistRow::name).containsExactly("Borealis");
        assertThat(artists.countArtists(org)).isEqualTo(1);
        assertThat(artists.artists(org, true, Pageable.unpaged()))
                .extracting(ArtistRow::name, ArtistRow::archived, ArtistRow::shows)
                .containsExactly(tuple("Borealis", false, 0L), tuple("The Auroras", true, 1L));
        assertThat(artists.countArtists(org, true)).isEqualTo(2);
        // The show keeps its artist; its editor still offers them, and the shows filter names them as archived.
        assertThat(shows.show(org, show).artistName()).isEqualTo("The Auroras");
        assertThat(artists.options(org, auroras))
                .extracting(ArtistOption::name)
                .containsExactly("Borealis", "The Auroras");
        assertThat(artists.filterOptions(org))
                .extracting(ArtistOption::name)
                .containsExactly("Borealis", "The Auroras (archived)");
        assertThatThrownBy(() -> artists.archiveArtist(org, auroras))
                .isInstanceOf(Refusal.class)
                .hasMessage("The Auroras is archived already.");

        artists.restoreArtist(org, auroras);
        assertThat(artists.options(org)).extracting(ArtistOption::name).containsExactly("Borealis", "The Auroras");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select action from activity_log where org_id = ? and resource_id = ?"
                                        + " and action like 'artist.%' order by created_at, action",
                                String.class, org, auroras))
                .containsExactly("artist.created", "artist.archived", "artist.restored");
    }

    @Test
    void anArchivedArtistGetsNoNewShowFromTheServiceEitherWhileTheirShowKeepsThem() {
        artists.archiveArtist(org, auroras);
        assertThatThrownBy(() -> shows.createShow(org, draft(auroras, LocalDate.of(2027, 3, 1))))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("The Auroras is archived");
        UUID other = shows.createShow(org, draft(borealis, LocalDate.of(2027, 3, 2)));
        assertThatThrownBy(() -> shows.updateShow(
                        org, other, shows.show(org, other).version(), draft(auroras, LocalDate.of(2027, 3, 2))))
                .isInstanceOf(Refusal.class);

        // Their own show is still edited with them.
        shows.updateShow(org, show, shows.show(org, show).version(), draft(auroras, LocalDate.of(2027, 2, 3)));
        assertThat(shows.show(org, show).artistName()).isEqualTo("The Auroras");
    }

    private static ShowDraft draft(UUID artist, LocalDate date) {
        return new ShowDraft(artist, null, date, null, null, ShowStatus.confirmed, null, null, "EUR", null);
    }

    @Test
    void viewersCannotArchiveNorCanOtherOrganizations() {
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> artists.archiveArtist(org, auroras)).isInstanceOf(AccessDeniedException.class);
        UUID otto = fixtures.user("Otto");
        fixtures.organization("Other Co", otto);
        fixtures.signIn(otto);
        assertThatThrownBy(() -> artists.archiveArtist(org, auroras)).isInstanceOf(Refusal.class);
        fixtures.signIn(owner);
        assertThat(artists.options(org)).hasSize(2);
    }
}
