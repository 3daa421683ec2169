package app.roadbook.waitlist;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the platform admins' waitlist. */
public record WaitlistRow(
        UUID id,
        String name,
        String email,
        WaitlistRole role,
        String company,
        String note,
        WaitlistStatus status,
        OffsetDateTime signedUpAt,
        OffsetDateTime invitedAt,
        String invitedBy,
        OffsetDateTime decidedAt,
        String organization,
        int version) {}
