package app.roadbook.shows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** The small records the shows screens and services exchange. */
public final class ShowRecords {

    private ShowRecords() {}

    /** Where a row stands in the shows list's default order: its date, then its id (keyset paging). */
    public record ShowKey(LocalDate date, UUID id) {

        public static ShowKey of(ShowRow row) {
            return new ShowKey(row.date(), row.id());
        }
    }

    /** An artist on the Artists page; {@code archived}: out of pickers, shown only when archived ones are asked for. */
    public record ArtistRow(UUID id, String name, long shows, boolean archived) {}

    /** An artist as a picker or filter offers it: no show count (counting an artist's shows costs a scan). */
    public record ArtistOption(UUID id, String name) {}

    public record VenueRow(
            UUID id,
            String name,
            String address,
            String city,
            String country,
            Integer capacity,
            String timezone,
            int version) {
        public String label() {
            return city == null ? name : name + " (" + city + ")";
        }

        public ZoneId zone() {
            return ZoneId.of(timezone);
        }
    }

    public record VenueDraft(
            String name, String address, String city, String country, Integer capacity, String timezone) {}

    /** A show's editable facts; times are wall-clock times at the venue. */
    public record ShowDraft(
            UUID artistId,
            UUID venueId,
            LocalDate date,
            LocalTime doors,
            LocalTime setTime,
            ShowStatus status,
            String title,
            BigDecimal fee,
            String feeCurrency,
            String notes) {}

    public record ShowRow(
            UUID id,
            LocalDate date,
            String title,
            ShowStatus status,
            String artistName,
            String venueName,
            String venueCity,
            LocalTime doors,
            LocalTime setTime,
            String timezone) {}

    /** The show page's facts; {@code advanced}: its doors and set time are agreed in its advance. */
    public record ShowDetails(
            UUID id,
            int version,
            ShowDraft draft,
            String artistName,
            String venueName,
            String timezone,
            boolean advanced,
            String venueCity) {}

    public record ShowFilter(UUID artistId, ShowStatus status, LocalDate from, LocalDate to) {
        public static final ShowFilter ALL = new ShowFilter(null, null, null, null);
    }

    /**
     * What deleting a show takes with it. {@code name} is how the confirmation names the show ("Oslo, Sentrum Scene,
     * 15 Jan 2027"); a show with agreed advance items is deleted only when its name is typed ({@link #guarded()}).
     * Files and commissions about the show stay, no longer about a show.
     */
    public record ShowDeletion(
            UUID showId,
            String name,
            int advances,
            int agreedItems,
            int scheduleItems,
            int crew,
            int guests,
            int promoters,
            int files) {
        public boolean guarded() {
            return agreedItems > 0;
        }
    }
}
