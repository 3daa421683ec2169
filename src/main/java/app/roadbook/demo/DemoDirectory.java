package app.roadbook.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A realistic touring world for the demo org: venues, artists, shows, and a directory of contacts. */
final class DemoDirectory {

    private static final String[][] VENUES = {
        {"Rockefeller Music Hall", "Torggata 16", "Oslo", "NO", "1350", "Europe/Oslo"},
        {"Vega", "Enghavevej 40", "Copenhagen", "DK", "1550", "Europe/Copenhagen"},
        {"Debaser Strand", "Hornstulls Strand 4", "Stockholm", "SE", "1100", "Europe/Stockholm"},
        {"Paradiso", "Weteringschans 6-8", "Amsterdam", "NL", "1500", "Europe/Amsterdam"},
        {"Columbiahalle", "Columbiadamm 13-21", "Berlin", "DE", "3500", "Europe/Berlin"},
        {"O2 Academy Brixton", "211 Stockwell Rd", "London", "GB", "4921", "Europe/London"},
    };

    // name, email, company, city, country, types (|), role, status
    private static final String[][] CONTACTS = {
        {
            "Ingrid Solberg",
            "ingrid@nordicpromo.no",
            "Nordic Promotions",
            "Oslo",
            "NO",
            "promoter",
            "Head of booking",
            "active"
        },
        {"Mads Kjær", "mads@vega.dk", "Vega Live", "Copenhagen", "DK", "promoter", "Promoter", "active"},
        {"Sara Lindqvist", "sara@debaser.se", "Debaser", "Stockholm", "SE", "promoter", "Talent buyer", "active"},
        {"Joost de Vries", "joost@paradiso.nl", "Paradiso", "Amsterdam", "NL", "promoter", "Programmer", "active"},
        {"Lena Hoffmann", "lena@trinity-music.de", "Trinity Music", "Berlin", "DE", "promoter", "Promoter", "active"},
        {
            "Oliver Grant",
            "oliver@academymusicgroup.co.uk",
            "Academy Music Group",
            "London",
            "GB",
            "promoter",
            "Booker",
            "active"
        },
        {"Priya Nair", "priya@northstaragency.com", "North Star Agency", "London", "GB", "agent", "Agent", "active"},
        {"Tom Becker", "tom@bigsister-agency.de", "Big Sister Agency", "Hamburg", "DE", "agent", "Agent", "active"},
        {"Ana Costa", "ana@wavelength.pt", "Wavelength Booking", "Lisbon", "PT", "agent", "Agent", "inactive"},
        {
            "Henrik Dahl",
            "henrik@dahlmanagement.no",
            "Dahl Management",
            "Bergen",
            "NO",
            "manager",
            "Artist manager",
            "active"
        },
        {
            "Claire Dubois",
            "claire@maisonmgmt.fr",
            "Maison Management",
            "Paris",
            "FR",
            "manager",
            "Tour manager",
            "active"
        },
        {"Rui Alves", "rui@stagecraft.pt", "Stagecraft Rentals", "Porto", "PT", "vendor", "Backline", "active"},
        {
            "Femke Jansen",
            "femke@nightliner.nl",
            "Nightliner Travel",
            "Utrecht",
            "NL",
            "vendor",
            "Sleeper buses",
            "active"
        },
        {"Jonas Berg", "jonas@lightworks.se", "Lightworks", "Gothenburg", "SE", "vendor", "Lighting", "active"},
        {"Marta Nowak", "marta@merchpress.pl", "MerchPress", "Kraków", "PL", "vendor", "Merchandise", "pending"},
        {
            "Kai Schulz",
            "kai@fkp-scorpio.de",
            "FKP Scorpio",
            "Hamburg",
            "DE",
            "promoter|agent",
            "Promoter & agent",
            "active"
        },
        {"Elin Nyström", "elin@luger.se", "Luger", "Stockholm", "SE", "promoter|manager", "Promoter", "active"},
        {"Dave Mitchell", "dave@soundcheckpa.co.uk", "Soundcheck PA", "Manchester", "GB", "vendor", "PA hire", "active"
        },
        {"Nina Petrović", "nina@exitfest.rs", "EXIT Festival", "Novi Sad", "RS", "promoter", "Booking", "active"},
        {"Luca Romano", "luca@barleyarts.it", "Barley Arts", "Milan", "IT", "promoter", "Promoter", "inactive"},
        {"Hanna Korhonen", "hanna@fullsteam.fi", "Fullsteam Agency", "Helsinki", "FI", "agent", "Agent", "active"},
        {
            "Pieter Claes",
            "pieter@ab-concerts.be",
            "Ancienne Belgique",
            "Brussels",
            "BE",
            "promoter",
            "Programmer",
            "active"
        },
        {"Sofie Møller", "sofie@smukfest.dk", "Smukfest", "Skanderborg", "DK", "promoter", "Booker", "active"},
        {"Ben Carter", "ben@roadcases.co.uk", "Roadcases UK", "Bristol", "GB", "vendor", "Flight cases", "active"},
        {"Julia Weber", "julia@weber-legal.de", "Weber Legal", "Munich", "DE", "vendor", "Music lawyer", "active"},
        {"Arne Lund", "arne@lundaccounting.no", "Lund Accounting", "Oslo", "NO", "vendor", "Tour accountant", "active"},
        {
            "Isabel Ortega",
            "isabel@primaveralive.es",
            "Primavera Live",
            "Barcelona",
            "ES",
            "promoter",
            "Promoter",
            "active"
        },
        {"Mikkel Holm", "mikkel@holm-mgmt.dk", "Holm Management", "Aarhus", "DK", "manager", "Manager", "active"},
        {"Greta Bauer", "greta@ticketsplus.at", "Tickets Plus", "Vienna", "AT", "vendor", "Ticketing", "pending"},
        {"Owen Hughes", "owen@valleyagency.co.uk", "Valley Agency", "Cardiff", "GB", "agent|manager", "Agent", "active"
        },
        {
            "Noor Haddad",
            "noor@cityhallcatering.nl",
            "City Hall Catering",
            "Rotterdam",
            "NL",
            "vendor",
            "Catering",
            "active"
        },
        {"Erik Sand", null, "Sand Transport", "Trondheim", "NO", "vendor", "Van hire", "active"},
        {
            "Yuki Tanaka",
            "yuki@smash-jpn.jp",
            "Smash Corporation",
            "Tokyo",
            "JP",
            "promoter",
            "International booking",
            "active"
        },
        {"Chloé Martin", "chloe@olympia-paris.fr", "L'Olympia", "Paris", "FR", "promoter", "Programmation", "active"},
        {"Robert Klein", "robert@kleinvisa.com", "Klein Visa Services", "New York", "US", "vendor", "Visas", "active"},
        {"Astrid Vik", "astrid@vikpr.no", "Vik PR", "Oslo", "NO", "vendor", "Press", "active"},
    };

