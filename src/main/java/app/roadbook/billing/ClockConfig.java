package app.roadbook.billing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** The one clock of the app; tests construct their jobs with a fixed one instead. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
