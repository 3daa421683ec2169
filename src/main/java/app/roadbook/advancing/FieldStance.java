package app.roadbook.advancing;

/**
 * Where one party stands on a field (the database enum {@code field_stance}; constants spelled as PostgreSQL stores
 * them): not answered yet, answered (its value is its answer, typed or accepted from the other side), or declined the
 * other side's value with a reason.
 */
public enum FieldStance {
    open,
    answered,
    declined
}
