package app.roadbook.advancing;

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

/** "Stop these mails": one person asked for no notice mails about one advance (V16). Theirs alone to add or remove. */
@Entity
@Table(name = "advancing_notice_stops")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingNoticeStop {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    /** Whoever the database sees acting: the database fills it in. */
    @Column(name = "user_id", nullable = false, insertable = false, updatable = false)
    private UUID userId;

    @Column(name = "session_id", nullable = false, insertable = false, updatable = false)
    private UUID sessionId;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AdvancingNoticeStop other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
