package be.inzage.inventory;

/**
 * The items a running scan saw but did not rewrite (unchanged, or unreadable this time), as 64-bit
 * keys of their ids: 16 bytes per item instead of a doc-values update on the index per item, which
 * made Lucene rewrite the scan stamps of whole segments at the end of every rescan. Thread-safe.
 */
final class KeptItems {

    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /** Item ids are hex SHA-256 prefixes: their first 16 digits are a uniformly spread key. */
    static long key(String itemId) {
        return Long.parseUnsignedLong(itemId.substring(0, 16), 16);
    }

    synchronized void add(String itemId) {
        long k = key(itemId);
        if (k == 0) {
            hasZero = true;
            return;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, k)) {
            size++;
        }
    }

    synchronized boolean contains(String itemId) {
        long k = key(itemId);
        if (k == 0) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = spread(k) & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == k) {
                return true;
            }
        }
        return false;
    }

    private static boolean insert(long[] table, long k) {
        int mask = table.length - 1;
        int i = spread(k) & mask;
        for (; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == k) {
                return false;
            }
        }
        table[i] = k;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long k : slots) {
            if (k != 0) {
                insert(bigger, k);
            }
        }
        slots = bigger;
    }

    private static int spread(long k) {
        return (int) (k ^ (k >>> 32));
    }

    synchronized int size() {
        return size + (hasZero ? 1 : 0);
    }
}
