package app.roadbook.advancing;

import app.roadbook.base.jobs.OnceOnly;
import app.roadbook.invitations.InvitationMail;
import app.roadbook.tenancy.ActingUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the other party, by mail (decision 0017). Every minute it hands new notices to the people of the other party
 * who may read their advance, and mails each person whose digest of an advance is due: something waits for them and
 * nothing about that advance was mailed to them in the last window ({@code roadbook.advancing.notice-window}, 10
 * minutes by default). So the first change after a quiet spell goes out at the next run, later ones wait for the
 * window, and nobody gets more than one mail per advance and window.
 *
 * <p>Two SECURITY DEFINER functions (V16), with nobody acting: {@code take_advancing_notices} (hands out and tidies up,
 * returns a count) and {@code advancing_digests_due} (ids only: who is due a digest of which advance). Each digest is
 * then read and mailed acting as its recipient ({@link AdvancingDigests}), under row-level security.
 */
@Component
public class AdvancingNoticeJob {

    private static final Logger log = LoggerFactory.getLogger(AdvancingNoticeJob.class);

    /** A digest that went out: to whom, about which advance, and what it said. */
    public record Digest(UUID userId, String to, UUID sessionId, String subject, String body) {}

    private record Due(UUID userId, UUID sessionId) {}

    private final AdvancingNoticeRepository notices;
    private final AdvancingDigests digests;
    private final InvitationMail mail;
    private final Clock clock;
    private final Duration window;
    private final OnceOnly onceOnly;
    private boolean warnedAboutLinks;

    AdvancingNoticeJob(
            AdvancingNoticeRepository notices,
            AdvancingDigests digests,
            InvitationMail mail,
            Clock clock,
            @Value("${roadbook.advancing.notice-window:PT10M}") Duration window,
            OnceOnly onceOnly) {
        this.onceOnly = onceOnly;
        this.notices = notices;
        this.digests = digests;
        this.mail = mail;
        this.clock = clock;
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("roadbook.advancing.notice-window must be positive, not " + window);
        }
        this.window = window;
    }

    /**
     * Every minute by default, on one node of all (decision 0030); {@code -} turns the schedule off (the tests run the
     * job themselves).
     */
    @Scheduled(cron = "${roadbook.advancing.notice-cron:0 * * * * *}")
    void scheduled() {
        onceOnly.run("advancing-notices", Duration.ofMinutes(10), Duration.ofSeconds(30), () -> run(clock.instant()));
    }

    /** One run as of {@code now}: the digests that went out. */
    public List<Digest> run(Instant now) {
        double seconds = window.toMillis() / 1000.0;
        notices.takeNotices(now, seconds);
        List<Due> due = notices.findDigestsDue(now, seconds).stream()
                .map(d -> new Due(d.getUserId(), d.getSessionId()))
                .toList();
        List<Digest> sent = new ArrayList<>();
        for (Due d : due) {
            try {
                ActingUser.callAs(d.userId(), () -> digests.send(d.sessionId(), now))
                        .ifPresent(sent::add);
            } catch (RuntimeException e) {
                log.warn(
                        "The advancing digest for user {} about advance {} was not sent; the next run tries again.",
                        d.userId(),
                        d.sessionId(),
                        e);
            }
        }
        if (!sent.isEmpty()) {
            log.info("Mailed {} advancing digest(s).", sent.size());
            if (!mail.hasBaseUrl() && !warnedAboutLinks) {
                warnedAboutLinks = true;
                log.warn("ROADBOOK_BASE_URL is not set: advancing digests link to {}.", mail.url(""));
            }
        }
        return sent;
    }
}
