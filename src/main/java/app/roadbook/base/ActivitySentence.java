package app.roadbook.base;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An activity-log entry as a sentence: "Olivia Owner changed the subscription: plan from Solo Artist to Team Manager,
 * status from Trial to Active." The log keeps its keys and JSON; the audit log and the billing history read them
 * through here, so nobody sees {@code plan_change.requested} or {@code {"after": …}}.
 */
public final class ActivitySentence {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern STORED_CONSTANT = Pattern.compile("[a-z]+(_[a-z]+)+");

    /** What each action did, after the actor's name; {@code %s} is the target's name where there is one. */
    private static final Map<String, String> VERBS = new LinkedHashMap<>();

    static {
        VERBS.put("auth.signed_in", "signed in");
        VERBS.put("auth.sign_in_failed", "failed to sign in");
        VERBS.put("auth.sign_in_failures_counted", "had failed sign-ins counted");
        VERBS.put("auth.sign_in_failures_summary", "had failed sign-ins");
        VERBS.put("access.view_refused", "was refused a page");
        VERBS.put("access.action_refused", "was refused an action");
        VERBS.put("account.disabled", "disabled the account of %s");
        VERBS.put("account.enabled", "enabled the account of %s");
        VERBS.put("member.removed", "removed %s from the organization");
        VERBS.put("member.role_changed", "changed the role of %s");
        VERBS.put("member.signed_out_everywhere", "signed %s out everywhere");
        VERBS.put("person.user_unlinked", "unlinked the account of %s");
        VERBS.put("person.created", "added %s to the crew");
        VERBS.put("person.updated", "changed the crew member %s");
        VERBS.put("person.deleted", "removed %s from the crew");
        VERBS.put("person.imported", "imported crew members");
        VERBS.put("show.crew_assigned", "assigned crew to %s");
        VERBS.put("show.crew_duty_changed", "changed a crew duty on %s");
        VERBS.put("show.crew_unassigned", "took crew off %s");
        VERBS.put("schedule_item.created", "added %s to a day sheet");
        VERBS.put("schedule_item.updated", "changed %s on a day sheet");
        VERBS.put("schedule_item.deleted", "removed %s from a day sheet");
        VERBS.put("guest_list.saved", "set up a guest list");
        VERBS.put("guest.requested", "asked for a guest list place for %s");
        VERBS.put("guest.approved", "approved %s for the guest list");
        VERBS.put("guest.declined", "declined %s for the guest list");
        VERBS.put("guest.reopened", "put %s back to requested on the guest list");
        VERBS.put("guest.withdrawn", "withdrew %s from the guest list");
        VERBS.put("file.uploaded", "uploaded the file %s");
        VERBS.put("parsing.received", "added %s to the parsing inbox");
        VERBS.put("parsing.confirmed", "confirmed values of %s from the parsing inbox");
        VERBS.put("parsing.dismissed", "dismissed %s in the parsing inbox");
        VERBS.put("parsing.model_switched", "switched the external parsing model");
        VERBS.put("file.version_uploaded", "uploaded a new version of %s");
        VERBS.put("file.version_restored", "restored an earlier version of %s");
        VERBS.put("file.visibility_changed", "changed who sees %s");
        VERBS.put("file.downloaded", "downloaded %s");
        VERBS.put("file.deleted", "moved %s to the bin");
        VERBS.put("file.restored", "restored %s from the bin");
        VERBS.put("file.purged", "deleted %s for good");
        VERBS.put("invitation.created", "invited %s");
        VERBS.put("invitation.resent", "resent the invitation to %s");
        VERBS.put("invitation.revoked", "revoked the invitation to %s");
        VERBS.put("invitation.accepted", "accepted the invitation");
        VERBS.put("collaborator.revoked", "ended the show access of %s");
        VERBS.put("artist.created", "added the artist %s");
        VERBS.put("artist.renamed", "renamed the artist %s");
        VERBS.put("artist.deleted", "deleted the artist %s");
        VERBS.put("artist.archived", "archived the artist %s");
        VERBS.put("artist.restored", "restored the artist %s");
        VERBS.put("venue.created", "added the venue %s");
        VERBS.put("venue.updated", "changed the venue %s");
        VERBS.put("venue.deleted", "deleted the venue %s");
        VERBS.put("show.created", "added the show %s");
        VERBS.put("show.updated", "changed the show %s");
        VERBS.put("show.deleted", "deleted the show %s");
        VERBS.put("contact.created", "added the contact %s");
        VERBS.put("contact.updated", "changed the contact %s");
        VERBS.put("contact.deleted", "deleted the contact %s");
        VERBS.put("contact.imported", "imported contacts");
        VERBS.put("contact.merged", "merged contacts into %s");
        VERBS.put("contact.venue_linked", "linked %s to a venue");
        VERBS.put("contact.venue_unlinked", "unlinked %s from a venue");
        VERBS.put("commission.created", "recorded a commission for %s");
        VERBS.put("commission.status_changed", "changed a commission of %s");
        VERBS.put("advancing.session_created", "started advancing %s");
        VERBS.put("advancing.session_renamed", "renamed the advance %s");
        VERBS.put("advancing.session_closed", "closed the advance %s");
        VERBS.put("advancing.session_reopened", "reopened the advance %s");
        VERBS.put("advancing.session_deleted", "deleted the advance %s");
        VERBS.put("advancing.value_changed", "changed an advancing field of %s");
        VERBS.put("advancing.accepted", "accepted an advancing value of %s");
        VERBS.put("advancing.declined", "declined an advancing value of %s");
        VERBS.put("advancing.commented", "commented on %s");
        VERBS.put("advancing.comment_deleted", "deleted a comment on %s");
        VERBS.put("advancing.document_uploaded", "uploaded a document to %s");
        VERBS.put("advancing.document_removed", "removed a document from %s");
        VERBS.put("advancing_template.saved", "saved the advancing template %s");
        VERBS.put("plan.created", "created the plan %s");
        VERBS.put("plan.changed", "changed the plan %s");
        VERBS.put("plan.deleted", "deleted the plan %s");
        VERBS.put("plan.retired", "retired the plan %s");
        VERBS.put("plan.reinstated", "reinstated the plan %s");
        VERBS.put("plan_change.requested", "asked for another plan");
        VERBS.put("plan_change.withdrawn", "withdrew the request for another plan");
        VERBS.put("plan_change.declined", "declined the request for another plan");
        VERBS.put("subscription.changed", "changed the subscription");
        VERBS.put("subscription.trial_started", "started the trial");
        VERBS.put("subscription.trial_expired", "saw the trial end");
        VERBS.put("subscription.downgraded_after_grace", "saw the plan move to Crew Read-Only after the grace period");
        VERBS.put("override.set", "set an entitlement override");
        VERBS.put("override.removed", "removed an entitlement override");
        VERBS.put("organization.renamed", "renamed the organization to %s");
        VERBS.put("waitlist.signed_up", "joined the waitlist");
        VERBS.put("waitlist.status_changed", "moved a waitlist entry");
        VERBS.put("waitlist.invitation_resent", "sent a waitlist invitation again");
    }

