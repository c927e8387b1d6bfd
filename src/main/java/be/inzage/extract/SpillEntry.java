package be.inzage.extract;

import be.inzage.inventory.Finding;
import be.inzage.inventory.FindingMerge;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineRecords;
import be.inzage.inventory.LineSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One value's aggregate on its way through spill runs: what its finding will hold, with a keyed
 * hash as two numbers (compared and sorted as such) and lines as ranges of numbers. A big
 * log's windows used to travel as findings: every value's hash, lines and records were spelt as
 * text, written, read back, parsed and spelt again at each merge, which was a third of its scan.
 * Entries are mutable and owned by one run reader or merge at a time.
 */
final class SpillEntry {

    /** The keyed hash's bytes, big-endian and zero-padded to 16, when {@link #text} is null. */
    long k0;
    long k1;
    /** A hash that is not a keyed hash's spelling (tests), kept as it is; such entries sort after the others. */
    String text;
    String type;
    /** Null when the value has no field. */
    String field;
    String category;
    String risk;
    double confidence;
    String masked;
    List<String> aliases = List.of();
    int count;
    long first;
    long last;
    /** Line ranges as start and end pairs, ascending, apart; null when the lines are {@link #lineText}. */
    int[] ranges = new int[0];
    int nRanges;
    /** Pages or sheets: their {@link LineSet} text. */
    String lineText;
    /** The records that are lines of the item, ascending; null when the records are {@link #records}. */
    int[] recs;
    int nRecs;
    List<String> records = List.of();
    String rows = "";

    /** @param b a keyed hash's {@link KeyedHasher#LENGTH} bytes (runs keep no more of its second number) */
    void hash(byte[] b) {
        if (b.length != KeyedHasher.LENGTH) {
            throw new IllegalArgumentException("a keyed hash has " + KeyedHasher.LENGTH + " bytes, not " + b.length);
        }
        k0 = longAt(b, 0);
        k1 = longAt(b, 8);
        text = null;
    }

