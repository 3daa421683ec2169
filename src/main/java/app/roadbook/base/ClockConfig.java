package app.roadbook.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** The one clock of the app (sign-in throttling, billing lifecycle); tests construct theirs with a fixed one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
