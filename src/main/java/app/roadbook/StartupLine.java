package app.roadbook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one line Roadbook prints when it is ready: which JDK runs it and where to open it. Everything else at start-up
 * logs at WARN or above (application.properties), so this line is what a person sees.
 */
@Component
class StartupLine {

    private static final Logger log = LoggerFactory.getLogger(StartupLine.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(text(web.getWebServer().getPort()));
        }
    }

    static String text(int port) {
        return "Roadbook is running on Java %s (%s, %s) at http://localhost:%d"
                .formatted(
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("java.home"),
                        port);
    }
}
