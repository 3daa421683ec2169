package app.roadbook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.roadbook.base.db.EmbeddedDatabase;
import app.roadbook.support.RoadbookTest;
import app.roadbook.support.ScratchDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo seeder on a database of its own: the suite's database has no demo data (tests make their own), so this
 * test runs the seeder, as the application would at start-up, against a fresh migrated scratch database.
 */
@RoadbookTest
class DemoDataTest {

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    List<ApplicationRunner> runners;

    @Autowired
    app.roadbook.files.FileStore files;

    @Test
    void theSeederRunsAtStartUp() {
        assertThat(runners).hasAtLeastOneElementOfType(DemoDataSeeder.class);
    }

    @Test
    void theDemoAccountsHaveTheirRoles() {
        ScratchDatabase scratch = new ScratchDatabase();
        scratch.migrate("latest");
        JdbcTemplate owner = new JdbcTemplate(scratch.owner());

        // Off: nothing is written.
        seeder(scratch, false).run(null);
        assertThat(owner.queryForObject("select count(*) from app_users", Integer.class))
                .isZero();

        seeder(scratch, true).run(null);

        assertThat(owner.queryForList("""
                select u.email || ' ' || coalesce(o.name || ' ' || m.role, '-') || ' ' || u.is_platform_admin
                from app_users u left join org_members m on m.user_id = u.id left join organizations o on o.id = m.org_id
                where u.email like '%@roadbook.demo' order by u.email""", String.class))
                .containsExactly(
                        "admin@roadbook.demo Northern Lights Touring admin false",
                        "editor@roadbook.demo Northern Lights Touring editor false",
                        "other@roadbook.demo Southside Artists owner false",
                        "owner@roadbook.demo Northern Lights Touring owner false",
                        "platform@roadbook.demo - true",
                        "promoter@roadbook.demo - false",
                        "viewer@roadbook.demo Northern Lights Touring viewer false");
        assertThat(owner.queryForObject(
                        "select count(*) from org_subscriptions s join organizations o on o.id = s.org_id where o.name in ('Northern Lights Touring', 'Southside Artists')",
                        Integer.class))
                .isEqualTo(2);
        assertThat(owner.queryForObject(
                        "select password_hash from app_users where email = 'owner@roadbook.demo'", String.class))
                .satisfies(hash ->
                        assertThat(passwords.matches(DemoData.PASSWORD, hash)).isTrue());

        // A crew of six works the tour; the tour manager is the editor's member account (issue 16).
        assertThat(owner.queryForList("""
                select p.name || ' ' || coalesce(u.email::text, '-') || ' ' || count(a.show_id)
                from people p join organizations o on o.id = p.org_id left join app_users u on u.id = p.user_id
                left join show_assignments a on a.person_id = p.id and a.org_id = p.org_id
                where o.name = 'Northern Lights Touring' group by p.name, u.email order by p.name""", String.class))
                .containsExactly(
                        "Erin Editor editor@roadbook.demo 4",
                        "Jonas Berg - 4",
                        "Kari Holm - 4",
                        "Lars Vik - 4",
                        "Maja Lund - 4",
                        "Sven Aas - 3");

        // Only into an empty database: a second start adds nothing.
        int users = owner.queryForObject("select count(*) from app_users", Integer.class);
        int shows = owner.queryForObject("select count(*) from shows", Integer.class);
        int contacts = owner.queryForObject("select count(*) from contacts", Integer.class);
        assertThat(shows).isPositive();
        assertThat(contacts).isPositive();
        // The library has The Auroras' rider (shared with their promoter teams) and its bytes.
        assertThat(owner.queryForList(
                        "select original_name || ' ' || visibility from files where artist_id is not null order by 1",
                        String.class))
                .containsExactly("The Auroras input list.csv promoter_team", "The Auroras rider.txt promoter_team");
        assertThat(owner.queryForList("select storage_path from file_versions", String.class))
                .hasSize(3)
                .allMatch(files::exists);
        seeder(scratch, true).run(null);
        assertThat(owner.queryForObject("select count(*) from app_users", Integer.class))
                .isEqualTo(users);
        assertThat(owner.queryForObject("select count(*) from shows", Integer.class))
                .isEqualTo(shows);
        assertThat(owner.queryForObject("select count(*) from contacts", Integer.class))
                .isEqualTo(contacts);
    }

    /** The seeder as the application builds it, with the scratch database's owner in place of the app's. */
    private DemoDataSeeder seeder(ScratchDatabase scratch, boolean demo) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("roadbook.demo", Boolean.toString(demo))
                .withProperty("spring.datasource.url", scratch.url())
                .withProperty("spring.flyway.url", scratch.url())
                .withProperty("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE)
                .withProperty("spring.flyway.password", scratch.ownerPassword());
        return new DemoDataSeeder(new DemoData(env), env, passwords, files);
    }

