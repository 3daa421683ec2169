package app.roadbook.files;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.springframework.data.domain.Persistable;

/** A stored file attached to an advance, a document box or a field. */
@Entity
@Table(name = "files")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StoredFile extends Identified<UUID> implements Persistable<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "session_id")
    private UUID sessionId;

    @Column(name = "document_id")
    private UUID documentId;

    @Column(name = "field_id")
    private UUID fieldId;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "original_name")
    private String originalName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private Integer sizeBytes;

    /** Whoever the database sees acting (decision 0014): the database fills it in, never the application. */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "uploaded_by", updatable = false)
    private UUID uploadedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /**
     * True for a file made here and not saved yet. The id is assigned and the table has no version, so this is how
     * Spring Data knows to insert it rather than look for it first.
     */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean unsaved;

    /**
     * A file in a document box, its bytes kept by {@link FileStorage} at {@code storagePath}. The id is the caller's,
     * since the path is made from it before the row exists.
     */
    public static StoredFile inDocumentBox(
            UUID id,
            UUID orgId,
            UUID documentId,
            String storagePath,
            String originalName,
            String contentType,
            int sizeBytes) {
        StoredFile file = new StoredFile();
        file.id = id;
        file.orgId = orgId;
        file.documentId = documentId;
        file.storagePath = storagePath;
        file.originalName = originalName;
        file.contentType = contentType;
        file.sizeBytes = sizeBytes;
        file.unsaved = true;
        return file;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostPersist
    @PostLoad
    void saved() {
        unsaved = false;
    }
}
