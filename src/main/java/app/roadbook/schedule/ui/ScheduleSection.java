package app.roadbook.schedule.ui;

import app.roadbook.base.ui.ShowPageSection;
import app.roadbook.schedule.ScheduleBook;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.UUID;

/** The show page's day: the schedule of the show, editable by the org's editors, and the way to its day sheet. */
@org.springframework.stereotype.Component
class ScheduleSection implements ShowPageSection {

    private final ScheduleBook book;

    ScheduleSection(ScheduleBook book) {
        this.book = book;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> build(UUID orgId, UUID showId) {
        return Optional.of(new DayPanel(book, orgId, showId));
    }
}
