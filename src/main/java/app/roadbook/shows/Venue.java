package app.roadbook.shows;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
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
public class Venue extends OrgEntity {

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
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    Venue(UUID orgId) {
        super(orgId);
    }

    /** The zone the venue's show times are entered and shown in. */
    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
