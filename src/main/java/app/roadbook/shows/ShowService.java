package app.roadbook.shows;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.ConcurrentChangeException;
import app.roadbook.base.TextInput;
import app.roadbook.shows.ShowRecords.ArtistRow;
import app.roadbook.shows.ShowRecords.ShowDetails;
import app.roadbook.shows.ShowRecords.ShowDraft;
import app.roadbook.shows.ShowRecords.ShowFilter;
import app.roadbook.shows.ShowRecords.ShowRow;
import app.roadbook.shows.ShowRecords.VenueDraft;
import app.roadbook.shows.ShowRecords.VenueRow;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Artists, venues and shows of an organization. Show times are entered and shown as wall-clock times at the
 * venue and stored as instants, so a show in Oslo reads 19:00 wherever the reader is.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ShowService {

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;

    ShowService(DataSource dataSource, OrgAccess access, ActivityLog activity) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.canEdit(orgId);
    }

    // Artists ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ArtistRow> artists(UUID orgId) {
        access.requireMember(orgId);
        return jdbc.query("""
                select a.id, a.name, (select count(*) from shows s where s.artist_id = a.id) from artists a
                where a.org_id = ? order by lower(a.name)""",
                (rs, i) -> new ArtistRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)), orgId);
    }

    @Transactional
    public UUID createArtist(UUID orgId, String name) {
        access.requireEditor(orgId);
        String clean = requireName(name, "The artist");
        try {
            UUID id = jdbc.queryForObject("insert into artists (org_id, name) values (?, ?) returning id", UUID.class, orgId, clean);
            activity.record(orgId, "general", "artist.created", "artist", id, Map.of("name", clean));
            return id;
        } catch (DataIntegrityViolationException e) {
            throw limitOr(e, "Could not add the artist.");
        }
    }

    @Transactional
    public void renameArtist(UUID orgId, UUID artistId, String name) {
        access.requireEditor(orgId);
        String clean = requireName(name, "The artist");
        if (jdbc.update("update artists set name = ?, updated_at = now(), version = version + 1 where org_id = ? and id = ?",
                clean, orgId, artistId) == 0) {
            throw new OrgAccess.NotFoundException("No such artist.");
        }
        activity.record(orgId, "general", "artist.renamed", "artist", artistId, Map.of("name", clean));
    }

    /** Deletes an artist; their shows stay, without an artist. */
    @Transactional
    public void deleteArtist(UUID orgId, UUID artistId) {
        access.requireEditor(orgId);
        if (jdbc.update("delete from artists where org_id = ? and id = ?", orgId, artistId) == 0) {
            throw new OrgAccess.NotFoundException("No such artist.");
        }
        activity.record(orgId, "general", "artist.deleted", "artist", artistId, Map.of());
    }

    // Venues ----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<VenueRow> venues(UUID orgId) {
        access.requireMember(orgId);
        return jdbc.query("select * from venues where org_id = ? order by lower(name)", VENUE, orgId);
    }

    @Transactional
    public UUID createVenue(UUID orgId, VenueDraft v) {
        access.requireEditor(orgId);
        validate(v);
        UUID id = jdbc.queryForObject("""
                insert into venues (org_id, name, address, city, country, capacity, timezone) values (?, ?, ?, ?, ?, ?, ?)
                returning id""", UUID.class, orgId, v.name().strip(), blank(v.address()), blank(v.city()), blank(v.country()),
                v.capacity(), v.timezone());
        activity.record(orgId, "general", "venue.created", "venue", id, Map.of("name", v.name().strip()));
        return id;
    }

    @Transactional
    public void updateVenue(UUID orgId, UUID venueId, int version, VenueDraft v) {
        access.requireEditor(orgId);
        validate(v);
        int n = jdbc.update("""
                update venues set name = ?, address = ?, city = ?, country = ?, capacity = ?, timezone = ?, updated_at = now(),
                       version = version + 1 where org_id = ? and id = ? and version = ?""", v.name().strip(), blank(v.address()),
                blank(v.city()), blank(v.country()), v.capacity(), v.timezone(), orgId, venueId, version);
        if (n == 0) {
            throw exists("venues", orgId, venueId) ? new ConcurrentChangeException() : new OrgAccess.NotFoundException("No such venue.");
        }
        activity.record(orgId, "general", "venue.updated", "venue", venueId, Map.of("name", v.name().strip()));
    }

    @Transactional
    public void deleteVenue(UUID orgId, UUID venueId) {
        access.requireEditor(orgId);
        long shows = jdbc.queryForObject("select count(*) from shows where org_id = ? and venue_id = ?", Long.class, orgId, venueId);
        if (shows > 0) {
            throw new IllegalArgumentException("This venue has " + shows + " show(s); move or delete them first.");
        }
        if (jdbc.update("delete from venues where org_id = ? and id = ?", orgId, venueId) == 0) {
            throw new OrgAccess.NotFoundException("No such venue.");
        }
        activity.record(orgId, "general", "venue.deleted", "venue", venueId, Map.of());
    }

    // Shows -----------------------------------------------------------------------------------------

    /** Upcoming shows first (soonest first), then past ones (latest first). */
    @Transactional(readOnly = true)
    public List<ShowRow> shows(UUID orgId, ShowFilter filter, Pageable page) {
        access.requireMember(orgId);
        List<Object> args = new ArrayList<>();
        String where = where(orgId, filter, args);
        String sql = "select * from shows_list_view s where " + where
                + " order by (s.date < current_date), case when s.date >= current_date then s.date end, s.date desc, s.id";
        if (page.isPaged()) {
            sql += " limit ? offset ?";
            args.add(page.getPageSize());
            args.add(page.getOffset());
        }
        return jdbc.query(sql, SHOW_ROW, args.toArray());
    }

    @Transactional(readOnly = true)
    public int countShows(UUID orgId, ShowFilter filter) {
        access.requireMember(orgId);
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from shows_list_view s where " + where(orgId, filter, args), Integer.class,
                args.toArray());
    }

    @Transactional(readOnly = true)
    public ShowDetails show(UUID orgId, UUID showId) {
        access.requireMember(orgId);
        return jdbc.query("select * from shows_list_view s where s.org_id = ? and s.id = ?", (rs, i) -> {
            ZoneId zone = zone(rs.getString("venue_timezone"));
            return new ShowDetails(rs.getObject("id", UUID.class), rs.getInt("version"), new ShowDraft(
                    rs.getObject("artist_id", UUID.class), rs.getObject("venue_id", UUID.class), rs.getObject("date", LocalDate.class),
                    local(rs.getObject("doors_at", OffsetDateTime.class), zone), local(rs.getObject("set_time", OffsetDateTime.class), zone),
                    ShowStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getBigDecimal("fee"),
                    rs.getString("fee_currency"), rs.getString("notes")),
                    rs.getString("artist_name"), rs.getString("venue_name"), zone.getId());
        }, orgId, showId).stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such show."));
    }

    @Transactional
    public UUID createShow(UUID orgId, ShowDraft d) {
        access.requireEditor(orgId);
        ZoneId zone = validate(orgId, d);
        UUID id = jdbc.queryForObject("""
                insert into shows (org_id, artist_id, venue_id, date, doors_at, set_time, status, title, fee, fee_currency, notes)
                values (?, ?, ?, ?, ?, ?, ?::show_status, ?, ?, ?, ?) returning id""", UUID.class, orgId, d.artistId(), d.venueId(),
                d.date(), instant(d.date(), d.doors(), zone), instant(d.date(), d.setTime(), zone), d.status().name(), blank(d.title()),
                d.fee(), currency(d.feeCurrency()), blank(d.notes()));
        activity.record(orgId, "general", "show.created", "show", id, Map.of("date", d.date().toString()));
        return id;
    }

    @Transactional
    public void updateShow(UUID orgId, UUID showId, int version, ShowDraft d) {
        access.requireEditor(orgId);
        ZoneId zone = validate(orgId, d);
        int n = jdbc.update("""
                update shows set artist_id = ?, venue_id = ?, date = ?, doors_at = ?, set_time = ?, status = ?::show_status,
                       title = ?, fee = ?, fee_currency = ?, notes = ?, updated_at = now(), version = version + 1
                where org_id = ? and id = ? and version = ?""", d.artistId(), d.venueId(), d.date(), instant(d.date(), d.doors(), zone),
                instant(d.date(), d.setTime(), zone), d.status().name(), blank(d.title()), d.fee(), currency(d.feeCurrency()),
                blank(d.notes()), orgId, showId, version);
        if (n == 0) {
            throw exists("shows", orgId, showId) ? new ConcurrentChangeException() : new OrgAccess.NotFoundException("No such show.");
        }
        activity.record(orgId, "general", "show.updated", "show", showId, Map.of("date", d.date().toString(), "status", d.status().name()));
    }

    /** The show's day sheet in the venue's time zone, earliest first. */
    @Transactional(readOnly = true)
    public List<ScheduleEntry> schedule(UUID orgId, UUID showId) {
        ShowDetails show = show(orgId, showId);
        ZoneId zone = ZoneId.of(show.timezone());
        return jdbc.query("""
                select starts_at, ends_at, title, item_type, visibility from schedule_items
                where org_id = ? and show_id = ? order by starts_at, title""",
                (rs, i) -> new ScheduleEntry(local(rs.getObject(1, OffsetDateTime.class), zone), local(rs.getObject(2, OffsetDateTime.class), zone),
                        rs.getString(3), rs.getString(4), rs.getString(5)), orgId, showId);
    }

    public record ScheduleEntry(LocalTime starts, LocalTime ends, String title, String type, String visibility) {
    }

    /** One line of "Who can see this?": a person (or an invited email) and why they see the show. */
    public record Viewer(UUID userId, String name, String email, String kind, String role, boolean canSee, String invitedBy,
                         OffsetDateTime since, UUID grantId) {
        public String reason() {
            return switch (kind) {
                case "member" -> role.substring(0, 1).toUpperCase() + role.substring(1) + " of the organization";
                case "collaborator" -> ("promoter_editor".equals(role) ? "Promoter team, can edit the promoter side"
                        : "Promoter team, read-only") + (invitedBy == null ? "" : " (invited by " + invitedBy + ")");
                default -> "Invited as " + ("promoter_editor".equals(role) ? "promoter editor" : "promoter viewer")
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
        show(orgId, showId);
        return jdbc.query("select * from show_audience(?) order by can_see desc, kind <> 'member', display_name, email",
                (rs, i) -> new Viewer(rs.getObject("user_id", UUID.class), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("kind"), rs.getString("role"), rs.getBoolean("can_see"), rs.getString("invited_by"),
                        rs.getObject("since", OffsetDateTime.class), rs.getObject("grant_id", UUID.class)), showId);
    }

    // Helpers ---------------------------------------------------------------------------------------

    private ZoneId validate(UUID orgId, ShowDraft d) {
        if (d.date() == null) {
            throw new IllegalArgumentException("Give the show a date.");
        }
        if (d.status() == null) {
            throw new IllegalArgumentException("Choose a status.");
        }
        TextInput.requireSingleLine("Title", d.title(), 200);
        TextInput.requireMultiLine("Notes", d.notes(), 5000);
        if (d.fee() != null && (d.fee().signum() < 0 || d.fee().compareTo(new BigDecimal("99999999.99")) > 0
                || d.fee().stripTrailingZeros().scale() > 2)) {
            throw new IllegalArgumentException("The fee is an amount from 0 to 99,999,999.99 with at most two decimals.");
        }
        if (d.artistId() != null && !exists("artists", orgId, d.artistId())) {
            throw new OrgAccess.NotFoundException("No such artist.");
        }
        if (d.venueId() == null) {
            if (d.doors() != null || d.setTime() != null) {
                throw new IllegalArgumentException("Choose a venue before entering times: they are local to the venue.");
            }
            return ZoneId.of("UTC");
        }
        return venues(orgId).stream().filter(v -> v.id().equals(d.venueId())).findFirst()
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such venue.")).zone();
    }

    private static void validate(VenueDraft v) {
        if (v.name() == null || v.name().isBlank()) {
            throw new IllegalArgumentException("Give the venue a name of up to 200 characters.");
        }
        TextInput.requireSingleLine("Name", v.name(), 200);
        TextInput.requireSingleLine("Address", v.address(), 300);
        TextInput.requireSingleLine("City", v.city(), 120);
        TextInput.requireSingleLine("Country", v.country(), 120);
        if (v.capacity() != null && (v.capacity() < 0 || v.capacity() > 1_000_000)) {
            throw new IllegalArgumentException("Capacity is a number from 0 to 1,000,000.");
        }
        try {
            ZoneId.of(v.timezone() == null ? "" : v.timezone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Choose the venue's time zone, e.g. Europe/Oslo.");
        }
    }

    private static String requireName(String name, String what) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(what + " needs a name of up to 200 characters.");
        }
        TextInput.requireSingleLine("Name", clean, 200);
        return clean;
    }

    private static RuntimeException limitOr(DataIntegrityViolationException e, String fallback) {
        String message = e.getMostSpecificCause().getMessage();
        if (message != null && message.contains("plan allows")) {
            return new IllegalArgumentException(message.replaceFirst("(?s)^ERROR: ", "").lines().findFirst().orElse(fallback)
                    + " Ask an owner to move to a larger plan under Billing.");
        }
        return e;
    }

    private boolean exists(String table, UUID orgId, UUID id) {
        return access.belongsTo(table, orgId, id);
    }

    private static String where(UUID orgId, ShowFilter f, List<Object> args) {
        StringBuilder where = new StringBuilder("s.org_id = ?");
        args.add(orgId);
        if (f.artistId() != null) {
            where.append(" and s.artist_id = ?");
            args.add(f.artistId());
        }
        if (f.status() != null) {
            where.append(" and s.status = ?::show_status");
            args.add(f.status().name());
        }
        if (f.from() != null) {
            where.append(" and s.date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and s.date <= ?");
            args.add(f.to());
        }
        return where.toString();
    }

    static Timestamp instant(LocalDate date, LocalTime time, ZoneId zone) {
        return time == null ? null : Timestamp.from(ZonedDateTime.of(date, time, zone).toInstant());
    }

    static LocalTime local(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : at.atZoneSameInstant(zone).toLocalTime();
    }

    private static ZoneId zone(String id) {
        return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String currency(String c) {
        String clean = c == null || c.isBlank() ? "USD" : c.strip().toUpperCase();
        if (!clean.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("The fee currency is a three-letter code such as EUR.");
        }
        return clean;
    }

    private static final RowMapper<VenueRow> VENUE = (rs, i) -> new VenueRow(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("address"), rs.getString("city"), rs.getString("country"), (Integer) rs.getObject("capacity"),
            rs.getString("timezone"), rs.getInt("version"));

    private static final RowMapper<ShowRow> SHOW_ROW = (rs, i) -> {
        ZoneId zone = zone(rs.getString("venue_timezone"));
        return new ShowRow(rs.getObject("id", UUID.class), rs.getObject("date", LocalDate.class), rs.getString("title"),
                ShowStatus.valueOf(rs.getString("status")), rs.getString("artist_name"), rs.getString("venue_name"),
                rs.getString("venue_city"), local(rs.getObject("doors_at", OffsetDateTime.class), zone),
                local(rs.getObject("set_time", OffsetDateTime.class), zone), zone.getId());
    };
}
