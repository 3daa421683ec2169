package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.OrgEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One field of an advance for one party: every template field exists twice, our side ({@link Party#from_us}) and the
 * promoter's ({@link Party#from_you}), paired by section and name. Who may change what is the database's word as
 * well: the update policies and the {@code advancing_fields_guard} trigger (V15) refuse an answer, acceptance or
 * decline by the wrong party, any write of the agreement, and any change of structure by a collaborator.
 */
@Entity
@Table(name = "advancing_fields")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AdvancingField extends OrgEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false, updatable = false)
    private AdvancingSession session;

    @Column(name = "section", nullable = false, updatable = false)
    private String section;

    @Column(name = "field_name", nullable = false, updatable = false)
    private String fieldName;

    /** A text column (V1_1 names legacy types too; the application creates only these). */
    @Enumerated(EnumType.STRING)
    @Column(name = "field_type", nullable = false, updatable = false)
    private FieldType fieldType;

    /** The answer as JSON text ({@code "19:30"} or {@code 20}), exactly as jsonb gives it back; null when blank. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value", columnDefinition = "jsonb")
    private String value;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "stance", nullable = false, columnDefinition = "field_stance")
    private FieldStance stance;

    /** The other side's value this party declined (JSON text), while it declines it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "declined_value", columnDefinition = "jsonb")
    private String declinedValue;

    @Column(name = "decline_reason")
    private String declineReason;

    /**
     * The pair's state and the value both last agreed on: the database's word ({@code advancing_fields_agreement}, V15),
     * never written from here, and current only as read (a change of either side moves it).
     */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(
            name = "agreement",
            nullable = false,
            insertable = false,
            updatable = false,
            columnDefinition = "field_agreement")
    private FieldAgreement agreement;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agreed_value", columnDefinition = "jsonb", insertable = false, updatable = false)
    private String agreedValue;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "party_type", nullable = false, updatable = false, columnDefinition = "party")
    private Party partyType;

    @Column(name = "sort_order", nullable = false, updatable = false)
    private int sortOrder;

    /**
     * Whoever the database sees acting (decision 0014), written by the database, as {@link #updatedBy} is and for the
     * same reason it is not read back: a new advance's fields go to the database in one JDBC batch
     * ({@link AdvancingFieldInserts}), and an insert that returns a value cannot be batched.
     */
    @ColumnTransformer(write = "coalesce(current_app_user_id(), ?)")
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    /** Null until someone types or confirms; then the time of the last change. */
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /**
     * Whoever the database sees acting at each change (decision 0014), written by the database; null on a new field,
     * as before anyone touched it. Hibernate wants a placeholder in the expression: it is bound to this field's value,
     * which never counts, since nobody acting means no policy lets the update through. Not {@code @Generated}: an
     * update that returns the generated value reports a lost race (no row updated) as a missing value rather than the
     * optimistic-lock failure it is.
     */
    @ColumnTransformer(write = "coalesce(current_app_user_id(), ?)")
    @Column(name = "updated_by", insertable = false)
    private UUID updatedBy;

    /** What this side said before its last change (JSON text, as {@link #value}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "previous_value", columnDefinition = "jsonb")
    private String previousValue;

    AdvancingField(AdvancingSession session, AdvancingTemplate.Field field, Party party, int sortOrder, String value) {
        super(session.getOrgId());
        this.session = session;
        this.section = field.section();
        this.fieldName = field.name();
        this.fieldType = field.type();
        this.partyType = party;
        this.sortOrder = sortOrder;
        this.value = value;
        this.stance = value == null ? FieldStance.open : FieldStance.answered;
    }

    /** Answers with a value (JSON text, or null for blank: no answer); an answer replaces a decline. */
    void answer(String newValue, boolean differs, OffsetDateTime now) {
        if (differs) {
            previousValue = value;
            value = newValue;
        }
        stance = value == null ? FieldStance.open : FieldStance.answered;
        declinedValue = null;
        declineReason = null;
        updatedAt = now;
    }

    /** Declines the other side's value, which stays theirs; this side's own value stays as it is. */
    void decline(String otherValue, String reason, OffsetDateTime now) {
        stance = FieldStance.declined;
        declinedValue = otherValue;
        declineReason = reason;
        updatedAt = now;
    }
}
