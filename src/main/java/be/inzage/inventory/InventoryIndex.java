package be.inzage.inventory;

import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The inventory: a Lucene index of {@link Finding}s. Opened either as the single writer (scans) or
 * read-only (search, findings), so searches work on the last commit while a scan runs.
 * Field choices: identifiers only as keyed hashes (exact-match StringField); display fields stored
 * only; the scan number as doc values, so stale findings can be dropped with one query.
 */
public final class InventoryIndex implements Closeable {

    private static final String FP = "fp";
    private static final String CID = "cid";
    private static final String SRC = "src";
    private static final String HASH = "hash";
    private static final String REC = "rec";
    private static final String SCAN = "scan";
    /** On item-state documents: the item's modification time as a point, for retention checks. */
    private static final String MODIFIED_AT = "modified_at";
    /** On findings with timestamps (logs): the last time the value was seen, for retention checks. */
    private static final String LAST_SEEN = "last_seen";
    /** Confidence as a point, for the findings explorer's filter. */
    private static final String CONF = "conf";
    /** On every finding: the item it comes from, so all of an item's parts are kept or dropped together. */
    private static final String ITEM = "item";
    /** On item-state documents only (size and modification time seen at the last scan). */
    private static final String STATE_FOR = "statefor";
    private static final Query FINDINGS = new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term("doctype", "state")), BooleanClause.Occur.MUST_NOT)
            .build();

    /** What the inventory remembers of an item, to skip it when it has not changed. */
    public record ItemState(long size, long modified, String rules) {
    }

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    private InventoryIndex(Directory dir, IndexWriter writer, SearcherManager searchers) {
        this.dir = dir;
        this.writer = writer;
        this.searchers = searchers;
    }

    public static InventoryIndex openWriter(Path path) throws IOException {
        Files.createDirectories(path);
        Directory d = FSDirectory.open(path);
        // BEST_SPEED: stored fields are small (masked previews, locators); fast LZ4 beats high compression here
        IndexWriterConfig cfg = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_SPEED))
                .setRAMBufferSizeMB(64);
        IndexWriter w = new IndexWriter(d, cfg);
        if (!DirectoryReader.indexExists(d)) {
            w.commit();
        }
        return new InventoryIndex(d, w, new SearcherManager(w, null));
    }

    public static InventoryIndex openReader(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new IOException("no inventory at " + path + " (run a scan first)");
        }
        Directory d = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(d)) {
            throw new IOException("no inventory at " + path + " (run a scan first)");
        }
        return new InventoryIndex(d, null, new SearcherManager(d, null));
    }

    // ---- writing (one thread: the inventory writer verticle) ---------------------------

    /** Replaces everything known about one container; atomic for readers. */
    public void replace(String cid, List<Finding> findings, long scan, boolean first) throws IOException {
        List<Document> docs = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            docs.add(toDocument(f, scan));
        }
        if (first) {
            writer.updateDocuments(new Term(CID, cid), docs);
        } else {
            writer.addDocuments(docs);
        }
    }

    /** Keeps an item's findings (all its parts) as they are, marked as seen in this scan: unchanged or unreadable now. */
    public void keep(String itemId, long scan) throws IOException {
        if (!writer.getFieldNames().contains(SCAN)) {
            return; // an empty inventory: nothing to keep yet
        }
        writer.updateNumericDocValue(new Term(ITEM, itemId), SCAN, scan);
        writer.updateNumericDocValue(new Term(STATE_FOR, itemId), SCAN, scan);
    }

    /** Remembers an item's size and modification time as scanned now. */
    public void remember(String itemId, String sourceId, ItemState state, long scan) throws IOException {
        Document d = new Document();
        d.add(new StringField(STATE_FOR, itemId, Field.Store.YES));
        d.add(new StringField("doctype", "state", Field.Store.NO));
        d.add(new StringField(SRC, sourceId, Field.Store.NO));
        d.add(new StoredField("size", state.size()));
        d.add(new StoredField("modified", state.modified()));
        d.add(new org.apache.lucene.document.LongPoint(MODIFIED_AT, state.modified()));
        d.add(new StoredField("rules", state.rules()));
        // the whole state as one term: "is this item unchanged?" is then a term lookup, no stored-field read
        d.add(new StringField("statekey", stateKey(itemId, state), Field.Store.NO));
        d.add(new NumericDocValuesField(SCAN, scan));
        writer.updateDocument(new Term(STATE_FOR, itemId), d);
    }

    private static String stateKey(String itemId, ItemState s) {
        return itemId + ':' + s.size() + ':' + s.modified() + ':' + s.rules();
    }

    /** Whether the item was read at an earlier scan with exactly this size, time and rules version. */
    public boolean unchanged(String itemId, ItemState now) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term("statekey", stateKey(itemId, now)))) > 0;
        } finally {
            searchers.release(s);
        }
    }

    /** The state stored at the last scan that read the item, or null. Safe from any thread. */
    public ItemState state(String itemId) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(STATE_FOR, itemId)), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            Document d = s.storedFields().document(top.scoreDocs[0].doc);
            return new ItemState(d.getField("size").numericValue().longValue(), d.getField("modified").numericValue().longValue(),
                    d.get("rules"));
        } finally {
            searchers.release(s);
        }
    }

    /** Drops the findings of a source that this (complete) scan did not see again: deleted files. */
    public void dropStale(String sourceId, long scan) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowExactQuery(SCAN, scan), BooleanClause.Occur.MUST_NOT)
                .build();
        // A delete-by-query would not see this scan's doc-value stamps (they are applied lazily), so the
        // stale containers are looked up on a near-real-time reader and deleted by their ids.
        java.util.Set<String> cids = new java.util.HashSet<>();
        java.util.Set<String> states = new java.util.HashSet<>();
        try (DirectoryReader r = DirectoryReader.open(writer)) {
            IndexSearcher s = new IndexSearcher(r);
            StoredFields stored = s.storedFields();
            TopDocs top = s.search(q, Math.max(1, s.count(q)));
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                if (d.get(STATE_FOR) != null) {
                    states.add(d.get(STATE_FOR));
                } else {
                    cids.add(d.get(CID));
                }
            }
        }
        for (String c : cids) {
            writer.deleteDocuments(new Term(CID, c));
        }
        for (String st : states) {
            writer.deleteDocuments(new Term(STATE_FOR, st));
        }
    }

    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document toDocument(Finding f, long scan) {
        Document d = new Document();
        // the fingerprint identifies the finding across scans; replacement itself goes by container id
        d.add(new StoredField(FP, f.fingerprint()));
        d.add(new StringField(CID, f.cid(), Field.Store.YES));
        d.add(new StringField(SRC, f.sourceId(), Field.Store.YES));
        d.add(new StringField(ITEM, f.itemId(), Field.Store.NO));
        d.add(new StoredField("source", f.source()));
        d.add(new StringField("kind", f.kind(), Field.Store.YES));
        d.add(new StringField("container", f.container(), Field.Store.YES));
        if (f.part() != null) {
            d.add(new StoredField("part", f.part()));
        }
        if (f.field() != null) {
            d.add(new StoredField("field", f.field()));
        }
        d.add(new StringField("type", f.type(), Field.Store.YES));
        d.add(new StringField("category", f.category(), Field.Store.YES));
        d.add(new StoredField("risk", f.risk()));
        d.add(new StoredField("confidence", f.confidence()));
        d.add(new org.apache.lucene.document.DoublePoint(CONF, f.confidence()));
        d.add(new StoredField("masked", f.masked()));
        d.add(new StringField(HASH, f.hash(), Field.Store.YES));
        for (String a : f.aliases()) {
            d.add(new StringField(HASH, a, Field.Store.NO));
        }
        d.add(new StoredField("lines", f.lines()));
        if (f.rows() != null && !f.rows().isEmpty()) {
            d.add(new StoredField("rows", f.rows()));
        }
        d.add(new StoredField("count", f.count()));
        if (f.firstSeen() > 0) {
            d.add(new StoredField("first", f.firstSeen()));
            d.add(new StoredField("last", f.lastSeen()));
            d.add(new org.apache.lucene.document.LongPoint(LAST_SEEN, f.lastSeen()));
        }
        d.add(new StoredField("segment", f.segment()));
        for (String r : f.records()) {
            d.add(new StringField(REC, r, Field.Store.YES));
        }
        d.add(new NumericDocValuesField(SCAN, scan));
        return d;
    }

    // ---- reading -------------------------------------------------------------------------

    /** Every finding whose value hash is one of {@code hashes}. */
    public List<Finding> byHashes(Collection<String> hashes) throws IOException {
        return query(new TermInSetQuery(HASH, hashes.stream().map(BytesRef::new).toList()));
    }

    /** Every finding sitting in one of {@code records}. */
    public List<Finding> byRecords(Collection<String> records) throws IOException {
        return query(new TermInSetQuery(REC, records.stream().map(BytesRef::new).toList()));
    }

    private List<Finding> query(Query q) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            int n = Math.max(1, s.count(q));
            TopDocs top = s.search(q, n);
            StoredFields stored = s.storedFields();
            List<Finding> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(fromDocument(stored.document(sd.doc)));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** Streams every finding; memory stays flat however large the inventory. */
    public void forEach(Consumer<Finding> consumer) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            IndexReader r = s.getIndexReader();
            for (LeafReaderContext leaf : r.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        Document d = stored.document(i);
                        if (d.get(STATE_FOR) == null) {
                            consumer.accept(fromDocument(d));
                        }
                    }
                }
            }
        } finally {
            searchers.release(s);
        }
    }

    /** A source present in the inventory: its id, display URI and kind. */
    public record SourceInfo(String id, String display, String kind) {
    }

    /** Every source that has findings in the inventory. */
    public List<SourceInfo> sources() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            List<SourceInfo> out = new ArrayList<>();
            for (String id : terms(s.getIndexReader(), SRC)) {
                TopDocs one = s.search(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(SRC, id)), BooleanClause.Occur.FILTER).build(), 1);
                if (one.scoreDocs.length > 0) {
                    Document d = s.storedFields().document(one.scoreDocs[0].doc);
                    out.add(new SourceInfo(id, d.get("source"), d.get("kind")));
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** Findings of one source per value of {@code field} (category or type), counted with the postings, not by reading documents. */
    public java.util.Map<String, Integer> countBy(String sourceId, String field) throws IOException {
        if (!field.equals("category") && !field.equals("type")) {
            throw new IllegalArgumentException("countBy works on category or type");
        }
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            for (String v : terms(s.getIndexReader(), field)) {
                int n = s.count(new BooleanQuery.Builder().add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(field, v)), BooleanClause.Occur.FILTER).build());
                if (n > 0) {
                    out.put(v, n);
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    private static List<String> terms(IndexReader r, String field) throws IOException {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (LeafReaderContext leaf : r.leaves()) {
            org.apache.lucene.index.Terms t = leaf.reader().terms(field);
            if (t == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum te = t.iterator();
            for (BytesRef b = te.next(); b != null; b = te.next()) {
                out.add(b.utf8ToString());
            }
        }
        return new ArrayList<>(out);
    }

    /** One page of findings matching the filters (null means any), in index order, with the total. */
    public record Page(long total, List<Finding> findings) {
    }

    public Page page(String sourceId, String category, String type, Double minConfidence, int page, int size) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER);
        if (sourceId != null) {
            q.add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER);
        }
        if (category != null) {
            q.add(new TermQuery(new Term("category", category)), BooleanClause.Occur.FILTER);
        }
        if (type != null) {
            q.add(new TermQuery(new Term("type", type)), BooleanClause.Occur.FILTER);
        }
        if (minConfidence != null) {
            q.add(org.apache.lucene.document.DoublePoint.newRangeQuery(CONF, minConfidence, Double.POSITIVE_INFINITY),
                    BooleanClause.Occur.FILTER);
        }
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Query built = q.build();
            int total = s.count(built);
            int from = page * size;
            List<Finding> out = new ArrayList<>();
            if (from < total) {
                TopDocs top = s.search(built, Math.min(total, from + size), org.apache.lucene.search.Sort.INDEXORDER);
                StoredFields stored = s.storedFields();
                for (int i = from; i < top.scoreDocs.length; i++) {
                    out.add(fromDocument(stored.document(top.scoreDocs[i].doc)));
                }
            }
            return new Page(total, out);
        } finally {
            searchers.release(s);
        }
    }

    /** Items of a source last modified before a moment, and the findings they hold. */
    public record Aged(long items, long findings, long oldestModified) {
    }

    /** Items (files, logs) of a source not modified since {@code cutoffMillis}: data kept past a retention period. */
    public Aged olderThan(String sourceId, long cutoffMillis, int maxItems) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Query states = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("doctype", "state")), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                    .add(org.apache.lucene.document.LongPoint.newRangeQuery(MODIFIED_AT, Long.MIN_VALUE, cutoffMillis - 1),
                            BooleanClause.Occur.FILTER)
                    .build();
            int items = s.count(states);
            if (items == 0) {
                return new Aged(0, 0, 0);
            }
            TopDocs top = s.search(states, Math.min(items, maxItems));
            StoredFields stored = s.storedFields();
            List<BytesRef> ids = new ArrayList<>();
            long oldest = Long.MAX_VALUE;
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                ids.add(new BytesRef(d.get(STATE_FOR)));
                oldest = Math.min(oldest, d.getField("modified").numericValue().longValue());
            }
            int findings = s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                    .add(new TermInSetQuery(ITEM, ids), BooleanClause.Occur.FILTER).build());
            return new Aged(items, findings, oldest);
        } finally {
            searchers.release(s);
        }
    }

    /** Findings of a source last seen (by their log timestamps) before {@code cutoffMillis}. */
    public int lastSeenBefore(String sourceId, long cutoffMillis) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                    .add(org.apache.lucene.document.LongPoint.newRangeQuery(LAST_SEEN, 1, cutoffMillis - 1), BooleanClause.Occur.FILTER)
                    .build());
        } finally {
            searchers.release(s);
        }
    }

    /** Findings of one source. */
    public int count(String sourceId) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER).build());
        } finally {
            searchers.release(s);
        }
    }

    public int count() throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(FINDINGS);
        } finally {
            searchers.release(s);
        }
    }

    private static Finding fromDocument(Document d) {
        List<String> recs = new ArrayList<>();
        for (var f : d.getFields(REC)) {
            recs.add(f.stringValue());
        }
        return new Finding(d.get(SRC), d.get("source"), d.get("kind"), d.get("container"), d.get("part"), d.get("field"),
                d.get("type"), d.get("category"), d.get("risk"), d.getField("confidence").numericValue().doubleValue(),
                d.get("masked"), d.get(HASH), List.of(), d.get("lines"), d.getField("count").numericValue().intValue(),
                recs, d.get(CID), d.getField("segment").numericValue().intValue(), d.get("rows") == null ? "" : d.get("rows"),
                d.getField("first") == null ? 0 : d.getField("first").numericValue().longValue(),
                d.getField("last") == null ? 0 : d.getField("last").numericValue().longValue());
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writer != null) {
            writer.close();
        }
        dir.close();
    }
}
