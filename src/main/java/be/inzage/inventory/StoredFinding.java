package be.inzage.inventory;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finding document stores, as one binary field. Fourteen stored fields per finding cost
 * Lucene a field lookup, a schema check and a header each: about a fifth of indexing a database's
 * findings (bench/README.md). Line sets are written as ranges of delta varints instead of decimal
 * text, and read back to exactly the text they came from.
 */
final class StoredFinding {

    /**
     * The finding's own fields, without what its container document holds.
     * {@code coveredBySets}: its lines are exactly the union of its record lines' sets ({@link SetLines}).
     */
    record Fields(String cid, String field, String type, String category, String risk, double confidence, String masked,
                  String hash, String lines, int count, String rows, long firstSeen, long lastSeen, int segment,
                  List<String> records, String recordLines, List<String> aliases, boolean coveredBySets) {

        /** Not known to be covered by sets. */
        Fields(String cid, String field, String type, String category, String risk, double confidence, String masked,
               String hash, String lines, int count, String rows, long firstSeen, long lastSeen, int segment,
               List<String> records, String recordLines, List<String> aliases) {
            this(cid, field, type, category, risk, confidence, masked, hash, lines, count, rows, firstSeen, lastSeen, segment,
                    records, recordLines, aliases, false);
        }

        /** The record ids that are lines of the container, as line numbers; null when there are none. */
        int[] recordLineNumbers() {
            return recordLines == null ? null : LineSet.decode(SAME_AS_LINES.equals(recordLines) ? lines : recordLines);
        }

        /** Without aliases: all but some IP addresses. */
        Fields(String cid, String field, String type, String category, String risk, double confidence, String masked,
               String hash, String lines, int count, String rows, long firstSeen, long lastSeen, int segment,
               List<String> records, String recordLines) {
            this(cid, field, type, category, risk, confidence, masked, hash, lines, count, rows, firstSeen, lastSeen, segment,
                    records, recordLines, List.of());
        }
    }

    /** {@link Fields#recordLines} when the record lines are exactly the finding's lines (stored as a flag). */
    static final String SAME_AS_LINES = "=";

    private static final int HAS_FIELD = 1;
    private static final int HAS_ROWS = 2;
    private static final int HAS_TIMES = 4;
    private static final int RECORD_LINES_SAME = 8;
    private static final int RECORD_LINES_OWN = 16;
    /**
     * The value's other hashes (an IPv4-mapped IPv6 address's IPv4 form), so a finding read back can be
     * written again with every term it had (a database rescan that rewrites only changed rows).
     */
    private static final int HAS_ALIASES = 32;
    /**
     * The layout written since session 11, whenever the hash is a keyed hash: the hash as its bytes
     * (16, or 12 with {@link #HASH_96}) rather than base64url characters, and first and last seen with a
     * low bit saying whether they are in whole seconds (a log's timestamps, a byte less each) or
     * milliseconds. The flags took one byte until format 7 added flags above 127.
     */
    private static final int LAYOUT_2 = 64;
    /**
     * The lines are stored, and they are also exactly the union of the record lines' sets ({@link SetLines}):
     * no fewer records than lines, so storing the records alone saved nothing. Its own byte of flags.
     */
    private static final int COVERED = 128;
    /**
     * Since format 7: first and last seen as their distance from the times the container's
     * {@link LineTimes} give the first and last line (a second or two in a log read in time order).
     */
    private static final int TIMES_FROM_LINES = 256;
    /** Since format 7: the hash as {@link KeyedHasher#LENGTH} bytes; layout 2 without it stored 16, read back as their first 12. */
    private static final int HASH_96 = 512;

    private StoredFinding() {
    }

    static BytesRef encode(Fields f) {
        return encode(f, KeyedHasher.bytes(f.hash()));
    }

    /** @param raw the hash's bytes ({@link KeyedHasher#bytes}), which the caller had already */
    static BytesRef encode(Fields f, byte[] raw) {
        return encode(f, raw, null, false, null);
    }

