package be.inzage.scan;

import org.apache.lucene.util.BytesRef;

import java.util.Arrays;

/**
 * The rows a table holds now, as the first 8 bytes of each row's record term (64 bits of a
 * SHA-256): 8 bytes a row, so four million rows take 32 MB. A table too big for one pass is split
 * into passes by those bits; this set holds one pass. Two rows sharing 64 bits would hide one
 * deletion (about one chance in 10^7 for a table of ten million rows).
 */
final class RowKeys {

    private long[] keys;
    private int size;
    private final int passes;
    private final int pass;

    RowKeys(long expected, int passes, int pass) {
        this.keys = new long[(int) Math.max(16, Math.min(expected, Integer.MAX_VALUE - 8))];
        this.passes = passes;
        this.pass = pass;
    }

    private static long prefix(BytesRef term) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (term.bytes[term.offset + i] & 0xFF);
        }
        return v;
    }

    /** Whether the row belongs to this pass. */
    boolean inPass(BytesRef term) {
        return Math.floorMod(prefix(term), passes) == pass;
    }

    /** Adds a row of this pass, given as the first 8 bytes of its record term; rows of other passes are ignored. */
    void add(long p) {
        if (Math.floorMod(p, passes) != pass) {
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, keys.length + (keys.length >> 1));
        }
        keys[size++] = p;
    }

    /** Sorts the keys: call once, after the last add and before the first lookup. */
    void seal() {
        Arrays.sort(keys, 0, size);
    }

    boolean contains(BytesRef term) {
        return Arrays.binarySearch(keys, 0, size, prefix(term)) >= 0;
    }
}
