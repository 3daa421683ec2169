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
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** An artist the organization manages. */
@Entity
@Table(name = "artists")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Artist {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @Column(name = "id")
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Setter(AccessLevel.PACKAGE)
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug")
    private String slug;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    Artist(UUID orgId, String name) {
        this.orgId = orgId;
        this.name = name;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    /** Same row, same artist; getId() rather than the field, so a lazy proxy compares by its id too. */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Artist other && id != null && id.equals(other.getId()));
    }

    /** Constant, so an artist keeps its hash when persisting assigns its id. */
    @Override
    public int hashCode() {
        return Artist.class.hashCode();
    }
}
