package app.roadbook.base.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns start-up failures about the database into one clear sentence instead of a stack trace.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        DatabaseGateException gate = find(failure, DatabaseGateException.class);
        if (gate != null) {
            return new FailureAnalysis(
                    gate.getMessage(),
                    "Fix the database roles as described in the README (section 'External PostgreSQL').",
                    gate);
        }
        String reason = unreachableReason(failure);
        if (reason != null) {
            String url = environment.getProperty("spring.datasource.url", "(not set)");
            return new FailureAnalysis(
                    "Roadbook cannot reach its database at " + url + ": " + reason + ".",
                    "Start PostgreSQL or correct SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                            + "SPRING_DATASOURCE_PASSWORD (and SPRING_FLYWAY_USER/PASSWORD for the owner); "
                            + "unset SPRING_DATASOURCE_URL to use the embedded database.",
                    failure);
        }
        return null;
    }

    /** Why the database could not be reached, or null if that is not what went wrong. */
    static String unreachableReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "connection refused or host unknown (" + t.getMessage() + ")";
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")) {
                    return "the connection failed (" + firstLine(sql.getMessage()) + ")";
                }
                if (state.startsWith("28")) {
                    return "the login was rejected (" + firstLine(sql.getMessage()) + ")";
                }
                if (state.equals("3D000")) {
                    return "the database does not exist (" + firstLine(sql.getMessage()) + ")";
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
