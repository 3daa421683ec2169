package app.roadbook.monitoring;

import java.time.Duration;

/** The periods the slow-query page offers, each with its label. */
public enum SlowQueryPeriod {
    HOUR("Last hour", Duration.ofHours(1)),
    DAY("Last 24 hours", Duration.ofDays(1)),
    WEEK("Last 7 days", Duration.ofDays(7)),
    MONTH("Last 30 days", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    SlowQueryPeriod(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }
}
