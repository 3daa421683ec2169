package app.roadbook.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone of the person reading, as their browser reports it, for {@code Formats.dateTime(at, zone, reader)}:
 * a time in the venue's zone is named ("(Tokyo time)") unless the reader is on that clock too. Null when the browser
 * has not said (then every such time names its zone).
 */
public final class ReaderZone {

    private ReaderZone() {}

    public static ZoneId current() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return null;
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        if (details == null
                || details.getTimeZoneId() == null
                || details.getTimeZoneId().isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
