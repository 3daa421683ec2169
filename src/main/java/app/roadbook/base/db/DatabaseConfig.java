package app.roadbook.base.db;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    DatabaseGate databaseGate(DataSource dataSource) {
        return new DatabaseGate(dataSource);
    }

    /** Refuses to start serving when the gate fails; runs once the migrations are in. */
    @Bean
    InitializingBean databaseGateCheck(DatabaseGate gate, FlywayMigrationInitializer migrationsDone) {
        return gate::check;
    }
}
