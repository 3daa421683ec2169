package app.roadbook.tenancy;

import java.util.Optional;

/**
 * A line the sign-in page shows below the form, contributed by another capability (the demo data names its
 * accounts), so the sign-in page needs to know nothing about it.
 */
public interface SignInHint {

    Optional<String> text();
}
