package app.roadbook.shows;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.Formats;
import app.roadbook.base.Keyset;
import app.roadbook.base.Refusal;
import app.roadbook.base.RowCount;
import app.roadbook.base.TextInput;
import app.roadbook.shows.ShowRecords.ShowDeletion;
import app.roadbook.shows.ShowRecords.ShowDetails;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowKey;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shows of an organization. Show times are entered and shown as wall-clock times at the venue and stored as
 * instants, so a show in Oslo reads 19:00 wherever the reader is ({@link VenueTime}).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShowService {

    private static final BigDecimal MAX_FEE = new BigDecimal("99999999.99");

    private final ShowRepository shows;
    private final ArtistRepository artists;
    private final VenueRepository venues;
    private final OrgAccess access;
    private final ActivityLog activity;

    ShowService(
            ShowRepository shows,
            ArtistRepository artists,
            VenueRepository venues,
            OrgAccess access,
            ActivityLog activity) {
        this.shows = shows;
        this.artists = artists;
        this.venues = venues;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    /**
     * A page of shows: upcoming first (soonest first), then past ones (latest first), unless the page asks for a
     * whitelisted sort ({@link ShowListingImpl#SORTABLE}).
     */
    @Transactional(readOnly = true)
    public List<ShowRow> shows(UUID orgId, ShowFilter filter, Pageable page) {
        access.requireMember(orgId);
        GridSort.check(page.getSort(), ShowListingImpl.SORTABLE.keySet());
        return shows.findLines(orgId, filter, page).stream()
                .map(ShowLine::toRow)
                .toList();
    }

    /**
     * A page of shows in the default order (upcoming first, then past), after a show the grid already has: keyset
     * paging, so scrolling deep into 200,000 shows costs a page, not every row before it ({@link Keyset}).
     */
    @Transactional(readOnly = true)
    public List<ShowRow> shows(UUID orgId, ShowFilter filter, Keyset<ShowKey> page) {
        access.requireMember(orgId);
        ShowKey after = page.after();
        return shows
                .findLinesAfter(
                        orgId,
                        filter,
                        after == null ? null : after.date(),
                        after == null ? null : after.id(),
                        page.skip(),
                        page.size())
                .stream()
                .map(ShowLine::toRow)
                .toList();
    }

    /** The exact number of matching shows (the list's "Count exactly"); walks every matching row. */
    @Transactional(readOnly = true)
    public int countShows(UUID orgId, ShowFilter filter) {
        access.requireMember(orgId);
        return Math.toIntExact(shows.countLines(orgId, filter));
    }

    /** The list's heading: the number of matching shows, or "10,000+" ({@link RowCount}) without counting further. */
    @Transactional(readOnly = true)
    public RowCount countShowsCapped(UUID orgId, ShowFilter filter) {
        access.requireMember(orgId);
        return RowCount.capped(shows.countLinesUpTo(orgId, filter, RowCount.LIMIT));
    }

    @Transactional(readOnly = true)
    public ShowDetails show(UUID orgId, UUID showId) {
        access.requireMember(orgId);
        Show show = shows.findWithArtistAndVenue(orgId, showId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
        Artist artist = show.getArtist();
        Venue venue = show.getVenue();
        ZoneId zone = venue == null ? VenueTime.NO_VENUE : venue.zone();
        return new ShowDetails(
                show.getId(),
                show.getVersion(),
                new ShowDraft(
                        artist == null ? null : artist.getId(),
                        venue == null ? null : venue.getId(),
                        show.getDate(),
                        VenueTime.local(show.getDoorsAt(), zone),
                        VenueTime.local(show.getSetTime(), zone),
                        show.getStatus(),
                        show.getTitle(),
                        show.getFee(),
                        show.getFeeCurrency(),
                        show.getNotes()),
                artist == null ? null : artist.getName(),
                venue == null ? null : venue.getName(),
                zone.getId(),
                show.isAdvanced(),
                venue == null ? null : venue.getCity());
    }

    @Transactional
    public UUID createShow(UUID orgId, ShowDraft d) {
        access.requireEditor(orgId);
        Place place = validate(orgId, d);
        refuseArchived(place.artist(), null);
        Show show = new Show(orgId);
        apply(show, d, place);
        UUID id = shows.saveAndFlush(show).getId();
        activity.record(
                orgId,
                "general",
                "show.created",
                "show",
                id,
                Map.of("date", d.date().toString()));
        return id;
    }

    /** Saves the show if nobody changed it since {@code version} was read; otherwise a ConcurrentChangeException. */
    @Transactional
    public void updateShow(UUID orgId, UUID showId, int version, ShowDraft d) {
        access.requireEditor(orgId);
        Place place = validate(orgId, d);
        Show show = shows.findByOrgIdAndId(orgId, showId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
        if (show.getVersion() != version) {
            throw new ConcurrentChangeException();
        }
        refuseArchived(place.artist(), show.getArtist());
        ZoneId before =
                show.getVenue() == null ? VenueTime.NO_VENUE : show.getVenue().zone();
        if (show.isAdvanced()
                && (!java.util.Objects.equals(VenueTime.local(show.getDoorsAt(), before), d.doors())
                        || !java.util.Objects.equals(VenueTime.local(show.getSetTime(), before), d.setTime()))) {
            throw new Refusal("This show's doors and set time are agreed in its advance: change them there.");
        }
        apply(show, d, place);
        try {
            shows.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChangeException();
        }
        activity.record(
                orgId,
                "general",
                "show.updated",
                "show",
                showId,
                Map.of("date", d.date().toString(), "status", d.status().name()));
    }

    /** Whether the acting user may delete the org's shows (owners and admins of a live organization). */
    @Transactional(readOnly = true)
    public boolean canDelete(UUID orgId) {
        return access.can(orgId, OrgPermission.DELETE_SHOWS);
    }

    /**
     * What deleting the show would take with it, for the confirmation (owners and admins only): its advances and how
     * many of their items are agreed, its schedule, crew, guest requests and promoter grants; and the files that stay.
     */
    @Transactional(readOnly = true)
    public ShowDeletion deletion(UUID orgId, UUID showId) {
        access.require(orgId, OrgPermission.DELETE_SHOWS);
        Show show = shows.findWithArtistAndVenue(orgId, showId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
        ShowRepository.DeletionCounts counts = shows.deletionCounts(showId);
        return new ShowDeletion(
                showId,
                name(show),
                Math.toIntExact(counts.getAdvances()),
                Math.toIntExact(counts.getAgreedItems()),
                Math.toIntExact(counts.getScheduleItems()),
                Math.toIntExact(counts.getCrew()),
                Math.toIntExact(counts.getGuests()),
                Math.toIntExact(counts.getPromoters()),
                Math.toIntExact(counts.getFiles()));
    }

    /**
     * Deletes a show with its advances, schedule items, crew assignments, guest list and promoter grants (the database
     * cascades; decision 0027); its library files and commissions stay, no longer about a show. Owners and admins only.
     * When the show's advances hold agreed items, {@code typedName} must be the show's name as {@link #deletion} gives
     * it: agreed items are work both teams did, and this is the one place they can go at once.
     */
    @Transactional
    public void deleteShow(UUID orgId, UUID showId, String typedName) {
        ShowDeletion deletion = deletion(orgId, showId);
        if (deletion.guarded() && !sameName(deletion.name(), typedName)) {
            throw new Refusal("This show's advances have " + deletion.agreedItems() + " agreed item"
                    + (deletion.agreedItems() == 1 ? "" : "s") + ". Type the show's name, " + deletion.name()
                    + ", to delete it.");
        }
        if (shows.deleteByOrgIdAndId(orgId, showId) == 0) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("name", deletion.name());
        details.put("advances", deletion.advances());
        details.put("agreed_items", deletion.agreedItems());
        activity.record(orgId, "general", "show.deleted", "show", showId, details);
    }

    /** "Oslo, Sentrum Scene, 15 Jan 2027": the show as people name it (its title first, when it has one). */
    static String name(Show show) {
        Venue venue = show.getVenue();
        String place = venue == null
                ? null
                : Stream.of(venue.getCity(), venue.getName())
                        .filter(Objects::nonNull)
                        .filter(p -> !p.isBlank())
                        .distinct()
                        .collect(Collectors.joining(", "));
        String who = show.getTitle() != null
                ? show.getTitle()
                : place == null && show.getArtist() != null ? show.getArtist().getName() : null;
        return Stream.of(who, place, Formats.shortDate(show.getDate()))
                .filter(Objects::nonNull)
                .filter(p -> !p.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static boolean sameName(String name, String typed) {
        return typed != null && typed.strip().replaceAll("\\s+", " ").equalsIgnoreCase(name.replaceAll("\\s+", " "));
    }

    /** One line of "Who can see this?": a person (or an invited email) and why they see the show. */
    public record Viewer(
            UUID userId,
            String name,
            String email,
            String kind,
            String role,
            boolean canSee,
            String invitedBy,
            OffsetDateTime since,
            UUID grantId) {
        public String reason() {
            return switch (kind) {
                case "member" -> role.substring(0, 1).toUpperCase() + role.substring(1) + " of the organization";
                case "collaborator" ->
                    ("promoter_editor".equals(role)
                                    ? "Promoter team, can edit the promoter side"
                                    : "Promoter team, read-only")
                            + (invitedBy == null ? "" : " (invited by " + invitedBy + ")");
                default ->
                    "Invited as " + ("promoter_editor".equals(role) ? "promoter editor" : "promoter viewer")
                            + (invitedBy == null ? "" : " by " + invitedBy) + "; sees the show once they accept";
            };
        }
    }

    /**
     * Who can see the show and why, computed in the database from the rows the RLS policies read (members of
     * the show's org, the show's grants, open invitations). Org members only; anyone else gets "not found".
     */
    @Transactional(readOnly = true)
    public List<Viewer> audience(UUID orgId, UUID showId) {
        access.requireMember(orgId);
        if (!shows.existsByOrgIdAndId(orgId, showId)) {
            throw new OrgAccess.NotFoundException("No such show.");
        }
        return shows.audience(showId).stream()
                .map(a -> new Viewer(
                        a.getUserId(),
                        a.getName(),
                        a.getEmail(),
                        a.getKind(),
                        a.getRole(),
                        a.getCanSee(),
                        a.getInvitedBy(),
                        a.getSince() == null ? null : a.getSince().atOffset(ZoneOffset.UTC),
                        a.getGrantId()))
                .toList();
    }

    // Helpers ---------------------------------------------------------------------------------------

    /** What a valid draft resolves to: its artist and venue (checked to belong to the org), their zone, the currency. */
    private record Place(Artist artist, Venue venue, ZoneId zone, String currency) {}

    /**
     * An archived artist gets no new shows (the pickers leave them out; this says the same to any caller); a show
     * that already has them keeps them.
     */
    private static void refuseArchived(Artist chosen, Artist current) {
        if (chosen != null && chosen.getArchivedAt() != null && !chosen.equals(current)) {
            throw new Refusal(chosen.getName() + " is archived: restore them on the Artists page to give them a show.");
        }
    }

    private Place validate(UUID orgId, ShowDraft d) {
        if (d.date() == null) {
            throw new Refusal("Give the show a date.");
        }
        if (d.status() == null) {
            throw new Refusal("Choose a status.");
        }
        TextInput.requireSingleLine("Title", d.title(), 200);
        TextInput.requireMultiLine("Notes", d.notes(), 5000);
        if (d.fee() != null
                && (d.fee().signum() < 0
                        || d.fee().compareTo(MAX_FEE) > 0
                        || d.fee().stripTrailingZeros().scale() > 2)) {
            throw new Refusal("The fee is an amount from 0 to 99,999,999.99 with at most two decimals.");
        }
        Artist artist = d.artistId() == null
                ? null
                : artists.findByOrgIdAndId(orgId, d.artistId())
                        .orElseThrow(() -> new OrgAccess.NotFoundException("No such artist."));
        if (d.venueId() == null) {
            if (d.doors() != null || d.setTime() != null) {
                throw new Refusal("Choose a venue before entering times: they are local to the venue.");
            }
            return new Place(artist, null, VenueTime.NO_VENUE, currency(d.feeCurrency()));
        }
        Venue venue = venues.findByOrgIdAndId(orgId, d.venueId())
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such venue."));
        return new Place(artist, venue, venue.zone(), currency(d.feeCurrency()));
    }

    private static void apply(Show show, ShowDraft d, Place place) {
        show.setArtist(place.artist());
        show.setVenue(place.venue());
        show.setDate(d.date());
        show.setDoorsAt(VenueTime.instant(d.date(), d.doors(), place.zone()));
        show.setSetTime(VenueTime.instant(d.date(), d.setTime(), place.zone()));
        show.setStatus(d.status());
        show.setTitle(Inputs.blankToNull(d.title()));
        show.setFee(d.fee());
        show.setFeeCurrency(place.currency());
        show.setNotes(Inputs.blankToNull(d.notes()));
    }

    private static String currency(String c) {
        String clean = c == null || c.isBlank() ? "USD" : c.strip().toUpperCase();
        if (!clean.matches("[A-Z]{3}")) {
            throw new Refusal("The fee currency is a three-letter code such as EUR.");
        }
        return clean;
    }
}
