package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingNoticeJob.Digest;
import app.roadbook.advancing.AdvancingNoticeRepository.Pending;
import app.roadbook.advancing.AdvancingNoticeRepository.Person;
import app.roadbook.advancing.AdvancingSessionRepository.ShowFactsRow;
import app.roadbook.invitations.InvitationMail;
import app.roadbook.tenancy.ActingUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One digest: what waits for one person about one advance, read and mailed acting as that person, so row-level
 * security decides what they may read (decision 0017). Someone who may no longer read the advance, or who stopped its
 * mails, gets nothing.
 */
@Component
class AdvancingDigests {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final AdvancingNoticeRepository notices;
    private final AdvancingNoticeStopRepository stops;
    private final AdvancingSessionRepository sessions;
    private final InvitationMail mail;
    private final Duration window;

    AdvancingDigests(
            AdvancingNoticeRepository notices,
            AdvancingNoticeStopRepository stops,
            AdvancingSessionRepository sessions,
            InvitationMail mail,
            @Value("${roadbook.advancing.notice-window:PT10M}") Duration window) {
        this.notices = notices;
        this.stops = stops;
        this.sessions = sessions;
        this.mail = mail;
        this.window = window;
    }

    /**
     * Mails the acting person what waits for them about one advance, marked as mailed at {@code now}. A failure to send
     * rolls the marks back, so the next run tries again.
     */
    @Transactional
    public Optional<Digest> send(UUID sessionId, Instant now) {
        UUID me = ActingUser.requireId();
        if (stops.stopped(me, sessionId)) {
            return Optional.empty();
        }
        List<Pending> pending = notices.findPending(me, sessionId);
        Optional<AdvancingSession> session = sessions.findById(sessionId);
        Optional<ShowFactsRow> show = sessions.findShowFacts(sessionId);
        Optional<Person> person = notices.findPerson(me);
        if (pending.isEmpty() || session.isEmpty() || show.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        notices.markMailed(
                me, pending.stream().map(Pending::id).toList(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        String to = person.get().getEmail();
        String subject = subject(show.get(), session.get(), pending);
        String body = body(person.get(), session.get(), show.get(), pending);
        mail.send(new InvitationMail.Sender(null, null), to, subject, body);
        return Optional.of(new Digest(me, to, sessionId, subject, body));
    }

    // The mail, in words -----------------------------------------------------------------------------------------

    /** "Aurora at Rockefeller · Sat 12 Dec 2026: 2 updates from the promoter". */
    static String subject(ShowFactsRow show, AdvancingSession session, List<Pending> pending) {
        String text = show(show, session) + ": " + updates(pending.size()) + " from " + from(pending);
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    String body(Person to, AdvancingSession session, ShowFactsRow show, List<Pending> pending) {
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(to.getDisplayName()).append(",\n\n");
        b.append(capitalized(updates(pending.size())))
                .append(" from ")
                .append(from(pending))
                .append(" in the advance \"")
                .append(session.getTitle())
                .append("\" (")
                .append(show(show, session))
                .append("):\n");
        String field = null;
        for (Pending p : pending) {
            String name = p.section() + " › " + p.fieldName();
            if (!name.equals(field)) {
                b.append('\n').append(name).append('\n');
                field = name;
            }
            b.append("  ").append(indented(line(p))).append('\n');
        }
        String advance = mail.url("/advance/" + session.getId());
        b.append("\nOpen the advance:\n").append(advance).append("\n\n");
        b.append("You get these mails because you can see this advance on Roadbook: at most one per advance every ")
                .append(words(window))
                .append(".\nTo stop them for this advance, open:\n")
                .append(advance)
                .append("/mails\n");
        return b.toString();
    }

    /** One thing that happened, as people say it. */
    static String line(Pending p) {
        String who = p.actorName() == null ? "Someone" : p.actorName();
        return switch (p.kind()) {
            case changed -> p.value() == null ? who + " cleared their answer" : who + " answered: " + p.value();
            case accepted -> who + " accepted: " + p.value();
            case declined -> who + " declined " + p.value() + ", saying: " + p.detail();
            case commented -> who + " commented: " + p.detail();
        };
    }

    /** The show as both parties know it: its artist (or title) at its venue, and its date. */
    private static String show(ShowFactsRow show, AdvancingSession session) {
        String who = show.getArtistName() != null
                ? show.getArtistName()
                : show.getShowTitle() != null && !show.getShowTitle().isBlank()
                        ? show.getShowTitle()
                        : session.getTitle();
        List<String> where = new ArrayList<>();
        if (show.getVenueName() != null) {
            where.add(show.getVenueName());
        }
        if (show.getVenueCity() != null && !show.getVenueCity().isBlank()) {
            where.add(show.getVenueCity());
        }
        return who + (where.isEmpty() ? "" : " at " + String.join(", ", where)) + " · " + DATE.format(show.getDate());
    }

    private static String from(List<Pending> pending) {
        Party party = pending.getFirst().party();
        boolean oneParty = pending.stream().allMatch(p -> p.party() == party);
        return !oneParty ? "both teams" : party == Party.from_you ? "the promoter" : "the artist team";
    }

    private static String updates(int n) {
        return n == 1 ? "1 update" : n + " updates";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Continuation lines of a multi-line comment or reason, indented under their line. */
    private static String indented(String text) {
        return Objects.requireNonNull(text).replace("\r\n", "\n").replace("\n", "\n    ");
    }

    /** "10 minutes", "1 hour", "90 seconds". */
    static String words(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            long h = d.toHours();
            return h == 1 ? "hour" : h + " hours";
        }
        if (d.toSeconds() % 60 == 0) {
            long m = d.toMinutes();
            return m == 1 ? "minute" : m + " minutes";
        }
        return d.toSeconds() + " seconds";
    }
}
