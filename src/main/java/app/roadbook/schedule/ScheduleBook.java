package app.roadbook.schedule;

import app.roadbook.advancing.FieldAgreement;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.schedule.ScheduleItemRepository.ShowFacts;
import app.roadbook.tenancy.ActingUser;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A show's day: its schedule items, added, changed and removed by the org's editors, read by everyone the items'
 * audience allows (the select policy decides, V19). Times are entered and shown on the venue's clock; a travel item
 * departs and arrives each on its own clock. Items an agreed advance field wrote stay the advance's (decision 0020):
 * their time, title, type and audience change in the advance only; an end, a location and notes may be added here.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ScheduleBook {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ScheduleItemRepository items;
    private final OrgAccess access;
    private final ActivityLog activity;

    ScheduleBook(ScheduleItemRepository items, OrgAccess access, ActivityLog activity) {
        this.items = items;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.can(orgId, OrgPermission.EDIT_DATA);
    }

    /** The show's day for a member of its org (the show page), in the venue's time, earliest first. */
    @Transactional(readOnly = true)
    public List<ScheduleEntry> entries(UUID orgId, UUID showId) {
        access.require(orgId, OrgPermission.READ_DATA);
        ShowFacts show = memberShow(orgId, showId);
        return entries(items, show);
    }

    /** The people assigned to the show, who may be named on an item: id → "Name (duty)". */
    @Transactional(readOnly = true)
    public Map<UUID, String> assignable(UUID orgId, UUID showId) {
        access.require(orgId, OrgPermission.READ_DATA);
        memberShow(orgId, showId);
        Map<UUID, String> people = new LinkedHashMap<>();
        items.crew(showId)
                .forEach(c -> people.put(
                        c.getPersonId(),
                        c.getName() + (c.getDuty() == null || c.getDuty().isBlank() ? "" : " (" + c.getDuty() + ")")));
        return people;
    }

    /** The venue's zone of a show the member may read, for the form's defaults. */
    @Transactional(readOnly = true)
    public ShowDay showDay(UUID orgId, UUID showId) {
        access.require(orgId, OrgPermission.READ_DATA);
        ShowFacts show = memberShow(orgId, showId);
        return new ShowDay(show.getDate(), show.getTimezone());
    }

    /** A show's date and its venue's zone (UTC without a venue). */
    public record ShowDay(LocalDate date, String timezone) {}

    /** An item as its form shows it, with whether the advance holds its time. */
    @Transactional(readOnly = true)
    public ItemForm item(UUID orgId, UUID itemId) {
        access.require(orgId, OrgPermission.READ_DATA);
        ScheduleItem item = items.findByOrgIdAndId(orgId, itemId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such item."));
        ZoneId venue = ZoneId.of(memberShow(orgId, item.getShowId()).getTimezone());
        ZoneId from = item.getStartsZone() == null ? venue : ZoneId.of(item.getStartsZone());
        ZoneId to = item.getEndsZone() == null ? from : ZoneId.of(item.getEndsZone());
        ZonedDateTime starts = item.getStartsAt().atZoneSameInstant(from);
        ZonedDateTime ends = item.getEndsAt() == null ? null : item.getEndsAt().atZoneSameInstant(to);
        return new ItemForm(
                item.getId(),
                item.getVersion(),
                item.getSourceFieldId() != null,
                new ScheduleDraft(
                        item.getItemType(),
                        item.getTitle(),
                        starts.toLocalDate(),
                        starts.toLocalTime(),
                        from.getId(),
                        ends == null ? null : ends.toLocalDate(),
                        ends == null ? null : ends.toLocalTime(),
                        to.getId(),
                        item.getLocation(),
                        item.getNotes(),
                        item.getVisibility(),
                        Set.copyOf(item.getPeople())));
    }

    /** A stored item's form data; {@code fromAdvance} items keep their time, title, type and audience. */
    public record ItemForm(UUID id, int version, boolean fromAdvance, ScheduleDraft draft) {}

    @Transactional
    public UUID add(UUID orgId, UUID showId, ScheduleDraft d) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        ShowFacts show = memberShow(orgId, showId);
        Valid v = validate(showId, show, d);
        ScheduleItem item = new ScheduleItem(orgId, showId, ActingUser.id().orElse(null));
        apply(item, d, v);
        items.saveAndFlush(item);
        activity.record(orgId, "general", "schedule_item.created", "schedule_item", item.getId(), details(showId, d));
        return item.getId();
    }

    /** Saves the item if nobody changed it since {@code version} was read; otherwise a ConcurrentChangeException. */
    @Transactional
    public void update(UUID orgId, UUID itemId, int version, ScheduleDraft d) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        ScheduleItem item = items.findByOrgIdAndId(orgId, itemId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such item."));
        if (item.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        ShowFacts show = memberShow(orgId, item.getShowId());
        Valid v = validate(item.getShowId(), show, d);
        if (item.getSourceFieldId() != null
                && (!item.getStartsAt().toInstant().equals(v.starts().toInstant())
                        || d.type() != item.getItemType()
                        || !Objects.equals(title(d), item.getTitle())
                        || d.audience() != item.getVisibility())) {
            throw new Refusal("This item is agreed in the advance: change its time there. Here you can add an end,"
                    + " a location and notes.");
        }
        if (item.getSourceFieldId() != null) {
            item.setEndsAt(v.ends());
            item.setEndsZone(null);
            item.setLocation(blankToNull(d.location()));
            item.setNotes(blankToNull(d.notes()));
            item.setUpdatedAt(OffsetDateTime.now());
        } else {
            apply(item, d, v);
        }
        try {
            items.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChangeException();
        }
        activity.record(
                orgId, "general", "schedule_item.updated", "schedule_item", itemId, details(item.getShowId(), d));
    }

    @Transactional
    public void delete(UUID orgId, UUID itemId) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        ScheduleItem item = items.findByOrgIdAndId(orgId, itemId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such item."));
        if (item.getSourceFieldId() != null) {
            throw new Refusal("This item is agreed in the advance and stays on the day while the advance holds it.");
        }
        items.delete(item);
        items.flush();
        activity.record(
                orgId,
                "general",
                "schedule_item.deleted",
                "schedule_item",
                itemId,
                Map.of("show", item.getShowId().toString(), "title", item.getTitle()));
    }

    // Reading ---------------------------------------------------------------------------------------------------

    /** The show of the org, for one of its members; "not found" for anyone else. */
    ShowFacts memberShow(UUID orgId, UUID showId) {
        return items.showFacts(showId)
                .filter(f -> f.getOrgId().equals(orgId) && f.getMember())
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
    }

    /**
     * The day as this reader sees it: the items the policy lets through, and the show's own doors and set time until
     * the advance writes them (marked as not yet agreed while the show is being advanced).
     */
    static List<ScheduleEntry> entries(ScheduleItemRepository items, ShowFacts show) {
        ZoneId venue = ZoneId.of(show.getTimezone());
        List<ScheduleItemRepository.Line> lines = items.findLines(show.getShowId());
        Map<UUID, List<String>> named = new HashMap<>();
        // The names only when an item has any: a day without named items stays two statements.
        if (lines.stream().anyMatch(l -> l.audience() == Audience.named)) {
            items.named(show.getShowId())
                    .forEach(n -> named.computeIfAbsent(n.getItemId(), k -> new ArrayList<>())
                            .add(n.getName()));
        }
        List<ScheduleEntry> entries = new ArrayList<>();
        for (ScheduleItemRepository.Line l : lines) {
            ZoneId from = l.startsZone() == null ? venue : ZoneId.of(l.startsZone());
            ZoneId to = l.endsZone() == null ? from : ZoneId.of(l.endsZone());
            ZonedDateTime starts = l.startsAt().atZoneSameInstant(from);
            ZonedDateTime ends = l.endsAt() == null ? null : l.endsAt().atZoneSameInstant(to);
            entries.add(new ScheduleEntry(
                    l.id(),
                    l.version(),
                    starts.toLocalDate(),
                    starts.toLocalTime(),
                    l.startsZone(),
                    ends == null ? null : ends.toLocalDate(),
                    ends == null ? null : ends.toLocalTime(),
                    l.endsZone(),
                    when(show.getDate(), venue, starts, ends),
                    l.title(),
                    l.type(),
                    l.audience(),
                    l.location(),
                    l.notes(),
                    List.copyOf(named.getOrDefault(l.id(), List.of())),
                    l.agreement() != null,
                    l.agreement() == FieldAgreement.changed_after_agreement
                            ? pendingChange(l, starts.toLocalTime())
                            : null));
        }
        String note = show.getAdvanced() ? "Not yet agreed in the advance" : null;
        own(entries, show, venue, show.getDoorsAt(), ItemType.doors, "Doors", note);
        own(entries, show, venue, show.getSetTime(), ItemType.set_time, "Set time", note);
        entries.sort(Comparator.comparing(
                        (ScheduleEntry e) -> e.day().atTime(e.starts()).atZone(zoneOf(e, venue)))
                .thenComparing(ScheduleEntry::title));
        return entries;
    }

    private static ZoneId zoneOf(ScheduleEntry e, ZoneId venue) {
        return e.startsZone() == null ? venue : ZoneId.of(e.startsZone());
    }

    private static void own(
            List<ScheduleEntry> entries,
            ShowFacts show,
            ZoneId venue,
            Instant at,
            ItemType type,
            String title,
            String note) {
        if (at == null || entries.stream().anyMatch(e -> e.type() == type)) {
            return;
        }
        ZonedDateTime local = at.atZone(venue);
        entries.add(new ScheduleEntry(
                null,
                null,
                local.toLocalDate(),
                local.toLocalTime(),
                null,
                null,
                null,
                null,
                when(show.getDate(), venue, local, null),
                title,
                type,
                Audience.all,
                null,
                null,
                List.of(),
                false,
                note));
    }

    /**
     * "14:00–15:00", "09:10 Europe/Oslo → 10:55 Europe/London", with "(day before)", "(next day)" or a date when an end
     * falls on another day than the show's.
     */
    static String when(LocalDate showDay, ZoneId venue, ZonedDateTime starts, ZonedDateTime ends) {
        boolean otherClock = !starts.getZone().equals(venue)
                || (ends != null && !ends.getZone().equals(venue));
        StringBuilder s = new StringBuilder(starts.format(HH_MM));
        s.append(dayNote(showDay, starts.toLocalDate()));
        if (otherClock) {
            s.append(' ').append(starts.getZone().getId());
        }
        if (ends != null) {
            s.append(otherClock ? " → " : "–").append(ends.format(HH_MM));
            s.append(dayNote(showDay, ends.toLocalDate()));
            if (otherClock) {
                s.append(' ').append(ends.getZone().getId());
            }
        }
        return s.toString();
    }

    private static String dayNote(LocalDate showDay, LocalDate day) {
        long days = ChronoUnit.DAYS.between(showDay, day);
        if (days == 0) {
            return "";
        }
        if (days == 1) {
            return " (next day)";
        }
        if (days == -1) {
            return " (day before)";
        }
        return " (" + day + ")";
    }

    /** "Changed to 19:30 by the promoter, not yet agreed": the side that moved away from the agreed time. */
    private static String pendingChange(ScheduleItemRepository.Line line, LocalTime agreed) {
        String ours = plainTime(line.artistTeamValue());
        String theirs = plainTime(line.promoterValue());
        boolean oursMoved = !Objects.equals(ours, agreed.toString());
        String moved = oursMoved ? ours : theirs;
        String who = oursMoved ? "the artist team" : "the promoter";
        return (moved == null ? "Cleared by " + who : "Changed to " + moved + " by " + who) + ", not yet agreed";
    }

    /** A time field's JSON text ("\"19:30\"") as the time it says. */
    private static String plainTime(String json) {
        return json == null ? null : json.replace("\"", "");
    }

    // Validation ------------------------------------------------------------------------------------------------

    /** What a valid draft resolves to: the instants of its ends and the zones to store (null: the venue's). */
    private record Valid(OffsetDateTime starts, String startsZone, OffsetDateTime ends, String endsZone) {}

    private Valid validate(UUID showId, ShowFacts show, ScheduleDraft d) {
        if (d.type() == null) {
            throw new Refusal("Choose what kind of item this is.");
        }
        TextInput.requireSingleLine("Title", d.title(), 200);
        TextInput.requireSingleLine("Location", d.location(), 300);
        TextInput.requireMultiLine("Notes", d.notes(), 4000);
        if (d.day() == null) {
            throw new Refusal("Give the item a day.");
        }
        if (d.starts() == null) {
            throw new Refusal(d.type() == ItemType.travel ? "Give the departure time." : "Give the start time.");
        }
        if (Math.abs(ChronoUnit.DAYS.between(show.getDate(), d.day())) > 7) {
            throw new Refusal("An item of this show's day falls within a week of the show (" + show.getDate() + ").");
        }
        ZoneId venue = ZoneId.of(show.getTimezone());
        boolean travel = d.type() == ItemType.travel;
        ZoneId from = travel ? zone(d.startsZone(), venue, "departure") : venue;
        ZoneId to = travel ? zone(d.endsZone(), from, "arrival") : venue;
        OffsetDateTime starts = ZonedDateTime.of(d.day(), d.starts(), from).toOffsetDateTime();
        OffsetDateTime ends = null;
        if (d.ends() != null) {
            LocalDate endDay = d.endDay() == null ? d.day() : d.endDay();
            ends = ZonedDateTime.of(endDay, d.ends(), to).toOffsetDateTime();
            if (ends.isBefore(starts)) {
                throw new Refusal(
                        travel
                                ? "The arrival (" + endDay + " " + d.ends().format(HH_MM) + " " + to.getId()
                                        + ") is before the departure (" + d.day() + " "
                                        + d.starts().format(HH_MM) + " "
                                        + from.getId() + ")."
                                : "The item ends (" + d.ends().format(HH_MM) + ") before it starts ("
                                        + d.starts().format(HH_MM)
                                        + "). For an end after midnight, give the next day.");
            }
        } else if (d.endDay() != null && !d.endDay().equals(d.day())) {
            throw new Refusal(travel ? "Give the arrival time." : "Give the end time.");
        }
        if (d.audience() == null) {
            throw new Refusal("Choose who may see the item.");
        }
        Set<UUID> people = d.people() == null ? Set.of() : d.people();
        if (d.audience() == Audience.named) {
            if (people.isEmpty()) {
                throw new Refusal("Name at least one person assigned to this show, or choose another audience.");
            }
            if (items.countAssigned(showId, people) != people.size()) {
                throw new Refusal("Only people assigned to this show can be named on its items.");
            }
        }
        return new Valid(starts, travel ? from.getId() : null, ends, travel && d.ends() != null ? to.getId() : null);
    }

    /** A zone name as people type it (blank: {@code fallback}), or a sentence saying it is not one. */
    static ZoneId zone(String name, ZoneId fallback, String end) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String clean = name.strip();
        if (!ZoneId.getAvailableZoneIds().contains(clean)) {
            throw new Refusal("Unknown time zone for the " + end + ": " + TextInput.quotable(clean)
                    + ". Use a name such as Europe/London or America/New_York.");
        }
        try {
            return ZoneId.of(clean);
        } catch (DateTimeException e) {
            throw new Refusal("Unknown time zone for the " + end + ": " + TextInput.quotable(clean) + ".");
        }
    }

    private static String title(ScheduleDraft d) {
        String t = blankToNull(d.title());
        return t == null ? d.type().label() : t.strip();
    }

    private static void apply(ScheduleItem item, ScheduleDraft d, Valid v) {
        item.setItemType(d.type());
        item.setTitle(title(d));
        item.setStartsAt(v.starts());
        item.setStartsZone(v.startsZone());
        item.setEndsAt(v.ends());
        item.setEndsZone(v.endsZone());
        item.setLocation(blankToNull(d.location()));
        item.setNotes(blankToNull(d.notes()));
        item.setVisibility(d.audience());
        item.getPeople().clear();
        if (d.audience() == Audience.named && d.people() != null) {
            item.getPeople().addAll(d.people());
        }
        item.setUpdatedAt(OffsetDateTime.now());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> details(UUID showId, ScheduleDraft d) {
        return Map.of(
                "show", showId.toString(),
                "type", d.type().name(),
                "audience", d.audience().name(),
                "day", d.day().toString());
    }
}