    private DemoDirectory() {}

    /**
     * A complete show day in Copenhagen: the tour's crew with their phones, the show's doors and set time, and
     * a schedule from the bus call to the hotel: a flight from London landing on Copenhagen's clock, a crew-only
     * load-in and dinner, an item for the promoter team, one for the lighting designer only.
     */
    private static void showDay(JdbcTemplate owner, UUID orgId, UUID createdBy, UUID show, LocalDate day) {
        // The tour's crew (DemoCrew) works this show; the lighting designer gets an item of his own.
        UUID lightingDesigner =
                owner.queryForObject("select id from people where org_id = ? and name = 'Sven Aas'", UUID.class, orgId);
        owner.update("""
                update shows set doors_at = local_instant(date + time '19:00', 'Europe/Copenhagen'),
                                 set_time = local_instant(date + time '21:00', 'Europe/Copenhagen')
                where id = ?""", show);
        // title, type, audience, starts (date offset, time, zone), ends (date offset, time, zone), location, notes
        Object[][] items = {
            {
                "Bus call",
                "bus_call",
                "all",
                0,
                "08:30",
                null,
                null,
                null,
                null,
                "Hotel lobby",
                "Bags on the bus by 08:15."
            },
            {
                "Flight BA 814 LHR→CPH (Maja)",
                "travel",
                "all",
                0,
                "07:05",
                "Europe/London",
                0,
                "10:00",
                "Europe/Copenhagen",
                "Heathrow T5",
                "Maja meets the bus at Vega."
            },
            {"Load-in", "load_in", "crew", 0, "13:00", null, 0, "15:00", null, "Vega loading dock, Enghavevej 40", null
            },
            {"Rig check", "other", "named", 0, "15:00", null, 0, "15:30", null, "Stage", "Sven only: the new spots."},
            {"Soundcheck", "soundcheck", "all", 0, "16:00", null, 0, "17:00", null, "Main stage", null},
            {"Crew dinner", "meal", "crew", 0, "17:30", null, null, null, null, "Vega canteen", null},
            {
                "Interview with Politiken",
                "press",
                "promoter_team",
                0,
                "18:00",
                null,
                0,
                "18:20",
                null,
                "Green room",
                "Arranged by the promoter."
            },
            {"Curfew", "curfew", "all", 0, "23:00", null, null, null, null, null, null},
            {
                "Hotel Alexandra",
                "hotel",
                "all",
                0,
                "23:45",
                null,
                1,
                "10:00",
                null,
                "H. C. Andersens Blvd. 8",
                "Check-out 10:00."
            }
        };
        for (Object[] i : items) {
            String startsZone = (String) i[5];
            String endsZone = i[6] == null ? null : (String) i[8];
            String zoneOfStart = startsZone == null ? "Europe/Copenhagen" : startsZone;
            String zoneOfEnd = endsZone == null ? zoneOfStart : endsZone;
            UUID item = owner.queryForObject(
                    """
                    insert into schedule_items (org_id, show_id, title, item_type, visibility, starts_at, starts_zone,
                                                ends_at, ends_zone, location, notes, created_by)
                    values (?, ?, ?, ?, ?, local_instant(?::date + ?::time, ?), ?,
                            case when ?::int is null then null else local_instant(?::date + ?::int + ?::time, ?) end, ?,
                            ?, ?, ?) returning id""",
                    UUID.class,
                    orgId,
                    show,
                    i[0],
                    i[1],
                    i[2],
                    day.plusDays((int) i[3]),
                    i[4],
                    zoneOfStart,
                    startsZone,
                    i[6],
                    day,
                    i[6],
                    i[7],
                    zoneOfEnd,
                    endsZone,
                    i[9],
                    i[10],
                    createdBy);
            if ("named".equals(i[2])) {
                owner.update(
                        "insert into schedule_item_people (item_id, person_id) values (?, ?)", item, lightingDesigner);
            }
        }
    }

