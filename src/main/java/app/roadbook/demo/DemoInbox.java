package app.roadbook.demo;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A booking mail waiting in the demo org's parsing inbox (decision 0029), as the bookings mailbox would have stored it:
 * received by mail, not yet read. Its values are proposed when an editor first opens it, matched against the demo's
 * venues and contacts. Written with the owner connection like the rest of the demo.
 */
final class DemoInbox {

    static final String MAIL = """
            Hi Nora,

            great news: Paradiso confirms The Auroras for Saturday 2027-05-15.

            Venue: Paradiso
            City: Amsterdam
            Load-in: 14:00
            Soundcheck: 16:30
            Doors: 19:30
            Set: 21:00
            Curfew: 23:00
            Fee: EUR 4500
            Deal: versus
            Capacity: 1500

            Contact: Joost de Vries
            Phone: +31 20 626 4521
            Mail joost@paradiso.nl for the advance.

            Best,
            Joost
            """;

    private DemoInbox() {}

    // SQL: seed rows as the database owner; no acting user exists yet for the services and their row-level security.
    static void seed(JdbcTemplate owner, UUID orgId) {
        owner.update("""
                insert into parsed_emails (org_id, subject, from_email, raw_content, received_via, message_id)
                values (?, 'Confirmation: The Auroras at Paradiso, 15 May', 'joost@paradiso.nl', ?, 'mail',
                        '<demo-paradiso-offer@roadbook.demo>')""", orgId, MAIL);
    }
}
