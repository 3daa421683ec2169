package app.roadbook.advancing;

import java.util.List;

/** Inserting the fields of a new advance, for {@link AdvancingFieldRepository}. */
interface AdvancingFieldInserts {

    /** Inserts new fields in one JDBC batch, however many the template has. */
    void insertAll(List<AdvancingField> fields);
}
