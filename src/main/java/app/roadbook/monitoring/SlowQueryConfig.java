package app.roadbook.monitoring;

import app.roadbook.base.db.StatementContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationClassFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * How statements are timed and named for the slow-query log (decision 0026):
 * <ul>
 *   <li>the application's DataSource is wrapped in {@link TimedDataSource} (datasource-proxy), whose listener is the
 *       {@link SlowQueryRecorder}: every statement of JPA, Spring Data and JdbcTemplate alike passes it;
 *   <li>every call of a Roadbook {@code @Service} (or {@code @Repository} class) and every Spring Data repository
 *       method names the work while it runs ({@link StatementContext}): {@code ContactDirectory.search}, and inside it
 *       {@code ContactRepository.findPage}; a statement is named by the innermost call.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SlowQueryConfig {

    static final String DATA_SOURCE = "dataSource";

    /**
     * The one DataSource bean of the app, timed; the recorder writes to the pool underneath. No SQL is issued here:
     * the pool is only wrapped, so every statement the data layer sends passes the timer.
     */
    @Bean
    static BeanPostProcessor slowQueryDataSource(ObjectProvider<SlowQueryRecorder> recorder) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!DATA_SOURCE.equals(beanName)
                        || !(bean instanceof DataSource pool)
                        || bean instanceof TimedDataSource) {
                    return bean;
                }
                SlowQueryRecorder listener = recorder.getObject();
                listener.writeTo(pool);
                return new TimedDataSource(pool, listener);
            }
        };
    }

    /** Names the work of every service (and @Repository class) of Roadbook's own while its method runs. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor serviceStatementNames() {
        ClassFilter ours = type -> type.getName().startsWith("app.roadbook.");
        ComposablePointcut services = new ComposablePointcut(new AnnotationClassFilter(Service.class, true))
                .union(new AnnotationClassFilter(Repository.class, true))
                .intersection(ours);
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(services, new Naming(null));
        // Outermost, so the commit's flush at the end of a service call is named after the service too.
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** Names the work of every Spring Data repository method after its interface: {@code ContactRepository.findPage}. */
    @Bean
    static BeanPostProcessor repositoryStatementNames() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
                    factoryBean.addRepositoryFactoryCustomizer(factory ->
                            factory.addRepositoryProxyPostProcessor((proxy, repository) -> proxy.addAdvice(new Naming(
                                    repository.getRepositoryInterface().getSimpleName()))));
                }
                return bean;
            }
        };
    }

    /** Puts "Type.method" into the statement context for the call's duration; names are made once per method. */
    static final class Naming implements MethodInterceptor {

        private final String typeName;
        private final Map<Method, String> names = new ConcurrentHashMap<>();

        Naming(String typeName) {
            this.typeName = typeName;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            String previous = StatementContext.enter(name(invocation));
            try {
                return invocation.proceed();
            } finally {
                StatementContext.exit(previous);
            }
        }

        private String name(MethodInvocation invocation) {
            Method method = invocation.getMethod();
            String known = names.get(method);
            if (known != null) {
                return known;
            }
            String type = typeName;
            if (type == null) {
                Object target = invocation.getThis();
                type = target == null
                        ? method.getDeclaringClass().getSimpleName()
                        : ClassUtils.getUserClass(target).getSimpleName();
            }
            String name = type + "." + method.getName();
            names.put(method, name);
            return name;
        }
    }
}