    /**
     * The Oslo show's guest list: 20 places for the artist team, 10 for the promoter, closing at 16:00 in Oslo the day
     * before the show; requests on both allotments, approved, waiting and declined.
     */
    private static void guestList(JdbcTemplate owner, UUID orgId, UUID showId, UUID artistTeam, UUID promoter) {
        UUID list = owner.queryForObject("""
                insert into guest_lists (org_id, show_id, artist_allotment, promoter_allotment, cutoff_at)
                select org_id, id, 20, 10, local_instant((date - 1) + time '16:00', 'Europe/Oslo') from shows where id = ?
                returning id""", UUID.class, showId);
        Object[][] requests = {
            {"from_us", "Ingrid Solberg", 1, "family", "approved", artistTeam},
            {"from_us", "Marius Berg", 0, "industry", "approved", artistTeam},
            {"from_us", "Nora Aas", 1, "photo", "requested", artistTeam},
            {"from_you", "Kari Nordmann", 1, "guest", "approved", promoter},
            {"from_you", "Ola Hansen", 0, "press", "requested", promoter},
            {"from_you", "Per Olsen", 3, "guest", "declined", promoter}
        };
        for (Object[] r : requests) {
            owner.update("""
                    insert into guest_requests (org_id, guest_list_id, show_id, party, guest_name, plus_ones, guest_type,
                                                status, requested_by, requested_by_name, decided_by, decided_at)
                    select ?, ?, ?, ?::party, ?, ?, ?::guest_type, ?::guest_status, u.id, u.display_name,
                           case when ? <> 'requested' then ?::uuid end, case when ? <> 'requested' then now() end
                    from app_users u where u.id = ?""", orgId, list, showId, r[0], r[1], r[2], r[3], r[4], r[4], artistTeam, r[4], r[5]);
        }
    }

