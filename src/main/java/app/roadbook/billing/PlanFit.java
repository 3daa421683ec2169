package app.roadbook.billing;

import app.roadbook.tenancy.OrgAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether an org fits into a plan, for owners asking for one and platform admins setting one alike: its seats as
 * {@code org_seat_counts()} counts them against the plan's limits, with the org's own overrides kept. Also turns
 * override values and entitlements from and into JSON. Joins the caller's transaction; the callers authorize.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class PlanFit {

    static final List<String> SEAT_KINDS = List.of("members", "collaborators", "artists");

    private final OrgSubscriptionRepository subscriptions;
    private final OrgFeatureOverrideRepository overrides;
    private final JsonMapper json;

    PlanFit(OrgSubscriptionRepository subscriptions, OrgFeatureOverrideRepository overrides, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.overrides = overrides;
        this.json = json;
    }

    /** What must go before the org fits into {@code target}'s limits; empty when it fits. */
    List<String> blockers(UUID orgId, BillingPlan target) {
        Map<String, Object> own = overrides(orgId);
        OrgSubscriptionRepository.SeatCounts counts = subscriptions
                .findSeatCounts(orgId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such organization."));
        List<String> blockers = new ArrayList<>();
        for (String kind : SEAT_KINDS) {
            long used = used(counts, kind);
            String key = "max_" + kind;
            Integer limit = own.containsKey(key)
                    ? (own.get(key) == null ? null : ((Number) own.get(key)).intValue())
                    : target.limit(kind);
            if (limit != null && used > limit) {
                blockers.add("remove " + (used - limit) + " " + kind + " (" + used + " now, " + limit + " allowed)");
            }
        }
        return blockers;
    }

    /** The org's overrides by key: true or false for a flag, a number or null (unlimited) for a limit. */
    Map<String, Object> overrides(UUID orgId) {
        return values(overrides.findByIdOrgIdOrderByIdKey(orgId));
    }

    Map<String, Object> values(List<OrgFeatureOverride> stored) {
        Map<String, Object> values = new LinkedHashMap<>();
        stored.forEach(o -> values.put(o.key(), json.readValue(o.getValue(), Object.class)));
        return values;
    }

    String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    /** A JSON object as a map, keys in their order; empty for null. */
    Map<String, Object> map(String text) {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    static long used(OrgSubscriptionRepository.SeatCounts counts, String kind) {
        return switch (kind) {
            case "members" -> counts.getMembers();
            case "collaborators" -> counts.getCollaborators();
            case "artists" -> counts.getArtists();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
