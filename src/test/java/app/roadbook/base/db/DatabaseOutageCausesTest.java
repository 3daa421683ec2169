package app.roadbook.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which failures read as "the database is away" rather than as a bug with a reference for the logs. */
class DatabaseOutageCausesTest {

    @Test
    void aTransactionWhoseConnectionDiedInAFailoverIsAnOutage() {
        // What the fault test saw when the primary was killed mid-save: the rollback fails on a closed connection.
        assertThat(DatabaseOutage.causes(new TransactionSystemException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(
                        new IllegalStateException(new SQLException("This connection has been closed."))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void bugsAndRefusedStatementsAreNot() {
        assertThat(DatabaseOutage.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("Connection is closed", "23505")))
                .as("a state names what happened")
                .isFalse();
    }
}
