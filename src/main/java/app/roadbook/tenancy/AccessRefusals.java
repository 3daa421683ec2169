package app.roadbook.tenancy;

import app.roadbook.base.ActivityLog;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Refused attempts by signed-in people, for the owners' and admins' audit log. */
@Service
public class AccessRefusals {

    private final ActivityLog activity;

    AccessRefusals(ActivityLog activity) {
        this.activity = activity;
    }

    /** A view the user's role may not open. {@code orgId} is the org they were working in, if any. */
    @Transactional
    public void viewRefused(UUID orgId, String path) {
        if (ActingUser.id().isPresent()) {
            activity.security(orgId, "access.view_refused", "route", null, Map.of("path", clip(path)));
        }
    }

    /** An action a service refused (role, lapsed subscription, not the user's to change). */
    @Transactional
    public void actionRefused(UUID orgId, String reason) {
        if (ActingUser.id().isPresent()) {
            activity.security(orgId, "access.action_refused", "action", null, Map.of("reason", clip(reason)));
        }
    }

    private static String clip(String text) {
        String value = text == null ? "" : text;
        return value.length() > 300 ? value.substring(0, 300) : value;
    }
}
