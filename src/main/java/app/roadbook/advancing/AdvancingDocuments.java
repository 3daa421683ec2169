package app.roadbook.advancing;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.files.DocumentTypes;
import app.roadbook.files.FileStorage;
import app.roadbook.files.StoredFile;
import app.roadbook.tenancy.OrgAccess;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Each party's document box in an advance: upload with size and type limits, list, download. */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingDocuments {

    public static final int MAX_BYTES = 25 * 1024 * 1024;
    public static final Set<String> EXTENSIONS = DocumentTypes.extensions();

    private final AdvancingSessionRepository sessions;
    private final AdvancingDocumentRepository boxes;
    private final AdvancingFileRepository files;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final FileStorage storage;

    AdvancingDocuments(
            AdvancingSessionRepository sessions,
            AdvancingDocumentRepository boxes,
            AdvancingFileRepository files,
            OrgAccess access,
            ActivityLog activity,
            FileStorage storage) {
        this.sessions = sessions;
        this.boxes = boxes;
        this.files = files;
        this.access = access;
        this.activity = activity;
        this.storage = storage;
    }

    public record Document(
            UUID fileId, Party party, String name, String contentType, int sizeBytes, OffsetDateTime at) {}

    /** Every document of an advance in one statement, ours first. */
    @Transactional(readOnly = true)
    public List<Document> list(UUID sessionId) {
        return boxes.findFiles(sessionId);
    }

    /**
     * Stores a document in one party's box: our side for org editors, the promoter's for promoter editors. Its
     * content type follows from its extension; whatever type the uploader's browser claimed is ignored.
     */
    @Transactional
    public UUID upload(UUID sessionId, Party party, String fileName, byte[] bytes) {
        AdvancingSession session =
                sessions.findById(sessionId).orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
        UUID orgId = session.getOrgId();
        boolean allowed = party == Party.from_us
                ? access.canEdit(orgId)
                : party == Party.from_you && access.promoterEditor(session.getShowId());
        if (!allowed) {
            throw new AccessDeniedException("You cannot add documents to this side.");
        }
        if (session.closed()) {
            throw new Refusal("This advance is closed: an editor of the artist team can reopen it.");
        }
        String name = safeName(fileName);
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.contains(extension)) {
            throw new Refusal("Upload PDF, image, text, CSV or Office files (" + String.join(", ", EXTENSIONS) + ").");
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new Refusal("A document is between 1 byte and 25 MB.");
        }
        AdvancingDocument box = boxes.findBySessionIdAndPartyType(sessionId, party)
                .orElseGet(() -> boxes.save(new AdvancingDocument(session, party)));
        UUID fileId = UUID.randomUUID();
        String path = orgId + "/" + sessionId + "/" + fileId + "." + extension;
        storage.write(path, bytes);
        // If the transaction rolls back, the registry never saw the file: remove it from disk too.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    storage.delete(path);
                }
            }
        });
        files.saveAndFlush(StoredFile.inDocumentBox(
                fileId, orgId, box.getId(), path, name, DocumentTypes.forName(name), bytes.length));
        activity.record(
                orgId,
                "general",
                "advancing.document_uploaded",
                "file",
                fileId,
                Map.of("name", name, "party", party.name()));
        return fileId;
    }

    /**
     * The file's name, bytes and the type to serve it as (never one an uploader chose: rows from before may hold
     * a claimed type, which is served as an opaque download), if the acting user may see it; otherwise it looks missing.
     */
    @Transactional(readOnly = true)
    public Download download(UUID fileId) {
        StoredFile file = files.findById(fileId).orElseThrow(() -> new OrgAccess.NotFoundException("No such file."));
        return new Download(
                file.getOriginalName(),
                DocumentTypes.served(file.getContentType()),
                storage.read(file.getStoragePath()));
    }

    /**
     * Removes a document: the party whose box holds it removes it (the database says the same), while the advance is
     * open. The stored bytes go once the removal has committed.
     */
    @Transactional
    public void remove(UUID fileId) {
        StoredFile file = files.findById(fileId).orElseThrow(() -> new OrgAccess.NotFoundException("No such file."));
        AdvancingDocument box = boxes.findById(file.getDocumentId())
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such file."));
        AdvancingSession session = sessions.findById(box.getSessionId())
                .orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
        boolean allowed = box.getPartyType() == Party.from_us
                ? access.canEdit(session.getOrgId())
                : access.promoterEditor(session.getShowId());
        if (!allowed) {
            throw new AccessDeniedException(
                    "Only the " + box.getPartyType().label().toLowerCase(Locale.ROOT)
                            + (box.getPartyType() == Party.from_us ? "" : "'s team") + " removes its own documents.");
        }
        if (session.closed()) {
            throw new Refusal("This advance is closed: an editor of the artist team can reopen it.");
        }
        files.delete(file);
        files.flush();
        String path = file.getStoragePath();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    storage.delete(path);
                }
            }
        });
        activity.record(
                session.getOrgId(),
                "general",
                "advancing.document_removed",
                "file",
                fileId,
                Map.of(
                        "name",
                        file.getOriginalName(),
                        "party",
                        box.getPartyType().label()));
    }

    public record Download(String name, String contentType, byte[] bytes) {}

    static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "")
                .strip();
        if (base.isEmpty() || base.length() > 200) {
            throw new Refusal("Give the file a name of up to 200 characters.");
        }
        app.roadbook.base.TextInput.requireSingleLine("The file name", base, 200);
        return base;
    }
}
