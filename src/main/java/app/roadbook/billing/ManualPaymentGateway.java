package app.roadbook.billing;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** No payment provider yet: every request waits for a platform admin, who applies it in the admin area. */
@Component
class ManualPaymentGateway implements PaymentGateway {

    @Override
    public Outcome planChangeRequested(UUID orgId, String planId) {
        return Outcome.PENDING_APPROVAL;
    }
}
