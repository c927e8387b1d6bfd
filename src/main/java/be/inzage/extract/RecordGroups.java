package be.inzage.extract;

import java.util.Arrays;

/**
 * Which records of a line-record item (a log line, a CSV row, a JSON object) become link terms of
 * the values on them. Values are linked when they share a record term; a log repeats the same set
 * of values (a visitor's address, cookies and login) on thousands of lines, and one term per value
 * and line was a third of a log's index. Here the first record holding a given set of values is the
 * set's representative, and only it is given to the set's members. Two values then share a record
 * term exactly when they share a line: both belong to that line's set, whose representative both
 * were given. A set is known by the sum of its members' 64-bit hashes; two different sets with the
 * same sum (about one chance in 40 million for a million sets) would leave the second unlinked.
 *
 * <p>Records must arrive in ascending order; one that comes back (a detection that starts before a
 * chunk boundary) is given the representative of its set as recorded then, or itself.
 */
final class RecordGroups {

    /** The values of the current window, by number, which are given records. */
    interface Members {
        void addRecord(int member, int record);
    }

    /** Sets remembered at most; then the map starts again (later records become representatives again: still exact). */
    static final int MAX_SETS = 1 << 19;
    private static final int RECENT = 16;

    /** Open addressing: a set's key and its representative side by side (one cache line per probe, not two). */
    private long[] table = new long[2 * 1024];
    private int size;
    private boolean hasZeroKey;
    private int zeroRep;

    /** The open record's members. */
    private int[] members = new int[16];
    private int nMembers;
    /** Per member number: the record sequence number it last joined (no set holds a value twice); -1 never. */
    private int[] joined = new int[0];
    private final Members values;
    /** Where each closed record's representative is noted, or null. */
    private final LineReps lineReps;
    private int open;
    private int seq;
    private long setHash;
    /** The open record's members get the record itself: its set was cut by a spill, or it came back. */
    private boolean forced;
    /** The representative a record that came back had when it was first closed, else 0. */
    private int reopenedRep;
    private int lastClosed;
    private final int[] recentRecord = new int[RECENT];
    private final int[] recentRep = new int[RECENT];
    private int recentNext;

    /**
     * @param lineReps notes every closed record's representative (for {@link be.inzage.inventory.SetLines}), or null
     * @param values   given the records; a window's members are numbered from 0, and a new window may reuse the numbers
     */
    RecordGroups(LineReps lineReps, Members values) {
        this.lineReps = lineReps;
        this.values = values;
    }

    /** Member {@code m}, whose value hashes to {@code valueHash}, is on {@code record}. */
    void add(int m, long valueHash, int record) {
        if (record != open) {
            close();
            start(record);
        }
        if (m >= joined.length) {
            int old = joined.length;
            joined = Arrays.copyOf(joined, Math.max(m + 1, Math.max(64, old * 2)));
            Arrays.fill(joined, old, joined.length, -1);
        }
        if (joined[m] != seq) {
            joined[m] = seq;
            if (nMembers == members.length) {
                members = Arrays.copyOf(members, nMembers * 2);
            }
            members[nMembers++] = m;
            setHash += mix(valueHash);
        }
    }

    private void giveMembers(int record) {
        for (int i = 0; i < nMembers; i++) {
            values.addRecord(members[i], record);
        }
        nMembers = 0;
    }

    /**
     * The window is about to be spilled with the open record's members in it: they get the record
     * itself, and so will the members still to come on it, so the two halves stay linked.
     */
    void split() {
        if (nMembers == 0) {
            return;
        }
        forced = true;
        giveMembers(reopenedRep > 0 ? reopenedRep : open); // what close() will give the members still to come
        seq++; // the next window's values join afresh
    }

    /** Ends the open record: call before the last findings are written. */
    void close() {
        if (open == 0) {
            return;
        }
        int rep;
        if (reopenedRep > 0) {
            rep = reopenedRep;
        } else if (forced) {
            rep = open;
        } else {
            rep = putIfAbsent(setHash, open);
        }
        if (rep == open || reopenedRep > 0 || forced) {
            giveMembers(rep);
        }
        if (lineReps != null) {
            lineReps.set(open, rep);
        }
        recentRecord[recentNext] = open;
        recentRep[recentNext] = rep;
        recentNext = (recentNext + 1) % RECENT;
        lastClosed = Math.max(lastClosed, open);
        nMembers = 0;
        open = 0;
    }

    private void start(int record) {
        open = record;
        seq++;
        setHash = 0;
        forced = false;
        reopenedRep = 0;
        if (record <= lastClosed) {
            // back to a record already closed: its earlier members hold its representative; join them there
            forced = true;
            for (int i = 0; i < RECENT; i++) {
                if (recentRecord[i] == record) {
                    reopenedRep = recentRep[i];
                }
            }
        }
    }

    /** The representative of the set: the one recorded, or {@code record} when the set is new. */
    private int putIfAbsent(long key, int record) {
        if (key == 0) {
            if (!hasZeroKey) {
                hasZeroKey = true;
                zeroRep = record;
            }
            return zeroRep;
        }
        int mask = table.length / 2 - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (table[2 * i] != 0) {
            if (table[2 * i] == key) {
                return (int) table[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
        if (size >= MAX_SETS) {
            java.util.Arrays.fill(table, 0);
            size = 0;
            hasZeroKey = false;
            return putIfAbsent(key, record);
        }
        table[2 * i] = key;
        table[2 * i + 1] = record;
        if (++size * 2 > table.length / 2) {
            grow();
        }
        return record;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            long k = old[j];
            if (k != 0) {
                int i = (int) (k ^ (k >>> 32)) & mask;
                while (table[2 * i] != 0) {
                    i = (i + 1) & mask;
                }
                table[2 * i] = k;
                table[2 * i + 1] = old[j + 1];
            }
        }
    }

    /** A 64-bit hash of a value's key (type, value, field): FNV-1a; {@link #mix} spreads it before it is summed. */
    static long hash(String type, String value, String field) {
        // FNV-1a of "type NUL value NUL field" without building it (a NUL only multiplies)
        long h = fnv(0xcbf29ce484222325L, type);
        h = fnv(h * 0x100000001b3L, value);
        h = fnv(h * 0x100000001b3L, field);
        return h == 0 ? 1 : h; // 0 marks a value outside the sets
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Murmur3's 64-bit finalizer. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
