package app.roadbook.advancing;

import app.roadbook.base.ActivityLog;
import app.roadbook.files.DocumentTypes;
import app.roadbook.files.FileStorage;
import app.roadbook.tenancy.OrgAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Each party's document box in an advance: upload with size and type limits, list, download. */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingDocuments {

    public static final int MAX_BYTES = 25 * 1024 * 1024;
    public static final Set<String> EXTENSIONS = DocumentTypes.extensions();

    private final JdbcTemplate jdbc;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final FileStorage storage;

    AdvancingDocuments(DataSource dataSource, OrgAccess access, ActivityLog activity, FileStorage storage) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.access = access;
        this.activity = activity;
        this.storage = storage;
    }

    public record Document(UUID fileId, String party, String name, String contentType, int sizeBytes, OffsetDateTime at) {
    }

    @Transactional(readOnly = true)
    public List<Document> list(UUID sessionId) {
        return jdbc.query("""
                select f.id, d.party_type, f.original_name, f.content_type, f.size_bytes, f.created_at
                from files f join advancing_documents d on d.id = f.document_id
                where d.session_id = ? order by d.party_type, f.created_at""",
                (rs, i) -> new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getObject(6, OffsetDateTime.class)), sessionId);
    }

    /**
     * Stores a document in one party's box: our side for org editors, the promoter's for promoter editors. Its
     * content type follows from its extension; whatever type the uploader's browser claimed is ignored.
     */
    @Transactional
    public UUID upload(UUID sessionId, String party, String fileName, byte[] bytes) {
        Map<String, Object> session = jdbc.queryForList("select org_id, show_id from advancing_sessions where id = ?", sessionId)
                .stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such advance."));
        UUID orgId = (UUID) session.get("org_id");
        boolean allowed = "from_us".equals(party) ? access.canEdit(orgId)
                : "from_you".equals(party) && access.promoterEditor((UUID) session.get("show_id"));
        if (!allowed) {
            throw new AccessDeniedException("You cannot add documents to this side.");
        }
        String name = safeName(fileName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("Upload PDF, image, text, CSV or Office files (" + String.join(", ", EXTENSIONS) + ").");
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("A document is between 1 byte and 25 MB.");
        }
        UUID box = jdbc.queryForList("select id from advancing_documents where session_id = ? and party_type = ?::party",
                UUID.class, sessionId, party).stream().findFirst().orElseGet(() -> jdbc.queryForObject("""
                insert into advancing_documents (org_id, session_id, party_type, label, created_by)
                values (?, ?, ?::party, 'Documents', current_app_user_id()) returning id""", UUID.class, orgId, sessionId, party));
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
        jdbc.update("""
                insert into files (id, org_id, document_id, storage_path, original_name, content_type, size_bytes, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?, current_app_user_id())""", fileId, orgId, box, path, name,
                DocumentTypes.forName(name), bytes.length);
        activity.record(orgId, "general", "advancing.document_uploaded", "file", fileId, Map.of("name", name, "party", party));
        return fileId;
    }

    /**
     * The file's name, bytes and the type to serve it as (never one an uploader chose: rows from before may hold
     * a claimed type, which is served as an opaque download), if the acting user may see it; otherwise it looks missing.
     */
    @Transactional(readOnly = true)
    public Download download(UUID fileId) {
        Map<String, Object> f = jdbc.queryForList("select storage_path, original_name, content_type from files where id = ?", fileId)
                .stream().findFirst().orElseThrow(() -> new OrgAccess.NotFoundException("No such file."));
        return new Download((String) f.get("original_name"), DocumentTypes.served((String) f.get("content_type")),
                storage.read((String) f.get("storage_path")));
    }

    public record Download(String name, String contentType, byte[] bytes) {
    }

    static String safeName(String fileName) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
        if (base.isEmpty() || base.length() > 200) {
            throw new IllegalArgumentException("Give the file a name of up to 200 characters.");
        }
        app.roadbook.base.TextInput.requireSingleLine("The file name", base, 200);
        return base;
    }
}
