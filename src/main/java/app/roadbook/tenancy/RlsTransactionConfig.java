package app.roadbook.tenancy;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

/** Every transaction of the app, JPA or JDBC alike, goes through the RLS-aware dialect. */
@Configuration(proxyBeanMethods = false)
class RlsTransactionConfig {

    @Bean
    JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        JpaTransactionManager manager = new JpaTransactionManager() {
            @Override
            public void afterPropertiesSet() {
                super.afterPropertiesSet();
                // afterPropertiesSet adopts the factory's own dialect; ours must win.
                setJpaDialect(new RlsJpaDialect());
            }
        };
        manager.setEntityManagerFactory(entityManagerFactory);
        return manager;
    }
}
