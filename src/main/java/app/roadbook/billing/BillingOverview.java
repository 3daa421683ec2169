package app.roadbook.billing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the billing dashboard shows about one org. */
public record BillingOverview(
        UUID orgId,
        PlanSummary plan,
        String status,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        boolean live,
        List<SeatUsage> seats,
        List<Entitlement> entitlements,
        PendingRequest pendingRequest) {

    /** Used seats of one kind against the effective limit (null = unlimited). */
    public record SeatUsage(String kind, long used, Integer limit) {
        public double fraction() {
            return limit == null || limit == 0 ? (limit == null ? 0 : 1) : Math.min(1.0, (double) used / limit);
        }
    }

    public record Entitlement(String key, String value, boolean overridden) {}

    public record PendingRequest(UUID id, String planName, OffsetDateTime requestedAt) {}

    /** Whole days until the period ends; negative once it is over; null without an end. */
    public Long daysLeft(OffsetDateTime now) {
        return periodEnd == null
                ? null
                : java.time.Duration.between(now, periodEnd).toDays();
    }
}
