package app.roadbook.shows;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A venue; show times are local to its time zone. */
@Entity
@Table(name = "venues")
@Getter
@Setter(AccessLevel.PACKAGE)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Setter(AccessLevel.NONE)
    @Column(name = "id")
    private UUID id;

    @Setter(AccessLevel.NONE)
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "address")
    private String address;

    @Column(name = "city")
    private String city;

    @Column(name = "country")
    private String country;

    @Column(name = "capacity")
    private Integer capacity;

    /** Legacy free-form contacts; Roadbook keeps venue contacts in venue_contacts and never writes this. */
    @Setter(AccessLevel.NONE)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contacts", columnDefinition = "jsonb")
    private String contacts;

    @Column(name = "timezone", nullable = false)
    private String timezone;

    @Setter(AccessLevel.NONE)
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Setter(AccessLevel.NONE)
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Setter(AccessLevel.NONE)
    @Version
    @Column(name = "version", nullable = false)
    private int version;

    Venue(UUID orgId) {
        this.orgId = orgId;
    }

    /** The zone the venue's show times are entered and shown in. */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** Same row, same venue; getId() rather than the field, so a lazy proxy compares by its id too. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Venue other && id != null && id.equals(other.getId()));
    }

    /** Constant, so a venue keeps its hash when persisting assigns its id. */
    @Override
    public int hashCode() {
        return Venue.class.hashCode();
    }
}
