package be.inzage.inventory;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a line-record item's record sets (a log's lines grouped by the set of linked values
 * on them; see {@code extract.RecordGroups}), each line stored once. A value whose lines are exactly
 * the union of its records' sets stores its records only, and its lines are read back from here: a
 * returning visitor's address, cookies and login each listed the same thousands of lines, which were
 * most of a log's index. A set is keyed by its representative (its record); a set that is just its
 * representative's own line is not stored at all. Sets are kept on documents of their own, one per
 * container and block of {@link #BLOCK_LINES} representatives, deleted with the container's findings.
 */
public final class SetLines {

    /** Representatives per block document: a block holds about this many lines, a few stored-field chunks. */
    static final int BLOCK_SHIFT = 14;
    static final int BLOCK_LINES = 1 << BLOCK_SHIFT;
    static final String DOCTYPE_VALUE = "lines";
    /** Indexed only: container id, a NUL and the block number (4 bytes). */
    static final String KEY = "lset";
    /** Stored only: the block's sets. */
    static final String STORED = "s";
    /** The block number under which a read's {@link LineTimes} are kept (record blocks are never negative). */
    static final int TIMES = -1;

    private SetLines() {
    }

    /**
     * One block's sets: representatives ascending, and for set {@code i} the lines
     * {@code lines[start[i]] .. lines[start[i + 1] - 1]}, ascending (the array may be shared by
     * several blocks, and hold others' lines outside those offsets).
     */
    public record Block(int number, int[] reps, int[] start, int[] lines) {

        int size() {
            return reps.length;
        }
    }

    /** The block a representative is stored in. */
    public static int blockOf(int rep) {
        return rep >>> BLOCK_SHIFT;
    }

    static BytesRef key(String cid, int block) {
        byte[] c = cid.getBytes(StandardCharsets.UTF_8);
        byte[] k = Arrays.copyOf(c, c.length + 5);
        k[c.length + 1] = (byte) (block >>> 24);
        k[c.length + 2] = (byte) (block >>> 16);
        k[c.length + 3] = (byte) (block >>> 8);
        k[c.length + 4] = (byte) block;
        return new BytesRef(k);
    }

    /** The block as a document of container {@code cidTerm}; deleted with it, like its findings. */
    static Document document(String cid, BytesRef cidTerm, Block b) {
        Document d = new Document();
        d.add(new StringField(InventoryIndex.DOCTYPE, DOCTYPE_VALUE, Field.Store.NO));
        d.add(new StringField(InventoryIndex.CID, cidTerm, Field.Store.NO));
        d.add(new StringField(KEY, key(cid, b.number()), Field.Store.NO));
        d.add(new StoredField(STORED, encode(b)));
        return d;
    }

    /** A read's line times as a document of container {@code cidTerm}, kept and deleted like its blocks. */
    static Document document(String cid, BytesRef cidTerm, LineTimes times) {
        Document d = new Document();
        d.add(new StringField(InventoryIndex.DOCTYPE, DOCTYPE_VALUE, Field.Store.NO));
        d.add(new StringField(InventoryIndex.CID, cidTerm, Field.Store.NO));
        d.add(new StringField(KEY, key(cid, TIMES), Field.Store.NO));
        d.add(new StoredField(STORED, times.encode()));
        return d;
    }

    /**
     * Each set as its representative's gap from the previous one, its line count (shifted left, the low
     * bit set when the rest is Elias-Fano), its first line's distance from the representative, then the
     * other lines as gap varints or, when smaller, as their distances from the first in Elias-Fano (a
     * visitor's lines of a day are spread over the day's: 1.5 bytes a line where varints take 2).
     */
    static BytesRef encode(Block b) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(16 + 3L * (b.start()[b.size()] - b.start()[0]));
        try {
            out.writeVInt(b.size());
            int prevRep = 0;
            long[] rest = new long[16];
            for (int i = 0; i < b.size(); i++) {
                out.writeVInt(b.reps()[i] - prevRep);
                prevRep = b.reps()[i];
                int from = b.start()[i];
                int to = b.start()[i + 1];
                int first = b.lines()[from];
                int n = to - from - 1;
                long varints = 0;
                if (n > rest.length) {
                    rest = new long[Math.max(n, rest.length * 2)];
                }
                for (int j = 0; j < n; j++) {
                    int gap = b.lines()[from + j + 1] - b.lines()[from + j] - 1;
                    varints += (32 - Integer.numberOfLeadingZeros(gap | 1) + 6) / 7;
                    rest[j] = b.lines()[from + j + 1] - first - 1;
                }
                boolean spread = n >= 2 && EliasFano.bytes(rest[n - 1], n) < varints;
                out.writeVInt((to - from) << 1 | (spread ? 1 : 0));
                out.writeZInt(first - b.reps()[i]);
                if (spread) {
                    EliasFano.write(out, rest, 0, 1, n);
                } else {
                    for (int j = from + 1; j < to; j++) {
                        out.writeVInt(b.lines()[j] - b.lines()[j - 1] - 1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return new BytesRef(out.toArrayCopy());
    }

    static Block decode(int number, BytesRef bytes) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            int n = in.readVInt();
            int[] reps = new int[n];
            int[] start = new int[n + 1];
            int[] lines = new int[Math.max(16, n * 2)];
            int k = 0;
            int prevRep = 0;
            for (int i = 0; i < n; i++) {
                reps[i] = prevRep + in.readVInt();
                prevRep = reps[i];
                int tagged = in.readVInt();
                int count = tagged >>> 1;
                if (k + count > lines.length) {
                    lines = Arrays.copyOf(lines, Math.max(k + count, lines.length * 2));
                }
                start[i] = k;
                int line = reps[i] + in.readZInt();
                lines[k++] = line;
                if ((tagged & 1) != 0) {
                    int first = line;
                    for (long d : EliasFano.read(in, count - 1)) {
                        lines[k++] = (int) (first + 1 + d);
                    }
                } else {
                    for (int j = 1; j < count; j++) {
                        line += in.readVInt() + 1;
                        lines[k++] = line;
                    }
                }
            }
            start[n] = k;
            return new Block(number, reps, start, Arrays.copyOf(lines, k));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("damaged line-set block " + number, e);
        }
    }

    /** Blocks of several documents (a log read again from where it stopped adds its own) as one. */
    static Block join(int number, List<Block> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        // each set as its representative and where it is (part, set), sorted by representative
        int sets = 0;
        for (Block b : parts) {
            sets += b.size();
        }
        long[] order = new long[sets];
        int i = 0;
        for (int p = 0; p < parts.size(); p++) {
            for (int s = 0; s < parts.get(p).size(); s++) {
                order[i++] = (long) parts.get(p).reps()[s] << 32 | (long) p << 20 | s;
            }
        }
        Arrays.sort(order);
        int[] reps = new int[sets];
        int[] start = new int[sets + 1];
        int[] out = new int[0];
        int k = 0;
        for (int j = 0; j < sets; j++) {
            Block b = parts.get((int) (order[j] >>> 20 & 0xFFF));
            int s = (int) (order[j] & 0xFFFFF);
            reps[j] = b.reps()[s];
            start[j] = k;
            out = append(out, k, b, s);
            k += b.start()[s + 1] - b.start()[s];
        }
        start[sets] = k;
        return new Block(number, reps, start, Arrays.copyOf(out, k));
    }

    /** {@code out} with set {@code s} of {@code b} written from {@code k} on, grown as needed. */
    private static int[] append(int[] out, int k, Block b, int s) {
        int len = b.start()[s + 1] - b.start()[s];
        if (k + len > out.length) {
            out = Arrays.copyOf(out, Math.max(k + len, Math.max(16, out.length * 2)));
        }
        System.arraycopy(b.lines(), b.start()[s], out, k, len);
        return out;
    }

    /** Decoded record-set blocks: at most 256 (about 80 KB each). */
    static final Cache<Block> DECODED_BLOCKS = new Cache<>(256);
    /** Decoded line-time tables: at most 512 (80 KB for a first read of 10 M lines, a few bytes for a short appended read). */
    static final Cache<LineTimes> DECODED_TIMES = new Cache<>(512);

    /**
     * Decoded documents by segment and document, shared by every read of one inventory: a segment
     * never changes, so neither do its documents, whatever readers are opened since. A log read on
     * from where it stopped reads its values back in batches, each on a new reader, and decoded every
     * block (and every read's line times) again for each batch. At most {@code size} documents.
     */
    static final class Cache<T> {

        private final int size;

        private record Key(Object segment, int doc) {
        }

        private final Map<Key, T> decodedDocs;

        Cache(int size) {
            this.size = size;
            this.decodedDocs = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, T> e) {
                    return size() > Cache.this.size;
                }
            };
        }

        /** Document {@code doc} (global) of the searcher, decoded from its stored field once per segment. */
        T get(IndexSearcher searcher, int doc, java.util.function.Function<BytesRef, T> decode) throws IOException {
            List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            org.apache.lucene.index.IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            Key key = helper == null ? null : new Key(helper.getKey(), doc - leaf.docBase);
            if (key != null) {
                synchronized (decodedDocs) {
                    T b = decodedDocs.get(key);
                    if (b != null) {
                        return b;
                    }
                }
            }
            T b = decode.apply(leaf.reader().storedFields().document(doc - leaf.docBase).getBinaryValue(STORED));
            if (key != null) {
                synchronized (decodedDocs) {
                    decodedDocs.put(key, b);
                }
            }
            return b;
        }
    }

    /**
     * Reads values' lines back from their records' sets, for one reader. Keeps the blocks it read
     * (at most {@link #CACHED}), since a container's findings share them.
     */
    static final class Reader {

        static final int CACHED = 512;

        private final IndexSearcher searcher;
        private final Map<String, Block> cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Block> e) {
                return size() > CACHED;
            }
        };

        Reader(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        /** The union of the sets of {@code records} (ascending), a record whose set is not stored being its own line. */
        int[] union(String cid, int[] records) throws IOException {
            int[] all = new int[Math.max(16, records.length * 4)];
            int k = 0;
            for (int r : records) {
                Block b = block(cid, blockOf(r));
                int i = b == null ? -1 : Arrays.binarySearch(b.reps(), r);
                if (i < 0) {
                    if (k == all.length) {
                        all = Arrays.copyOf(all, all.length * 2);
                    }
                    all[k++] = r;
                } else {
                    all = append(all, k, b, i);
                    k += b.start()[i + 1] - b.start()[i];
                }
            }
            return LineSet.sortedUnique(all, k);
        }

        private final Map<String, LineTimes.Parts> times = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LineTimes.Parts> e) {
                return size() > CACHED;
            }
        };

        /** The line times of container {@code cid}'s reads (none: an empty lookup). */
        LineTimes.Parts times(String cid) throws IOException {
            LineTimes.Parts p = times.get(cid);
            if (p == null) {
                TermQuery q = new TermQuery(new Term(KEY, key(cid, TIMES)));
                TopDocs top = searcher.search(q, Math.max(1, searcher.count(q))); // one per read: a log appended to often has many
                List<LineTimes> parts = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    parts.add(DECODED_TIMES.get(searcher, sd.doc, LineTimes::decode));
                }
                p = new LineTimes.Parts(parts);
                times.put(cid, p);
            }
            return p;
        }

        private Block block(String cid, int number) throws IOException {
            String cacheKey = cid + '\0' + number;
            Block b = cache.get(cacheKey);
            if (b != null || cache.containsKey(cacheKey)) {
                return b;
            }
            TopDocs top = searcher.search(new TermQuery(new Term(KEY, key(cid, number))), 1_000);
            List<Block> parts = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                parts.add(DECODED_BLOCKS.get(searcher, sd.doc, bytes -> decode(number, bytes)));
            }
            b = parts.isEmpty() ? null : join(number, parts);
            cache.put(cacheKey, b);
            return b;
        }
    }
}
