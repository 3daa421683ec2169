package app.roadbook.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Roadbook under load, as browsers would use it (issue #15): each virtual user is one person with one browser tab.
 * It signs in through the sign-in page (Spring Security's form with its CSRF token, after the sign-in view's Vaadin
 * UI has loaded, as in a browser), loads the app, then, until the test ends, goes through its round with a few
 * seconds of reading between steps:
 * <ul>
 *   <li>an org member (admin of "Northern Lights Touring"): shows list, contacts, the Oslo advance, billing, then
 *       its own contact, where it opens the editor, types a new phone number and saves;
 *   <li>a promoter: "My shows", its own advance, where it edits its side of "Stage dimensions" and saves.
 * </ul>
 * Every step is Vaadin Flow's own protocol ({@link VaadinUi}): the client router's navigation event, the lazy grids'
 * data confirmations, clicks and value changes, plus the heartbeat every 45 s. Static files are left out (a browser
 * caches them). Parameters (system properties): {@code users} (default 100), {@code promoterShare} (0.25),
 * {@code baseUrl} (http://localhost:8080), {@code dataDir} (the app's ROADBOOK_DATA_DIR, for the accounts),
 * {@code rampSeconds} (users / 5, at least 30), {@code steadySeconds} (120), {@code thinkMin}/{@code thinkMax}
 * seconds (2/8). Run through {@code ./roadbook loadtest USERS}; see docs/performance.md.
 */
public class RoadbookSimulation extends Simulation {

    private static final int USERS = Integer.getInteger("users", 100);
    private static final double PROMOTER_SHARE = Double.parseDouble(System.getProperty("promoterShare", "0.25"));
    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final Path DATA_DIR =
            Path.of(System.getProperty("dataDir", System.getProperty("user.home") + "/.roadbook"));
    private static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", Math.max(30, USERS / 5));
    private static final int STEADY_SECONDS = Integer.getInteger("steadySeconds", 120);
    private static final Duration THINK_MIN = Duration.ofSeconds(Integer.getInteger("thinkMin", 2));
    private static final Duration THINK_MAX = Duration.ofSeconds(Integer.getInteger("thinkMax", 8));

    private static final int PROMOTERS = (int) Math.round(USERS * PROMOTER_SHARE);
    private static final int MEMBERS = USERS - PROMOTERS;

    private static final LoadTestData.Prepared DATA = prepare();

    /** Every user goes on with its rounds until this moment: the last one signed in, then the steady phase. */
    private static final long END_NANOS =
            System.nanoTime() + Duration.ofSeconds(RAMP_SECONDS + STEADY_SECONDS).toNanos();

    private static final String INVALID = "\"key\":\"invalid\",\"feat\":1,\"value\":true";

    private static final int HEARTBEAT_SECONDS = 45;

    private static final AtomicInteger EDITS = new AtomicInteger();

    private static LoadTestData.Prepared prepare() {
        try {
            return LoadTestData.prepare(DATA_DIR, MEMBERS, PROMOTERS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare the load-test accounts in " + DATA_DIR, e);
        }
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .userAgentHeader("Roadbook load test (Gatling)")
            .acceptEncodingHeader("gzip, deflate")
            .disableFollowRedirect()
            .disableCaching()
            .warmUp(BASE_URL + "/login");

    // --- the sign-in and the app's first page, as a browser loads them ---

    private static ChainBuilder signIn() {
        return exec(http("sign-in page").get("/login").check(status().is(200), regex(
                                "<meta name=\"_csrf\" content=\"([^\"]+)\"")
                        .saveAs("csrf")))
                .exitHereIfFailed()
                .exec(loadUi("sign-in page: ui init", "login"))
                .exitHereIfFailed()
                .exec(uidl("sign-in page: ui navigate", ui -> ui.navigate("/login")))
                .pause(THINK_MIN, THINK_MAX)
                .exec(http("sign in")
                        .post("/login")
                        .header("Origin", BASE_URL)
                        .formParam("_csrf", "#{csrf}")
                        .formParam("username", "#{email}")
                        .formParam("password", LoadTestData.PASSWORD)
                        .check(status().is(302), header("Location").saveAs("location")))
                // A refused sign-in also answers 302, to /login?error…
                .exec(session -> session.getString("location") != null
                                && !session.getString("location").contains("/login")
                        ? session
                        : session.markAsFailed())
                .exitHereIfFailed()
                .exec(http("home page").get("/").check(status().is(200)))
                .exec(loadUi("home: ui init", ""))
                .exitHereIfFailed()
                .exec(uidl("home: ui navigate", ui -> ui.navigate("/")))
                .exec(session -> session.set("heartbeatAt", System.nanoTime()))
                .exec(confirmGrids("home"))
                .exitHereIfFailed();
    }

    private static ChainBuilder loadUi(String name, String location) {
        return exec(http(name)
                        .get("/?v-r=init&location=" + location + "&query=")
                        .check(status().is(200), bodyString().saveAs("init")))
                .exec(session -> session.contains("init")
                        ? session.set("ui", VaadinUi.fromInit(session.getString("init")))
                                .remove("init")
                        : session.markAsFailed());
    }

    /** One round trip of Vaadin's protocol: the request {@code body} writes for the UI, its response applied. */
    private static ChainBuilder uidl(String name, Function<VaadinUi, String> body) {
        return exec(http(name)
                        .post(session -> ui(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(session -> body.apply(ui(session))))
                        .check(
                                status().is(200),
                                // Vaadin's answers to a request that failed on the server, or to a session that ended.
                                substring("\"appError\"").notExists(),
                                substring("sessionExpired").notExists(),
                                // A field the server marked invalid: the step did not do what it should (a save
                                // refused by validation).
                                substring(INVALID).notExists(),
                                bodyString().saveAs("uidl")))
                .exec(session -> {
                    if (!session.contains("uidl")) {
                        return session;
                    }
                    boolean ok = ui(session).applyResponse(session.getString("uidl"));
                    Session next = session.remove("uidl");
                    return ok ? next : next.markAsFailed();
                });
    }

    private static ChainBuilder confirmGrids(String view) {
        return doIf(session -> ui(session).hasPendingConfirms())
                .then(uidl(view + ": grid confirm", VaadinUi::confirmGridUpdates));
    }

    private static VaadinUi ui(Session session) {
        return session.get("ui");
    }

    // --- the two kinds of people ---

    private static ChainBuilder navigateTo(String name, Function<Session, String> route) {
        return exec(heartbeatIfDue())
                .exec(http("open " + name)
                        .post(session -> ui(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(session -> ui(session).navigate(route.apply(session))))
                        .check(
                                status().is(200),
                                substring("\"appError\"").notExists(),
                                substring("sessionExpired").notExists(),
                                // A field the server marked invalid: the step did not do what it should (a save
                                // refused by validation).
                                substring(INVALID).notExists(),
                                bodyString().saveAs("uidl")))
                .exec(session -> {
                    if (!session.contains("uidl")) {
                        return session;
                    }
                    boolean ok = ui(session).applyResponse(session.getString("uidl"));
                    Session next = session.remove("uidl");
                    return ok ? next : next.markAsFailed();
                })
                .exec(confirmGrids(name))
                .pause(THINK_MIN, THINK_MAX);
    }

    /** Clicks a button found in the UI; a missing button fails the request (the page is not what it should be). */
    private static ChainBuilder click(String name, Function<VaadinUi, java.util.Optional<Integer>> button) {
        return exec(heartbeatIfDue()).exec(uidl(name, ui -> ui.click(button.apply(ui)
                .orElseThrow(() -> new IllegalStateException(name + ": the button is not on the page")))));
    }

    private static ChainBuilder type(String name, String label, Function<Session, String> value) {
        return exec(heartbeatIfDue())
                .exec(session -> session.set("typed", value.apply(session)))
                .exec(http(name)
                        .post(session -> ui(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(session -> ui(session)
                                .setValue(
                                        ui(session)
                                                .field(label)
                                                .orElseThrow(() -> new IllegalStateException(
                                                        name + ": no field labelled " + label)),
                                        session.getString("typed"))))
                        .check(
                                status().is(200),
                                substring("\"appError\"").notExists(),
                                substring(INVALID).notExists(),
                                bodyString().saveAs("uidl")))
                .exec(session -> {
                    if (!session.contains("uidl")) {
                        return session;
                    }
                    boolean ok = ui(session).applyResponse(session.getString("uidl"));
                    Session next = session.remove("uidl");
                    return ok ? next : next.markAsFailed();
                });
    }

    /**
     * The Flow client's heartbeat, every {@value #HEARTBEAT_SECONDS} s while the tab is open: Vaadin closes a UI that
     * missed three (a UIDL request does not count as one), so a user reading longer must send it like a browser.
     */
    private static ChainBuilder heartbeatIfDue() {
        return doIf(session -> System.nanoTime() - session.getLong("heartbeatAt")
                        > Duration.ofSeconds(HEARTBEAT_SECONDS).toNanos())
                .then(exec(http("heartbeat")
                                .post(session -> ui(session).heartbeatPath())
                                .header("Content-Type", "text/plain;charset=UTF-8")
                                .check(status().is(200)))
                        .exec(session -> session.set("heartbeatAt", System.nanoTime())));
    }

    private static ChainBuilder rounds(ChainBuilder round) {
        return asLongAs(session -> System.nanoTime() < END_NANOS)
                // A step that failed leaves the page in a state the rest of the round cannot use: that user stops
                // there (its session stays open on the server, as a closed tab's would).
                .on(exec(exitBlockOnFail().on(round)).exitHereIfFailed());
    }

    private final ChainBuilder memberRound = exec(navigateTo("shows", s -> "shows"))
            .exec(navigateTo("contacts", s -> "contacts"))
            .exec(navigateTo("advance", s -> "advance/" + DATA.memberAdvance()))
            .exec(navigateTo("billing", s -> "billing"))
            .exec(navigateTo("own contact", s -> "contacts/" + s.getString("target")))
            .exec(click("edit contact: open editor", ui -> ui.button("Edit")))
            .pause(THINK_MIN, THINK_MAX)
            .exec(type("edit contact: type phone", "Phone", s -> "+47 555 " + (1000 + EDITS.incrementAndGet() % 9000)))
            .exec(click("edit contact: save", ui -> ui.button("Save")))
            .pause(THINK_MIN, THINK_MAX);

    private final ChainBuilder promoterRound = exec(navigateTo("my shows", s -> "my-shows"))
            .exec(navigateTo("advance", s -> "advance/" + s.getString("target")))
            .exec(click("edit advance field: open editor", ui -> ui.buttonLabelled("Edit Stage dimensions")))
            .pause(THINK_MIN, THINK_MAX)
            .exec(type(
                    "edit advance field: type value",
                    "Stage dimensions",
                    s -> "12 x 8 m, riser " + EDITS.incrementAndGet()))
            .exec(click("edit advance field: save", ui -> ui.button("Save")))
            .pause(THINK_MIN, THINK_MAX);

    private static Iterator<Map<String, Object>> feeder(List<LoadTestData.Account> accounts) {
        return accounts.stream()
                .map(a -> Map.<String, Object>of("email", a.email(), "target", a.target().toString()))
                .iterator();
    }

    private final ScenarioBuilder members = scenario("org members")
            .feed(feeder(DATA.members()))
            .exec(signIn())
            .exec(rounds(memberRound));

    private final ScenarioBuilder promoters = scenario("promoters")
            .feed(feeder(DATA.promoters()))
            .exec(signIn())
            .exec(rounds(promoterRound));

    {
        System.out.printf(
                "Roadbook load test: %d users (%d members, %d promoters) against %s, ramp %d s, steady %d s%n",
                USERS, MEMBERS, PROMOTERS, BASE_URL, RAMP_SECONDS, STEADY_SECONDS);
        setUp(
                        members.injectOpen(rampUsers(MEMBERS).during(RAMP_SECONDS)),
                        promoters.injectOpen(rampUsers(PROMOTERS).during(RAMP_SECONDS)))
                .protocols(protocol);
    }
}
