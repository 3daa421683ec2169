package app.roadbook.shows;

import app.roadbook.shows.ShowRecords.ShowRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A row of the shows list as stored: times are instants until {@link #toRow()} puts them in the venue's zone. */
record ShowLine(
        UUID id,
        LocalDate date,
        String title,
        ShowStatus status,
        String artistName,
        String venueName,
        String venueCity,
        OffsetDateTime doorsAt,
        OffsetDateTime setTime,
        String venueTimezone) {

    ShowRow toRow() {
        ZoneId zone = VenueTime.zone(venueTimezone);
        return new ShowRow(
                id,
                date,
                title,
                status,
                artistName,
                venueName,
                venueCity,
                VenueTime.local(doorsAt, zone),
                VenueTime.local(setTime, zone),
                zone.getId());
    }
}
