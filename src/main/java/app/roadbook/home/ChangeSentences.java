package app.roadbook.home;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Activity log entries as sentences for people: "Olive added the artist Aurora", never an action code or JSON. An
 * action this class does not know yet still reads as words ("Olive: plan change requested").
 */
final class ChangeSentences {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private ChangeSentences() {}

    static String sentence(String actor, String action, Map<String, String> details) {
        String who = actor == null || actor.isBlank() ? "Someone" : actor;
        String name = details.get("name");
        String phrase = switch (action) {
            case "show.created" -> "added the show on " + date(details.get("date"));
            case "show.updated" -> "changed the show on " + date(details.get("date"));
            case "artist.created" -> "added the artist " + quoted(name);
            case "artist.renamed" -> "renamed an artist to " + quoted(name);
            case "artist.deleted" -> "removed an artist";
            case "artist.archived" -> "archived the artist " + quoted(name);
            case "artist.restored" -> "brought back the artist " + quoted(name) + " from the archive";
            case "show.deleted" -> "deleted the show " + quoted(name);
            case "organization.renamed" -> "renamed the organization to " + quoted(name);
            case "venue.created" -> "added the venue " + quoted(name);
            case "venue.updated" -> "changed the venue " + quoted(name);
            case "venue.deleted" -> "removed a venue";
            case "contact.created" -> "added the contact " + quoted(name);
            case "contact.updated" -> "changed the contact " + quoted(name);
            case "contact.deleted" -> "removed a contact";
            case "contact.imported" -> "imported " + count(details.get("imported"), "contact");
            case "contact.merged" -> "merged two contacts";
            case "contact.venue_linked" -> "linked a contact to a venue";
            case "contact.venue_unlinked" -> "unlinked a contact from a venue";
            case "commission.created" -> "added a commission";
            case "commission.status_changed" -> "changed a commission's status";
            case "advancing.session_created" -> "started an advance";
            case "advancing.value_changed" -> "answered in an advance";
            case "advancing.accepted" -> "accepted a value in an advance";
            case "advancing.declined" -> "declined a value in an advance";
            case "advancing.commented" -> "commented in an advance";
            case "advancing.document_uploaded" -> "uploaded " + quoted(name) + " to an advance";
            case "advancing.document_removed" -> "removed a document from an advance";
            case "advancing_template.saved" -> "saved the advancing template " + quoted(name);
            case "invitation.created" -> "sent an invitation";
            case "invitation.resent" -> "sent an invitation again";
            case "invitation.revoked" -> "revoked an invitation";
            case "collaborator.revoked" -> "revoked a promoter's access to a show";
            case "member.role_changed" -> "changed a member's role";
            case "member.removed" -> "removed a member";
            case "member.signed_out_everywhere" -> "signed a member out everywhere";
            case "person.created" -> "added " + quoted(name) + " to the crew";
            case "person.updated" -> "changed the crew member " + quoted(name);
            case "person.deleted" -> "removed " + quoted(name) + " from the crew";
            case "person.imported" -> "imported " + count(details.get("imported"), "crew member");
            case "show.crew_assigned" -> "put " + quoted(details.get("person")) + " on a show";
            case "show.crew_duty_changed" -> "changed the duty of " + quoted(details.get("person")) + " on a show";
            case "show.crew_unassigned" -> "took " + quoted(details.get("person")) + " off a show";
            case "schedule_item.created" -> "added " + quoted(details.get("title")) + " to a day sheet";
            case "schedule_item.updated" -> "changed " + quoted(details.get("title")) + " on a day sheet";
            case "schedule_item.deleted" -> "removed " + quoted(details.get("title")) + " from a day sheet";
            case "file.uploaded" -> "uploaded the file " + quoted(name);
            case "file.version_uploaded" -> "uploaded a new version of " + quoted(name);
            case "file.version_restored" -> "restored an earlier version of " + quoted(name);
            case "file.visibility_changed" -> "changed who sees " + quoted(name);
            case "file.deleted" -> "moved " + quoted(name) + " to the bin";
            case "file.restored" -> "restored " + quoted(name) + " from the bin";
            case "file.purged" -> "deleted " + quoted(name) + " for good";
            case "guest_list.saved" -> "set up a guest list";
            case "guest.requested" -> "asked for a guest list place for " + quoted(name);
            case "guest.approved" -> "approved " + quoted(name) + " for the guest list";
            case "guest.declined" -> "declined " + quoted(name) + " for the guest list";
            case "guest.reopened" -> "put " + quoted(name) + " back to requested on the guest list";
            case "guest.withdrawn" -> "withdrew " + quoted(name) + " from the guest list";
            default -> null;
        };
        if (phrase == null) {
            return who + ": " + action.replace('.', ' ').replace('_', ' ');
        }
        return who + " " + phrase;
    }

    private static String quoted(String name) {
        return name == null || name.isBlank() ? "(no name)" : name;
    }

    private static String date(String iso) {
        if (iso == null) {
            return "a date not given";
        }
        try {
            return DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException unreadable) {
            return iso;
        }
    }

    private static String count(String number, String noun) {
        return (number == null ? "some" : number) + " " + noun + ("1".equals(number) ? "" : "s");
    }
}
