package app.roadbook.calendar;

import java.time.LocalDate;
import java.util.List;

/** The shows and items of a date range as one reader sees them, earliest first. */
public record CalendarPage(LocalDate from, LocalDate to, List<CalendarShow> shows, List<CalendarItem> items) {}
