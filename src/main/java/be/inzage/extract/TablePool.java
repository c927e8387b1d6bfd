package be.inzage.extract;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory every {@link ValueTable} of the JVM may hold together: two fifths of the heap (property
 * {@code inzage.valueTablePool}, in bytes). Tables borrow it in steps of {@link #STEP} as they grow
 * and repay it when written or dropped, so several big logs or CSV files read at once share it
 * instead of each taking its own (a 1.1 GB log's million values take 190 MB).
 */
final class TablePool {

    /** Borrowed at a time. */
    static final long STEP = 1 << 20;

    private static volatile long size = Long.getLong("inzage.valueTablePool", Runtime.getRuntime().maxMemory() * 2 / 5);
    private static final AtomicLong FREE = new AtomicLong(size);

    private TablePool() {
    }

    /** One step, if the pool has it to lend. */
    static boolean borrow() {
        long f;
        do {
            f = FREE.get();
            if (f < STEP) {
                return false;
            }
        } while (!FREE.compareAndSet(f, f - STEP));
        return true;
    }

    static void repay(long bytes) {
        FREE.addAndGet(bytes);
    }

    static long size() {
        return size;
    }

    /** What the pool has left (tests). */
    static long free() {
        return FREE.get();
    }

    /** Sets the pool's size (tests: small tables, so that a modest log spills); returns the old size. */
    static synchronized long size(long bytes) {
        long old = size;
        FREE.addAndGet(bytes - old);
        size = bytes;
        return old;
    }
}
