package app.roadbook.shows;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowRecords.VenueRow;
import app.roadbook.tenancy.OrgAccess;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Venues with address, capacity and the time zone their show times are given in. */
@Service
@PreAuthorize("isAuthenticated()")
public class VenueService {

    /** What the venues grid may sort by; text columns sort case-insensitively. */
    static final Set<String> SORTABLE = Set.of("name", "city", "country", "capacity", "timezone");

    private static final Set<String> TEXT = Set.of("name", "city", "country", "timezone");
    private static final Sort BY_NAME = Sort.by(Sort.Order.asc("name").ignoreCase());

    private final VenueRepository venues;
    private final ShowRepository shows;
    private final OrgAccess access;
    private final ActivityLog activity;

    VenueService(VenueRepository venues, ShowRepository shows, OrgAccess access, ActivityLog activity) {
        this.venues = venues;
        this.shows = shows;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    /** Every venue of the org by name, for pickers. */
    @Transactional(readOnly = true)
    public List<VenueRow> venues(UUID orgId) {
        return venues(orgId, Pageable.unpaged());
    }

    /** A page of venues, by name unless the page asks for a whitelisted sort. */
    @Transactional(readOnly = true)
    public List<VenueRow> venues(UUID orgId, Pageable page) {
        access.requireMember(orgId);
        return venues.findRows(orgId, GridSort.page(page, SORTABLE, TEXT, BY_NAME));
    }

    @Transactional(readOnly = true)
    public int countVenues(UUID orgId) {
        access.requireMember(orgId);
        return Math.toIntExact(venues.countByOrgId(orgId));
    }

    @Transactional
    public UUID createVenue(UUID orgId, VenueDraft v) {
        access.requireEditor(orgId);
        validate(v);
        Venue venue = new Venue(orgId);
        apply(venue, v);
        UUID id = venues.saveAndFlush(venue).getId();
        activity.record(orgId, "general", "venue.created", "venue", id, Map.of("name", venue.getName()));
        return id;
    }

    /** Saves the venue if nobody changed it since {@code version} was read; otherwise a ConcurrentChangeException. */
    @Transactional
    public void updateVenue(UUID orgId, UUID venueId, int version, VenueDraft v) {
        access.requireEditor(orgId);
        validate(v);
        Venue venue = venues.findByOrgIdAndId(orgId, venueId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such venue."));
        if (venue.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        apply(venue, v);
        try {
            venues.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChangeException();
        }
        activity.record(orgId, "general", "venue.updated", "venue", venueId, Map.of("name", venue.getName()));
    }

    @Transactional
    public void deleteVenue(UUID orgId, UUID venueId) {
        access.requireEditor(orgId);
        long count = shows.countByOrgIdAndVenueId(orgId, venueId);
        if (count > 0) {
            throw new Refusal("This venue has " + count + " show(s); move or delete them first.");
        }
        if (venues.deleteByOrgIdAndId(orgId, venueId) == 0) {
            throw new OrgAccess.NotFoundException("No such venue.");
        }
        activity.record(orgId, "general", "venue.deleted", "venue", venueId, Map.of());
    }

    private static void apply(Venue venue, VenueDraft v) {
        venue.setName(v.name().strip());
        venue.setAddress(Inputs.blankToNull(v.address()));
        venue.setCity(Inputs.blankToNull(v.city()));
        venue.setCountry(Inputs.blankToNull(v.country()));
        venue.setCapacity(v.capacity());
        venue.setTimezone(v.timezone());
    }

    private static void validate(VenueDraft v) {
        if (v.name() == null || v.name().isBlank()) {
            throw new Refusal("Give the venue a name of up to 200 characters.");
        }
        TextInput.requireSingleLine("Name", v.name(), 200);
        TextInput.requireSingleLine("Address", v.address(), 300);
        TextInput.requireSingleLine("City", v.city(), 120);
        TextInput.requireSingleLine("Country", v.country(), 120);
        if (v.capacity() != null && (v.capacity() < 0 || v.capacity() > 1_000_000)) {
            throw new Refusal("Capacity is a number from 0 to 1,000,000.");
        }
        try {
            ZoneId.of(v.timezone() == null ? "" : v.timezone());
        } catch (DateTimeException e) {
            throw new Refusal("Choose the venue's time zone, e.g. Europe/Oslo.");
        }
    }
}
