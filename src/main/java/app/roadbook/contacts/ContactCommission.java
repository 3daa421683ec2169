package app.roadbook.contacts;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A commission owed to a contact, optionally for a show. */
@Entity
@Table(name = "contact_commissions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ContactCommission extends OrgEntity {

    @Column(name = "contact_id", nullable = false)
    private UUID contactId;

    @Column(name = "show_id")
    private UUID showId;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "description")
    private String description;

    /** pending, paid or cancelled: a text column with a CHECK constraint (V2), as {@link CommissionDraft} checks it. */
    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "paid_at")
    private OffsetDateTime paidAt;

    @Column(name = "updated_at", nullable = false, insertable = false)
    private OffsetDateTime updatedAt;

    ContactCommission(UUID orgId, UUID contactId, CommissionDraft draft) {
        super(orgId);
        this.contactId = contactId;
        this.showId = draft.showId();
        this.amount = draft.amount();
        this.currency = draft.currency();
        this.description = ContactRules.clean(draft.description());
        this.status = draft.status();
        this.paidAt = startOf(draft.paidOn());
    }

    void changeStatus(String status, LocalDate paidOn, OffsetDateTime now) {
        this.status = status;
        this.paidAt = startOf(paidOn);
        this.updatedAt = now;
    }

    /** The day it was paid, in the server's zone: paid_at holds the start of that day. */
    static LocalDate paidOn(OffsetDateTime paidAt) {
        return paidAt == null
                ? null
                : paidAt.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
