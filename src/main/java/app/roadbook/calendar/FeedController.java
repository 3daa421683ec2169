package app.roadbook.calendar;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ICS address a calendar app subscribes to. Anonymous (SecurityConfig permits {@code /feeds/**}): the secret
 * token is the credential. An unknown, malformed or revoked token answers 404 with an empty body, the same for all.
 */
@RestController
class FeedController {

    static final String PATH_PREFIX = "/feeds/";

    private static final MediaType TEXT_CALENDAR =
            new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    FeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(PATH_PREFIX + "{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.render(token)
                .map(ics -> ResponseEntity.ok()
                        .contentType(TEXT_CALENDAR)
                        .cacheControl(CacheControl.noStore())
                        .header("X-Robots-Tag", "noindex")
                        .body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .cacheControl(CacheControl.noStore())
                        .build());
    }
}