    private ActivitySentence() {}

    /**
     * @param actor who acted ("Olivia Owner"), or null for Roadbook itself
     * @param action the log's action key
     * @param target the target's name, or null when it has none or is gone
     * @param detailsJson the log's details, or null
     * @param names names for ids found in the details ({@code plan_id} "team_manager" → "Team Manager"); may return null
     */
    public static String of(
            String actor, String action, String target, String detailsJson, Function<String, String> names) {
        JsonNode details = parse(detailsJson);
        String name = target != null && !target.isBlank() ? target : nameIn(details);
        String verb = VERBS.get(action);
        String what;
        if (verb == null) {
            what = "did “" + Formats.label(action).toLowerCase(java.util.Locale.ROOT) + "”"
                    + (name == null ? "" : " on " + name);
        } else if (verb.contains("%s")) {
            what = name == null ? verb.replace(" %s", "").replace("%s", "") : verb.formatted(name);
        } else {
            what = verb;
        }
        String who = actor == null || actor.isBlank() ? "Roadbook" : actor;
        String changes = changes(details, names == null ? k -> null : names);
        return who + " " + what + (changes.isEmpty() ? "" : ": " + changes) + ".";
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String nameIn(JsonNode details) {
        if (details == null || !details.isObject()) {
            return null;
        }
        for (String key : new String[] {"name", "title", "email", "display_name"}) {
            JsonNode n = details.get(key);
            if (n != null && n.isString() && !n.asString().isBlank()) {
                return n.asString();
            }
        }
        JsonNode after = details.get("after");
        return after != null
                        && after.isObject()
                        && after.get("name") != null
                        && after.get("name").isString()
                ? after.get("name").asString()
                : null;
    }

    /** "plan from Solo Artist to Team Manager, status from Trial to Active", or the other facts worth reading. */
    private static String changes(JsonNode details, Function<String, String> names) {
        if (details == null || !details.isObject()) {
            return "";
        }
        JsonNode before = details.get("before");
        JsonNode after = details.get("after");
        StringBuilder out = new StringBuilder();
        if ((before != null && before.isObject()) || (after != null && after.isObject())) {
            Set<String> keys = new LinkedHashSet<>();
            if (before != null && before.isObject()) {
                keys.addAll(before.propertyNames());
            }
            if (after != null && after.isObject()) {
                keys.addAll(after.propertyNames());
            }
            for (String key : keys) {
                if (key.equals("id") || key.equals("version") || key.endsWith("_at") && !key.contains("period")) {
                    continue;
                }
                String from = value(key, before == null ? null : before.get(key), names);
                String to = value(key, after == null ? null : after.get(key), names);
                if (Objects.equals(from, to)) {
                    continue;
                }
                append(
                        out,
                        field(key) + (before == null || before.isNull() ? " " + to : " from " + from + " to " + to));
            }
            return out.toString();
        }
        for (var entry : details.properties()) {
            String key = entry.getKey();
            // The name is the target already; the email of a sign-in is the actor's own.
            if (Set.of("name", "title", "email").contains(key) || key.endsWith("_id") || key.equals("id")) {
                continue;
            }
            String v = value(key, entry.getValue(), names);
            if (!v.isEmpty() && !UUID_LIKE.matcher(v).find()) {
                append(out, field(key) + " " + v);
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (!out.isEmpty()) {
            out.append(", ");
        }
        out.append(part);
    }

    private static String field(String key) {
        String k = key.endsWith("_id") ? key.substring(0, key.length() - 3) : key;
        return switch (k) {
            case "current_period_end" -> "period end";
            case "price_cents" -> "price";
            default -> Formats.label(k).toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String value(String key, JsonNode node, Function<String, String> names) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "none";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "on" : "off";
        }
        if (node.isNumber()) {
            return key.equals("price_cents") ? Formats.moneyMinor(node.asLong(), "usd") : node.asString();
        }
        if (node.isContainer()) {
            return node.isEmpty() ? "none" : "changed";
        }
        String text = node.asString();
        if (text.isBlank() || text.equals("null")) {
            return "none";
        }
        if (key.endsWith("_id") || UUID_LIKE.matcher(text).matches()) {
            String named = names.apply(text);
            return named != null ? named : "another record";
        }
        if (key.equals("status") || key.equals("role")) {
            return Formats.label(text);
        }
        if (key.equals("party")) {
            // The database enum party (advancing.Party, which base cannot see): said as both parties name it.
            return switch (text) {
                case "from_us" -> "artist team";
                case "from_you" -> "promoter";
                default -> Formats.label(text).toLowerCase(java.util.Locale.ROOT);
            };
        }
        if (STORED_CONSTANT.matcher(text).matches()) {
            // A code written as stored (promoter_team, load_in): its words, never the constant.
            return Formats.label(text).toLowerCase(java.util.Locale.ROOT);
        }
        if (text.length() >= 19 && Character.isDigit(text.charAt(0)) && text.charAt(4) == '-') {
            try {
                return Formats.utc(OffsetDateTime.parse(text));
            } catch (DateTimeParseException notATimestamp) {
                return text;
            }
        }
        return text;
    }
}
