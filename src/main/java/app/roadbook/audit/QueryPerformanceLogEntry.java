package app.roadbook.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A timing of a named query. */
@Entity
@Table(name = "query_performance_log")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class QueryPerformanceLogEntry {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "query_name", nullable = false)
    private String queryName;

    @Column(name = "execution_time_ms", nullable = false)
    private Integer executionTimeMs;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "org_id")
    private UUID orgId;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof QueryPerformanceLogEntry other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