    @Test
    void demoDataIsOnForTheEmbeddedDatabaseAndOffForAnExternalOneUnlessAskedFor() {
        assertThat(new DemoData(new MockEnvironment().withProperty("roadbook.database.embedded", "true")).isEnabled())
                .isTrue();
        assertThat(new DemoData(new MockEnvironment()).isEnabled()).isFalse();
        assertThat(new DemoData(new MockEnvironment().withProperty("roadbook.demo", "true")).isEnabled())
                .isTrue();
        assertThat(new DemoData(new MockEnvironment()
                                .withProperty("roadbook.database.embedded", "true")
                                .withProperty("roadbook.demo", "false"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void theOsloAdvanceShowsAFieldInEveryStateAndItsAgreedTimesAreOnTheShowAndItsDaySheet() {
        ScratchDatabase scratch = new ScratchDatabase();
        scratch.migrate("latest");
        JdbcTemplate owner = new JdbcTemplate(scratch.owner());
        seeder(scratch, true).run(null);
        String oslo = """
                from advancing_sessions a join organizations o on o.id = a.org_id
                join shows s on s.id = a.show_id join venues v on v.id = s.venue_id
                where o.name = 'Northern Lights Touring' and a.title = 'Oslo advance'""";
        assertThat(owner.queryForList(
                        "select distinct f.agreement::text from advancing_fields f where f.session_id = (select a.id "
                                + oslo + ")",
                        String.class))
                .containsExactlyInAnyOrder(java.util.Arrays.stream(app.roadbook.advancing.FieldAgreement.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
        assertThat(owner.queryForObject(
                        "select to_char(s.set_time at time zone v.timezone, 'HH24:MI') " + oslo, String.class))
                .isEqualTo("21:00");
        assertThat(owner.queryForList(
                        "select i.title || ' ' || to_char(i.starts_at at time zone v.timezone, 'HH24:MI') "
                                + "from schedule_items i join shows s on s.id = i.show_id "
                                + "join venues v on v.id = s.venue_id where s.id = (select s.id " + oslo
                                + ") order by i.starts_at",
                        String.class))
                .containsExactly("Load-in 14:00", "Doors 19:00", "Set time 21:00");
        // The Oslo show has a guest list with requests on both allotments, decided and waiting.
        assertThat(owner.queryForList(
                        "select distinct r.party::text || ' ' || r.status::text from guest_requests r "
                                + "join guest_lists l on l.id = r.guest_list_id where l.show_id = (select s.id "
                                + oslo + ")",
                        String.class))
                .contains("from_us approved", "from_us requested", "from_you approved", "from_you requested");
    }

    /** Copenhagen is a complete show day: crew with phones, a flight landing on another clock, crew-only items. */
    @Test
    void theCopenhagenShowIsACompleteShowDay() {
        ScratchDatabase scratch = new ScratchDatabase();
        scratch.migrate("latest");
        JdbcTemplate owner = new JdbcTemplate(scratch.owner());
        seeder(scratch, true).run(null);
        String copenhagen = """
                from shows s join organizations o on o.id = s.org_id
                where o.name = 'Northern Lights Touring' and s.title = 'The Auroras · Copenhagen'""";
        assertThat(owner.queryForList(
                        "select i.item_type || ' ' || i.visibility || ' ' || to_char(i.starts_at at time zone"
                                + " coalesce(i.starts_zone, 'Europe/Copenhagen'), 'HH24:MI') || coalesce(' ' || i.starts_zone"
                                + " || '>' || to_char(i.ends_at at time zone i.ends_zone, 'HH24:MI') || ' ' || i.ends_zone, '')"
                                + " from schedule_items i where i.show_id = (select s.id " + copenhagen
                                + ") order by i.starts_at",
                        String.class))
                .containsExactly(
                        "travel all 07:05 Europe/London>10:00 Europe/Copenhagen",
                        "bus_call all 08:30",
                        "load_in crew 13:00",
                        "other named 15:00",
                        "soundcheck all 16:00",
                        "meal crew 17:30",
                        "press promoter_team 18:00",
                        "curfew all 23:00",
                        "hotel all 23:45");
        assertThat(owner.queryForObject(
                        "select count(*) from show_assignments sa join people p on p.id = sa.person_id"
                                + " where p.phone is not null and sa.show_id = (select s.id " + copenhagen + ")",
                        Integer.class))
                .isEqualTo(6);
        assertThat(owner.queryForObject(
                        "select count(*) from schedule_item_people sp join schedule_items i on i.id = sp.item_id"
                                + " where i.show_id = (select s.id " + copenhagen + ")",
                        Integer.class))
                .isEqualTo(1);
    }
}
