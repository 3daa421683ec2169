package app.roadbook.monitoring;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The app's DataSource with every statement timed: connections come from datasource-proxy's {@link ProxyDataSource}
 * around the pool. A Spring {@link DelegatingDataSource} on the outside, so everything that looks through it (Spring
 * Boot deriving Flyway's owner connection from the pool's settings, {@code unwrap(HikariDataSource.class)}) still
 * finds the pool; closing it closes the pool.
 */
final class TimedDataSource extends DelegatingDataSource implements AutoCloseable {

    private final ProxyDataSource timed;

    TimedDataSource(DataSource pool, QueryExecutionListener listener) {
        super(pool);
        this.timed = ProxyDataSourceBuilder.create(pool)
                .name("roadbook")
                .listener(listener)
                .build();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return timed.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return timed.getConnection(username, password);
    }

    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
