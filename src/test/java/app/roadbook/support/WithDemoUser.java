package app.roadbook.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.test.context.support.WithSecurityContext;

/** Runs a test signed in as one of the demo accounts (README, "Demo accounts"). */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@WithSecurityContext(factory = WithDemoUserFactory.class)
public @interface WithDemoUser {
    /** The account's email, e.g. owner@roadbook.demo. */
    String value();
}
