package app.roadbook.calendar;

import app.roadbook.base.ActivityLog;
import app.roadbook.tenancy.ActingUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal calendar feeds (decision 0024). A signed-in person makes, replaces or deletes their own secret address;
 * only the SHA-256 of its 256-bit token is stored, so the address is shown once. A calendar app fetches the address
 * without a session: the token names its owner through {@code calendar_feed_owner}, and the content is read AS that
 * owner under RLS, so the feed holds exactly what the person could see signed in at that moment. A revoked or
 * replaced address, a disabled account, or access lost to an org or a show takes effect on the next fetch.
 */
@Service
public class CalendarFeeds {

    /** The feed's window: from half a year back to two years ahead of today. */
    static final int MONTHS_BACK = 6;

    static final int YEARS_AHEAD = 2;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final CalendarFeedRepository feeds;
    private final CalendarReader reader;
    private final ActivityLog activity;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final String baseUrl;

    CalendarFeeds(
            CalendarFeedRepository feeds,
            CalendarReader reader,
            ActivityLog activity,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${roadbook.base-url:}") String baseUrl) {
        this.feeds = feeds;
        this.reader = reader;
        this.activity = activity;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.baseUrl = baseUrl.strip();
    }

    /** When the signed-in person's current address was made, if they have one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Instant> myFeedSince() {
        return feeds.findByUserId(ActingUser.requireId())
                .map(f -> f.getCreatedAt().toInstant());
    }

    /**
     * A new secret address for the signed-in person, replacing any earlier one (which stops working at once). The
     * returned URL is the only time the token is seen: only its hash is kept.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String issue() {
        UUID me = ActingUser.requireId();
        byte[] token = new byte[32];
        random.nextBytes(token);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        byte[] hash = sha256(text);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Optional<CalendarFeed> existing = feeds.findByUserId(me);
        CalendarFeed feed = existing.orElseGet(() -> new CalendarFeed(me, hash, now));
        if (existing.isPresent()) {
            feed.replace(hash, now);
        }
        feeds.saveAndFlush(feed);
        activity.security(
                null,
                existing.isPresent() ? "account.calendar_feed.regenerated" : "account.calendar_feed.created",
                "calendar_feed",
                feed.getId(),
                Map.of());
        return url(text);
    }

    /** Deletes the signed-in person's address; the next fetch of it answers 404. False if there was none. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean revoke() {
        Optional<CalendarFeed> feed = feeds.findByUserId(ActingUser.requireId());
        feed.ifPresent(f -> {
            feeds.delete(f);
            feeds.flush();
            activity.security(null, "account.calendar_feed.revoked", "calendar_feed", f.getId(), Map.of());
        });
        return feed.isPresent();
    }

    /**
     * The feed behind a token as iCalendar text, or empty for a malformed, unknown or revoked token (or a disabled
     * account). Needs no session: the token is the credential, and the content is read as its owner.
     */
    public Optional<String> render(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Optional<UUID> owner = readOnly.execute(status -> feeds.ownerOf(hash));
        if (owner == null || owner.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        CalendarPage page = ActingUser.callAs(
                owner.get(),
                () -> readOnly.execute(status ->
                        reader.read(today.minusMonths(MONTHS_BACK), today.plusYears(YEARS_AHEAD), s -> true)));
        return Optional.of(IcsWriter.write("Roadbook", page));
    }

    /** The feed's address: ROADBOOK_BASE_URL if set, else the address the person is using right now. */
    String url(String token) {
        String base = baseUrl;
        if (base.isEmpty()) {
            try {
                base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .build()
                        .toUriString();
            } catch (IllegalStateException noRequest) {
                base = "http://localhost:8080";
            }
        }
        return base.replaceAll("/+$", "") + FeedController.PATH_PREFIX + token + ".ics";
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
