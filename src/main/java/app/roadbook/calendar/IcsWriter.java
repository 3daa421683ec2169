package app.roadbook.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A calendar page as an iCalendar document (RFC 5545) written with ical4j. A show is an all-day event on its date
 * (doors and set time in its description, on the venue's clock); an item is a timed event whose start and end carry
 * their zone's TZID, with that zone's VTIMEZONE in the document (ical4j's bundled definitions), so a calendar app
 * puts it at the right instant on either side of a daylight-saving change. UTC times are written as UTC. UIDs are
 * the rows' ids, stable across fetches.
 */
final class IcsWriter {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsWriter() {}

    static String write(String name, CalendarPage page) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Roadbook//Calendar feed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zones = new TreeSet<>();
        for (CalendarShow show : page.shows()) {
            VEvent event = new VEvent(show.date(), show.date().plusDays(1), show.summary());
            event.add(new Uid("show-" + show.showId() + "@roadbook"));
            if (show.location() != null) {
                event.add(new Location(show.location()));
            }
            String times = times(show);
            if (!times.isEmpty()) {
                event.add(new Description(times));
            }
            if (show.cancelled()) {
                event.add(new Status(Status.VALUE_CANCELLED));
            }
            calendar.add(event);
        }
        for (CalendarItem item : page.items()) {
            Temporal start = at(item.starts(), zones);
            VEvent event = item.ends() == null
                    ? new VEvent(start, item.summary())
                    : new VEvent(start, at(item.ends(), zones), item.summary());
            event.add(new Uid("item-" + item.id() + "@roadbook"));
            if (item.location() != null && !item.location().isBlank()) {
                event.add(new Location(item.location()));
            }
            calendar.add(event);
        }
        for (String zone : zones) {
            calendar.add(vtimezone(zone));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A time on its zone's clock, or UTC when the zone is UTC or unknown to ical4j's registry. */
    private static Temporal at(ZonedDateTime time, Set<String> zones) {
        ZoneId zone = time.getZone();
        if (zone.normalized() instanceof ZoneOffset || ZONES.getTimeZone(zone.getId()) == null) {
            return time.toInstant();
        }
        zones.add(zone.getId());
        return time;
    }

    /**
     * The zone's VTIMEZONE under the TZID the events use. ical4j's registry resolves a link to its target
     * (Europe/Oslo is a link to Europe/Berlin in current tzdata, with the same rules) and names the definition after
     * the target, so a copy is renamed: every TZID in the document must have its own VTIMEZONE (RFC 5545 3.2.19).
     */
    private static VTimeZone vtimezone(String zone) {
        VTimeZone copy = (VTimeZone) ZONES.getTimeZone(zone).getVTimeZone().copy();
        copy.replace(new TzId(zone));
        copy.removeAll(Property.TZURL, "X-LIC-LOCATION");
        return copy;
    }

    private static String times(CalendarShow show) {
        StringBuilder text = new StringBuilder();
        if (show.doorsAt() != null) {
            text.append("Doors ").append(HH_MM.format(clock(show.doorsAt(), show.zone())));
        }
        if (show.setTime() != null) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append("Set ")
                    .append(HH_MM.format(clock(show.setTime(), show.zone())));
        }
        if (!text.isEmpty()) {
            text.append(" (").append(show.zone().getId()).append(")");
        }
        return text.toString();
    }

    private static ZonedDateTime clock(Instant instant, ZoneId zone) {
        return instant.atZone(zone);
    }
}
