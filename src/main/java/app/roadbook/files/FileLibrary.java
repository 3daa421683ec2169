package app.roadbook.files;

import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organization's file library (decision 0022): files of the org, its artists, venues and shows, and the
 * documents of advances, with versions, a visibility per file, "who can see this?", and a bin that owners and admins
 * empty or restore within 30 days. Uploads stream: the permission is checked in one short transaction, the bytes are
 * stored without one (a 90 MB upload holds no database connection), and the registry rows are written in a second
 * transaction that removes the bytes again if it fails.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class FileLibrary {

    /** How long a file stays in the bin before the retention job removes it, bytes and all. */
    public static final int BIN_DAYS = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final StoredFileRepository files;
    private final FileVersionRepository versions;
    private final Intake intake;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FileLibrary(
            StoredFileRepository files,
            FileVersionRepository versions,
            Intake intake,
            OrgAccess access,
            ActivityLog activity,
            TransactionTemplate transactions,
            Clock clock) {
        this.files = files;
        this.versions = versions;
        this.intake = intake;
        this.access = access;
        this.activity = activity;
        this.transactions = transactions;
        this.clock = clock;
    }

    // What the pages show ------------------------------------------------------------------------------------

    /** One line of a file list. */
    public record FileLine(
            UUID id,
            String name,
            String contentType,
            long sizeBytes,
            FileSubject.Kind subjectKind,
            String subjectName,
            FileVisibility visibility,
            int version,
            OffsetDateTime changedAt,
            OffsetDateTime deletedAt) {

        /** "PDF · 2.4 MB". */
        public String typeAndSize() {
            return DocumentTypes.label(contentType) + " · " + size(sizeBytes);
        }

        /** "Artist: Aurora Lane", "Organization". */
        public String about() {
            return subjectKind == FileSubject.Kind.ORG || subjectName == null
                    ? subjectKind.label()
                    : subjectKind.label() + ": " + subjectName;
        }

        /** The day the bin empties this file by itself. */
        public LocalDate purgedOn() {
            return deletedAt == null ? null : deletedAt.plusDays(BIN_DAYS).toLocalDate();
        }
    }

    /** One version of a file, newest first in {@link FileDetails#versions()}. */
    public record VersionLine(
            int number, String name, String contentType, long sizeBytes, OffsetDateTime at, boolean current) {
        public String typeAndSize() {
            return DocumentTypes.label(contentType) + " · " + size(sizeBytes);
        }
    }

    /** A file with its versions and what the reader may do with it. */
    public record FileDetails(
            UUID orgId,
            FileLine line,
            List<VersionLine> versions,
            boolean member,
            boolean canEdit,
            boolean canManageBin,
            boolean inAdvance) {

        /** New versions, visibility and the bin apply to library files; an advance's documents follow advancing. */
        public boolean editable() {
            return canEdit && !inAdvance && line.deletedAt() == null;
        }
    }

    /** One line of "Who can see this file?". */
    public record Viewer(
            UUID userId,
            String name,
            String email,
            String kind,
            String role,
            boolean canSee,
            String invitedBy,
            String showTitle,
            LocalDate showDate) {
        public String who() {
            return name == null ? email : name + " (" + email + ")";
        }

        public String reason() {
            String show = showTitle == null && showDate == null
                    ? ""
                    : " of " + (showTitle == null ? "the show" : showTitle)
                            + (showDate == null ? "" : " on " + DAY.format(showDate));
            return switch (kind) {
                case "member" ->
                    role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1) + " of the organization";
                case "collaborator" ->
                    ("promoter_editor".equals(role) ? "Promoter team (can edit the promoter side)" : "Promoter team")
                            + show
                            + (invitedBy == null ? "" : ", invited by " + invitedBy);
                default -> "Invited to the promoter team" + show + "; sees the file once they accept";
            };
        }
    }

    /** A file's bytes to send: streamed from the store when the response is written. */
    public record Download(String name, String contentType, long size, Opener opener) {
        public InputStream open() throws IOException {
            return opener.open();
        }

        /** All bytes at once: for tests and small files only; pages stream with {@link #open()}. */
        public byte[] bytes() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The org's stored bytes against its plan's quota (null: unlimited). */
    public record StorageUsage(long usedBytes, Long limitBytes) {
        public String text() {
            return size(usedBytes) + (limitBytes == null ? " (no limit on this plan)" : " of " + size(limitBytes));
        }

        public double fraction() {
            return limitBytes == null || limitBytes == 0 ? 0 : Math.min(1.0, (double) usedBytes / limitBytes);
        }
    }

    /** The largest file accepted, in words ("100 MB"). */
    public String maxFileSize() {
        return intake.maxFileSize();
    }

    public long maxFileBytes() {
        return intake.maxFileBytes();
    }

    /** A page of the org's library (files in the bin aside), newest change first; {@code kind} null for all. */
    @Transactional(readOnly = true)
    public List<FileLine> library(UUID orgId, FileSubject.Kind kind, int offset, int limit) {
        access.requireMember(orgId);
        return files.findLibrary(orgId, kind == null ? null : kind.name(), limit, offset).stream()
                .map(FileLibrary::line)
                .toList();
    }

    @Transactional(readOnly = true)
    public long count(UUID orgId, FileSubject.Kind kind) {
        access.requireMember(orgId);
        return files.countLibrary(orgId, kind == null ? null : kind.name());
    }

    /**
     * The files of a show's page: its own, its advances', its artist's and its venue's, as far as the reader may see
     * them (the promoter team sees the ones shared with them).
     */
    @Transactional(readOnly = true)
    public List<FileLine> forShow(UUID showId) {
        return files.findForShow(showId).stream().map(FileLibrary::line).toList();
    }

    /** The bin of an org, for its members (owners and admins restore and empty it). */
    @Transactional(readOnly = true)
    public List<FileLine> bin(UUID orgId) {
        access.requireMember(orgId);
        return files.findBin(orgId).stream().map(FileLibrary::line).toList();
    }

    /** A file, if the reader may see it; otherwise it looks missing. */
    @Transactional(readOnly = true)
    public FileDetails details(UUID fileId) {
        StoredFile file = find(fileId);
        FileLine line = files.findLine(fileId).stream()
                .findFirst()
                .map(FileLibrary::line)
                .orElseThrow(FileLibrary::missing);
        boolean member = access.role(file.getOrgId()).isPresent();
        List<VersionLine> all = versions.findByFileIdOrderByNumberDesc(fileId).stream()
                .map(v -> new VersionLine(
                        v.getNumber(),
                        v.getOriginalName(),
                        v.getContentType(),
                        v.getSizeBytes(),
                        v.getCreatedAt(),
                        v.getNumber() == file.getCurrentVersion()))
                .toList();
        return new FileDetails(
                file.getOrgId(),
                line,
                all,
                member,
                member && access.can(file.getOrgId(), OrgPermission.EDIT_DATA),
                member && access.can(file.getOrgId(), OrgPermission.MANAGE_BIN),
                file.inAdvance());
    }

    /** Who can see the file and why, as the database computes it. Members of the file's org only. */
    @Transactional(readOnly = true)
    public List<Viewer> audience(UUID fileId) {
        StoredFile file = find(fileId);
        access.requireMember(file.getOrgId());
        return files.audience(fileId).stream()
                .map(a -> new Viewer(
                        a.getUserId(),
                        a.getName(),
                        a.getEmail(),
                        a.getKind(),
                        a.getRole(),
                        a.getCanSee(),
                        a.getInvitedBy(),
                        a.getShowTitle(),
                        a.getShowDate()))
                .toList();
    }

    /** Something a file can be about, with its name for a picker. */
    public record SubjectOption(FileSubject subject, String label) {
        public String text() {
            return subject.kind() == FileSubject.Kind.ORG
                    ? label
                    : subject.kind().label() + ": " + label;
        }
    }

    /** What an editor can attach a new file to: the org, its artists, venues and current shows. */
    @Transactional(readOnly = true)
    public List<SubjectOption> subjects(UUID orgId) {
        access.requireMember(orgId);
        List<SubjectOption> options = new java.util.ArrayList<>();
        options.add(new SubjectOption(FileSubject.org(orgId), "The whole organization"));
        files.findSubjectOptions(orgId)
                .forEach(o -> options.add(new SubjectOption(
                        new FileSubject(FileSubject.Kind.valueOf(o.getKind()), o.getId()), o.getLabel())));
        return options;
    }

    /** Whether the reader may add and change the org's files. */
    @Transactional(readOnly = true)
    public boolean canEdit(UUID orgId) {
        return access.can(orgId, OrgPermission.EDIT_DATA);
    }

    /** Whether the reader may restore and empty the org's bin. */
    @Transactional(readOnly = true)
    public boolean canManageBin(UUID orgId) {
        return access.can(orgId, OrgPermission.MANAGE_BIN);
    }

    /** The org's stored bytes and quota, for the billing page. */
    @Transactional(readOnly = true)
    public StorageUsage usage(UUID orgId) {
        access.requireMember(orgId);
        Long quotaMb = versions.quotaMb(orgId).stream().findFirst().orElse(null);
        return new StorageUsage(versions.usedBytes(orgId), quotaMb == null ? null : quotaMb * 1024 * 1024);
    }

    // Uploads ------------------------------------------------------------------------------------------------

    /**
     * Adds a file to the library, about {@code subject} (the org, one of its artists, venues or shows). Editors
     * only; {@code declaredSize} is what the browser announced (-1 if unknown). The bytes decide the type.
     */
    public UUID upload(
            UUID orgId,
            FileSubject subject,
            FileVisibility visibility,
            String fileName,
            InputStream in,
            long declaredSize) {
        long room = inTransaction(() -> {
            access.require(orgId, OrgPermission.EDIT_DATA);
            requireSubjectOf(orgId, subject);
            requireVisibilityFits(subject, visibility);
            return room(orgId);
        });
        Intake.Stored stored = intake.take(orgId, fileName, in, declaredSize, room);
        return register(stored, () -> {
            StoredFile file = files.saveAndFlush(StoredFile.inLibrary(
                    UUID.randomUUID(),
                    orgId,
                    subject,
                    visibility,
                    stored.key(),
                    stored.name(),
                    stored.contentType(),
                    (int) stored.size()));
            activity.record(
                    orgId,
                    "general",
                    "file.uploaded",
                    "file",
                    file.getId(),
                    Map.of(
                            "name",
                            stored.name(),
                            "type",
                            stored.contentType(),
                            "size",
                            stored.size(),
                            "about",
                            subject.kind().label(),
                            "visibility",
                            visibility.label()));
            return file.getId();
        });
    }

    /** Uploads a new version of a library file; the old versions stay, listed and restorable. */
    public int uploadVersion(UUID fileId, String fileName, InputStream in, long declaredSize) {
        UUID[] org = new UUID[1];
        long room = inTransaction(() -> {
            StoredFile file = requireEditable(fileId);
            org[0] = file.getOrgId();
            return room(file.getOrgId());
        });
        Intake.Stored stored = intake.take(org[0], fileName, in, declaredSize, room);
        return register(stored, () -> {
            StoredFile file = requireEditable(fileId);
            int number = versions.lastNumber(fileId) + 1;
            FileVersion version = versions.saveAndFlush(FileVersion.next(file, number, stored));
            file.makeCurrent(version, now());
            files.saveAndFlush(file);
            activity.record(
                    file.getOrgId(),
                    "general",
                    "file.version_uploaded",
                    "file",
                    fileId,
                    Map.of("name", stored.name(), "version", number, "size", stored.size()));
            return number;
        });
    }

    /** Makes an older version current again (nothing is deleted: the newer versions stay listed). */
    @Transactional
    public void restoreVersion(UUID fileId, int number) {
        StoredFile file = requireEditable(fileId);
        FileVersion version = versions.findByFileIdAndNumber(fileId, number).orElseThrow(FileLibrary::missing);
        if (file.getCurrentVersion() == number) {
            return;
        }
        file.makeCurrent(version, now());
        save(file);
        activity.record(
                file.getOrgId(),
                "general",
                "file.version_restored",
                "file",
                fileId,
                Map.of("name", version.getOriginalName(), "version", number));
    }

    /** Who besides the members sees the file: nobody, or the promoter team of the show(s) it concerns. */
    @Transactional
    public void changeVisibility(UUID fileId, FileVisibility visibility) {
        StoredFile file = requireEditable(fileId);
        if (file.getVisibility() == visibility) {
            return;
        }
        requireVisibilityFits(file.subject(), visibility);
        FileVisibility before = file.getVisibility();
        file.changeVisibility(visibility, now());
        save(file);
        activity.record(
                file.getOrgId(),
                "general",
                "file.visibility_changed",
                "file",
                fileId,
                Map.of("name", file.getOriginalName(), "from", before.label(), "to", visibility.label()));
    }

    // The bin ------------------------------------------------------------------------------------------------

    /** Moves a library file to the bin: gone from every list and from the promoter team, restorable for 30 days. */
    @Transactional
    public void delete(UUID fileId) {
        StoredFile file = requireEditable(fileId);
        file.moveToBin(now());
        save(file);
        activity.record(
                file.getOrgId(), "general", "file.deleted", "file", fileId, Map.of("name", file.getOriginalName()));
    }

    /** Brings a file back from the bin, as it was. Owners and admins. */
    @Transactional
    public void restore(UUID fileId) {
        StoredFile file = find(fileId);
        access.require(file.getOrgId(), OrgPermission.MANAGE_BIN);
        if (!file.inBin()) {
            return;
        }
        file.restoreFromBin(now());
        save(file);
        activity.record(
                file.getOrgId(), "general", "file.restored", "file", fileId, Map.of("name", file.getOriginalName()));
    }

    /** Removes one file in the bin for good, its bytes once this commits. Owners and admins. */
    @Transactional
    public void deleteForever(UUID fileId) {
        StoredFile file = find(fileId);
        access.require(file.getOrgId(), OrgPermission.MANAGE_BIN);
        if (!file.inBin()) {
            throw new Refusal("Move the file to the bin first.");
        }
        purge(file.getOrgId(), List.of(file));
    }

    /** Empties the org's bin for good, bytes and all. Owners and admins. Returns how many files went. */
    @Transactional
    public int emptyBin(UUID orgId) {
        access.require(orgId, OrgPermission.MANAGE_BIN);
        List<StoredFile> binned = files.findByOrgIdAndDeletedAtIsNotNull(orgId);
        purge(orgId, binned);
        return binned.size();
    }

    private void purge(UUID orgId, List<StoredFile> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        List<String> keys =
                versions.storagePaths(doomed.stream().map(StoredFile::getId).toList());
        files.deleteAll(doomed);
        files.flush();
        intake.deleteAfterCommit(keys);
        for (StoredFile file : doomed) {
            activity.record(
                    orgId, "general", "file.purged", "file", file.getId(), Map.of("name", file.getOriginalName()));
        }
    }

    // Downloads ----------------------------------------------------------------------------------------------

    /**
     * A file's current version (or, for members, any version) to download, if the reader may see it. A download by
     * someone outside the org (the promoter team) is in the activity log.
     */
    @Transactional
    public Download download(UUID fileId, Integer number) {
        StoredFile file = find(fileId);
        FileVersion version = versions.findByFileIdAndNumber(fileId, number == null ? file.getCurrentVersion() : number)
                .orElseThrow(FileLibrary::missing);
        if (access.role(file.getOrgId()).isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", version.getOriginalName());
            details.put("version", version.getNumber());
            activity.record(file.getOrgId(), "general", "file.downloaded", "file", fileId, details);
        }
        String key = version.getStoragePath();
        return new Download(
                version.getOriginalName(),
                DocumentTypes.served(version.getContentType()),
                version.getSizeBytes(),
                () -> intake.open(key));
    }

    // Advancing's document boxes -------------------------------------------------------------------------------

    /**
     * Checks and stores an upload for an advance's document box, which advancing registers in its own transaction
     * (the bytes go again if that rolls back). The caller has checked who may add to the box.
     */
    public Intake.Stored take(UUID orgId, String fileName, InputStream in, long declaredSize) {
        long room = inTransaction(() -> room(orgId));
        return intake.take(orgId, fileName, in, declaredSize, room);
    }

    /** Removes stored bytes of a file advancing has just deleted, once that commits. */
    public void deleteBytesAfterCommit(UUID fileId) {
        intake.deleteAfterCommit(versions.storagePaths(List.of(fileId)));
    }

    // Helpers ------------------------------------------------------------------------------------------------

    private long room(UUID orgId) {
        Long quotaMb = versions.quotaMb(orgId).stream().findFirst().orElse(null);
        return quotaMb == null ? Long.MAX_VALUE : Math.max(0, quotaMb * 1024 * 1024 - versions.usedBytes(orgId));
    }

    private StoredFile find(UUID fileId) {
        return files.findById(fileId).orElseThrow(FileLibrary::missing);
    }

    /** A library file the reader may change: an editor of its org, not in the bin, not an advance's document. */
    private StoredFile requireEditable(UUID fileId) {
        StoredFile file = find(fileId);
        access.require(file.getOrgId(), OrgPermission.EDIT_DATA);
        if (file.inAdvance()) {
            throw new Refusal("This is a document of an advance: change it on the advance's page.");
        }
        if (file.inBin()) {
            throw new Refusal("This file is in the bin: an owner or admin can restore it first.");
        }
        return file;
    }

    private void requireSubjectOf(UUID orgId, FileSubject subject) {
        boolean ok = switch (subject.kind()) {
            case ORG -> orgId.equals(subject.id());
            case ARTIST -> access.belongsTo("artists", orgId, subject.id());
            case VENUE -> access.belongsTo("venues", orgId, subject.id());
            case SHOW -> access.belongsTo("shows", orgId, subject.id());
            case ADVANCE -> throw new Refusal("Add an advance's documents on the advance's page.");
        };
        if (!ok) {
            throw missing();
        }
    }

    private static void requireVisibilityFits(FileSubject subject, FileVisibility visibility) {
        if (visibility == FileVisibility.promoter_team && subject.kind() == FileSubject.Kind.ORG) {
            throw new Refusal("An organization-wide file concerns no show, so it stays with the members. "
                    + "Attach it to an artist, venue or show to share it with a promoter team.");
        }
    }

    private void save(StoredFile file) {
        try {
            files.saveAndFlush(file);
        } catch (OptimisticLockingFailureException raced) {
            throw new app.roadbook.base.ConcurrentChangeException();
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /**
     * Writes the registry rows for bytes just stored, in one transaction; if it fails, the bytes go too (no bytes
     * without a row), and the quota trigger's refusal is said in words. Advancing registers its documents through it.
     */
    public <T> T register(Intake.Stored stored, java.util.function.Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (RuntimeException failed) {
            intake.discard(stored.key());
            if (failed instanceof DataIntegrityViolationException e) {
                String message = e.getMostSpecificCause().getMessage();
                if (message != null && message.contains("plan allows")) {
                    throw new Refusal(stored.name() + " does not fit: "
                            + message.replaceFirst("(?s)^ERROR: ", "")
                                    .lines()
                                    .findFirst()
                                    .orElse("")
                            + " Empty the bin or ask an owner about a larger plan under Billing. Nothing was kept.");
                }
            }
            throw failed;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static OrgAccess.NotFoundException missing() {
        return new OrgAccess.NotFoundException("No such file.");
    }

    private static FileLine line(StoredFileRepository.Line l) {
        return new FileLine(
                l.getId(),
                l.getName(),
                l.getContentType(),
                l.getSizeBytes() == null ? 0 : l.getSizeBytes(),
                FileSubject.Kind.valueOf(l.getSubjectKind()),
                l.getSubjectName(),
                FileVisibility.valueOf(l.getVisibility()),
                l.getCurrentVersion(),
                l.getChangedAt() == null ? null : l.getChangedAt().atOffset(ZoneOffset.UTC),
                l.getDeletedAt() == null ? null : l.getDeletedAt().atOffset(ZoneOffset.UTC));
    }

    /** A size in words: "812 KB", "2.4 MB". */
    public static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        return Intake.megabytes(bytes);
    }
}
