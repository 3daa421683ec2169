package app.roadbook.tenancy;

import java.util.UUID;

/** Ending memberships, implemented by the invitations capability that also starts them. */
public interface Memberships {
    void removeMember(UUID orgId, UUID userId);
}
