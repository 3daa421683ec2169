package app.roadbook.shows;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A person assigned to a show, with their duty. */
@Entity
@Table(name = "show_assignments")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ShowAssignment {

    @EmbeddedId
    private Key id;

    /** The composite primary key. */
    @Embeddable
    public record Key(@Column(name = "show_id") UUID showId,
            @Column(name = "person_id") UUID personId) implements Serializable {
    }

    @Column(name = "duty")
    private String duty;

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ShowAssignment other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