    /** Eight bytes from {@code from}, big-endian, zeros past the end. */
    static long longAt(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = v << 8 | (i < b.length ? b[i] & 0xFF : 0);
        }
        return v;
    }

    String hashText() {
        if (text != null) {
            return text;
        }
        byte[] b = new byte[KeyedHasher.LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((i < 8 ? k0 : k1) >>> (56 - 8 * (i & 7)));
        }
        return KeyedHasher.text(b);
    }

    /** Sets the lines from the first {@code n} of {@code sorted} (ascending, distinct). */
    void lines(int[] sorted, int n) {
        int runs = 0; // counted first: the ranges array is made once, at its size
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1] + 1) {
                runs++;
            }
        }
        int[] r = new int[Math.max(2, 2 * runs)];
        int k = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            r[k++] = sorted[i];
            r[k++] = sorted[j];
            i = j + 1;
        }
        ranges = r;
        nRanges = k / 2;
        lineText = null;
    }

    /** The lines as a finding spells them. */
    String linesText() {
        if (ranges == null) {
            return lineText;
        }
        StringBuilder b = new StringBuilder(nRanges * 8);
        for (int i = 0; i < nRanges; i++) {
            if (i > 0) {
                b.append(',');
            }
            int s = ranges[2 * i];
            int e = ranges[2 * i + 1];
            b.append(s);
            if (e > s) {
                b.append('-').append(e);
            }
        }
        return b.toString();
    }

    /** (hash, type, field): keyed hashes by their bytes as unsigned numbers, before any other hash. */
    static int compare(SpillEntry a, SpillEntry b) {
        int c;
        if (a.text == null && b.text == null) {
            c = Long.compareUnsigned(a.k0, b.k0);
            if (c == 0) {
                c = Long.compareUnsigned(a.k1, b.k1);
            }
        } else if (a.text == null || b.text == null) {
            c = a.text == null ? -1 : 1;
        } else {
            c = a.text.compareTo(b.text);
        }
        if (c != 0) {
            return c;
        }
        c = a.type.compareTo(b.type);
        if (c != 0) {
            return c;
        }
        return (a.field == null ? "" : a.field).compareTo(b.field == null ? "" : b.field);
    }

    /**
     * Takes in {@code b}, the same value further on (a later window of the item): its lines and
     * records follow these, records and rows at most {@code maxRecords}, as {@link FindingMerge#later}.
     */
    void later(SpillEntry b, int maxRecords) {
        if (ranges != null && b.ranges != null) {
            unionRanges(b);
        } else {
            lineText = LineSet.concat(linesText(), b.linesText());
            ranges = null;
            nRanges = 0;
        }
        if (recs != null && b.recs != null) {
            laterRecords(b, maxRecords);
        } else if (recs == null && b.recs == null && records.size() < maxRecords && !b.records.isEmpty()) {
            List<String> out = new ArrayList<>(records);
            for (String r : b.records) {
                if (out.size() >= maxRecords) {
                    break;
                }
                if (out.isEmpty() || !out.get(out.size() - 1).equals(r)) {
                    out.add(r);
                }
            }
            records = out;
        } // one value of an item has records of one kind: lines of the item, or ids (rows); never both
        rows = rows.isEmpty() ? b.rows : b.rows.isEmpty() ? rows : FindingMerge.rows(rows, b.rows, maxRecords);
        first = first == 0 ? b.first : b.first == 0 ? first : Math.min(first, b.first);
        last = Math.max(last, b.last);
        confidence = Math.max(confidence, b.confidence);
        count += b.count;
    }

    /**
     * b's records after these, at most {@code max}: appended in place when they all come after (windows
     * come in line order; the array grows by half), merged otherwise (a set's representative from an
     * earlier window).
     */
    private void laterRecords(SpillEntry b, int max) {
        if (b.nRecs == 0 || nRecs >= max) {
            return;
        }
        if (nRecs > 0 && recs[nRecs - 1] > b.recs[0]) {
            LineRecords merged = new LineRecords("", recs, nRecs).append(new LineRecords("", b.recs, b.nRecs), max);
            recs = merged.lines();
            nRecs = recs.length;
            return;
        }
        int from = nRecs > 0 && recs[nRecs - 1] == b.recs[0] ? 1 : 0;
        int add = Math.min(b.nRecs - from, max - nRecs);
        if (add <= 0) {
            return;
        }
        if (nRecs + add > recs.length) {
            recs = Arrays.copyOf(recs, Math.min(max, Math.max(nRecs + add, recs.length + (recs.length >> 1))));
        }
        System.arraycopy(b.recs, from, recs, nRecs, add);
        nRecs += add;
    }

    /** These ranges and b's, joined where they touch or overlap. */
    private void unionRanges(SpillEntry b) {
        if (b.nRanges == 0) {
            return;
        }
        if (nRanges == 0 || b.ranges[0] >= ranges[2 * nRanges - 1]) {
            appendRanges(b);
            return;
        }
        int[] out = new int[2 * (nRanges + b.nRanges)];
        int k = 0;
        int i = 0;
        int j = 0;
        while (i < nRanges || j < b.nRanges) {
            int s;
            int e;
            if (j >= b.nRanges || i < nRanges && ranges[2 * i] <= b.ranges[2 * j]) {
                s = ranges[2 * i];
                e = ranges[2 * i + 1];
                i++;
            } else {
                s = b.ranges[2 * j];
                e = b.ranges[2 * j + 1];
                j++;
            }
            if (k > 0 && (long) s <= (long) out[k - 1] + 1) {
                out[k - 1] = Math.max(out[k - 1], e);
            } else {
                out[k++] = s;
                out[k++] = e;
            }
        }
        ranges = out;
        nRanges = k / 2;
    }

    /**
     * b's ranges after these (b starts at or after these end: windows come in line order), in place;
     * the array grows by half, so a value on every line of a huge file is not copied at every window.
     */
    private void appendRanges(SpillEntry b) {
        int from = 0;
        if (nRanges > 0 && (long) b.ranges[0] <= (long) ranges[2 * nRanges - 1] + 1) {
            ranges[2 * nRanges - 1] = Math.max(ranges[2 * nRanges - 1], b.ranges[1]);
            from = 1;
        }
        int need = 2 * (nRanges + b.nRanges - from);
        if (need > ranges.length) {
            ranges = Arrays.copyOf(ranges, Math.max(need, ranges.length + (ranges.length >> 1)));
        }
        System.arraycopy(b.ranges, 2 * from, ranges, 2 * nRanges, 2 * (b.nRanges - from));
        nRanges += b.nRanges - from;
    }

    /**
     * The finding, with the item's own fields (source, container, cid) from {@code t}.
     * @param coversLines its lines are the union of its records' sets ({@link LineRecords#coversLines})
     * @param times       the read's line times, stored with the sets (or null)
     */
    Finding toFinding(Finding t, int segment, boolean coversLines, be.inzage.inventory.LineTimes times) {
        List<String> recordList = records;
        if (recs != null) {
            LineRecords lr = new LineRecords(t.cid(), recs, nRecs, coversLines, times);
            if (ranges != null) {
                long[] pairs = new long[2 * nRanges];
                for (int i = 0; i < pairs.length; i++) {
                    pairs[i] = ranges[i];
                }
                lr.lineRanges(pairs);
            }
            recordList = lr;
        }
        return new Finding(t.sourceId(), t.source(), t.kind(), t.container(), t.part(), field, type, category, risk, confidence,
                masked, hashText(), aliases, linesText(), count, recordList, t.cid(), segment, rows, first, last);
    }
}
