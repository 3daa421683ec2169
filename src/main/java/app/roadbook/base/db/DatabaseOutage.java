package app.roadbook.base.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Whether a failure means the database cannot be reached right now (as opposed to a bug or bad input). */
public final class DatabaseOutage {

    /** What a person reads while the database is away. */
    public static final String MESSAGE = "Roadbook cannot reach its database right now, so nothing was saved. "
            + "It works again as soon as the database is back: try again in a minute.";

    private DatabaseOutage() {}

    private static boolean closedConnection(String message) {
        return message != null
                && (message.startsWith("Connection is closed")
                        || message.startsWith("This connection has been closed"));
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P01-57P03: the server is shutting down or not accepting connections yet.
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            // A connection that died under a transaction (the primary failed over): closing or rolling it back fails
            // with the pool's or the driver's "closed" error, which carries no SQL state.
            if (t instanceof SQLException sql && sql.getSQLState() == null && closedConnection(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
