package app.roadbook.advancing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One advance of a show with its promoter. */
@Entity
@Table(name = "advancing_sessions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingSession {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "org_id", nullable = false)
    private UUID orgId;

    @Column(name = "show_id", nullable = false)
    private UUID showId;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AdvancingSession other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