    private static UUID advance(JdbcTemplate owner, UUID orgId, UUID showId, UUID createdBy, String title) {
        UUID session = owner.queryForObject("""
                insert into advancing_sessions (org_id, show_id, title, created_by) values (?, ?, ?, ?) returning id""", UUID.class, orgId, showId, title, createdBy);
        int order = 0;
        for (app.roadbook.advancing.AdvancingTemplate.Field f :
                app.roadbook.advancing.AdvancingTemplate.DEFAULT.fields()) {
            order += 10;
            for (app.roadbook.advancing.Party party : app.roadbook.advancing.Party.values()) {
                owner.update(
                        """
                        insert into advancing_fields (org_id, session_id, section, field_name, field_type, party_type, sort_order, created_by)
                        values (?, ?, ?, ?, ?, ?::party, ?, ?)""", orgId, session, f.section(), f.name(), f.type().name(), party.name(), order, createdBy);
            }
        }
        return session;
    }

    static void seed(JdbcTemplate owner, UUID orgId, UUID createdBy) {
        seed(owner, orgId, createdBy, null);
    }

    /** With {@code promoter}, that account becomes promoter_editor on the first two shows, which get advances. */
    static void seed(JdbcTemplate owner, UUID orgId, UUID createdBy, UUID promoter) {
        List<UUID> venues = new ArrayList<>();
        for (String[] v : VENUES) {
            venues.add(
                    owner.queryForObject("""
                    insert into venues (org_id, name, address, city, country, capacity, timezone) values (?, ?, ?, ?, ?, ?, ?)
                    returning id""", UUID.class, orgId, v[0], v[1], v[2], v[3], Integer.parseInt(v[4]), v[5]));
        }
        UUID auroras = owner.queryForObject(
                "insert into artists (org_id, name, slug) values (?, 'The Auroras', 'the-auroras') returning id",
                UUID.class,
                orgId);
        owner.queryForObject(
                "insert into artists (org_id, name, slug) values (?, 'Mira Vale', 'mira-vale') returning id",
                UUID.class,
                orgId);
        List<UUID> shows = new ArrayList<>();
        LocalDate first = LocalDate.now().plusDays(21);
        for (int i = 0; i < 4; i++) {
            shows.add(owner.queryForObject(
                    """
                    insert into shows (org_id, artist_id, venue_id, date, status, title, fee, fee_currency)
                    values (?, ?, ?, ?, ?::show_status, ?, ?, 'EUR') returning id""",
                    UUID.class,
                    orgId,
                    auroras,
                    venues.get(i),
                    first.plusDays(i * 2L),
                    i == 3 ? "draft" : "confirmed",
                    "The Auroras · " + VENUES[i][2],
                    new BigDecimal(8000 + i * 1500)));
        }
        DemoCrew.seed(owner, orgId, createdBy);
        showDay(owner, orgId, createdBy, shows.get(1), first.plusDays(2));
        if (promoter != null) {
            for (int i = 0; i < 2; i++) {
                owner.update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        shows.get(i),
                        promoter,
                        orgId);
            }
            UUID advanced = advance(owner, orgId, shows.get(0), createdBy, "Oslo advance");
            advance(owner, orgId, shows.get(1), createdBy, "Copenhagen advance");
            // The Oslo advance is under way and shows every state a field can be in; the answers go in in this order,
            // and the database derives each field's agreement (and writes agreed times through to the show).
            String[][] answers = {
                {"Load-in", "from_us", "\"14:00\""},
                {"Load-in", "from_you", "\"14:00\""}, // agreed
                {"Soundcheck", "from_us", "\"17:00\""}, // waiting for the promoter
                {"Doors", "from_us", "\"19:00\""},
                {"Doors", "from_you", "\"19:00\""},
                {"Doors", "from_you", "\"19:30\""}, // changed after agreement
                {"Set time", "from_us", "\"21:00\""},
                {"Set time", "from_you", "\"21:00\""}, // agreed
                {"Curfew", "from_us", "\"23:00\""},
                {"Curfew", "from_you", "\"22:30\""}, // the two differ
                {"Stage dimensions", "from_you", "\"12 x 8 m\""}, // waiting for the artist team
                {"Power", "from_us", "\"63 A three-phase\""},
                {"Power", "from_you", "\"32 A\""},
                {"Hotel", "from_us", "\"Thief Hotel\""},
                {"Hotel", "from_you", "\"Hotel Continental\""},
                {"Guest list spots", "from_us", "20"},
                {"Guest list spots", "from_you", "20"} // agreed
            };
            for (String[] a : answers) {
                owner.update("""
                        update advancing_fields set previous_value = value, value = ?::jsonb, stance = 'answered',
                               declined_value = null, decline_reason = null, updated_at = now(), updated_by = ?
                        where session_id = ? and field_name = ? and party_type = ?::party""", a[2], a[1].equals("from_us") ? createdBy : promoter, advanced, a[0], a[1]);
            }
            String[][] declines = {
                {"Power", "from_us", "\"32 A\"", "The lighting rig needs 63 A three-phase."},
                {"Hotel", "from_you", "\"Thief Hotel\"", "The Thief is fully booked that night."}
            };
            for (String[] d : declines) {
                owner.update("""
                        update advancing_fields set stance = 'declined', declined_value = ?::jsonb, decline_reason = ?,
                               updated_at = now()
                        where session_id = ? and field_name = ? and party_type = ?::party""", d[2], d[3], advanced, d[0], d[1]);
            }
            guestList(owner, orgId, shows.get(0), createdBy, promoter);
        }
        List<UUID> contacts = new ArrayList<>();
        for (String[] c : CONTACTS) {
            UUID id = owner.queryForObject(
                    """
                    insert into contacts (org_id, name, email, company, city, country, role_title, status, commission_rate, created_by)
                    values (?, ?, ?::citext, ?, ?, ?, ?, ?, ?, ?) returning id""",
                    UUID.class,
                    orgId,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[6],
                    c[7],
                    c[5].contains("agent") ? new BigDecimal("10.00") : null,
                    createdBy);
            for (String type : c[5].split("\\|")) {
                owner.update(
                        "insert into contact_types (contact_id, org_id, type) values (?, ?, ?::contact_type)",
                        id,
                        orgId,
                        type);
            }
            contacts.add(id);
        }
        // The first six contacts promote the six venues; two venues have a second promoter.
        for (int i = 0; i < VENUES.length; i++) {
            owner.update(
                    "insert into venue_contacts (org_id, venue_id, contact_id, is_primary) values (?, ?, ?, true)",
                    orgId,
                    venues.get(i),
                    contacts.get(i));
        }
        owner.update(
                "insert into venue_contacts (org_id, venue_id, contact_id, is_primary) values (?, ?, ?, false)",
                orgId,
                venues.get(4),
                contacts.get(15));
        owner.update(
                "insert into venue_contacts (org_id, venue_id, contact_id, is_primary) values (?, ?, ?, false)",
                orgId,
                venues.get(2),
                contacts.get(16));
        // Agents earn commissions on shows: paid, pending and one cancelled.
        Object[][] commissions = {
            {6, 0, "800.00", "EUR", "paid", "Booking fee Oslo"},
            {6, 1, "950.00", "EUR", "pending", "Booking fee Copenhagen"},
            {7, 2, "1100.00", "EUR", "pending", "Booking fee Stockholm"},
            {15, 3, "650.00", "EUR", "cancelled", "Show moved"},
            {6, -1, "250.00", "GBP", "pending", "Press trip"},
        };
        for (Object[] c : commissions) {
            int show = (int) c[1];
            owner.update(
                    """
                    insert into contact_commissions (org_id, contact_id, show_id, amount, currency, status, paid_at, description)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    orgId,
                    contacts.get((int) c[0]),
                    show < 0 ? null : shows.get(show),
                    new BigDecimal((String) c[2]),
                    c[3],
                    c[4],
                    "paid".equals(c[4])
                            ? java.sql.Timestamp.valueOf(
                                    LocalDate.now().minusDays(3).atStartOfDay())
                            : null,
                    c[5]);
        }
    }
}
