package app.roadbook.parsing;

import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One proposed value of an inbox item with its provenance (the span of the item's text, the confidence, the
 * extractor, the match) and the reviewing editor's decision. Who decided is set by the database (V28's trigger).
 */
@Entity
@Table(name = "parsed_values")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ParsedValue extends OrgEntity {

    @Column(name = "email_id", updatable = false)
    private UUID emailId;

    @Column(name = "contract_id", updatable = false)
    private UUID contractId;

    @Column(name = "field", nullable = false, updatable = false)
    private String field;

    @Column(name = "value", nullable = false, updatable = false)
    private String value;

    @Column(name = "span_start", nullable = false, updatable = false)
    private int spanStart;

    @Column(name = "span_end", nullable = false, updatable = false)
    private int spanEnd;

    @Column(name = "confidence", nullable = false, updatable = false)
    private BigDecimal confidence;

    @Column(name = "extractor", nullable = false, updatable = false)
    private String extractor;

    @Column(name = "match_id", updatable = false)
    private UUID matchId;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "decision", nullable = false)
    private String decision = Decision.PROPOSED.stored();

    @Column(name = "edited_value")
    private String editedValue;

    @Column(name = "decided_by", insertable = false, updatable = false)
    private UUID decidedBy;

    @Column(name = "decided_at", insertable = false, updatable = false)
    private OffsetDateTime decidedAt;

    ParsedValue(ParsedItem item, Proposal p, int position) {
        super(item.getOrgId());
        if (item instanceof ParsedEmail) {
            this.emailId = item.getId();
        } else {
            this.contractId = item.getId();
        }
        this.field = p.field().name();
        this.value = p.value();
        this.spanStart = p.start();
        this.spanEnd = p.end();
        this.confidence = BigDecimal.valueOf(p.confidence()).setScale(2, RoundingMode.HALF_UP);
        this.extractor = p.extractor();
        this.matchId = p.matchId();
        this.position = position;
    }

    public ParsedField field() {
        return ParsedField.valueOf(field);
    }

    public Decision decision() {
        return Decision.of(decision);
    }

    public UUID itemId() {
        return emailId != null ? emailId : contractId;
    }

    /** What confirmation writes: the edited value if there is one, otherwise the proposal. */
    public String effectiveValue() {
        return decision() == Decision.EDITED ? editedValue : value;
    }

    void decide(Decision next, String edited) {
        this.decision = next.stored();
        this.editedValue = next == Decision.EDITED ? edited : null;
    }
}
