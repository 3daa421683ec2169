package app.roadbook.advancing;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.files.FileLibrary;
import app.roadbook.files.Intake;
import app.roadbook.files.StoredFile;
import app.roadbook.tenancy.OrgAccess;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each party's document box in an advance: upload, list, download, remove. The documents are entries of the file
 * library (decision 0022): their bytes enter through its intake (type detected from the bytes, size limit, quota,
 * streaming) and downloads stream from its store.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingDocuments {

    private final AdvancingSessionRepository sessions;
    private final AdvancingDocumentRepository boxes;
    private final AdvancingFileRepository files;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final FileLibrary library;
    private final TransactionTemplate transactions;

    AdvancingDocuments(
            AdvancingSessionRepository sessions,
            AdvancingDocumentRepository boxes,
            AdvancingFileRepository files,
            OrgAccess access,
            ActivityLog activity,
            FileLibrary library,
            TransactionTemplate transactions) {
        this.sessions = sessions;
        this.boxes = boxes;
        this.files = files;
        this.access = access;
        this.activity = activity;
        this.library = library;
        this.transactions = transactions;
    }

    public record Document(
            UUID fileId, Party party, String name, String contentType, int sizeBytes, OffsetDateTime at) {}

    /** Every document of an advance in one statement, ours first. */
    @Transactional(readOnly = true)
    public List<Document> list(UUID sessionId) {
        return boxes.findFiles(sessionId);
    }

    /** The largest document accepted, in bytes (the library's limit per file). */
    public long maxBytes() {
        return library.maxFileBytes();
    }

    /** {@link #upload(UUID, Party, String, InputStream, long)} for bytes already in hand (tests, small files). */
    public UUID upload(UUID sessionId, Party party, String fileName, byte[] bytes) {
        return upload(sessionId, party, fileName, new ByteArrayInputStream(bytes), bytes.length);
    }

    /**
     * Stores a document in one party's box: our side for org editors, the promoter's for promoter editors. Its
     * content type is detected from its bytes; whatever type the uploader's browser claimed is ignored. The bytes
     * stream into storage outside any transaction; the registry row follows in one, and the bytes go if it fails.
     */
    public UUID upload(UUID sessionId, Party party, String fileName, InputStream in, long declaredSize) {
        UUID orgId =
                transactions.execute(status -> requireOpenBox(sessionId, party).getOrgId());
        Intake.Stored stored = library.take(orgId, fileName, in, declaredSize);
        return library.register(stored, () -> {
            AdvancingSession session = requireOpenBox(sessionId, party);
            AdvancingDocument box = boxes.findBySessionIdAndPartyType(sessionId, party)
                    .orElseGet(() -> boxes.save(new AdvancingDocument(session, party)));
            UUID fileId = UUID.randomUUID();
            files.saveAndFlush(StoredFile.inDocumentBox(
                    fileId, orgId, box.getId(), stored.key(), stored.name(), stored.contentType(), (int)
                            stored.size()));
            activity.record(
                    orgId,
                    "general",
                    "advancing.document_uploaded",
                    "file",
                    fileId,
                    Map.of("name", stored.name(), "party", party.name()));
            return fileId;
        });
    }

    private AdvancingSession requireOpenBox(UUID sessionId, Party party) {
        AdvancingSession session =
                sessions.findById(sessionId).orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
        boolean allowed = party == Party.from_us
                ? access.canEdit(session.getOrgId())
                : party == Party.from_you && access.promoterEditor(session.getShowId());
        if (!allowed) {
            throw new AccessDeniedException("You cannot add documents to this side.");
        }
        if (session.closed()) {
            throw new Refusal("This advance is closed: an editor of the artist team can reopen it.");
        }
        return session;
    }

    /**
     * The file's name, type and bytes to stream (served as its detected type; rows from before may hold a claimed
     * type, which is served as an opaque download), if the acting user may see it; otherwise it looks missing.
     */
    public FileLibrary.Download download(UUID fileId) {
        return library.download(fileId, null);
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
        library.deleteBytesAfterCommit(fileId);
        files.delete(file);
        files.flush();
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
}
