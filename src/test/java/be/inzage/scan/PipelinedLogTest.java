package be.inzage.scan;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The appended-log tests again with every log aggregated on a collecting thread (as logs of 16 MB
 * and more are): full reads, reads from where the last scan stopped, and rewritten logs leave the
 * same inventory.
 */
class PipelinedLogTest extends AppendedLogTest {

    private long threshold;

    @BeforeEach
    void everyLogPipelined() {
        threshold = FileShareCrawler.pipelinedBytes;
        FileShareCrawler.pipelinedBytes = 0;
    }

    @AfterEach
    void restore() {
        FileShareCrawler.pipelinedBytes = threshold;
    }
}
