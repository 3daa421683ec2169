package app.roadbook.files;

import app.roadbook.base.jobs.OnceOnly;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empties what has been in the bin for {@value FileLibrary#BIN_DAYS} days, daily: the registry rows in one call of
 * the definer function {@code purge_binned_files} (the job acts for no one; the function never purges sooner than
 * 30 days, whatever time it is told), then their bytes, once that has committed.
 */
@Component
public class FileRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(FileRetentionJob.class);

    private final StoredFileRepository files;
    private final FileStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OnceOnly onceOnly;

    FileRetentionJob(
            StoredFileRepository files,
            FileStore store,
            TransactionTemplate transactions,
            Clock clock,
            OnceOnly onceOnly) {
        this.files = files;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.onceOnly = onceOnly;
    }

    /** Daily, on one node of all (decision 0030). */
    @Scheduled(cron = "${roadbook.files.retention-cron:0 37 3 * * *}", zone = "UTC")
    void scheduled() {
        onceOnly.run("file-retention", Duration.ofHours(2), Duration.ofMinutes(5), this::run);
    }

    /** Purges and returns how many stored versions went. */
    public int run() {
        List<String> keys = transactions.execute(
                status -> files.purgeBinnedBefore(clock.instant().minus(Duration.ofDays(FileLibrary.BIN_DAYS))));
        keys.forEach(store::delete);
        if (!keys.isEmpty()) {
            log.info("File retention removed {} stored version(s) from the bin.", keys.size());
        }
        return keys.size();
    }
}
