package app.roadbook.base.db;

/** The database is not safe to serve from; the message says why and what to do, in one sentence. */
public class DatabaseGateException extends RuntimeException {

    public DatabaseGateException(String message) {
        super(message);
    }
}
