package app.roadbook.tenancy;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hibernate.Session;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Tells PostgreSQL who is acting, first thing in every transaction: {@code app.user_id} set
 * transaction-locally, so it vanishes at commit or rollback and a pooled connection never carries
 * it into someone else's transaction. Nobody acting means an empty value: every policy then
 * answers with no rows. See docs/decisions/0002-rls-context.md.
 *
 * <p>It also tells {@link WritesInThisThread} when a read-write transaction begins and ends, so values read earlier
 * in the same request are read again after a change (decision 0033).
 */
class RlsJpaDialect extends HibernateJpaDialect {

    static final String SET_USER = "select set_config('app.user_id', ?, true)";

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition) throws SQLException {
        Object transactionData = super.beginTransaction(entityManager, definition);
        boolean writes = !definition.isReadOnly();
        if (writes) {
            WritesInThisThread.happened();
        }
        String userId = ActingUser.id().map(Object::toString).orElse("");
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET_USER)) {
                statement.setString(1, userId);
                statement.execute();
            }
        });
        return writes ? new Writing(transactionData) : transactionData;
    }

    @Override
    public void cleanupTransaction(Object transactionData) {
        if (transactionData instanceof Writing writing) {
            WritesInThisThread.happened();
            super.cleanupTransaction(writing.data());
        } else {
            super.cleanupTransaction(transactionData);
        }
    }

    /** The dialect's own data of a read-write transaction, marked so that its end counts as a write too. */
    private record Writing(Object data) {}
}
