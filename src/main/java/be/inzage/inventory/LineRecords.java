package be.inzage.inventory;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * Record ids that are lines of one container ("cid:42": a log line, a CSV row), kept as numbers
 * and spelt out only when read one by one. A big log has millions of them; as strings they were
 * built, written to spill runs, read back and parsed again on their way into the index.
 */
public final class LineRecords extends AbstractList<String> implements RandomAccess {

    private final String cid;
    private final int[] lines;
    private final int n;
    private final boolean coversLines;
    private final LineTimes times;
    /** The finding's own lines as start and end pairs, when its maker had them as numbers (null: parse its text). */
    private long[] lineRanges;

    /** @param lines line numbers, ascending and distinct; the first {@code n} are used */
    public LineRecords(String cid, int[] lines, int n) {
        this(cid, lines, n, false);
    }

    /**
     * @param coversLines the finding's lines are exactly the union of these records' sets, which
     *                    the item's {@link SetLines} hold: the finding is stored without its lines
     */
    public LineRecords(String cid, int[] lines, int n, boolean coversLines) {
        this(cid, lines, n, coversLines, null);
    }

    /** @param times the line times of the read these records come from, stored with the item's sets (or null) */
    public LineRecords(String cid, int[] lines, int n, boolean coversLines, LineTimes times) {
        this.cid = cid;
        this.lines = lines;
        this.n = n;
        this.coversLines = coversLines;
        this.times = times;
    }

    /**
     * Gives the finding's lines as start and end pairs (ascending, apart), exactly its lines' text:
     * the index takes them instead of parsing the text back (a tenth of an indexing thread on a big log).
     */
    public LineRecords lineRanges(long[] ranges) {
        this.lineRanges = ranges;
        return this;
    }

    /** The finding's lines as start and end pairs, or null when only its text has them. */
    public long[] lineRanges() {
        return lineRanges;
    }

    /** The line times of the read the finding comes from, which its times may be stored against; null when none. */
    public LineTimes times() {
        return times;
    }

    /** Whether the finding's lines are the union of these records' sets ({@link SetLines}). */
    public boolean coversLines() {
        return coversLines;
    }

    public String cid() {
        return cid;
    }

    /** The line numbers (a copy). */
    public int[] lines() {
        return Arrays.copyOf(lines, n);
    }

    @Override
    public String get(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i);
        }
        return cid + ':' + lines[i];
    }

    @Override
    public int size() {
        return n;
    }

    /**
     * These lines and those of {@code later} (a later window of the same file), at most {@code max}
     * in all, ascending and once each. A later window can hold an earlier record (the set of values
     * on a line is represented by the first line that had it), so the two are merged, not appended.
     * The result covers its finding's lines when both did and none was cut, and keeps line times
     * only when both came from the same read.
     */
    public LineRecords append(LineRecords later, int max) {
        int[] out = new int[Math.min(max, n + later.n)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (k < out.length && (i < n || j < later.n)) {
            int v = j >= later.n || (i < n && lines[i] <= later.lines[j]) ? lines[i++] : later.lines[j++];
            if (k == 0 || out[k - 1] != v) {
                out[k++] = v;
            }
        }
        boolean all = i >= n && j >= later.n; // nothing was left out for want of room
        return new LineRecords(cid, out, k, coversLines && later.coversLines && all, times == later.times ? times : null);
    }
}
