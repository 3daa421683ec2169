package app.roadbook.advancing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The document boxes of advances and the files in them; RLS decides who sees which. */
interface AdvancingDocumentRepository extends JpaRepository<AdvancingDocument, UUID> {

    Optional<AdvancingDocument> findBySessionIdAndPartyType(UUID sessionId, Party partyType);

    /** Every file in an advance's boxes, ours first, each side oldest first. */
    @Query("""
            select new app.roadbook.advancing.AdvancingDocuments$Document(f.id, d.partyType, f.originalName, f.contentType,
                   f.sizeBytes, f.createdAt)
            from StoredFile f join AdvancingDocument d on d.id = f.documentId
            where d.sessionId = :sessionId order by d.partyType, f.createdAt""")
    List<AdvancingDocuments.Document> findFiles(UUID sessionId);
}
