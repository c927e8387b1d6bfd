package be.inzage.extract;

import be.inzage.inventory.SetLines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which set each record of an item belongs to ({@link RecordGroups}: a record's representative), so
 * that a value whose lines are exactly the union of its records' sets can be stored with its records
 * only ({@link SetLines}). Whether that holds is checked by numbers alone, per value: the sizes of its
 * records' sets add up to the value's line count, and every line of those sets is one of the value's
 * lines. Sets are disjoint, so the union is then exactly the value's lines, whatever
 * happened to the sets on the way (a set cut by a spill, a record that came back after a chunk
 * boundary, two sets with the same hash, a record list cut at its maximum): those values fail the
 * check and keep their lines in full.
 *
 * <p>Records are kept in pages of 64K allocated as they are reached, up to {@link #MAX_RECORDS}
 * (32 MB); the values of later records keep their lines in full.
 */
final class LineReps {

    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;
    static final int MAX_RECORDS = 1 << 23;

    private int[][] reps = new int[0][];
    /** After {@link #seal}: per representative, how many records its set has. */
    private int[][] sizes;
    /** After {@link #blocks}: the stored sets by block number (null where a block holds none). */
    private SetLines.Block[] byNumber;
    private List<SetLines.Block> built;
    /** After {@link #blocks}: the representatives whose set is only their own record (not stored). */
    private java.util.BitSet single;
    private boolean sealed;

    /** {@code record}'s set has representative {@code rep} (a later call for the same record overrides). */
    void set(int record, int rep) {
        if (record <= 0 || record >= MAX_RECORDS || rep <= 0 || sealed) {
            return;
        }
        int p = record >>> PAGE_BITS;
        if (p >= reps.length) {
            reps = Arrays.copyOf(reps, Math.max(p + 1, reps.length * 2));
        }
        if (reps[p] == null) {
            reps[p] = new int[PAGE];
        }
        reps[p][record & (PAGE - 1)] = rep;
    }

    /** The representative of {@code record}'s set, or 0 when it has none (or no longer known: after {@link #blocks}). */
    int rep(int record) {
        return reps == null ? 0 : get(reps, record);
    }

    private static int get(int[][] pages, int i) {
        if (i <= 0 || i >= MAX_RECORDS) {
            return 0;
        }
        int p = i >>> PAGE_BITS;
        return p < pages.length && pages[p] != null ? pages[p][i & (PAGE - 1)] : 0;
    }

    /** Every record is in: counts the sets' sizes. Later {@link #set}s are ignored. */
    void seal() {
        sealed = true;
        sizes = new int[reps.length][];
        for (int p = 0; p < reps.length; p++) {
            if (reps[p] == null) {
                continue;
            }
            for (int o = 0; o < PAGE; o++) {
                int r = reps[p][o];
                if (r > 0 && r < MAX_RECORDS) {
                    int rp = r >>> PAGE_BITS;
                    if (rp >= sizes.length) {
                        sizes = Arrays.copyOf(sizes, rp + 1);
                    }
                    if (sizes[rp] == null) {
                        sizes[rp] = new int[PAGE];
                    }
                    sizes[rp][r & (PAGE - 1)]++;
                }
            }
        }
    }

    int size(int rep) {
        if (byNumber == null) {
            return sizes == null ? 0 : get(sizes, rep);
        }
        SetLines.Block b = blockOf(rep);
        int i = b == null ? -1 : Arrays.binarySearch(b.reps(), rep);
        return i >= 0 ? b.start()[i + 1] - b.start()[i] : rep > 0 && single.get(rep) ? 1 : 0;
    }

    private SetLines.Block blockOf(int rep) {
        int number = SetLines.blockOf(rep);
        return number < byNumber.length ? byNumber[number] : null;
    }

    /**
     * Whether the lines given as ranges (start and end pairs, ascending) are exactly the union of the
     * sets of {@code records} (ascending, distinct): the sets' sizes add up to the line count, and every
     * line of every set is among the lines. Walks the sets' stored lines (one read per set) rather than
     * looking every line up (a read per line, scattered over a map of the whole item).
     */
    boolean covers(int[] ranges, int nRanges, int[] records, int nRecords) {
        if (!sealed || records == null || nRecords == 0 || nRanges == 0) {
            return false;
        }
        if (byNumber == null) {
            blocks();
        }
        long lines = 0;
        for (int i = 0; i < nRanges; i++) {
            lines += (long) ranges[2 * i + 1] - ranges[2 * i] + 1;
        }
        long total = 0;
        for (int i = 0; i < nRecords; i++) {
            int s = size(records[i]);
            if (s == 0) {
                return false;
            }
            total += s;
        }
        if (total != lines) {
            return false;
        }
        for (int k = 0; k < nRecords; k++) {
            int r = records[k];
            SetLines.Block b = blockOf(r);
            int i = b == null ? -1 : Arrays.binarySearch(b.reps(), r);
            if (i < 0) {
                // not stored: a set that is only its representative's own record
                if (!within(ranges, nRanges, r)) {
                    return false;
                }
                continue;
            }
            for (int j = b.start()[i]; j < b.start()[i + 1]; j++) {
                if (!within(ranges, nRanges, b.lines()[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code line} is in one of the ranges. */
    private static boolean within(int[] ranges, int nRanges, int line) {
        int lo = 0;
        int hi = nRanges - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ranges[2 * mid + 1] < line) {
                lo = mid + 1;
            } else if (ranges[2 * mid] > line) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /**
     * The sets as blocks to store, each set's lines ascending. A set that is only its representative's
     * own record is left out: a reader takes a record it finds no set for as its own line.
     */
    List<SetLines.Block> blocks() {
        if (!sealed) {
            throw new IllegalStateException("not sealed");
        }
        if (built != null) {
            return built;
        }
        single = new java.util.BitSet();
        // the stored sets' positions: where each representative's lines start, in representative order
        int[][] at = new int[sizes.length][];
        List<int[]> blockBounds = new ArrayList<>(); // per block: number, first set index, first line index
        int[] repList = new int[1024];
        int nReps = 0;
        int lines = 0;
        int lastBlock = -1;
        for (int p = 0; p < sizes.length; p++) {
            if (sizes[p] == null) {
                continue;
            }
            for (int o = 0; o < PAGE; o++) {
                int s = sizes[p][o];
                int r = p << PAGE_BITS | o;
                if (s == 0) {
                    continue;
                }
                if (s == 1 && rep(r) == r) {
                    single.set(r);
                    continue;
                }
                if (at[p] == null) {
                    at[p] = new int[PAGE];
                    Arrays.fill(at[p], -1);
                }
                int block = SetLines.blockOf(r);
                if (block != lastBlock) {
                    blockBounds.add(new int[]{block, nReps, lines});
                    lastBlock = block;
                }
                at[p][o] = lines;
                if (nReps == repList.length) {
                    repList = Arrays.copyOf(repList, nReps * 2);
                }
                repList[nReps++] = r;
                lines += s;
            }
        }
        int[] all = new int[lines];
        for (int p = 0; p < reps.length; p++) {
            if (reps[p] == null) {
                continue;
            }
            for (int o = 0; o < PAGE; o++) {
                int r = reps[p][o];
                if (r <= 0) {
                    continue;
                }
                int rp = r >>> PAGE_BITS;
                if (rp < at.length && at[rp] != null && at[rp][r & (PAGE - 1)] >= 0) {
                    all[at[rp][r & (PAGE - 1)]++] = p << PAGE_BITS | o; // records in ascending order: each set's lines ascend
                }
            }
        }
        List<SetLines.Block> out = new ArrayList<>(blockBounds.size());
        for (int b = 0; b < blockBounds.size(); b++) {
            int[] from = blockBounds.get(b);
            int setEnd = b + 1 < blockBounds.size() ? blockBounds.get(b + 1)[1] : nReps;
            int[] bReps = new int[setEnd - from[1]];
            int[] start = new int[bReps.length + 1];
            int k = from[2]; // the blocks share one array of lines: offsets are into it
            for (int i = 0; i < bReps.length; i++) {
                bReps[i] = repList[from[1] + i];
                start[i] = k;
                k += get(sizes, bReps[i]);
            }
            start[bReps.length] = k;
            out.add(new SetLines.Block(from[0], bReps, start, all));
        }
        byNumber = new SetLines.Block[out.isEmpty() ? 0 : out.get(out.size() - 1).number() + 1];
        for (SetLines.Block b : out) {
            byNumber[b.number()] = b;
        }
        // what the check needs from here on is in the blocks and the singles: the per-record maps go
        reps = null;
        sizes = null;
        built = out;
        return out;
    }
}
