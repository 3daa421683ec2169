package app.roadbook.crew;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works which show, and as what. Members read; owners, admins and editors assign, change duties and unassign.
 * Putting someone on a show while they are on another show that day is allowed (a driver may take two short runs),
 * but the editor is told which show first ({@link #sameDay}) and the result names it again.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShowCrew {

    private final AssignmentRepository assignments;
    private final PersonRepository people;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final Clock clock;

    ShowCrew(
            AssignmentRepository assignments,
            PersonRepository people,
            OrgAccess access,
            ActivityLog activity,
            Clock clock) {
        this.assignments = assignments;
        this.people = people;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    /** What an assignment did: the person's other shows that day, empty when there is no double booking. */
    public record Assigned(UUID assignmentId, String person, List<ShowRef> sameDay) {}

    // Reading -------------------------------------------------------------------------------------

    /** A show's crew, by name. */
    @Transactional(readOnly = true)
    public List<ShowCrewMember> crew(UUID orgId, UUID showId) {
        access.require(orgId, OrgPermission.READ_DATA);
        requireShow(orgId, showId);
        return assignments.findCrew(orgId, showId);
    }

    /** The person's other shows on this show's day (cancelled ones aside): what assigning them would double-book. */
    @Transactional(readOnly = true)
    public List<ShowRef> sameDay(UUID orgId, UUID showId, UUID personId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return assignments.findSameDayShows(orgId, personId, showId).stream()
                .map(AssignmentRepository.ShowFacts::ref)
                .toList();
    }

    /** The shows one can be assigned to, from a week ago on (cancelled ones aside), by date. */
    @Transactional(readOnly = true)
    public List<ShowRef> assignableShows(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return assignments.findShowsFrom(orgId, LocalDate.now(clock).minusDays(7)).stream()
                .map(AssignmentRepository.ShowFacts::ref)
                .toList();
    }

    // Changing ------------------------------------------------------------------------------------

    /** Puts a person on a show with a duty (free text, may be empty); a double booking is allowed and reported. */
    @Transactional
    public Assigned assign(UUID orgId, UUID showId, UUID personId, String duty) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        String cleanDuty = CrewRules.duty(duty);
        ShowRef show = requireShow(orgId, showId);
        String name = people.findName(orgId, personId).orElseThrow(CrewRoster::noSuchPerson);
        assignments.findByOrgIdAndShowIdAndPersonId(orgId, showId, personId).ifPresent(existing -> {
            throw new Refusal(name + " is already on this show"
                    + (existing.getDuty() == null ? "." : " as " + existing.getDuty() + ".")
                    + " Change the duty there instead.");
        });
        ShowAssignment assignment;
        try {
            assignment = assignments.saveAndFlush(new ShowAssignment(orgId, showId, personId, cleanDuty));
        } catch (DataIntegrityViolationException raced) {
            // Someone else put the same person on the same show in the meantime (the primary key said no).
            throw new Refusal(name + " was just put on this show by someone else. Reload to see the crew.");
        }
        List<ShowRef> sameDay = assignments.findSameDayShows(orgId, personId, showId).stream()
                .map(AssignmentRepository.ShowFacts::ref)
                .toList();
        Map<String, Object> details = details(name, personId, show, cleanDuty);
        if (!sameDay.isEmpty()) {
            details.put("same_day_shows", sameDay.stream().map(ShowRef::label).toList());
        }
        activity.record(orgId, "general", "show.crew_assigned", "show", showId, details);
        return new Assigned(assignment.getId(), name, sameDay);
    }

    /** Changes what a person does on a show, if nobody else changed it since {@code version} was read. */
    @Transactional
    public void changeDuty(UUID orgId, UUID assignmentId, int version, String duty) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        String cleanDuty = CrewRules.duty(duty);
        ShowAssignment assignment =
                assignments.findByOrgIdAndId(orgId, assignmentId).orElseThrow(ShowCrew::noSuchAssignment);
        if (assignment.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        String before = assignment.getDuty();
        assignment.changeDuty(cleanDuty);
        try {
            assignments.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        String name = people.findName(orgId, assignment.getPersonId()).orElse("");
        ShowRef show = requireShow(orgId, assignment.getShowId());
        Map<String, Object> details = details(name, assignment.getPersonId(), show, cleanDuty);
        if (before != null) {
            details.put("previous_duty", before);
        }
        activity.record(orgId, "general", "show.crew_duty_changed", "show", assignment.getShowId(), details);
    }

    /** Takes a person off a show. */
    @Transactional
    public void unassign(UUID orgId, UUID assignmentId) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        ShowAssignment assignment =
                assignments.findByOrgIdAndId(orgId, assignmentId).orElseThrow(ShowCrew::noSuchAssignment);
        String name = people.findName(orgId, assignment.getPersonId()).orElse("");
        ShowRef show = requireShow(orgId, assignment.getShowId());
        assignments.delete(assignment);
        assignments.flush();
        activity.record(
                orgId,
                "general",
                "show.crew_unassigned",
                "show",
                assignment.getShowId(),
                details(name, assignment.getPersonId(), show, assignment.getDuty()));
    }

    // Rules -----------------------------------------------------------------------------------------

    private ShowRef requireShow(UUID orgId, UUID showId) {
        return assignments
                .findShow(orgId, showId)
                .map(AssignmentRepository.ShowFacts::ref)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
    }

    private static Map<String, Object> details(String name, UUID personId, ShowRef show, String duty) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", name);
        details.put("person_id", personId.toString());
        details.put("show", show.label());
        if (duty != null) {
            details.put("duty", duty);
        }
        return details;
    }

    private static OrgAccess.NotFoundException noSuchAssignment() {
        return new OrgAccess.NotFoundException("That person is no longer on this show.");
    }
}