    /**
     * @param recordNumbers the record lines as numbers (ascending, distinct), which then stand for
     *                      {@link Fields#recordLines}: compared with the lines without spelling either
     * @param covered       the lines are exactly the union of the record lines' sets ({@link SetLines}):
     *                      when there are fewer record lines than lines, only they are stored and the lines
     *                      are read back from the sets; otherwise the lines are stored, and so is the fact
     *                      (a log read on from where it stopped keeps it when it merges its new lines in)
     * @param times         the line times of the read the finding comes from, stored with the container (or
     *                      null): its times are stored against them when they hold its first and last line
     */
    static BytesRef encode(Fields f, byte[] raw, int[] recordNumbers, boolean covered, LineTimes times) {
        return encode(f, raw, recordNumbers, covered, times, null);
    }

    /** @param knownRanges {@code f}'s lines as {@link #ranges} gives them, when the caller has them as numbers (or null) */
    static BytesRef encode(Fields f, byte[] raw, int[] recordNumbers, boolean covered, LineTimes times, long[] knownRanges) {
        if (covered && (recordNumbers == null || raw == null || LineSet.pages(f.lines()) || LineSet.sheets(f.lines()))) {
            throw new IllegalArgumentException("only a keyed hash's line records can stand for its lines");
        }
        Scratch scratch = SCRATCH.get();
        ByteBuffersDataOutput out = scratch.out;
        out.reset();
        // parsed once, for the lines and the positions of the records in them
        long[] lineRanges = knownRanges != null ? knownRanges : ranges(f.lines());
        int[] positions = null;
        boolean fromSets = covered && lineRanges != null && lineCount(lineRanges) > recordNumbers.length;
        if (fromSets) {
            f = new Fields(f.cid(), f.field(), f.type(), f.category(), f.risk(), f.confidence(), f.masked(), f.hash(), f.lines(),
                    f.count(), f.rows(), f.firstSeen(), f.lastSeen(), f.segment(), f.records(), LineSet.encode(recordNumbers),
                    f.aliases(), true);
        } else if (recordNumbers != null) {
            boolean numbered = lineRanges != null && !LineSet.pages(f.lines()) && !LineSet.sheets(f.lines());
            positions = numbered ? positions(lineRanges, recordNumbers) : null;
            String recordLines = positions != null && positions.length == lineCount(lineRanges) ? SAME_AS_LINES
                    : positions != null && raw != null ? "" : LineSet.encode(recordNumbers); // "": written as positions
            f = new Fields(f.cid(), f.field(), f.type(), f.category(), f.risk(), f.confidence(), f.masked(), f.hash(), f.lines(),
                    f.count(), f.rows(), f.firstSeen(), f.lastSeen(), f.segment(), f.records(), recordLines, f.aliases());
        }
        boolean numbered = f.firstSeen() > 0 && raw != null && times != null && lineRanges != null && !f.lines().isEmpty()
                && !LineSet.pages(f.lines()) && !LineSet.sheets(f.lines());
        int firstLine = numbered ? firstLine(f.lines()) : 0;
        int lastLine = numbered ? lastLine(f.lines()) : 0;
        LineTimes againstLines = numbered && times.covers(firstLine) && times.covers(lastLine) ? times : null;
        try {
            int flags = (f.field() != null ? HAS_FIELD : 0) | (f.rows() != null && !f.rows().isEmpty() ? HAS_ROWS : 0)
                    | (f.firstSeen() > 0 ? HAS_TIMES : 0)
                    | (SAME_AS_LINES.equals(f.recordLines()) ? RECORD_LINES_SAME : f.recordLines() != null ? RECORD_LINES_OWN : 0)
                    | (f.aliases().isEmpty() ? 0 : HAS_ALIASES)
                    | (raw != null ? LAYOUT_2 : 0)
                    | (covered && !fromSets ? COVERED : 0)
                    | (againstLines != null ? TIMES_FROM_LINES : 0)
                    | (raw != null ? HASH_96 : 0);
            out.writeVInt(flags);
            scratch.writeString(f.cid());
            if (f.field() != null) {
                scratch.writeString(f.field());
            }
            scratch.writeString(f.type());
            scratch.writeString(f.category());
            scratch.writeString(f.risk());
            out.writeLong(Double.doubleToLongBits(f.confidence()));
            scratch.writeString(f.masked());
            if ((flags & LAYOUT_2) != 0) {
                out.writeBytes(raw, KeyedHasher.LENGTH);
            } else {
                out.writeString(f.hash());
            }
            if (fromSets) {
                out.writeVInt(LINES_FROM_SETS);
            } else {
                writeLines(out, f.lines(), lineRanges);
            }
            out.writeVInt(f.count());
            if ((flags & HAS_ROWS) != 0) {
                out.writeString(f.rows());
            }
            if ((flags & HAS_TIMES) != 0 && (flags & LAYOUT_2) == 0) {
                out.writeVLong(f.firstSeen());
                out.writeZLong(f.lastSeen() - f.firstSeen());
            } else if (againstLines != null) {
                boolean seconds = f.firstSeen() % 1000 == 0 && f.lastSeen() % 1000 == 0;
                long unit = seconds ? 1000 : 1;
                long firstOff = f.firstSeen() / unit - Math.floorDiv(againstLines.predict(firstLine), unit);
                long lastOff = f.lastSeen() / unit - Math.floorDiv(againstLines.predict(lastLine), unit);
                out.writeZLong(firstOff << 1 | (seconds ? 1 : 0));
                out.writeZLong(lastOff);
            } else if ((flags & HAS_TIMES) != 0) {
                boolean seconds = f.firstSeen() % 1000 == 0 && f.lastSeen() % 1000 == 0;
                long unit = seconds ? 1000 : 1;
                out.writeVLong(f.firstSeen() / unit << 1 | (seconds ? 1 : 0));
                out.writeZLong((f.lastSeen() - f.firstSeen()) / unit);
            }
            out.writeVInt(f.segment());
            out.writeVInt(f.records().size());
            for (String r : f.records()) {
                scratch.writeString(r);
            }
            if ((flags & RECORD_LINES_OWN) != 0 && (flags & LAYOUT_2) != 0) {
                // given as numbers, their positions are already known (null: not all among the lines)
                writeRecordLines(out, fromSets ? null : recordNumbers != null ? positions : positions(f.lines(), f.recordLines()),
                        f.recordLines());
            } else if ((flags & RECORD_LINES_OWN) != 0) {
                writeLines(out, f.recordLines(), ranges(f.recordLines()));
            }
            if ((flags & HAS_ALIASES) != 0) {
                out.writeVInt(f.aliases().size());
                for (String a : f.aliases()) {
                    out.writeString(a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        byte[] blob = out.toArrayCopy();
        if (blob.length > Scratch.KEPT) {
            SCRATCH.remove(); // a rare big blob (a value on a million lines): its blocks are not kept for the thread's life
        }
        return new BytesRef(blob);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * A thread's output for {@link #encode}, reset for each finding (a new one cost a 1 KB block per
     * finding: 0.7 GB while a log of a million values was written), and a buffer for its strings.
     */
    private static final class Scratch {
        /** The biggest blob after which a thread keeps its output. */
        static final int KEPT = 64 << 10;
        final ByteBuffersDataOutput out = ByteBuffersDataOutput.newResettableInstance();
        private final byte[] ascii = new byte[256];

        /** As {@link ByteBuffersDataOutput#writeString} writes it, without a byte array per string when it is short ASCII. */
        void writeString(String s) throws IOException {
            int n = s.length();
            if (n <= ascii.length) {
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    if (c >= 0x80) {
                        out.writeString(s);
                        return;
                    }
                    ascii[i] = (byte) c;
                }
                out.writeVInt(n);
                out.writeBytes(ascii, 0, n);
            } else {
                out.writeString(s);
            }
        }
    }

    /** A finding stored with its lines (a test's, or the layouts before {@link SetLines}). */
    static Fields decode(BytesRef b) throws IOException {
        return decode(b, null);
    }

    /** @param sets where the lines of a finding stored without them are read from; null when there is none to read */
    static Fields decode(BytesRef b, SetLines.Reader sets) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        int flags = in.readVInt();
        String cid = in.readString();
        String field = (flags & HAS_FIELD) != 0 ? in.readString() : null;
        String type = in.readString();
        String category = in.readString();
        String risk = in.readString();
        double confidence = Double.longBitsToDouble(in.readLong());
        String masked = in.readString();
        String hash;
        if ((flags & LAYOUT_2) != 0) {
            byte[] h = new byte[(flags & HASH_96) != 0 ? KeyedHasher.LENGTH : 16];
            in.readBytes(h, 0, h.length);
            hash = KeyedHasher.text(java.util.Arrays.copyOf(h, KeyedHasher.LENGTH));
        } else {
            hash = KeyedHasher.current(in.readString());
        }
        String lines = readLines(in);
        boolean fromSets = lines == null;
        int count = in.readVInt();
        String rows = (flags & HAS_ROWS) != 0 ? in.readString() : "";
        long first = 0;
        long last = 0;
        long unitAgainstLines = 0; // times against the line times: first and last are offsets in this unit until the lines are known
        if ((flags & HAS_TIMES) != 0 && (flags & LAYOUT_2) == 0) {
            first = in.readVLong();
            last = first + in.readZLong();
        } else if ((flags & TIMES_FROM_LINES) != 0) {
            long tagged = in.readZLong();
            unitAgainstLines = (tagged & 1) != 0 ? 1000 : 1;
            first = tagged >> 1;
            last = in.readZLong();
        } else if ((flags & HAS_TIMES) != 0) {
            long tagged = in.readVLong();
            long unit = (tagged & 1) != 0 ? 1000 : 1;
            first = (tagged >>> 1) * unit;
            last = first + in.readZLong() * unit;
        }
        int segment = in.readVInt();
        int n = in.readVInt();
        List<String> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(in.readString());
        }
        String recordLines = (flags & RECORD_LINES_SAME) != 0 ? SAME_AS_LINES
                : (flags & RECORD_LINES_OWN) == 0 ? null
                : (flags & LAYOUT_2) != 0 ? readRecordLines(in, lines) : readLines(in);
        List<String> aliases = List.of();
        if ((flags & HAS_ALIASES) != 0) {
            int na = in.readVInt();
            aliases = new ArrayList<>(na);
            for (int i = 0; i < na; i++) {
                aliases.add(KeyedHasher.current(in.readString()));
            }
        }
        if (fromSets) {
            if (sets == null || recordLines == null) {
                throw new IllegalStateException("a finding stored without its lines, read without its record sets");
            }
            lines = LineSet.encode(sets.union(cid, LineSet.decode(recordLines)));
        }
        if (unitAgainstLines != 0) {
            int firstLine = firstLine(lines);
            int lastLine = lastLine(lines);
            LineTimes.Parts parts = sets == null ? null : sets.times(cid);
            LineTimes firstPart = parts == null ? null : parts.of(firstLine);
            LineTimes lastPart = parts == null ? null : parts.of(lastLine);
            if (firstPart == null || lastPart == null) {
                throw new IllegalStateException("a finding's times stored against line times that are not there");
            }
            first = (Math.floorDiv(firstPart.predict(firstLine), unitAgainstLines) + first) * unitAgainstLines;
            last = (Math.floorDiv(lastPart.predict(lastLine), unitAgainstLines) + last) * unitAgainstLines;
        }
        return new Fields(cid, field, type, category, risk, confidence, masked, hash, lines, count, rows, first, last, segment,
                records, recordLines, aliases, fromSets || (flags & COVERED) != 0);
    }

    /** The first line of a line set's text ("12,40-42": 12). */
    static int firstLine(String lines) {
        int i = 0;
        while (i < lines.length() && Character.isDigit(lines.charAt(i))) {
            i++;
        }
        return Integer.parseInt(lines, 0, i, 10);
    }

    /** The last line of a line set's text ("12,40-42": 42). */
    static int lastLine(String lines) {
        int i = lines.length();
        while (i > 0 && Character.isDigit(lines.charAt(i - 1))) {
            i--;
        }
        return Integer.parseInt(lines, i, lines.length(), 10);
    }

    /** Text forms that {@link #readLines} would not give back exactly are kept as text. */
    private static final int LINES_TEXT = 0;

    /** Kinds written before: each range as its gap and its length, a single line with length 0. */
    private static final int LINES_RANGES = 1;
    /** Kinds written now: a single line costs its gap only (most lines of a log value are far apart). */
    private static final int LINES_GAPS = 4;
    /**
     * Kinds for single lines spread far apart (a returning visitor's lines in a big log) when that is
     * smaller: Elias-Fano, each line's low bits at a fixed width and the rest of it in unary, about
     * two bits a line above log2(last line / lines) where gap varints take up to seven more.
     */
    private static final int LINES_SPREAD = 7;
    /** No lines here: they are the union of the record lines' sets ({@link SetLines}); {@link #readLines} gives null. */
    private static final int LINES_FROM_SETS = 10;

    /**
     * Record lines that are some of the finding's own lines (a log value's records are the first lines
     * of its sets of values) as their positions in the line list: a byte or so each instead of three.
     * Anything else as a line set.
     */
    private static void writeRecordLines(ByteBuffersDataOutput out, int[] positions, String recordLines) throws IOException {
        if (positions == null) {
            out.writeVInt(0);
            writeLines(out, recordLines, ranges(recordLines));
            return;
        }
        out.writeVInt(1);
        out.writeVInt(positions.length);
        int prev = -1;
        for (int p : positions) {
            out.writeVInt(p - prev - 1);
            prev = p;
        }
    }

    private static String readRecordLines(ByteArrayDataInput in, String lines) throws IOException {
        if (in.readVInt() == 0) {
            return readLines(in);
        }
        int n = in.readVInt();
        long[] ranges = ranges(lines);
        int[] out = new int[n];
        int r = 0;
        long before = 0; // lines in the ranges before range r
        int prev = -1;
        for (int i = 0; i < n; i++) {
            int p = prev + 1 + in.readVInt();
            while (p >= before + ranges[2 * r + 1] - ranges[2 * r] + 1) {
                before += ranges[2 * r + 1] - ranges[2 * r] + 1;
                r++;
            }
            out[i] = (int) (ranges[2 * r] + p - before);
            prev = p;
        }
        return LineSet.encode(out);
    }

    /** Where each record line sits in the line list, or null when one is not there or the text is not canonical. */
    static int[] positions(String lines, String recordLines) {
        long[] ranges = LineSet.pages(lines) || LineSet.sheets(lines) ? null : ranges(lines);
        long[] recordRanges = LineSet.pages(recordLines) || LineSet.sheets(recordLines) ? null : ranges(recordLines);
        long span = 0;
        for (int i = 0; recordRanges != null && i < recordRanges.length; i += 2) {
            span += recordRanges[i + 1] - recordRanges[i] + 1;
        }
        int[] records = recordRanges == null || span > 100_000 ? null : LineSet.decode(recordLines);
        if (ranges == null || records == null || !LineSet.encode(records).equals(recordLines)) {
            return null;
        }
        return positions(ranges, records);
    }

    /** Where each of the ascending {@code records} sits in the lines of {@code ranges}, or null when one is not there. */
    static int[] positions(long[] ranges, int[] records) {
        int[] out = new int[records.length];
        int r = 0;
        long before = 0;
        for (int i = 0; i < records.length; i++) {
            while (r < ranges.length / 2 && ranges[2 * r + 1] < records[i]) {
                before += ranges[2 * r + 1] - ranges[2 * r] + 1;
                r++;
            }
            if (r == ranges.length / 2 || records[i] < ranges[2 * r] || before + records[i] - ranges[2 * r] > Integer.MAX_VALUE) {
                return null;
            }
            out[i] = (int) (before + records[i] - ranges[2 * r]);
        }
        return out;
    }

    private static long lineCount(long[] ranges) {
        long n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i] + 1;
        }
        return n;
    }

    /**
     * A {@link LineSet} as its unit prefix and ranges: each range's start as the gap from the previous
     * range's end, shifted left by one with the low bit set when the range is longer than one line,
     * then that length. Parsed without expanding the ranges (a range may cover a million lines).
     */
    private static void writeLines(ByteBuffersDataOutput out, String s, long[] ranges) throws IOException {
        if (ranges == null) {
            out.writeVInt(LINES_TEXT);
            out.writeString(s);
            return;
        }
        int unit = s.isEmpty() ? 0 : LineSet.pages(s) ? 1 : LineSet.sheets(s) ? 2 : 0;
        int n = ranges.length / 2;
        if (n >= 2 && writeSpread(out, ranges, LINES_SPREAD + unit)) {
            return;
        }
        out.writeVInt(LINES_GAPS + unit);
        out.writeVInt(n);
        long prevEnd = 0;
        for (int i = 0; i < n; i++) {
            long length = ranges[2 * i + 1] - ranges[2 * i];
            out.writeVLong((ranges[2 * i] - prevEnd) << 1 | (length > 0 ? 1 : 0));
            if (length > 0) {
                out.writeVLong(length);
            }
            prevEnd = ranges[2 * i + 1];
        }
    }

    /** Writes single lines as Elias-Fano when that is smaller than gap varints; false (nothing written) otherwise. */
    private static boolean writeSpread(ByteBuffersDataOutput out, long[] ranges, int kind) throws IOException {
        int n = ranges.length / 2;
        long varints = 0;
        long prev = 0;
        for (int i = 0; i < n; i++) {
            if (ranges[2 * i + 1] != ranges[2 * i]) {
                return false; // a range: gap and length pairs say it in a few bytes
            }
            long g = (ranges[2 * i] - prev) << 1;
            varints += (64 - Long.numberOfLeadingZeros(g | 1) + 6) / 7;
            prev = ranges[2 * i];
        }
        if (EliasFano.bytes(ranges[2 * n - 2], n) >= varints) {
            return false;
        }
        out.writeVInt(kind);
        out.writeVInt(n);
        EliasFano.write(out, ranges, 0, 2, n);
        return true;
    }

    private static long[] readSpread(ByteArrayDataInput in) throws IOException {
        return EliasFano.read(in, in.readVInt());
    }

    private static String readLines(ByteArrayDataInput in) throws IOException {
        int kind = in.readVInt();
        if (kind == LINES_TEXT) {
            return in.readString();
        }
        if (kind == LINES_FROM_SETS) {
            return null;
        }
        if (kind >= LINES_SPREAD) {
            StringBuilder b = new StringBuilder(kind == LINES_SPREAD + 1 ? LineSet.PAGES : kind == LINES_SPREAD + 2 ? LineSet.SHEETS : "");
            long[] v = readSpread(in);
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(v[i]);
            }
            return b.toString();
        }
        boolean gaps = kind >= LINES_GAPS;
        int unit = kind - (gaps ? LINES_GAPS : LINES_RANGES);
        StringBuilder b = new StringBuilder();
        if (unit == 1) {
            b.append(LineSet.PAGES);
        } else if (unit == 2) {
            b.append(LineSet.SHEETS);
        }
        int n = in.readVInt();
        long prevEnd = 0;
        for (int i = 0; i < n; i++) {
            long start;
            long end;
            if (gaps) {
                long g = in.readVLong();
                start = prevEnd + (g >>> 1);
                end = (g & 1) != 0 ? start + in.readVLong() : start;
            } else {
                start = prevEnd + in.readVLong();
                end = start + in.readVLong();
            }
            if (i > 0) {
                b.append(',');
            }
            b.append(start);
            if (end > start) {
                b.append('-').append(end);
            }
            prevEnd = end;
        }
        return b.toString();
    }

    /**
     * Start and end of each range of a line set's text, or null when the text is not in the form
     * that {@link #readLines} writes back (ascending, "a-a" never used for a single number).
     */
    static long[] ranges(String s) {
        int i = LineSet.pages(s) || LineSet.sheets(s) ? 1 : 0;
        if (s.length() == i) {
            return s.isEmpty() ? new long[0] : null;
        }
        long[] out = new long[8];
        int n = 0;
        long prevEnd = -1;
        while (true) {
            int j = numberEnd(s, i);
            if (j < 0) {
                return null;
            }
            long start = Long.parseLong(s, i, j, 10);
            long end = start;
            i = j;
            if (i < s.length() && s.charAt(i) == '-') {
                j = numberEnd(s, i + 1);
                if (j < 0) {
                    return null;
                }
                end = Long.parseLong(s, i + 1, j, 10);
                i = j;
                if (end <= start) {
                    return null;
                }
            }
            if (start <= prevEnd) {
                return null;
            }
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = end;
            prevEnd = end;
            if (i == s.length()) {
                return java.util.Arrays.copyOf(out, n);
            }
            if (s.charAt(i) != ',') {
                return null;
            }
            i++;
        }
    }

    /** Where the canonical decimal number at {@code i} ends (no sign, no leading zero, at most 18 digits), or -1. */
    private static int numberEnd(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j == i || j - i > 18 || (s.charAt(i) == '0' && j - i > 1) ? -1 : j;
    }
}
