package app.roadbook.shows;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.tenancy.OrgAccess;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The artists an organization manages; its plan limits how many. */
@Service
@PreAuthorize("isAuthenticated()")
public class ArtistService {

    /** What the artists grid may sort by. */
    static final Set<String> SORTABLE = Set.of("name");

    private static final Sort BY_NAME = Sort.by(Sort.Order.asc("name").ignoreCase());

    private final ArtistRepository artists;
    private final OrgAccess access;
    private final ActivityLog activity;

    ArtistService(ArtistRepository artists, OrgAccess access, ActivityLog activity) {
        this.artists = artists;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    /**
     * The org's active artists by name, for pickers: names only (with each artist's show count this took 150 ms at a
     * large agency's scale; docs/performance.md). Archived artists are left out.
     */
    @Transactional(readOnly = true)
    public List<ArtistOption> options(UUID orgId) {
        return options(orgId, null);
    }

    /** As {@link #options(UUID)}, keeping {@code keep} (the artist a show already has) even if archived. */
    @Transactional(readOnly = true)
    public List<ArtistOption> options(UUID orgId, UUID keep) {
        access.requireMember(orgId);
        return artists.findOptions(orgId, keep);
    }

    /** Every artist, archived ones named so ("The Auroras (archived)"): filters over shows, which stay theirs. */
    @Transactional(readOnly = true)
    public List<ArtistOption> filterOptions(UUID orgId) {
        access.requireMember(orgId);
        return artists.findFilterOptions(orgId);
    }

    /** The org's active artists by name, with their show counts. */
    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId) {
        return artists(orgId, Pageable.unpaged());
    }

    /** A page of active artists, by name unless the page asks for a whitelisted sort. */
    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId, Pageable page) {
        return artists(orgId, false, page);
    }

    /** A page of artists, archived ones too when {@code archivedToo} (the page's "Show archived"). */
    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId, boolean archivedToo, Pageable page) {
        access.requireMember(orgId);
        return artists.findRows(orgId, archivedToo, GridSort.page(page, SORTABLE, SORTABLE, BY_NAME));
    }

    /** How many active artists the org has (archived ones count towards the plan all the same). */
    @Transactional(readOnly = true)
    public int countArtists(UUID orgId) {
        return countArtists(orgId, false);
    }

    @Transactional(readOnly = true)
    public int countArtists(UUID orgId, boolean archivedToo) {
        access.requireMember(orgId);
        return Math.toIntExact(artists.countRows(orgId, archivedToo));
    }

    @Transactional
    public UUID createArtist(UUID orgId, String name) {
        access.requireEditor(orgId);
        String clean = requireName(name);
        try {
            UUID id = artists.saveAndFlush(new Artist(orgId, clean)).getId();
            activity.record(orgId, "general", "artist.created", "artist", id, Map.of("name", clean));
            return id;
        } catch (DataIntegrityViolationException e) {
            throw limitOr(e, "Could not add the artist.");
        }
    }

    @Transactional
    public void renameArtist(UUID orgId, UUID artistId, String name) {
        access.requireEditor(orgId);
        String clean = requireName(name);
        Artist artist = artists.findByOrgIdAndId(orgId, artistId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such artist."));
        artist.setName(clean);
        artists.flush();
        activity.record(orgId, "general", "artist.renamed", "artist", artistId, Map.of("name", clean));
    }

    /**
     * Archives an artist (editors): they leave pickers and the default list; their shows, files and history stay,
     * and {@link #restoreArtist} brings them back.
     */
    @Transactional
    public void archiveArtist(UUID orgId, UUID artistId) {
        setArchived(orgId, artistId, true);
    }

    /** Brings an archived artist back into pickers and the list. */
    @Transactional
    public void restoreArtist(UUID orgId, UUID artistId) {
        setArchived(orgId, artistId, false);
    }

    private void setArchived(UUID orgId, UUID artistId, boolean archived) {
        access.requireEditor(orgId);
        Artist artist = artists.findByOrgIdAndId(orgId, artistId)
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such artist."));
        if ((artist.getArchivedAt() != null) == archived) {
            throw new Refusal(artist.getName() + (archived ? " is archived already." : " is not archived."));
        }
        artist.setArchivedAt(archived ? OffsetDateTime.now() : null);
        artists.flush();
        activity.record(
                orgId,
                "general",
                archived ? "artist.archived" : "artist.restored",
                "artist",
                artistId,
                Map.of("name", artist.getName()));
    }

    /** Deletes an artist; their shows stay, without an artist. */
    @Transactional
    public void deleteArtist(UUID orgId, UUID artistId) {
        access.requireEditor(orgId);
        if (artists.deleteByOrgIdAndId(orgId, artistId) == 0) {
            throw new OrgAccess.NotFoundException("No such artist.");
        }
        activity.record(orgId, "general", "artist.deleted", "artist", artistId, Map.of());
    }

    private static String requireName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new Refusal("The artist needs a name of up to 200 characters.");
        }
        TextInput.requireSingleLine("Name", clean, 200);
        return clean;
    }

    /** The billing trigger's refusal ("The Solo Artist plan allows 1 artists; …") in words, anything else as it was. */
    private static RuntimeException limitOr(DataIntegrityViolationException e, String fallback) {
        String message = e.getMostSpecificCause().getMessage();
        if (message != null && message.contains("plan allows")) {
            return new Refusal(
                    message.replaceFirst("(?s)^ERROR: ", "").lines().findFirst().orElse(fallback)
                            + " Ask an owner to move to a larger plan under Billing.");
        }
        return e;
    }
}
