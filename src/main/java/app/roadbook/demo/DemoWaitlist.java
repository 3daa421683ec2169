package app.roadbook.demo;

import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's waitlist (decision 0025): people waiting, one invited, one declined, and one who became the demo's
 * Southside Artists, so the platform admin's Waitlist page shows every state. Written with the owner connection, as
 * all demo data: rows of the waitlist are otherwise made only by the sign-up's definer function.
 */
final class DemoWaitlist {

    private DemoWaitlist() {}

    // SQL: seed rows as the database owner; the waitlist's own rows are otherwise made only by a definer function.
    static void seed(JdbcTemplate owner, UUID platformAdmin, UUID southside) {
        String insert = """
                insert into waitlist (email, name, role, company, notes, status, source, created_at, invited_by,
                                      invited_at, declined_by, declined_at, converted_at, organization_id,
                                      confirmation_sent_at)
                values (?, ?, ?, ?, ?, ?, 'website', now() - make_interval(days => ?), ?, ?, ?, ?, ?, ?,
                        now() - make_interval(days => ?))
                returning id""";
        waiting(
                owner,
                insert,
                "maya.lindqvist@example.com",
                "Maya Lindqvist",
                "manager",
                "Aurora Artist Management",
                "We run three acts on the road from March; advancing by email is killing us.",
                2);
        waiting(owner, insert, "kofi.mensah@example.com", "Kofi Mensah", "agent", "Mensah Booking", null, 5);
        waiting(
                owner,
                insert,
                "lea.fontaine@example.com",
                "Léa Fontaine",
                "venue",
                "La Cigale Ronde",
                "Small club, 400 capacity. Interested in guest lists.",
                9);

        byte[] hash = new byte[32];
        new SecureRandom().nextBytes(hash); // a link nobody holds: the demo's invitation is for show only
        UUID invitation = owner.queryForObject("""
                insert into invitations (email, token_hash, status, expires_at, invited_by, created_at)
                values ('sam.okafor@example.com', ?, 'pending', now() + interval '10 days', ?, now() - interval '4 days')
                returning id""", UUID.class, hash, platformAdmin);
        UUID invited = owner.queryForObject(
                insert,
                UUID.class,
                "sam.okafor@example.com",
                "Sam Okafor",
                "artist",
                "Sam Okafor Band",
                null,
                "invited",
                12,
                platformAdmin,
                ts(4),
                null,
                null,
                null,
                null,
                12);
        owner.update("update waitlist set invitation_id = ? where id = ?", invitation, invited);

        owner.queryForObject(
                insert,
                UUID.class,
                "spam.bot@example.com",
                "Best Tickets 4U",
                "other",
                null,
                "Cheap tickets!!!",
                "declined",
                20,
                null,
                null,
                platformAdmin,
                ts(19),
                null,
                null,
                20);
        owner.queryForObject(
                insert,
                UUID.class,
                "oscar.other@example.com",
                "Oscar Other",
                "artist",
                "Southside Artists",
                null,
                "converted",
                30,
                platformAdmin,
                ts(28),
                null,
                null,
                ts(27),
                southside,
                30);
    }

    private static void waiting(
            JdbcTemplate owner,
            String insert,
            String email,
            String name,
            String role,
            String company,
            String note,
            int daysAgo) {
        owner.queryForObject(
                insert,
                UUID.class,
                email,
                name,
                role,
                company,
                note,
                "pending",
                daysAgo,
                null,
                null,
                null,
                null,
                null,
                null,
                daysAgo);
    }

    private static java.sql.Timestamp ts(int daysAgo) {
        return java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo)));
    }
}
