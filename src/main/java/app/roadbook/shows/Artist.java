package app.roadbook.shows;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
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
public class Artist extends OrgEntity {

    @Setter(AccessLevel.PACKAGE)
    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug")
    private String slug;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** When the artist was archived: out of pickers and the default list; their shows stay. Null while active. */
    @Setter(AccessLevel.PACKAGE)
    @Column(name = "archived_at")
    private OffsetDateTime archivedAt;

    Artist(UUID orgId, String name) {
        super(orgId);
        this.name = name;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
