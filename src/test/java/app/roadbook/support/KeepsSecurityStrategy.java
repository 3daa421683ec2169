package app.roadbook.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * For a test class that needs Spring properties of its own (a context of its own, closed by {@code @DirtiesContext})
 * in a Surefire execution whose other classes share one context, such as a browser test with a real SMTP server among
 * the browser tests. Each context installs its own security-context strategy globally (decision 0010); this puts
 * back the one that was installed before the class's context started, once that context is closed, so the shared
 * context's services read the same holder as before. Runs first before the class and last after it.
 */
public class KeepsSecurityStrategy implements TestExecutionListener, Ordered {

    private SecurityContextHolderStrategy before;

    @Override
    public void beforeTestClass(TestContext testContext) {
        before = SecurityContextHolder.getContextHolderStrategy();
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (before != null) {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
