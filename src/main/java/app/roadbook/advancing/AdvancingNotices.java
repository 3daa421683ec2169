package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingNotice.Kind;
import org.springframework.stereotype.Component;

/**
 * Leaves a notice of each answer, acceptance, decline and comment for the other party (decision 0017), in the
 * transaction of the change: if the change rolls back, so does its notice. {@link AdvancingNoticeJob} mails them.
 * Values come as people read them (a time as {@code 19:30}, not JSON).
 */
@Component
class AdvancingNotices {

    private final AdvancingNoticeRepository notices;

    AdvancingNotices(AdvancingNoticeRepository notices) {
        this.notices = notices;
    }

    /** One side answered (a null value: cleared its answer). */
    void changed(AdvancingField field, String value) {
        notices.save(new AdvancingNotice(field, field.getPartyType(), Kind.changed, value, null));
    }

    /** One side accepted the other side's value. */
    void accepted(AdvancingField field, String value) {
        notices.save(new AdvancingNotice(field, field.getPartyType(), Kind.accepted, value, null));
    }

    /** One side declined the other side's value, saying why. */
    void declined(AdvancingField field, String value, String reason) {
        notices.save(new AdvancingNotice(field, field.getPartyType(), Kind.declined, value, reason));
    }

    /** Someone of {@code party} commented on a field (either side's). */
    void commented(AdvancingField field, Party party, String body) {
        notices.save(new AdvancingNotice(field, party, Kind.commented, null, body));
    }
}
