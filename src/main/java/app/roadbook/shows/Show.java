package app.roadbook.shows;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One show: date, times, venue, artist, status and fee. Doors and set time are instants; they are entered and
 * shown as wall-clock times at the venue (see {@link ShowService}).
 */
@Entity
@Table(name = "shows")
@Getter
@Setter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Show extends OrgEntity {

    /** Lazy: lists and the show page read it through joins (ShowRepository), never one row at a time. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "artist_id")
    private Artist artist;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "venue_id")
    private Venue venue;

    @Column(name = "date", nullable = false)
    private LocalDate date;

    @Column(name = "doors_at")
    private OffsetDateTime doorsAt;

    @Column(name = "set_time")
    private OffsetDateTime setTime;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "show_status")
    private ShowStatus status;

    @Column(name = "title")
    private String title;

    @Column(name = "notes")
    private String notes;

    @Column(name = "fee")
    private BigDecimal fee;

    @Column(name = "fee_currency", nullable = false)
    private String feeCurrency;

    /**
     * Whether the show is being advanced: then its doors and set time are agreed in the advance, which writes them
     * through (V15). Read with the row, in the same statement; SQL on advancing's table because shows may know about
     * advancing, not the other way round.
     */
    @Setter(AccessLevel.NONE)
    @Formula("(select exists (select 1 from advancing_sessions a where a.show_id = id))")
    private boolean advanced;

    @Setter(AccessLevel.NONE)
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    Show(UUID orgId) {
        super(orgId);
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
