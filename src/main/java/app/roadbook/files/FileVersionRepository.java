package app.roadbook.files;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every version of every file; members see all of a file's versions, others its current one (RLS). */
interface FileVersionRepository extends JpaRepository<FileVersion, UUID> {

    List<FileVersion> findByFileIdOrderByNumberDesc(UUID fileId);

    Optional<FileVersion> findByFileIdAndNumber(UUID fileId, int number);

    @Query("select coalesce(max(v.number), 0) from FileVersion v where v.fileId = :fileId")
    int lastNumber(UUID fileId);

    @Query("select v.storagePath from FileVersion v where v.fileId in :fileIds")
    List<String> storagePaths(List<UUID> fileIds);

    /** The bytes an org keeps, every version and the bin included (what its quota counts). */
    @Query("select coalesce(sum(v.sizeBytes), 0) from FileVersion v where v.orgId = :orgId")
    long usedBytes(UUID orgId);

    /**
     * The org's storage quota in MB from its effective entitlements (null: unlimited). Native SQL on purpose: it
     * reads a key of the entitlements view's jsonb, which the billing package owns and this package does not map.
     */
    @Query(nativeQuery = true, value = """
            select (e.effective_entitlements ->> 'max_storage_mb')::bigint from org_entitlements e where e.org_id = :orgId""")
    List<Long> quotaMb(UUID orgId);
}
