package be.inzage.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line-record item's values (a log's addresses, cookies, logins), held compactly: a row of ints
 * per numbered value, their text and their lines in byte pages, no object per value. A window of
 * objects held 20,000 values (about 400 bytes each with their lines); a visitor of a big log comes
 * back all through it, so each value was hashed, masked, spilled and merged again in every window it
 * was in: 14.6 million spill entries for the bench log's million values. This table holds a value
 * in about 110 bytes (row, slot, text) plus 3 to 4 per line, 190 MB for that log's million values,
 * so a big log's values usually stay until it is read, and otherwise the table is spilled whole
 * ({@link #sortedByHash}) when full.
 *
 * <p>Memory is borrowed from one pool shared by every table of the JVM ({@link TablePool}), in steps as
 * a table grows; a table is full when the pool has no more to lend. A table belongs to one thread
 * while it fills, then to the spill thread that writes it, which gives its memory back.
 */
final class ValueTable {

    /** Borrowed from the {@link TablePool} at a time. */
    private static final long STEP = TablePool.STEP;
    /** A table may always grow this far, whatever the others hold: a full pool must not make tiny runs. */
    private static final long MIN = STEP;
    /** Values at most: their numbers must fit the sort's packed keys. */
    static final int MAX_VALUES = 1 << 21;
    static final int MAX_RECORDS = FindingCollector.MAX_RECORDS_PER_FINDING;
    /** A value's text longer than this (in bytes) is kept as a string rather than in the pages. */
    private static final int LONG_KEY = 1024;

    private static final int PAGE_BITS = 16;
    private static final int PAGE = 1 << PAGE_BITS;

    private int size;
    /** Open addressing: a value's hash in the high half, its number + 1 in the low (0: empty). */
    private long[] slots = new long[64];

    /**
     * Per value a row of {@link #ROW} ints in pages of {@link #ROWS_PER_PAGE} rows: one or two cache
     * lines per value where parallel arrays cost a miss per field, and a log's values are met at random.
     */
    private int[][] rows = new int[1][];
    private static final int ROW = 16;
    private static final int ROW_PAGE_BITS = 12;
    private static final int ROWS_PER_PAGE = 1 << ROW_PAGE_BITS;
    // a row's fields
    private static final int KEY_AT = 0;
    private static final int KIND = 1;
    private static final int COUNT = 2;
    private static final int LINES = 3;
    private static final int LAST_LINE = 4;
    private static final int LAST_REC = 5;
    /** The value's chain of blocks holding its lines and records, in the pages: first block, write position, end of block. */
    private static final int HEAD = 6;
    private static final int TAIL = 7;
    private static final int END = 8;
    /** Records (11 bits: at most {@link #MAX_RECORDS}), the chain's last block (4 bits), the confidence's number in {@link #confidences} (16 bits). */
    private static final int PACKED = 9;
    private static final int FIRST = 10; // and 11
    private static final int LAST = 12; // and 13
    private static final int KEY_HASH = 14; // and 15: the record sets' hash of the value (0 when its type does not link)

    private static final int RECS_MASK = (1 << 11) - 1;
    private static final int BLOCK_SHIFT = 11;
    private static final int CONF_SHIFT = 15;
    /** Chain block sizes, growing by half; every block from the last size on has that size. */
    private static final int[] BLOCKS = {8, 16, 24, 32, 48, 64, 96, 128, 192, 256};

    /** The confidences the values have, each once: a value holds the number of its highest (rules give a handful). */
    private double[] confidences = new double[8];
    private int nConfidences;
    /** A value's confidence number when {@link #confidences} is full: its confidence is in {@link #overflow}. */
    private static final int OVERFLOW = (1 << 16) - 1;
    private final java.util.Map<Integer, Double> overflow = new java.util.HashMap<>();

    private byte[][] pages = new byte[4][];
    private int nPages;
    /** The next free byte of the pages, as page << 16 | offset. */
    private int free;
    private final List<String> longKeys = new ArrayList<>();

    /** Bytes this table may hold: what it took from the pool, and {@link #MIN} without asking. */
    private long allowed = MIN;
    /** What it took from the pool. */
    private long borrowed;
    /** The most it may borrow. */
    private final long limit;

    /** A table that may borrow the whole pool. */
    ValueTable() {
        this(Long.MAX_VALUE);
    }

    /** @param limit the most it may borrow from the pool */
    ValueTable(long limit) {
        this.limit = limit;
    }
    private boolean full;
    /** Bytes of the arrays and pages allocated. */
    private long allocated = 64 * 8;

    /** How many values the table holds. */
    int size() {
        return size;
    }

    /** Whether the table should be spilled now: its pages grew past what it may hold. */
    boolean full() {
        return full;
    }

    /** The number of the value of {@code kind} (a type and field) spelt {@code value}, or -1. */
    int find(int kind, String value, int h) {
        int mask = slots.length - 1;
        long hi = (long) h << 32;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((s & 0xFFFFFFFF00000000L) == hi) {
                int v = (int) s - 1;
                if (keyEquals(v, kind, value)) {
                    return v;
                }
            }
        }
    }

    /** What {@link #readAhead} reads, kept so that the reads are not optimised away. */
    private long readAhead;
    private int[] aheadNumbers = new int[0];

    /**
     * The values of these hashes are about to be looked up one by one, each lookup a cache miss on its
     * slot, then one on its row, one after the other. Reading them all first, in tight loops of
     * independent reads (slots, then rows, then the chains' last bytes and the texts), lets the
     * processor fetch many at once; the lookups then find them cached. Only reads: the table is the
     * same whatever is read here (a hash shared by two values reads the first's).
     */
    void readAhead(int[] hashes, int n) {
        if (aheadNumbers.length < n) {
            aheadNumbers = new int[n];
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += slots[mix(hashes[i]) & (slots.length - 1)];
        }
        for (int i = 0; i < n; i++) {
            aheadNumbers[i] = numberAt(hashes[i]);
        }
        for (int i = 0; i < n; i++) {
            sum += rowAt(aheadNumbers[i]);
        }
        for (int i = 0; i < n; i++) {
            sum += bytesAt(aheadNumbers[i]);
        }
        readAhead += sum;
    }

    /** The number of the first value of hash {@code h}, or -1. */
    private int numberAt(int h) {
        int mask = slots.length - 1;
        long hi = (long) h << 32;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((s & 0xFFFFFFFF00000000L) == hi) {
                return (int) s - 1;
            }
        }
    }

    /** A field of value {@code v}'s row, 0 for -1. */
    private int rowAt(int v) {
        return v < 0 ? 0 : rows[v >>> ROW_PAGE_BITS][(v & (ROWS_PER_PAGE - 1)) * ROW + TAIL];
    }

    /** The last byte of value {@code v}'s chain and the first of its text, 0 for -1. */
    private int bytesAt(int v) {
        if (v < 0) {
            return 0;
        }
        int[] r = rows[v >>> ROW_PAGE_BITS];
        int o = (v & (ROWS_PER_PAGE - 1)) * ROW;
        int tail = r[o + TAIL] - 1; // the chain's last byte written (its tail may be the first byte of a page not yet made)
        int key = r[o + KEY_AT];
        int x = r[o + HEAD] < 0 ? 0 : pages[tail >>> PAGE_BITS][tail & (PAGE - 1)];
        return key >= 0 ? x + pages[key >>> PAGE_BITS][key & (PAGE - 1)] : x;
    }

    /** The hash {@link #find} and {@link #add} take for a value of {@code kind}. */
    static int hash(int kind, String value) {
        return value.hashCode() * 31 + kind;
    }

    /**
     * Whether one more value fits without the table growing past what it may hold: when it does not,
     * the table is spilled before the value is added.
     */
    boolean room() {
        if (size >= MAX_VALUES) {
            return false;
        }
        long need = bytes();
        if ((size & (ROWS_PER_PAGE - 1)) == 0) {
            need += (long) ROWS_PER_PAGE * ROW * 4;
        }
        if (tooFull(size + 1)) {
            need += (long) slots.length * 16; // the doubled slots, beside the old ones while rehashing
        }
        return allow(need + PAGE);
    }

    /** Whether the table may now hold what it has (the pool has more to lend); clears {@link #full} if so. */
    boolean retry() {
        full = !allow(bytes());
        return !full;
    }

    /** Slots are doubled past two thirds full. */
    private boolean tooFull(int values) {
        return (long) values * 3 > (long) slots.length * 2;
    }

    /** Adds a value not in the table: its number. */
    int add(int kind, String value, int h, long keyHash) {
        int v = size++;
        int page = v >>> ROW_PAGE_BITS;
        if (page == rows.length) {
            rows = Arrays.copyOf(rows, page * 2);
        }
        int need = ((v & (ROWS_PER_PAGE - 1)) + 1) * ROW;
        if (rows[page] == null) {
            // the first page starts small and doubles: a table is made for every CSV file and log, most of them small
            rows[page] = new int[page == 0 ? 64 * ROW : ROWS_PER_PAGE * ROW];
            allocated += rows[page].length * 4L;
        } else if (need > rows[page].length) {
            allocated += rows[page].length * 4L;
            rows[page] = Arrays.copyOf(rows[page], rows[page].length * 2);
        }
        int[] r = rows[page];
        int o = (v & (ROWS_PER_PAGE - 1)) * ROW;
        r[o + KEY_AT] = writeKey(value);
        r[o + KIND] = kind;
        r[o + HEAD] = -1;
        r[o + KEY_HASH] = (int) (keyHash >>> 32);
        r[o + KEY_HASH + 1] = (int) keyHash;
        if (tooFull(size)) {
            rehash();
        }
        int mask = slots.length - 1;
        int i = mix(h) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = (long) h << 32 | (v + 1L);
        return v;
    }

    /** One more occurrence of value {@code v}: on {@code line} (0: none), at {@code now} (epoch ms, 0: no time). */
    void occurrence(int v, double conf, long now, int line) {
        int[] r = rows[v >>> ROW_PAGE_BITS];
        int o = (v & (ROWS_PER_PAGE - 1)) * ROW;
        boolean firstTime = ++r[o + COUNT] == 1;
        double had = firstTime ? 0 : confidence(v, r[o + PACKED]);
        if (firstTime || conf > had) {
            double c = Math.max(had, conf);
            int number = confidenceNumber(c);
            if (number == OVERFLOW) {
                overflow.put(v, c);
            }
            r[o + PACKED] = r[o + PACKED] & ((1 << CONF_SHIFT) - 1) | number << CONF_SHIFT;
        }
        if (now > 0) {
            long first = getLong(r, o + FIRST);
            setLong(r, o + FIRST, first == 0 ? now : Math.min(first, now));
            setLong(r, o + LAST, Math.max(getLong(r, o + LAST), now));
        }
        int n = r[o + LINES];
        if (line > 0 && (n == 0 || r[o + LAST_LINE] != line)) {
            long delta = n == 0 ? line : (long) line - r[o + LAST_LINE];
            append(r, o, zigzag(delta) << 1);
            r[o + LAST_LINE] = line;
            r[o + LINES] = n + 1;
        }
    }

    /** Value {@code v} was given {@code record} (see {@link RecordGroups}): kept, at most {@link #MAX_RECORDS}. */
    void addRecord(int v, int record) {
        int[] r = rows[v >>> ROW_PAGE_BITS];
        int o = (v & (ROWS_PER_PAGE - 1)) * ROW;
        int n = r[o + PACKED] & RECS_MASK;
        if (n < MAX_RECORDS && (n == 0 || r[o + LAST_REC] != record)) {
            long delta = n == 0 ? record : (long) record - r[o + LAST_REC];
            append(r, o, zigzag(delta) << 1 | 1);
            r[o + LAST_REC] = record;
            r[o + PACKED]++;
        }
    }

    private int field(int v, int f) {
        return rows[v >>> ROW_PAGE_BITS][(v & (ROWS_PER_PAGE - 1)) * ROW + f];
    }

    private long longField(int v, int f) {
        return getLong(rows[v >>> ROW_PAGE_BITS], (v & (ROWS_PER_PAGE - 1)) * ROW + f);
    }

    int kind(int v) {
        return field(v, KIND);
    }

    long keyHash(int v) {
        return longField(v, KEY_HASH);
    }

    int count(int v) {
        return field(v, COUNT);
    }

    double confidence(int v) {
        return confidence(v, field(v, PACKED));
    }

    long first(int v) {
        return longField(v, FIRST);
    }

    long last(int v) {
        return longField(v, LAST);
    }

    int lineCount(int v) {
        return field(v, LINES);
    }

    int recordCount(int v) {
        return field(v, PACKED) & RECS_MASK;
    }

    /** Value {@code v}'s text. */
    String value(int v) {
        int at = field(v, KEY_AT);
        if (at < 0) {
            return longKeys.get(-at - 1);
        }
        byte[] p = pages[at >>> PAGE_BITS];
        int o = at & (PAGE - 1);
        int h = p[o] & 0xFF | (p[o + 1] & 0xFF) << 8;
        int len = h >>> 1;
        o += 2;
        if ((h & 1) == 0) {
            return new String(p, o, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] c = new char[len];
        for (int i = 0; i < len; i++, o += 2) {
            c[i] = (char) (p[o] & 0xFF | (p[o + 1] & 0xFF) << 8);
        }
        return new String(c);
    }

    /** Value {@code v}'s lines, as they came (ascending unless a line came back), and its records, as they came. */
    void linesAndRecords(int v, int[] lines, int[] records) {
        int nl = 0;
        int nr = 0;
        int line = 0;
        int rec = 0;
        int at = field(v, HEAD);
        int stop = field(v, TAIL);
        int blockEnd = at < 0 ? 0 : at + BLOCKS[0] - 4;
        int block = 0;
        while (at >= 0 && at != stop) {
            long x = 0;
            int shift = 0;
            while (true) {
                if (at == blockEnd) {
                    at = intAt(at);
                    blockEnd = at + BLOCKS[Math.min(BLOCKS.length - 1, ++block)] - 4;
                }
                byte b = pages[at >>> PAGE_BITS][at & (PAGE - 1)];
                at++;
                x |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    break;
                }
                shift += 7;
            }
            long delta = unzigzag(x >>> 1);
            if ((x & 1) == 0) {
                line = (int) (nl == 0 ? delta : line + delta);
                lines[nl++] = line;
            } else {
                rec = (int) (nr == 0 ? delta : rec + delta);
                records[nr++] = rec;
            }
        }
    }

    /** Value numbers in the order of their keyed hashes (first 8 bytes {@code k0}, then {@code k1}), ties by {@code tie}. */
    int[] sortedByHash(long[] k0, long[] k1, java.util.function.IntBinaryOperator tie) {
        int n = size;
        long[] keys = new long[n];
        for (int v = 0; v < n; v++) {
            keys[v] = (k0[v] >>> 22) << 21 | v;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        int mask = (1 << 21) - 1;
        for (int i = 0; i < n; ) {
            long prefix = keys[i] >>> 21;
            int j = i;
            while (j < n && keys[j] >>> 21 == prefix) {
                order[j] = (int) (keys[j] & mask);
                j++;
            }
            // equal first 42 bits: a value under several types or fields, or a rare near-collision
            for (int a = i + 1; a < j; a++) {
                int x = order[a];
                int b = a - 1;
                while (b >= i && compare(order[b], x, k0, k1, tie) > 0) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = x;
            }
            i = j;
        }
        return order;
    }

    private static int compare(int a, int b, long[] k0, long[] k1, java.util.function.IntBinaryOperator tie) {
        int c = Long.compareUnsigned(k0[a], k0[b]);
        if (c == 0) {
            c = Long.compareUnsigned(k1[a], k1[b]);
        }
        return c != 0 ? c : tie.applyAsInt(a, b);
    }

    private static long getLong(int[] r, int at) {
        return (long) r[at] << 32 | r[at + 1] & 0xFFFFFFFFL;
    }

    private double confidence(int v, int packed) {
        int number = packed >>> CONF_SHIFT;
        return number == OVERFLOW ? overflow.get(v) : confidences[number];
    }

    /** The number of {@code conf} in {@link #confidences}, added when new; {@link #OVERFLOW} when they are all taken. */
    private int confidenceNumber(double conf) {
        for (int i = nConfidences - 1; i >= 0; i--) {
            if (confidences[i] == conf) {
                return i;
            }
        }
        if (nConfidences == OVERFLOW) {
            return OVERFLOW;
        }
        if (nConfidences == confidences.length) {
            confidences = Arrays.copyOf(confidences, nConfidences * 2);
        }
        confidences[nConfidences] = conf;
        return nConfidences++;
    }

    private static void setLong(int[] r, int at, long x) {
        r[at] = (int) (x >>> 32);
        r[at + 1] = (int) x;
    }

    /**
     * Values below {@code v} are written and will not be read again: their rows (a third of the table)
     * go now, while the index is filling its buffers, rather than when the whole table is written.
     */
    void dropRowsBelow(int v) {
        for (int p = 0; p < v >>> ROW_PAGE_BITS && p < rows.length; p++) {
            rows[p] = null;
        }
    }

    /** Gives the table's memory back to the pool: after it was written or dropped. */
    void release() {
        TablePool.repay(borrowed);
        borrowed = 0;
        allowed = MIN;
        pages = new byte[0][];
        nPages = 0;
        rows = new int[1][];
        slots = new long[0];
        allocated = 0;
    }

    /** Bytes held (arrays and pages). */
    long bytes() {
        return allocated;
    }

    /** Whether the table may hold {@code need} bytes: borrows from the pool in steps as it grows. */
    private boolean allow(long need) {
        while (need > allowed) {
            if (borrowed + STEP > limit || !TablePool.borrow()) {
                return false;
            }
            borrowed += STEP;
            allowed += STEP;
        }
        return true;
    }


    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s != 0) {
                int i = mix((int) (s >>> 32)) & mask;
                while (bigger[i] != 0) {
                    i = (i + 1) & mask;
                }
                bigger[i] = s;
            }
        }
        allocated += (bigger.length - slots.length) * 8L;
        slots = bigger;
    }

    private boolean keyEquals(int v, int kind, String value) {
        int[] r = rows[v >>> ROW_PAGE_BITS];
        int ro = (v & (ROWS_PER_PAGE - 1)) * ROW;
        if (r[ro + KIND] != kind) {
            return false;
        }
        int at = r[ro + KEY_AT];
        if (at < 0) {
            return longKeys.get(-at - 1).equals(value);
        }
        byte[] p = pages[at >>> PAGE_BITS];
        int o = at & (PAGE - 1);
        int h = p[o] & 0xFF | (p[o + 1] & 0xFF) << 8;
        int len = h >>> 1;
        if (len != value.length()) {
            return false;
        }
        o += 2;
        if ((h & 1) == 0) {
            for (int i = 0; i < len; i++) {
                if ((p[o + i] & 0xFF) != value.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < len; i++, o += 2) {
            if ((char) (p[o] & 0xFF | (p[o + 1] & 0xFF) << 8) != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Writes a value's text to the pages: 2 bytes of length and width, then Latin-1 bytes or UTF-16 pairs. */
    private int writeKey(String value) {
        int len = value.length();
        boolean wide = false;
        for (int i = 0; i < len && !wide; i++) {
            wide = value.charAt(i) > 0xFF;
        }
        int need = 2 + (wide ? 2 * len : len);
        if (need > LONG_KEY) {
            longKeys.add(value);
            return -longKeys.size();
        }
        int at = reserve(need);
        byte[] p = pages[at >>> PAGE_BITS];
        int o = at & (PAGE - 1);
        int h = len << 1 | (wide ? 1 : 0);
        p[o++] = (byte) h;
        p[o++] = (byte) (h >>> 8);
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            p[o++] = (byte) c;
            if (wide) {
                p[o++] = (byte) (c >>> 8);
            }
        }
        return at;
    }

    /** {@code n} contiguous bytes in the pages (a new page when the current one has too few left); the table is full once a page is past what it may hold. */
    private int reserve(int n) {
        int page = free >>> PAGE_BITS;
        int o = free & (PAGE - 1);
        if (page == 0 && nPages == 1 && o + n > pages[0].length && o + n <= PAGE) {
            // the first page starts small and doubles, as the first page of rows
            allocated += pages[0].length;
            pages[0] = Arrays.copyOf(pages[0], Math.min(PAGE, Math.max(o + n, pages[0].length * 2)));
            if (!allow(bytes())) {
                full = true;
            }
        } else if (page >= nPages || o + n > PAGE) {
            page = nPages;
            if (page == pages.length) {
                pages = Arrays.copyOf(pages, Math.max(4, page * 2));
            }
            pages[page] = new byte[page == 0 ? Math.max(n, 4096) : PAGE];
            allocated += pages[page].length;
            nPages++;
            if (!allow(bytes())) {
                full = true;
            }
            o = 0;
        }
        int at = page << PAGE_BITS | o;
        free = at + n; // may be the next page's first byte: a page exactly full sends the next reservation to a new page
        return at;
    }

    /** Appends a varint to the chain of the value whose row is at {@code o} in {@code r}. */
    private void append(int[] r, int o, long x) {
        if (r[o + HEAD] < 0) {
            int b = reserve(BLOCKS[0]);
            r[o + HEAD] = b;
            r[o + TAIL] = b;
            r[o + END] = b + BLOCKS[0] - 4;
        }
        int at = r[o + TAIL];
        int stop = r[o + END];
        while (true) {
            if (at == stop) {
                int packed = r[o + PACKED];
                int i = Math.min(BLOCKS.length - 1, (packed >>> BLOCK_SHIFT & 15) + 1);
                r[o + PACKED] = packed & ~(15 << BLOCK_SHIFT) | i << BLOCK_SHIFT;
                int size = BLOCKS[i];
                int next = reserve(size);
                setInt(at, next);
                at = next;
                stop = next + size - 4;
            }
            byte b = (byte) (x & 0x7F);
            x >>>= 7;
            if (x != 0) {
                b |= (byte) 0x80;
            }
            pages[at >>> PAGE_BITS][at & (PAGE - 1)] = b;
            at++;
            if (x == 0) {
                break;
            }
        }
        r[o + TAIL] = at;
        r[o + END] = stop;
    }

    private int intAt(int at) {
        byte[] p = pages[at >>> PAGE_BITS];
        int o = at & (PAGE - 1);
        return (p[o] & 0xFF) << 24 | (p[o + 1] & 0xFF) << 16 | (p[o + 2] & 0xFF) << 8 | p[o + 3] & 0xFF;
    }

    private void setInt(int at, int x) {
        byte[] p = pages[at >>> PAGE_BITS];
        int o = at & (PAGE - 1);
        p[o] = (byte) (x >>> 24);
        p[o + 1] = (byte) (x >>> 16);
        p[o + 2] = (byte) (x >>> 8);
        p[o + 3] = (byte) x;
    }

    private static long zigzag(long x) {
        return x << 1 ^ x >> 63;
    }

    private static long unzigzag(long x) {
        return x >>> 1 ^ -(x & 1);
    }

    /** Murmur3's 32-bit finalizer: String hashes differ mostly in their low bits' neighbours. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
