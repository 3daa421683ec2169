package app.roadbook.calendar;

import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Calendar page: an org's shows and the schedule items of them the member may see, read as the member (the
 * items' select policy decides which, so a viewer who is not named on a named item does not see it).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class Calendars {

    /** A range longer than this is refused: a page shows a month or a list of a few months. */
    static final long MAX_DAYS = 400;

    private final CalendarReader reader;
    private final OrgAccess access;

    Calendars(CalendarReader reader, OrgAccess access) {
        this.reader = reader;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public CalendarPage orgCalendar(UUID orgId, LocalDate from, LocalDate to) {
        access.require(orgId, OrgPermission.READ_DATA);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new Refusal("Choose a range of at most " + MAX_DAYS + " days, ending after it starts.");
        }
        return reader.read(from, to, show -> show.orgId().equals(orgId));
    }
}
