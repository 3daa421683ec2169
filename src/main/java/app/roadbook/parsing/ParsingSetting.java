package app.roadbook.parsing;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An organization's parsing settings: whether the optional external model proposes values too (off by default). */
@Entity
@Table(name = "parsing_settings")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ParsingSetting extends Identified<UUID> {

    @Id
    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "model_enabled", nullable = false)
    private boolean modelEnabled;

    @Version
    @Column(name = "version", nullable = false)
    private Integer version;

    ParsingSetting(UUID orgId) {
        this.orgId = orgId;
    }

    @Override
    public UUID getId() {
        return orgId;
    }

    void modelEnabled(boolean on) {
        this.modelEnabled = on;
    }
}
