package app.roadbook.advancing;

import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's own switch for the notice mails of one advance (decision 0017): anyone who may read the advance stops
 * or restarts its mails to themselves, nobody else's. An advance the person may not read looks missing.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvanceMails {

    /** The advance's title and whether the acting person stopped its mails. */
    public record Setting(UUID sessionId, String title, boolean stopped) {}

    private final AdvancingSessionRepository sessions;
    private final AdvancingNoticeStopRepository stops;
    private final AdvancingNoticeRepository notices;

    AdvanceMails(
            AdvancingSessionRepository sessions,
            AdvancingNoticeStopRepository stops,
            AdvancingNoticeRepository notices) {
        this.sessions = sessions;
        this.stops = stops;
        this.notices = notices;
    }

    @Transactional(readOnly = true)
    public Setting setting(UUID sessionId) {
        return new Setting(sessionId, session(sessionId).getTitle(), stops.stopped(ActingUser.requireId(), sessionId));
    }

    /** No more mails about this advance to the acting person; what was waiting for them is dropped too. */
    @Transactional
    public Setting stop(UUID sessionId) {
        AdvancingSession session = session(sessionId);
        stops.stop(sessionId);
        notices.dropWaiting(ActingUser.requireId(), sessionId);
        return new Setting(sessionId, session.getTitle(), true);
    }

    /** Mails again, from the next change on. */
    @Transactional
    public Setting resume(UUID sessionId) {
        AdvancingSession session = session(sessionId);
        stops.resume(ActingUser.requireId(), sessionId);
        return new Setting(sessionId, session.getTitle(), false);
    }

    private AdvancingSession session(UUID sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
    }
}
