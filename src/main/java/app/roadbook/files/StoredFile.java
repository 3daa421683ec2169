package app.roadbook.files;

import app.roadbook.base.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import org.springframework.data.domain.Persistable;

/**
 * An entry of the file library: a file of the org, an artist, a venue or a show, or a document in an advance's box.
 * The row mirrors its current {@link FileVersion} (storage path, type, size). Only what may change is updated
 * ({@code @DynamicUpdate}: the app role may update those columns only).
 */
@Entity
@Table(name = "files")
@Getter
@DynamicUpdate
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class StoredFile extends Identified<UUID> implements Persistable<UUID> {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id;

    @Column(name = "org_id", nullable = false, updatable = false)
    private UUID orgId;

    @Column(name = "session_id", updatable = false)
    private UUID sessionId;

    @Column(name = "document_id", updatable = false)
    private UUID documentId;

    @Column(name = "field_id", updatable = false)
    private UUID fieldId;

    @Column(name = "artist_id", updatable = false)
    private UUID artistId;

    @Column(name = "venue_id", updatable = false)
    private UUID venueId;

    @Column(name = "show_id", updatable = false)
    private UUID showId;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "original_name")
    private String originalName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private Integer sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", nullable = false)
    private FileVisibility visibility = FileVisibility.members;

    @Column(name = "current_version", nullable = false)
    private int currentVersion = 1;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    /** Filled in by the database when the file goes to the bin. */
    @Column(name = "deleted_by", insertable = false, updatable = false)
    private UUID deletedBy;

    /** Whoever the database sees acting (decision 0014): the database fills it in, never the application. */
    @Generated(event = EventType.INSERT, sql = "current_app_user_id()")
    @Column(name = "uploaded_by", updatable = false)
    private UUID uploadedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /**
     * True for a file made here and not saved yet. The id is assigned, so this is how Spring Data knows to insert
     * it rather than look for it first.
     */
    @Transient
    @Getter(AccessLevel.NONE)
    private boolean unsaved;

    /**
     * A file in a document box, its bytes already stored at {@code storagePath}. The id is the caller's, since the
     * path is made from it before the row exists. A box's files are shared with the promoter team by nature.
     */
    public static StoredFile inDocumentBox(
            UUID id,
            UUID orgId,
            UUID documentId,
            String storagePath,
            String originalName,
            String contentType,
            int sizeBytes) {
        StoredFile file = create(id, orgId, storagePath, originalName, contentType, sizeBytes);
        file.documentId = documentId;
        file.visibility = FileVisibility.promoter_team;
        return file;
    }

    /** A library file of the org ({@code subject} says of what), its bytes already stored at {@code storagePath}. */
    static StoredFile inLibrary(
            UUID id,
            UUID orgId,
            FileSubject subject,
            FileVisibility visibility,
            String storagePath,
            String originalName,
            String contentType,
            int sizeBytes) {
        StoredFile file = create(id, orgId, storagePath, originalName, contentType, sizeBytes);
        switch (subject.kind()) {
            case ARTIST -> file.artistId = subject.id();
            case VENUE -> file.venueId = subject.id();
            case SHOW -> file.showId = subject.id();
            case ORG -> {}
            case ADVANCE -> throw new IllegalArgumentException("An advance's files go into its document boxes.");
        }
        file.visibility = visibility;
        return file;
    }

    private static StoredFile create(
            UUID id, UUID orgId, String storagePath, String originalName, String contentType, int sizeBytes) {
        StoredFile file = new StoredFile();
        file.id = id;
        file.orgId = orgId;
        file.storagePath = storagePath;
        file.originalName = originalName;
        file.contentType = contentType;
        file.sizeBytes = sizeBytes;
        file.unsaved = true;
        return file;
    }

    /** Whether the file belongs to an advance (a document box or field) rather than to the library proper. */
    public boolean inAdvance() {
        return sessionId != null || documentId != null || fieldId != null;
    }

    public boolean inBin() {
        return deletedAt != null;
    }

    /** What the file is about. */
    public FileSubject subject() {
        if (inAdvance()) {
            return new FileSubject(FileSubject.Kind.ADVANCE, sessionId != null ? sessionId : documentId);
        }
        if (artistId != null) {
            return new FileSubject(FileSubject.Kind.ARTIST, artistId);
        }
        if (venueId != null) {
            return new FileSubject(FileSubject.Kind.VENUE, venueId);
        }
        if (showId != null) {
            return new FileSubject(FileSubject.Kind.SHOW, showId);
        }
        return new FileSubject(FileSubject.Kind.ORG, orgId);
    }

    /** Makes {@code version} the current one (a new upload or a restored older version). */
    void makeCurrent(FileVersion version, OffsetDateTime now) {
        currentVersion = version.getNumber();
        storagePath = version.getStoragePath();
        originalName = version.getOriginalName();
        contentType = version.getContentType();
        sizeBytes = (int) version.getSizeBytes();
        updatedAt = now;
    }

    void changeVisibility(FileVisibility visibility, OffsetDateTime now) {
        this.visibility = visibility;
        updatedAt = now;
    }

    void moveToBin(OffsetDateTime now) {
        deletedAt = now;
        updatedAt = now;
    }

    void restoreFromBin(OffsetDateTime now) {
        deletedAt = null;
        updatedAt = now;
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
