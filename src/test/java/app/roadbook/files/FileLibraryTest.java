package app.roadbook.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import app.roadbook.tenancy.OrgAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** The file library through its service, as each role: upload, versions, visibility, the bin, bad input. */
@RoadbookTest
class FileLibraryTest {

    static final byte[] PDF = pdf("Tech rider v1");
    static final byte[] PDF_2 = pdf("Tech rider v2, with the new stage plot");

    @Autowired
    FileLibrary library;

    @Autowired
    FileRetentionJob retention;

    @Autowired
    FileStore store;

    @Autowired
    Fixtures fixtures;

    @Value("${roadbook.files-dir}")
    String filesDir;

    UUID owner, admin, editor, viewer, promoter, otherPromoter, org, artist, otherArtist, venue, show, otherShow;
    JdbcTemplate db;

    /** A PDF as far as any detector can tell: its header, a body, its trailer. */
    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @BeforeEach
    void anOrgWithShowsAndPromoters() {
        db = fixtures.owner();
        owner = fixtures.user("Owner");
        org = fixtures.organization("Files Co", owner);
        admin = fixtures.user("Admin");
        editor = fixtures.user("Editor");
        viewer = fixtures.user("Viewer");
        fixtures.member(org, admin, "admin");
        fixtures.member(org, editor, "editor");
        fixtures.member(org, viewer, "viewer");
        promoter = fixtures.user("Promoter");
        otherPromoter = fixtures.user("Otherpromoter");
        artist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'Aurora') returning id", UUID.class, org);
        otherArtist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'Borealis') returning id", UUID.class, org);
        venue = db.queryForObject(
                "insert into venues (org_id, name) values (?, 'Paradiso') returning id", UUID.class, org);
        show = db.queryForObject(
                "insert into shows (org_id, artist_id, venue_id, date, title) values (?, ?, ?, current_date + 10, 'Aurora live') returning id",
                UUID.class,
                org,
                artist,
                venue);
        otherShow = db.queryForObject(
                "insert into shows (org_id, artist_id, date, title) values (?, ?, current_date + 20, 'Borealis live') returning id",
                UUID.class,
                org,
                otherArtist);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_viewer', ?)",
                show,
                promoter,
                org);
        db.update(
                "insert into show_collaborators (show_id, user_id, role, org_id) values (?, ?, 'promoter_editor', ?)",
                otherShow,
                otherPromoter,
                org);
    }

    UUID upload(FileSubject subject, FileVisibility visibility, String name, byte[] bytes) {
        return library.upload(org, subject, visibility, name, new ByteArrayInputStream(bytes), bytes.length);
    }

    List<String> names(List<FileLibrary.FileLine> lines) {
        return lines.stream().map(FileLibrary.FileLine::name).toList();
    }

    List<String> actions(UUID fileId) {
        return db.queryForList(
                "select action from activity_log where resource_id = ? order by created_at, action",
                String.class,
                fileId);
    }

    long storedObjects() throws IOException {
        Path folder = Path.of(filesDir).resolve(org.toString());
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.list(folder)) {
            return all.count();
        }
    }

    @Test
    void editorsUploadToEverySubjectAndAShowListsItsOwnItsArtistsAndItsVenuesFiles() {
        fixtures.signIn(editor);
        UUID orgFile = upload(FileSubject.org(org), FileVisibility.members, "Company handbook.pdf", PDF);
        UUID rider = upload(FileSubject.artist(artist), FileVisibility.promoter_team, "Aurora rider.pdf", PDF);
        UUID pack = upload(FileSubject.venue(venue), FileVisibility.members, "Paradiso tech pack.pdf", PDF);
        UUID contract = upload(FileSubject.show(show), FileVisibility.members, "Contract.pdf", PDF);
        upload(FileSubject.artist(otherArtist), FileVisibility.promoter_team, "Borealis rider.pdf", PDF);

        assertThat(names(library.library(org, null, 0, 50))).hasSize(5);
        assertThat(names(library.library(org, FileSubject.Kind.ARTIST, 0, 50)))
                .containsExactlyInAnyOrder("Aurora rider.pdf", "Borealis rider.pdf");
        assertThat(library.count(org, null)).isEqualTo(5);
        assertThat(library.forShow(show))
                .extracting(FileLibrary.FileLine::name, FileLibrary.FileLine::about)
                .containsExactly(
                        tuple("Contract.pdf", "Show: Aurora live · " + dayIn(10)),
                        tuple("Aurora rider.pdf", "Artist: Aurora"),
                        tuple("Paradiso tech pack.pdf", "Venue: Paradiso"));
        FileLibrary.FileDetails details = library.details(rider);
        assertThat(details.line().contentType()).isEqualTo("application/pdf");
        assertThat(details.line().typeAndSize()).isEqualTo("PDF · 1 KB");
        assertThat(details.editable()).isTrue();
        assertThat(details.canManageBin()).isFalse();
        assertThat(actions(orgFile)).containsExactly("file.uploaded");
        assertThat(db.queryForObject("select uploaded_by from file_versions where file_id = ?", UUID.class, pack))
                .isEqualTo(editor);
        assertThat(library.download(contract, null).bytes()).isEqualTo(PDF);

        // An org-wide file concerns no show: it cannot be shared with a promoter team.
        assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.promoter_team, "x.pdf", PDF))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("concerns no show");
        // Another org's artist looks missing.
        UUID stranger = fixtures.user("Stranger");
        UUID foreignOrg = fixtures.organization("Elsewhere", stranger);
        UUID foreignArtist = db.queryForObject(
                "insert into artists (org_id, name) values (?, 'Foreign') returning id", UUID.class, foreignOrg);
        assertThatThrownBy(() -> upload(FileSubject.artist(foreignArtist), FileVisibility.members, "x.pdf", PDF))
                .isInstanceOf(OrgAccess.NotFoundException.class);
    }

    static String dayIn(int days) {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(days)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH));
    }

    @Test
    void viewersAndOutsidersCannotUploadOrChange() {
        fixtures.signIn(editor);
        UUID file = upload(FileSubject.show(show), FileVisibility.members, "Contract.pdf", PDF);
        fixtures.signIn(viewer);
        assertThatThrownBy(() -> upload(FileSubject.show(show), FileVisibility.members, "Mine.pdf", PDF))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.delete(file)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.changeVisibility(file, FileVisibility.promoter_team))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(library.details(file).editable()).isFalse();
        assertThat(library.download(file, null).bytes()).isEqualTo(PDF);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> upload(FileSubject.show(show), FileVisibility.members, "Mine.pdf", PDF))
                .isInstanceOf(OrgAccess.NotFoundException.class);
        assertThatThrownBy(() -> library.details(file)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void aNewVersionKeepsTheOldOnesListedDownloadableAndRestorable() {
        fixtures.signIn(editor);
        UUID rider = upload(FileSubject.artist(artist), FileVisibility.promoter_team, "Rider 2026.pdf", PDF);
        int second = library.uploadVersion(rider, "Rider 2026 v2.pdf", new ByteArrayInputStream(PDF_2), PDF_2.length);
        assertThat(second).isEqualTo(2);
        FileLibrary.FileDetails details = library.details(rider);
        assertThat(details.line().name()).isEqualTo("Rider 2026 v2.pdf");
        assertThat(details.versions())
                .extracting(FileLibrary.VersionLine::number, FileLibrary.VersionLine::current)
                .containsExactly(tuple(2, true), tuple(1, false));
        assertThat(library.download(rider, null).bytes()).isEqualTo(PDF_2);
        assertThat(library.download(rider, 1).bytes()).isEqualTo(PDF);

        // The promoter team sees the current version only.
        fixtures.signIn(promoter);
        assertThat(library.download(rider, null).bytes()).isEqualTo(PDF_2);
        assertThatThrownBy(() -> library.download(rider, 1)).isInstanceOf(OrgAccess.NotFoundException.class);

        fixtures.signIn(editor);
        library.restoreVersion(rider, 1);
        assertThat(library.download(rider, null).bytes()).isEqualTo(PDF);
        assertThat(library.details(rider).versions()).hasSize(2);
        assertThat(library.details(rider).line().version()).isEqualTo(1);
        assertThat(actions(rider))
                .containsExactly("file.uploaded", "file.version_uploaded", "file.downloaded", "file.version_restored");

        fixtures.signIn(viewer);
        assertThatThrownBy(() -> library.restoreVersion(rider, 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.uploadVersion(rider, "v3.pdf", new ByteArrayInputStream(PDF), PDF.length))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPromoterTeamSeesExactlyTheFilesSharedWithTheShowsItConcernsAndTheAudienceSaysSo() {
        fixtures.signIn(editor);
        UUID sharedRider = upload(FileSubject.artist(artist), FileVisibility.promoter_team, "Aurora rider.pdf", PDF);
        UUID privateContract = upload(FileSubject.show(show), FileVisibility.members, "Contract.pdf", PDF);
        UUID sharedPack = upload(FileSubject.venue(venue), FileVisibility.promoter_team, "Tech pack.pdf", PDF);
        UUID otherRider = upload(FileSubject.artist(otherArtist), FileVisibility.promoter_team, "Borealis.pdf", PDF);
        UUID handbook = upload(FileSubject.org(org), FileVisibility.members, "Handbook.pdf", PDF);

        fixtures.signIn(promoter);
        assertThat(names(library.forShow(show))).containsExactlyInAnyOrder("Aurora rider.pdf", "Tech pack.pdf");
        assertThat(library.download(sharedRider, null).bytes()).isEqualTo(PDF);
        for (UUID hidden : List.of(privateContract, otherRider, handbook)) {
            assertThatThrownBy(() -> library.download(hidden, null)).isInstanceOf(OrgAccess.NotFoundException.class);
            assertThatThrownBy(() -> library.details(hidden)).isInstanceOf(OrgAccess.NotFoundException.class);
        }
        assertThatThrownBy(() -> library.audience(sharedRider)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(actions(sharedRider)).containsExactly("file.uploaded", "file.downloaded");

        fixtures.signIn(otherPromoter);
        assertThat(names(library.forShow(otherShow))).containsExactly("Borealis.pdf");
        assertThat(library.forShow(show)).isEmpty();

        // "Who can see this?" lists the members and, for a shared file, the promoter team of each concerned show.
        fixtures.signIn(editor);
        assertThat(library.audience(sharedRider))
                .filteredOn(v -> v.kind().equals("collaborator"))
                .extracting(FileLibrary.Viewer::userId)
                .containsExactly(promoter);
        assertThat(library.audience(sharedPack))
                .filteredOn(v -> v.kind().equals("collaborator"))
                .extracting(FileLibrary.Viewer::reason)
                .containsExactly("Promoter team of Aurora live on " + dayIn(10));
        assertThat(library.audience(privateContract))
                .extracting(FileLibrary.Viewer::kind)
                .containsOnly("member")
                .hasSize(4);

        // Making the contract visible to the promoter team shows it to them; the change is logged.
        library.changeVisibility(privateContract, FileVisibility.promoter_team);
        assertThat(actions(privateContract)).containsExactly("file.uploaded", "file.visibility_changed");
        fixtures.signIn(promoter);
        assertThat(library.download(privateContract, null).bytes()).isEqualTo(PDF);
        fixtures.signIn(editor);
        library.changeVisibility(sharedRider, FileVisibility.members);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> library.download(sharedRider, null)).isInstanceOf(OrgAccess.NotFoundException.class);
    }

    @Test
    void deletingMovesToABinThatOwnersAndAdminsRestoreOrEmpty() throws IOException {
        fixtures.signIn(editor);
        UUID rider = upload(FileSubject.artist(artist), FileVisibility.promoter_team, "Rider.pdf", PDF);
        library.uploadVersion(rider, "Rider v2.pdf", new ByteArrayInputStream(PDF_2), PDF_2.length);
        UUID plot = upload(FileSubject.show(show), FileVisibility.promoter_team, "Plot.pdf", PDF);
        List<String> riderKeys =
                db.queryForList("select storage_path from file_versions where file_id = ?", String.class, rider);
        assertThat(riderKeys).hasSize(2).allMatch(store::exists);

        library.delete(rider);
        assertThat(names(library.library(org, null, 0, 50))).containsExactly("Plot.pdf");
        assertThat(names(library.bin(org))).containsExactly("Rider v2.pdf");
        assertThat(library.bin(org).getFirst().purgedOn()).isNotNull();
        assertThatThrownBy(() -> library.restore(rider)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> library.changeVisibility(rider, FileVisibility.members))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("in the bin");
        assertThatThrownBy(() -> library.emptyBin(org)).isInstanceOf(AccessDeniedException.class);
        fixtures.signIn(promoter);
        assertThatThrownBy(() -> library.download(rider, null)).isInstanceOf(OrgAccess.NotFoundException.class);
        assertThat(names(library.forShow(show))).containsExactly("Plot.pdf");

        fixtures.signIn(admin);
        library.restore(rider);
        assertThat(names(library.bin(org))).isEmpty();
        fixtures.signIn(promoter);
        assertThat(library.download(rider, null).bytes()).isEqualTo(PDF_2);

        fixtures.signIn(editor);
        library.delete(rider);
        library.delete(plot);
        fixtures.signIn(owner);
        assertThat(library.emptyBin(org)).isEqualTo(2);
        assertThat(names(library.bin(org))).isEmpty();
        assertThat(riderKeys).noneMatch(store::exists);
        assertThat(db.queryForObject("select count(*) from file_versions where file_id = ?", Long.class, rider))
                .isZero();
        assertThat(actions(rider)).contains("file.deleted", "file.restored", "file.purged");
        assertThat(storedObjects()).isZero();
    }

    @Test
    void theRetentionJobPurgesWhatHasBeenInTheBinForThirtyDaysBytesToo() {
        fixtures.signIn(editor);
        UUID old = upload(FileSubject.org(org), FileVisibility.members, "Old.pdf", PDF);
        UUID recent = upload(FileSubject.org(org), FileVisibility.members, "Recent.pdf", PDF_2);
        library.delete(old);
        library.delete(recent);
        String oldKey = db.queryForObject("select storage_path from files where id = ?", String.class, old);
        db.update("update files set deleted_at = now() - interval '31 days' where id = ?", old);
        db.update("update files set deleted_at = now() - interval '29 days' where id = ?", recent);
        Fixtures.signOut();

        assertThat(retention.run()).isGreaterThanOrEqualTo(1);
        assertThat(db.queryForObject("select count(*) from files where id = ?", Long.class, old))
                .isZero();
        assertThat(store.exists(oldKey)).isFalse();
        assertThat(db.queryForObject("select count(*) from files where id = ?", Long.class, recent))
                .isEqualTo(1);
        assertThat(actions(old)).endsWith("file.purged");

        // Whoever calls the purge, with whatever time, it never takes a file binned less than 30 days ago.
        fixtures.signIn(editor);
        assertThat(db.queryForObject("select count(*) from purge_binned_files(now() + interval '1 year')", Long.class))
                .isZero();
    }

    @Test
    void htmlNamedAsAPdfIsRefusedAndTheTypeAlwaysComesFromTheBytes() throws IOException {
        fixtures.signIn(editor);
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.members, "rider.pdf", html))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("text/html");
        // Text named .pdf is stored and served as the text it is.
        UUID notes = upload(
                FileSubject.org(org),
                FileVisibility.members,
                "notes.pdf",
                "Load-in 14:00".getBytes(StandardCharsets.UTF_8));
        FileLibrary.Download download = library.download(notes, null);
        assertThat(download.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(download.name()).isEqualTo("notes.pdf");
        // A PDF named .txt is a PDF.
        UUID pdf = upload(FileSubject.org(org), FileVisibility.members, "rider.txt", PDF);
        assertThat(library.download(pdf, null).contentType()).isEqualTo("application/pdf");
        // An SVG (which can carry script) is not on the list.
        assertThatThrownBy(() -> upload(
                        FileSubject.org(org),
                        FileVisibility.members,
                        "plot.png",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class);
        assertThat(storedObjects()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedInWordsAndLeavesNothingBehind() throws IOException {
        fixtures.signIn(editor);
        long rows = db.queryForObject("select count(*) from files where org_id = ?", Long.class, org);
        assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.members, "empty.pdf", new byte[0]))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("is empty");
        for (String name : List.of("../../etc/passwd.pdf", "C:\\Users\\me\\rider.pdf", "..")) {
            assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.members, name, PDF))
                    .as(name)
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("file name");
        }
        assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.members, "tool.exe", new byte[] {
                    'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0
                }))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Upload PDF");
        // Announced over the limit: refused before a byte is read.
        assertThatThrownBy(() -> library.upload(
                        org,
                        FileSubject.org(org),
                        FileVisibility.members,
                        "huge.pdf",
                        InputStream.nullInputStream(),
                        library.maxFileBytes() + 1))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("larger than 100 MB");
        // Cut off half-way: nothing kept.
        assertThatThrownBy(() -> library.upload(
                        org, FileSubject.org(org), FileVisibility.members, "cut.pdf", cutOffAfter(200_000), 1_000_000))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("interrupted");
        assertThat(db.queryForObject("select count(*) from files where org_id = ?", Long.class, org))
                .isEqualTo(rows);
        assertThat(storedObjects()).isZero();
    }

    @Test
    void thePlansQuotaStopsAnUploadMidStreamAndTheDatabaseHasTheLastWord() throws IOException {
        db.update("insert into org_feature_overrides (org_id, key, value) values (?, 'max_storage_mb', '1')", org);
        fixtures.signIn(editor);
        byte[] half = Arrays.copyOf(PDF, 600 * 1024);
        upload(FileSubject.org(org), FileVisibility.members, "half.pdf", half);
        assertThatThrownBy(() -> upload(FileSubject.org(org), FileVisibility.members, "again.pdf", half))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("does not fit");
        assertThat(storedObjects()).isEqualTo(1);
        assertThat(library.usage(org).usedBytes()).isEqualTo(600 * 1024);
        assertThat(library.usage(org).text()).isEqualTo("600 KB of 1 MB");

        // Straight to the database (as if two uploads raced past the service's check): the trigger refuses.
        assertThatThrownBy(() -> db.update(
                        "insert into files (org_id, storage_path, original_name, content_type, size_bytes) values (?, 'x', 'x', 'application/pdf', 600000)",
                        org))
                .hasMessageContaining("plan allows 1 MB");
    }

    static InputStream cutOffAfter(int bytes) {
        return new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent >= bytes) {
                    throw new IOException("Connection reset");
                }
                return sent++ < PDF.length ? PDF[sent - 1] : ' ';
            }
        };
    }
}
