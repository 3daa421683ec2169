package app.roadbook.billing;

import java.util.UUID;

/**
 * Where money meets plans. Today a person applies plan changes by hand ({@link ManualPaymentGateway}); a payment
 * provider plugs in here later without touching the dashboard or the admin area.
 */
public interface PaymentGateway {

    enum Outcome {
        PENDING_APPROVAL,
        APPLIED
    }

    /** An owner asked to move their org to another plan; say whether it is done or awaits approval. */
    Outcome planChangeRequested(UUID orgId, String planId);
}
