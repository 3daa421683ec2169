package app.roadbook.advancing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.Session;

/**
 * A new advance has two fields for each of its template's (up to 200), so they are inserted as one JDBC batch rather
 * than a statement each: the batch size is raised for this flush only (the application leaves batching off).
 */
class AdvancingFieldInsertsImpl implements AdvancingFieldInserts {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void insertAll(List<AdvancingField> fields) {
        Session session = em.unwrap(Session.class);
        Integer before = session.getJdbcBatchSize();
        session.setJdbcBatchSize(Math.max(1, fields.size()));
        try {
            fields.forEach(em::persist);
            em.flush();
        } finally {
            session.setJdbcBatchSize(before);
        }
    }
}
