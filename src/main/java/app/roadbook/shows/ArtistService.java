package app.roadbook.shows;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.shows.ShowRecords.ArtistOption;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.tenancy.OrgAccess;
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
     * Every artist of the org by name, for pickers and filters: names only (with each artist's show count this took
     * 150 ms at a large agency's scale; docs/performance.md).
     */
    @Transactional(readOnly = true)
    public List<ArtistOption> options(UUID orgId) {
        access.requireMember(orgId);
        return artists.findOptions(orgId);
    }

    /** Every artist of the org by name, with their show counts. */
    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId) {
        return artists(orgId, Pageable.unpaged());
    }

    /** A page of artists, by name unless the page asks for a whitelisted sort. */
    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId, Pageable page) {
        access.requireMember(orgId);
        return artists.findRows(orgId, GridSort.page(page, SORTABLE, SORTABLE, BY_NAME));
    }

    @Transactional(readOnly = true)
    public int countArtists(UUID orgId) {
        access.requireMember(orgId);
        return Math.toIntExact(artists.countByOrgId(orgId));
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
