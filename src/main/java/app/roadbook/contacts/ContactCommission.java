package app.roadbook.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A commission owed to a contact, optionally for a show. */
@Entity
@Table(name = "contact_commissions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ContactCommission {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

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

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false)
    private OffsetDateTime updatedAt;

    /** Null until persisted, which is how Spring Data tells a new commission (with its assigned id) from a stored one. */
    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    ContactCommission(UUID orgId, UUID contactId, CommissionDraft draft) {
        this.id = UUID.randomUUID();
        this.orgId = orgId;
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

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ContactCommission other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
