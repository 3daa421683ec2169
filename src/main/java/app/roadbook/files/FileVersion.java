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

/**
 * One version of a file, its bytes kept by the {@link FileStore} under {@code storagePath}. Versions are never
 * changed: a new upload adds one, restoring an older one makes it current again. The first version of every file is
 * written by the database when the file's row is inserted.
 */
@Entity
@Table(name = "file_versions")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class FileVersion extends Identified<UUID> implements Persistable<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "file_id", nullable = false, updatable = false)
    private UUID fileId;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "storage_path", nullable = false, updatable = false)
    private String storagePath;

    @Column(name = "original_name", nullable = false, updatable = false)
    private String originalName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    /** Whoever the database sees acting (decision 0014). */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "uploaded_by", updatable = false)
    private UUID uploadedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Transient
    @Getter(AccessLevel.NONE)
    private boolean unsaved;

    static FileVersion next(StoredFile file, int number, Intake.Stored stored) {
        FileVersion version = new FileVersion();
        version.id = UUID.randomUUID();
        version.orgId = file.getOrgId();
        version.fileId = file.getId();
        version.number = number;
        version.storagePath = stored.key();
        version.originalName = stored.name();
        version.contentType = stored.contentType();
        version.sizeBytes = stored.size();
        version.unsaved = true;
        return version;
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
