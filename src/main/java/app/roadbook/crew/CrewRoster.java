package app.roadbook.crew;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The crew roster of an organization (table {@code people}): found, added, changed and removed here. Members read;
 * owners, admins and editors change (checked here and by RLS underneath); external collaborators never see it.
 * Assignments to shows have a service of their own, {@link ShowCrew}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CrewRoster {

    /** The grid's sort keys; anything else is refused, never put into a query. */
    static final Set<String> SORTABLE = Set.of("name", "roleTitle", "email", "phone");

    private final PersonRepository people;
    private final AssignmentRepository assignments;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final Clock clock;

    CrewRoster(
            PersonRepository people,
            AssignmentRepository assignments,
            OrgAccess access,
            ActivityLog activity,
            Clock clock) {
        this.people = people;
        this.assignments = assignments;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    /** Whether the acting user may read this org's roster: the database's own answer. */
    @Transactional(readOnly = true)
    public boolean canRead(UUID orgId) {
        return access.can(orgId, OrgPermission.READ_DATA);
    }

    /** Whether the acting user may change this org's roster and assignments: the database's own answer. */
    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.can(orgId, OrgPermission.EDIT_DATA);
    }

    // Reading -------------------------------------------------------------------------------------

    /** One page of the roster matching the search (name, role, email or phone); sortable by {@link #SORTABLE}. */
    @Transactional(readOnly = true)
    public List<PersonRow> list(UUID orgId, String search, Pageable page) {
        access.require(orgId, OrgPermission.READ_DATA);
        return people.findRows(orgId, pattern(search), checked(page));
    }

    @Transactional(readOnly = true)
    public int count(UUID orgId, String search) {
        access.require(orgId, OrgPermission.READ_DATA);
        return Math.toIntExact(people.countRows(orgId, pattern(search)));
    }

    /** The facts of everyone matching the search, by name (for the CSV export). */
    @Transactional(readOnly = true)
    public List<PersonDraft> drafts(UUID orgId, String search) {
        access.require(orgId, OrgPermission.READ_DATA);
        return people
                .findMatching(
                        orgId,
                        pattern(search),
                        Pageable.unpaged(Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"))))
                .stream()
                .map(Person::toDraft)
                .toList();
    }

    /** A person's page: their facts, their member account and their shows. */
    @Transactional(readOnly = true)
    public PersonDetails get(UUID orgId, UUID personId) {
        access.require(orgId, OrgPermission.READ_DATA);
        Person person = people.findByOrgIdAndId(orgId, personId).orElseThrow(CrewRoster::noSuchPerson);
        Account account = person.getUserId() == null
                ? null
                : people.findAccounts(orgId).stream()
                        .filter(a -> a.userId().equals(person.getUserId()))
                        .findFirst()
                        .orElse(null);
        List<PersonShow> shows = assignments.findShowsOf(orgId, personId).stream()
                .map(r -> new PersonShow(r.getAssignmentId(), r.ref(), r.getDuty(), r.getVersion()))
                .toList();
        return new PersonDetails(person.getId(), person.getVersion(), person.toDraft(), account, shows);
    }

    /** The org's member accounts, which a person may be linked to. */
    @Transactional(readOnly = true)
    public List<Account> accounts(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return people.findAccounts(orgId);
    }

    /** Everyone on the roster, by name, to choose from. */
    @Transactional(readOnly = true)
    public List<PersonOption> options(UUID orgId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return people.findOptions(orgId);
    }

    // Changing ------------------------------------------------------------------------------------

    @Transactional
    public UUID create(UUID orgId, PersonDraft draft) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        requireValid(orgId, draft, null);
        Person person = people.saveAndFlush(new Person(orgId, draft));
        activity.record(orgId, "general", "person.created", "person", person.getId(), details(person.toDraft()));
        return person.getId();
    }

    /** Saves a changed person if nobody else saved them since {@code version} was read. */
    @Transactional
    public void update(UUID orgId, UUID personId, int version, PersonDraft draft) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        requireValid(orgId, draft, personId);
        Person person = people.findByOrgIdAndId(orgId, personId).orElseThrow(CrewRoster::noSuchPerson);
        if (person.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        person.apply(draft);
        person.touch(OffsetDateTime.now(clock));
        try {
            people.flush();
        } catch (OptimisticLockingFailureException raced) {
            throw new ConcurrentChangeException();
        }
        activity.record(orgId, "general", "person.updated", "person", personId, details(person.toDraft()));
    }

    /** Removes a person from the roster, and from every show they were on (the confirmation says how many). */
    @Transactional
    public void delete(UUID orgId, UUID personId) {
        access.require(orgId, OrgPermission.EDIT_DATA);
        String name = people.findName(orgId, personId).orElseThrow(CrewRoster::noSuchPerson);
        long shows = assignments.countByOrgIdAndPersonId(orgId, personId);
        if (people.deleteInOrg(orgId, personId) == 0) {
            throw noSuchPerson();
        }
        activity.record(orgId, "general", "person.deleted", "person", personId, Map.of("name", name, "shows", shows));
    }

    /** How many shows the person is on, for the removal's confirmation. */
    @Transactional(readOnly = true)
    public int showCount(UUID orgId, UUID personId) {
        access.require(orgId, OrgPermission.READ_DATA);
        return Math.toIntExact(assignments.countByOrgIdAndPersonId(orgId, personId));
    }

    // Rules -----------------------------------------------------------------------------------------

    private void requireValid(UUID orgId, PersonDraft draft, UUID personId) {
        List<String> problems = CrewRules.problems(draft);
        if (!problems.isEmpty()) {
            throw new Refusal(String.join(" ", problems));
        }
        if (draft.userId() != null) {
            if (people.findAccounts(orgId).stream().noneMatch(a -> a.userId().equals(draft.userId()))) {
                throw new Refusal("That account is not a member of this organization.");
            }
            List<String> linked =
                    people.findNamesLinkedTo(orgId, draft.userId(), personId == null ? new UUID(0, 0) : personId);
            if (!linked.isEmpty()) {
                throw new Refusal("That member account is already " + linked.getFirst()
                        + " on the roster; a member account can be one person only.");
            }
        }
    }

    static Map<String, Object> details(PersonDraft d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", d.name());
        if (d.roleTitle() != null) {
            details.put("role", d.roleTitle());
        }
        if (d.userId() != null) {
            details.put("user_id", d.userId().toString());
        }
        return details;
    }

    /** A lower-case LIKE pattern for the search, its own wildcards taken literally; everything for none. */
    static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return "%";
        }
        TextInput.requireSingleLine("The search", search, 200);
        return "%" + TextInput.likeLiteral(search).toLowerCase(Locale.ROOT) + "%";
    }

    /** The page with its sort checked against {@link #SORTABLE}, text ignoring case, the id last (stable pages). */
    static Pageable checked(Pageable page) {
        Sort sort = Sort.unsorted();
        for (Sort.Order order : page.getSort()) {
            if (!SORTABLE.contains(order.getProperty())) {
                throw new Refusal("Cannot sort the roster by " + order.getProperty() + ".");
            }
            sort = sort.and(Sort.by(order.ignoreCase()));
        }
        if (sort.isUnsorted()) {
            sort = Sort.by(Sort.Order.asc("name").ignoreCase());
        }
        sort = sort.and(Sort.by("id"));
        return page.isPaged() ? PageRequest.of(page.getPageNumber(), page.getPageSize(), sort) : Pageable.unpaged(sort);
    }

    static OrgAccess.NotFoundException noSuchPerson() {
        return new OrgAccess.NotFoundException("No such person on the roster.");
    }
}
