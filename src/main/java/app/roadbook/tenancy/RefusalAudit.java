package app.roadbook.tenancy;

import java.util.UUID;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Every refusal by a service (method security, role checks, a lapsed subscription) goes to the audit log,
 * whether or not the view catches it. The advice sits outside method security and transactions, so the
 * refused change has rolled back when the entry is written, and only the outermost service call records.
 */
@Configuration(proxyBeanMethods = false)
class RefusalAudit {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor refusalAuditAdvisor(ObjectProvider<AccessRefusals> refusals) {
        MethodInterceptor record = invocation -> {
            int[] depth = DEPTH.get();
            depth[0]++;
            try {
                return invocation.proceed();
            } catch (AccessDeniedException refused) {
                if (depth[0] == 1
                        && !(refused instanceof ActingUser.NotSignedInException)
                        && !(invocation.getThis() instanceof AccessRefusals)) {
                    Object first =
                            invocation.getArguments().length > 0 ? invocation.getArguments()[0] : null;
                    try {
                        refusals.getObject()
                                .actionRefused(
                                        first instanceof UUID orgId ? orgId : null,
                                        invocation
                                                        .getMethod()
                                                        .getDeclaringClass()
                                                        .getSimpleName() + "."
                                                + invocation.getMethod().getName() + ": " + refused.getMessage());
                    } catch (RuntimeException notRecorded) {
                        // The refusal itself must reach the user even if the log cannot take the entry.
                        LoggerFactory.getLogger(RefusalAudit.class).warn("Refusal not recorded", notRecorded);
                    }
                }
                throw refused;
            } finally {
                depth[0]--;
            }
        };
        DefaultPointcutAdvisor advisor =
                new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Service.class, true), record);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
