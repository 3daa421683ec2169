package app.roadbook.advancing.ui;

import app.roadbook.advancing.AdvancingExchange;
import app.roadbook.advancing.AdvancingRows.Row;
import app.roadbook.advancing.AdvancingRows.Side;
import app.roadbook.support.Fixtures;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The board's and My shows' data, in the test's own organization and accounts: three advances in every state an
 * advance can be in, made the way people make them (the editor answers for the artist team, the promoter for the
 * promoter), and another organization's advance beside them.
 *
 * <ul>
 *   <li>"Oslo advance" (The Auroras at Rockefeller, Oslo; in 3 days): Soundcheck agreed; Load-in waits on the
 *       promoter; Hotel and Parking wait on the artist team; Curfew differs; Guest list spots declined by the
 *       promoter (waits on the artist team); Doors agreed, then changed by the promoter (waits on the artist team).
 *       1 of 19 agreed, 4 wait on us, 1 on the promoter, 1 changed, 1 declined.
 *   <li>"Copenhagen advance" (Blue Static at Vega, Copenhagen; in 10 days): Hotel waits on the promoter.
 *   <li>"Last week advance" (The Auroras at Vega; 5 days ago): Load-in agreed, then the advance closed.
 *   <li>"Foreign advance", of another organization, in 2 days.
 * </ul>
 *
 * The promoter is granted Oslo and Copenhagen; another promoter, last week's show.
 */
final class AdvancesUnderWay {

    static final int FIELDS = 19;

    final UUID owner, editor, viewer, promoter, otherPromoter, outsider, org, foreignOrg;
    final UUID auroras, blueStatic;
    final UUID osloShow, copenhagenShow, pastShow, foreignShow;
    final UUID oslo, copenhagen, past, foreign;
    private final Fixtures fixtures;
    private final AdvancingExchange exchange;

    AdvancesUnderWay(Fixtures fixtures, AdvancingExchange exchange) {
        this.fixtures = fixtures;
        this.exchange = exchange;
        owner = fixtures.user("Owner");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        promoter = fixtures.user("Promoter");
        outsider = fixtures.user("Outsider");
        otherPromoter = fixtures.user("SecondPromoter");
        org = fixtures.organization("Board Touring", owner);
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        foreignOrg = fixtures.organization("Elsewhere Artists", outsider);

        LocalDate today = today();
        auroras = artist(org, "The Auroras");
        blueStatic = artist(org, "Blue Static");
        UUID rockefeller = venue(org, "Rockefeller", "Oslo", "Europe/Oslo");
        UUID vega = venue(org, "Vega", "Copenhagen", "Europe/Copenhagen");
        osloShow = show(org, auroras, rockefeller, today.plusDays(3), "Oslo night");
        copenhagenShow = show(org, blueStatic, vega, today.plusDays(10), "Copenhagen night");
        pastShow = show(org, auroras, vega, today.minusDays(5), "Last week");
        grant(org, osloShow, promoter);
        grant(org, copenhagenShow, promoter);
        grant(org, pastShow, otherPromoter);

        UUID foreignArtist = artist(foreignOrg, "Foreign Band");
        foreignShow = show(foreignOrg, foreignArtist, null, today.plusDays(2), "Foreign night");

        fixtures.signIn(editor);
        oslo = exchange.createSession(org, osloShow, "Oslo advance", null, null);
        copenhagen = exchange.createSession(org, copenhagenShow, "Copenhagen advance", null, null);
        past = exchange.createSession(org, pastShow, "Last week advance", null, null);
        answer(oslo, true, "Load-in", "14:00");
        answer(oslo, true, "Soundcheck", "17:00");
        answer(oslo, true, "Curfew", "23:00");
        answer(oslo, true, "Guest list spots", "20");
        answer(oslo, true, "Doors", "19:00");
        answer(copenhagen, true, "Hotel", "Scandic");
        answer(past, true, "Load-in", "13:00");

        fixtures.signIn(promoter);
        answer(oslo, false, "Hotel", "Thon Hotel Opera");
        answer(oslo, false, "Parking", "Behind the venue");
        accept(oslo, "Soundcheck");
        answer(oslo, false, "Curfew", "23:30");
        Row guests = row(oslo, "Guest list spots");
        exchange.decline(
                guests.theirs().fieldId(),
                guests.theirs().version(),
                guests.ours().version(),
                "Ten at most.");
        accept(oslo, "Doors");
        answer(oslo, false, "Doors", "19:30");

        fixtures.signIn(otherPromoter);
        accept(past, "Load-in");
        fixtures.signIn(editor);
        exchange.close(past);

        fixtures.signIn(outsider);
        foreign = exchange.createSession(foreignOrg, foreignShow, "Foreign advance", null, null);
        answer(foreign, true, "Hotel", "Foreign hotel");
        Fixtures.signOut();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    UUID artist(UUID org, String name) {
        return fixtures.owner()
                .queryForObject("insert into artists (org_id, name) values (?, ?) returning id", UUID.class, org, name);
    }

    UUID venue(UUID org, String name, String city, String zone) {
        return fixtures.owner()
                .queryForObject(
                        "insert into venues (org_id, name, city, timezone) values (?, ?, ?, ?) returning id",
                        UUID.class,
                        org,
                        name,
                        city,
                        zone);
    }

    UUID show(UUID org, UUID artist, UUID venue, LocalDate date, String title) {
        return fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, ?, ?) returning id",
                        UUID.class,
                        org,
                        artist,
                        venue,
                        date,
                        title);
    }

    void grant(UUID org, UUID show, UUID user) {
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        user,
                        org);
    }

    Row row(UUID session, String field) {
        return exchange.rows(session).stream()
                .filter(r -> r.fieldName().equals(field))
                .findFirst()
                .orElseThrow();
    }

    /** Answers our side ({@code ours}) or theirs, as whoever is signed in. */
    void answer(UUID session, boolean ours, String field, String value) {
        Row row = row(session, field);
        Side side = ours ? row.ours() : row.theirs();
        exchange.setValue(side.fieldId(), side.version(), value);
    }

    /** The promoter accepts the artist team's value. */
    void accept(UUID session, String field) {
        Row row = row(session, field);
        exchange.accept(
                row.theirs().fieldId(), row.theirs().version(), row.ours().version());
    }
}
