package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingTemplate.FieldType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The fields of advances; RLS decides who sees which (members, and collaborators granted the show). */
interface AdvancingFieldRepository extends JpaRepository<AdvancingField, UUID>, AdvancingFieldInserts {

    /** The field with its advance (for the show it belongs to), in one statement. */
    @Query("select f from AdvancingField f join fetch f.session where f.id = :id")
    Optional<AdvancingField> findWithSession(UUID id);

    /** The other party's side of a field. */
    default Optional<AdvancingField> findPartner(AdvancingField field) {
        return findBySessionAndSectionAndFieldNameAndPartyType(
                field.getSession(),
                field.getSection(),
                field.getFieldName(),
                field.getPartyType().other());
    }

    Optional<AdvancingField> findBySessionAndSectionAndFieldNameAndPartyType(
            AdvancingSession session, String section, String fieldName, Party partyType);

    /**
     * The grid of an advance in one statement whatever its size: each field's two sides next to each other, who last
     * changed each, and the comments on the pair, in template order.
     */
    default List<Pair> findPairs(UUID sessionId) {
        return findPairs(sessionId, Party.from_us, Party.from_you);
    }

    /** The parties are parameters, as in {@link AdvancingSessionRepository#findSummaries(UUID, Party, FieldAgreement)}. */
    @Query("""
            select u.section as section, u.fieldName as fieldName, u.fieldType as type, u.sortOrder as sortOrder,
                   u.agreement as agreement, u.agreedValue as agreedValue,
                   u.id as ourId, u.value as ourValue, u.stance as ourStance, u.version as ourVersion,
                   uu.displayName as ourBy, u.updatedAt as ourAt, u.previousValue as ourPrevious,
                   u.declinedValue as ourDeclined, u.declineReason as ourReason,
                   y.id as theirId, y.value as theirValue, y.stance as theirStance, y.version as theirVersion,
                   yu.displayName as theirBy, y.updatedAt as theirAt, y.previousValue as theirPrevious,
                   y.declinedValue as theirDeclined, y.declineReason as theirReason,
                   (select count(c) from AdvancingComment c where c.fieldId = u.id or c.fieldId = y.id) as comments
            from AdvancingField u
            join AdvancingField y on y.session = u.session and y.section = u.section and y.fieldName = u.fieldName
                 and y.partyType = :theirs
            left join AppUser uu on uu.id = u.updatedBy
            left join AppUser yu on yu.id = y.updatedBy
            where u.session.id = :sessionId and u.partyType = :ours
            order by u.sortOrder, u.section, u.fieldName""")
    List<Pair> findPairs(UUID sessionId, Party ours, Party theirs);

    /** One row of the grid; values are JSON text. */
    interface Pair {
        String getSection();

        String getFieldName();

        FieldType getType();

        int getSortOrder();

        FieldAgreement getAgreement();

        String getAgreedValue();

        UUID getOurId();

        String getOurValue();

        FieldStance getOurStance();

        int getOurVersion();

        String getOurBy();

        OffsetDateTime getOurAt();

        String getOurPrevious();

        String getOurDeclined();

        String getOurReason();

        UUID getTheirId();

        String getTheirValue();

        FieldStance getTheirStance();

        int getTheirVersion();

        String getTheirBy();

        OffsetDateTime getTheirAt();

        String getTheirPrevious();

        String getTheirDeclined();

        String getTheirReason();

        long getComments();
    }
}
