package app.roadbook.advancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@RoadbookTest
class AdvancingDocumentsTest {

    @Autowired
    AdvancingDocuments documents;

    @Autowired
    AdvancingExchange advancing;

    @Autowired
    Fixtures fixtures;

    UUID editor, promoter, session;

    @BeforeEach
    void anAdvanceWithAPromoter() {
        editor = fixtures.user("Editor");
        promoter = fixtures.user("Promoter");
        UUID org = fixtures.organization("Docs Co", editor);
        UUID show = fixtures.owner()
                .queryForObject(
                        "insert into shows (org_id, date) values (?, current_date) returning id", UUID.class, org);
        fixtures.owner()
                .update(
                        "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                        show,
                        promoter,
                        org);
        fixtures.signIn(editor);
        session = advancing.createSession(org, show, "Advance", null, null);
    }

    @Test
    void eachSideUploadsToItsOwnBoxAndBothDownload() {
        byte[] rider = "%PDF-1.4\nTech rider\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        UUID ours = documents.upload(session, Party.from_us, "rider.pdf", rider);
        assertThatThrownBy(() -> documents.upload(session, Party.from_you, "plot.pdf", rider))
                .isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        UUID theirs = documents.upload(session, Party.from_you, "stage plot.png", PNG);
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "x.pdf", rider))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(documents.list(session))
                .extracting(AdvancingDocuments.Document::name)
                .containsExactly("rider.pdf", "stage plot.png");
        assertThat(documents.download(ours).bytes()).isEqualTo(rider);
        fixtures.signIn(editor);
        assertThat(documents.download(theirs).bytes()).isEqualTo(PNG);
        fixtures.signIn(fixtures.user("Stranger"));
        assertThatThrownBy(() -> documents.download(ours)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void eachSideHasOneBoxAndEveryFileSaysWhoUploadedIt() {
        UUID first = documents.upload(session, Party.from_us, "rider.txt", text(1));
        UUID second = documents.upload(session, Party.from_us, "plot.txt", text(2));
        fixtures.signIn(promoter);
        UUID theirs = documents.upload(session, Party.from_you, "hotel.txt", text(3));
        assertThat(fixtures.owner().queryForList("""
                select d.party_type::text || ' ' || d.label || ' ' || (d.created_by = f.uploaded_by) || ' ' || f.size_bytes
                from files f join advancing_documents d on d.id = f.document_id where d.session_id = ? order by f.size_bytes""", String.class, session))
                .containsExactly("from_us Documents true 1", "from_us Documents true 2", "from_you Documents true 3");
        assertThat(fixtures.owner()
                        .queryForList(
                                "select uploaded_by from files where id in (?, ?, ?) order by size_bytes",
                                UUID.class,
                                first,
                                second,
                                theirs))
                .containsExactly(editor, editor, promoter);
        assertThat(fixtures.owner()
                        .queryForObject(
                                "select count(*) from advancing_documents where session_id = ?",
                                Integer.class,
                                session))
                .isEqualTo(2);
        assertThat(fixtures.owner()
                        .queryForList("select action from activity_log where resource_id = ?", String.class, theirs))
                .containsExactly("advancing.document_uploaded");
    }

    @Test
    void typesAndSizesAreLimited() {
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "virus.exe", new byte[] {'M', 'Z', 0, 0}))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Upload PDF");
        assertThatThrownBy(() -> documents.upload(
                        session,
                        Party.from_us,
                        "big.pdf",
                        java.io.InputStream.nullInputStream(),
                        documents.maxBytes() + 1))
                .hasMessageContaining("100 MB");
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "empty.pdf", new byte[0]))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "C:\\Users\\me\\rider.pdf", text(1)))
                .hasMessageContaining("file name");
        assertThat(documents.list(session)).isEmpty();
    }

    /**
     * Finding 11: a document uploaded with a claimed text/html came back as text/html and ran in our origin. Now the
     * type comes from the bytes: HTML is refused whatever its name says, and a file is served as what it is.
     */
    @Test
    void aDocumentIsServedAsItsBytesSayAndNeverAsAClaimedType() {
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> documents.upload(session, Party.from_us, "rider.pdf", html))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("text/html");
        UUID upload = documents.upload(session, Party.from_us, "rider.pdf", PNG);
        assertThat(documents.download(upload).contentType()).isEqualTo("image/png");
        assertThat(documents.list(session))
                .extracting(AdvancingDocuments.Document::contentType)
                .containsExactly("image/png");

        // A row stored before the fix, with the type a browser claimed: served as an opaque download.
        fixtures.owner().update("update files set content_type = 'text/html' where id = ?", upload);
        fixtures.owner().update("update file_versions set content_type = 'text/html' where file_id = ?", upload);
        assertThat(documents.download(upload).contentType()).isEqualTo("application/octet-stream");
        fixtures.owner().update("update file_versions set content_type = 'image/svg+xml' where file_id = ?", upload);
        assertThat(documents.download(upload).contentType()).isEqualTo("application/octet-stream");
    }

    /** The eight bytes every PNG starts with, and a little more. */
    static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    /** Plain text of n bytes. */
    static byte[] text(int n) {
        return "abc".substring(0, n).getBytes(StandardCharsets.UTF_8);
    }
}
