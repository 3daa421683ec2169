package app.roadbook.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roadbook.base.Refusal;
import app.roadbook.support.Fixtures;
import app.roadbook.support.RoadbookTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (no clock in the suite; run with {@code ./roadbook bench}): a 90 MB upload streams through
 * the library into the store and back out as a download with the heap staying flat, and a 300 MB upload is refused
 * without being buffered, whether the browser announces its size or not. It prints the figures for
 * docs/performance.md; its assertions are about memory and bytes read, never time.
 */
@RoadbookTest
class FilesBenchmark {

    static final long MB = 1024 * 1024;

    @Autowired
    FileLibrary library;

    @Autowired
    Fixtures fixtures;

    final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** A generated PDF of {@code size} bytes that samples the heap every megabyte it hands out. */
    final class Generated extends InputStream {
        final long size;
        long sent;
        long peak;
        final byte[] head = "%PDF-1.4\n% generated\n".getBytes(StandardCharsets.US_ASCII);

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - sent);
            for (int i = 0; i < n; i++) {
                long at = sent + i;
                b[off + i] = at < head.length ? head[(int) at] : (byte) ' ';
            }
            if ((sent / MB) != ((sent + n) / MB)) {
                peak = Math.max(peak, used());
            }
            sent += n;
            return n;
        }
    }

    long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    long settledBaseline() {
        System.gc();
        return used();
    }

    @Test
    void ninetyMegabytesStreamInAndOutAndThreeHundredAreRefusedUnbuffered() throws IOException {
        UUID editor = fixtures.user("Bench");
        UUID org = fixtures.organization("Big Files", editor);
        fixtures.signIn(editor);

        long baseline = settledBaseline();
        Generated ninety = new Generated(90 * MB);
        long started = System.nanoTime();
        UUID file = library.upload(
                org, FileSubject.org(org), FileVisibility.members, "Stage video notes.pdf", ninety, 90 * MB);
        long uploadMs = (System.nanoTime() - started) / 1_000_000;
        long uploadGrowth = Math.max(0, ninety.peak - baseline);
        assertThat(library.details(file).line().sizeBytes()).isEqualTo(90 * MB);

        baseline = settledBaseline();
        long[] downloadPeak = {0};
        long[] downloaded = {0};
        started = System.nanoTime();
        try (InputStream in = library.download(file, null).open()) {
            in.transferTo(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if ((downloaded[0] / MB) != ((downloaded[0] + len) / MB)) {
                        downloadPeak[0] = Math.max(downloadPeak[0], used());
                    }
                    downloaded[0] += len;
                }
            });
        }
        long downloadMs = (System.nanoTime() - started) / 1_000_000;
        long downloadGrowth = Math.max(0, downloadPeak[0] - baseline);
        assertThat(downloaded[0]).isEqualTo(90 * MB);

        // 300 MB announced: refused before a byte is read.
        Generated announced = new Generated(300 * MB);
        assertThatThrownBy(() -> library.upload(
                        org, FileSubject.org(org), FileVisibility.members, "Too big.pdf", announced, 300 * MB))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("larger than 100 MB");
        // 300 MB not announced: the copy stops just past the limit, and nothing is kept.
        baseline = settledBaseline();
        Generated unannounced = new Generated(300 * MB);
        assertThatThrownBy(() -> library.upload(
                        org, FileSubject.org(org), FileVisibility.members, "Too big.pdf", unannounced, -1))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("larger than 100 MB");
        long refusalGrowth = Math.max(0, unannounced.peak - baseline);
        assertThat(library.count(org, null)).isEqualTo(1);

        System.out.printf(
                "files: 90 MB upload %d ms, heap growth at most %d MB; 90 MB download %d ms, heap growth at most %d MB%n",
                uploadMs, uploadGrowth / MB, downloadMs, downloadGrowth / MB);
        System.out.printf(
                "files: 300 MB announced: %d bytes read; 300 MB unannounced: %d MB read before refusal, heap growth at most %d MB%n",
                announced.sent, unannounced.sent / MB, refusalGrowth / MB);

        // Flat: the heap never grows by anything near the file's size (the copy buffer is 64 KB).
        assertThat(uploadGrowth).isLessThan(32 * MB);
        assertThat(downloadGrowth).isLessThan(32 * MB);
        assertThat(refusalGrowth).isLessThan(32 * MB);
        assertThat(announced.sent).isZero();
        assertThat(unannounced.sent).isLessThanOrEqualTo(library.maxFileBytes() + 2 * ContentDetector.HEAD_BYTES);
    }
}
