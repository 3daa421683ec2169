package app.roadbook.crew;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One person working one show, and as what. The table's key is (show_id, person_id); the entity's id is the row's
 * own {@code id} (V18). The database makes show and person belong to the row's organization.
 */
@Entity
@Table(name = "show_assignments")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ShowAssignment extends OrgEntity {

    @Column(name = "show_id", nullable = false, updatable = false)
    private UUID showId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private UUID personId;

    @Column(name = "duty")
    private String duty;

    ShowAssignment(UUID orgId, UUID showId, UUID personId, String duty) {
        super(orgId);
        this.showId = showId;
        this.personId = personId;
        this.duty = duty;
    }

    void changeDuty(String duty) {
        this.duty = duty;
    }
}
