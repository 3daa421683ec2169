package app.roadbook.advancing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One notice handed to one person of the other party (by the notice job, V16), until and after it is mailed to them.
 * Each person reads and marks only their own.
 */
@Entity
@Table(name = "advancing_notice_recipients")
@IdClass(AdvancingNoticeRecipient.Key.class)
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@EqualsAndHashCode(onlyExplicitlyIncluded = true)
public class AdvancingNoticeRecipient {

    @Id
    @EqualsAndHashCode.Include
    @Column(name = "notice_id", nullable = false, updatable = false)
    private UUID noticeId;

    @Id
    @EqualsAndHashCode.Include
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private UUID sessionId;

    /** Null until a digest carried it to this person. */
    @Column(name = "mailed_at")
    private OffsetDateTime mailedAt;

    @NoArgsConstructor
    @EqualsAndHashCode
    static class Key implements Serializable {
        private UUID noticeId;
        private UUID userId;
    }
}
