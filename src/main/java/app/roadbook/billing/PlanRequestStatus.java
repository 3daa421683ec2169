package app.roadbook.billing;

/** Where a plan change request stands: a text column with a CHECK constraint (V10), not a PostgreSQL enum. */
public enum PlanRequestStatus {
    /** Waiting for a platform admin; at most one per org (a partial unique index). */
    pending,
    applied,
    declined,
    /** Taken back by an owner. */
    withdrawn
}
