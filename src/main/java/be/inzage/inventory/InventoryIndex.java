package be.inzage.inventory;

import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
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
 * only. What is the same for every finding of a place (source, kind, container, part) is stored
 * once, on a container document, and joined back by container id when findings are read: a
 * database table or a log file has hundreds of thousands of findings. The scan number lives on
 * container and item-state documents only (doc values), so stale places are found with one query
 * and marking an unchanged item as seen touches two documents, not all its findings.
 */
public final class InventoryIndex implements Closeable {

    /** Kinds of document: a finding, a container (one place's shared fields) and an item's state. */
    static final String DOCTYPE = "doctype";
    /** The item id of container and state documents, and the container id of containers, as doc values. */
    static final String ITEM_DV = "item_dv";
    private static final String CID_DV = "cid_dv";
    /** Written into every commit; an index without it (or another value) was made by an older layout. */
    private static final String FORMAT_KEY = "inzage.format";
    /**
     * "8" since session 16: a keyed hash is indexed as a point ({@link #HASH_POINT}) and a finding's
     * record lines as points ({@link #REC_POINT}), where format 7 had terms, which are still looked up;
     * "7" (session 14): hashes are 96 bits ({@link KeyedHasher#LENGTH}; earlier ones read back as
     * their first 12 bytes), their terms 4 bytes, a log's findings may store their times against its
     * {@link LineTimes}, and last seen is a doc value in seconds; "6" (session 13): a log's findings may
     * be stored without their lines, which are read back from their records' sets ({@link SetLines});
     * "5" (session 11): stored findings may use {@link StoredFinding}'s layout 2. An older release would
     * misread any of these, so it must refuse the index. Formats 5 and 6 read the same way and become 7
     * at the next commit. Format 4 indexed whole 16-byte hashes, which a 96-bit hash cannot look up:
     * refused, to be scanned again.
     */
    private static final String FORMAT = "8";
    private static final java.util.Set<String> READABLE = java.util.Set.of("5", "6", "7", "8");
    static final String CID = "cid";
    static final String SRC = "src";
    private static final String HASH = "hash";
    private static final String REC = "rec";
    /** Stored only, on findings: everything a finding shows, as one {@link StoredFinding} blob. */
    private static final String STORED = "f";
    /**
     * Up to format 7, indexed only: a finding's record lines ("cid:42") as 4-byte terms, matched
     * together with the container id; still looked up. (As "cid:line" strings, before format 5, they
     * were 40-byte terms unique per file and line.)
     */
    private static final String REC_LINE = "recn";
    /**
     * Since format 8, instead of {@link #REC_LINE}: the record lines as int points, matched together with
     * the container id. A point costs the indexing chain a copy of 4 bytes where a term went through the
     * term hash: with {@link #HASH_POINT}, 1.6 s less to index and flush a log of a million values
     * (1.6 M record lines), for the same index size.
     */
    private static final String REC_POINT = "recp";
    /**
     * Since format 8, instead of {@link #HASH} terms: a keyed hash's first 4 bytes as an int point
     * (a million unique terms were a fifth of the term hash's work); other hashes stay terms.
     */
    private static final String HASH_POINT = "hashp";
    /**
     * Indexed only: a database row's own record id ("cid:" and 32 hex digits of the row key's hash)
     * as its 16 bytes, matched together with the container id; the 65-character string was the
     * longest term of every database finding.
     */
    private static final String REC_ROW = "recr";
    /**
     * Indexed only, on database findings held by more than one row: a rescan that drops a row deletes
     * the findings of that row alone without reading them, and reads and rewrites only these.
     */
    private static final String MULTI_ROW = "multirow";
    /** Indexed only, on item-state documents with a resume point and a path (logs): listed by {@link #resumables}. */
    static final String RESUMABLE = "resumable";
    /** Indexed only, on item-state documents of files: source, size and time, to find a moved file's old self. */
    static final String CONTENT = "content";
    static final BytesRef YES = new BytesRef("1");
    static final String SCAN = "scan";
    /** On item-state documents: the item's modification time as a point, for retention checks. */
    static final String MODIFIED_AT = "modified_at";
    /** On findings with timestamps (logs): the last time the value was seen, for retention checks. */
    private static final String LAST_SEEN = "last_seen";
    /**
     * Since format 7, instead: the same in whole seconds, as doc values. A point cost 3.2 MB on a log of
     * a million values, mostly document numbers (a log's values are written in hash order, so those of
     * one hour are spread over all of them); doc values 2.5. Counted by a scan of the source's
     * findings, a few milliseconds a million.
     */
    private static final String LAST_SEEN_S = "last_seen_s";
    /** Confidence as a point, for the findings explorer's filter. */
    private static final String CONF = "conf";
    /**
     * On container documents: the item (file, table) the place belongs to, so retention checks find
     * an item's findings through its containers (a term per finding cost a SHA-256 per finding).
     */
    static final String ITEM = "item";
    /** On item-state documents only (size and modification time seen at the last scan). */
    static final String STATE_FOR = "statefor";
    private static final BytesRef FINDING = new BytesRef("finding");
    static final Query FINDINGS = new TermQuery(new Term(DOCTYPE, FINDING));
    static final Query CONTAINERS = new TermQuery(new Term(DOCTYPE, "container"));

    /** What the inventory remembers of an item, to skip it when it has not changed. */
    public record ItemState(long size, long modified, String rules) {
    }


    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ItemStates states;
    private final Relocations relocations;

    /**
     * Whether the index held hash terms when opened: it was written by format 7 or earlier, whose keyed
     * hashes are looked up by their terms too. Format 8 writes none for keyed hashes, so the lookups of
     * a merge (twice per batch, for tens of thousands of hashes) skip three terms per hash otherwise.
     */
    private final boolean keyedHashTerms;

    private InventoryIndex(Directory dir, IndexWriter writer, SearcherManager searchers) throws IOException {
        this.dir = dir;
        this.writer = writer;
        this.searchers = searchers;
        this.keyedHashTerms = hasField(searchers, HASH);
        this.states = new ItemStates(writer, searchers);
        this.relocations = new Relocations(this, writer, searchers);
    }

    public static InventoryIndex openWriter(Path path) throws IOException {
        Files.createDirectories(path);
        Directory d = FSDirectory.open(path);
        // BEST_COMPRESSION (DEFLATE) for stored fields: a third smaller than LZ4, so the index of a 100 MB
        // web log went from 70 to 56 MB and a subject inventory from 74 to 62 MB per million findings,
        // for a search p99 of 3.3 ms instead of 1.6 ms (target 20 ms) and the same scan time (bench/README.md)
        IndexWriterConfig cfg = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION))
                .setRAMBufferSizeMB(64)
                .setUseCompoundFile(false);
        boolean exists = DirectoryReader.indexExists(d);
        if (exists) {
            checkFormat(path, org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData(), d);
        }
        IndexWriter w = new IndexWriter(d, cfg);
        w.setLiveCommitData(java.util.Map.of(FORMAT_KEY, FORMAT).entrySet());
        if (!exists) {
            w.commit();
        }
        return new InventoryIndex(d, w, new SearcherManager(w, null));
    }

    private static boolean hasField(SearcherManager searchers, String field) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                if (leaf.reader().getFieldInfos().fieldInfo(field) != null) {
                    return true;
                }
            }
            return false;
        } finally {
            searchers.release(s);
        }
    }

    public static InventoryIndex openReader(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new IOException("no inventory at " + path + " (run a scan first)");
        }
        Directory d = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(d)) {
            throw new IOException("no inventory at " + path + " (run a scan first)");
        }
        checkFormat(path, org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData(), d);
        return new InventoryIndex(d, null, new SearcherManager(d, null));
    }

    private static void checkFormat(Path path, java.util.Map<String, String> commitData, Directory d) throws IOException {
        String format = commitData.get(FORMAT_KEY);
        if (format == null || !READABLE.contains(format)) {
            d.close();
            boolean newer = format != null && format.matches("\\d{1,6}") && Integer.parseInt(format) > Integer.parseInt(FORMAT);
            throw new IOException("the inventory at " + path + " was written by " + (newer ? "a newer" : "an earlier")
                    + " version of Inzage;" + (newer ? " use that version" : " move it away and scan again"));
        }
    }

    // ---- writing: findings from the crawlers' threads; states, drops and commits from the writer verticle ----

    /** Containers whose first batch was empty: their container document comes with the next batch. */
    private final java.util.Set<String> awaitingContainer = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Replaces everything known about one container (first batch) or adds to it; atomic for readers.
     * Safe from several threads at once, for different containers.
     */
    public void replace(String cid, List<Finding> findings, long scan, boolean first) throws IOException {
        replace(cid, findings, scan, first, List.of(), null);
    }

    /**
     * The same, with the container's record sets ({@link SetLines}) that findings whose records cover
     * their lines are read back from, and the line times ({@link LineTimes}, or null) their times are
     * stored against: written in the same update, so no reader sees one without the other.
     */
    public void replace(String cid, List<Finding> findings, long scan, boolean first, List<SetLines.Block> sets,
            LineTimes times) throws IOException {
        List<Document> docs = new ArrayList<>(findings.size() + 2 + sets.size());
        if (!findings.isEmpty() && (first || awaitingContainer.remove(cid))) {
            docs.add(containerDocument(findings.get(0), scan));
        } else if (findings.isEmpty() && first) {
            awaitingContainer.add(cid);
        }
        // the container's terms are the same for the whole batch: converted to bytes once
        BytesRef cidTerm = new BytesRef(cid);
        for (SetLines.Block b : sets) {
            docs.add(SetLines.document(cid, cidTerm, b));
        }
        if (times != null) {
            docs.add(SetLines.document(cid, cidTerm, times));
        }
        BytesRef srcTerm = findings.isEmpty() ? null : new BytesRef(findings.get(0).sourceId());
        for (Finding f : findings) {
            docs.add(toDocument(f, f.cid().equals(cid) ? cidTerm : new BytesRef(f.cid()),
                    f.sourceId().equals(findings.get(0).sourceId()) ? srcTerm : new BytesRef(f.sourceId())));
        }
        if (first && docs.isEmpty()) {
            // nothing to add: a plain delete. An update with no documents still takes an indexing buffer,
            // and Lucene's accounting of such an empty buffer tripped its own assertion at close (tests)
            writer.deleteDocuments(new Term(CID, cid));
        } else if (first) {
            writer.updateDocuments(new Term(CID, cid), docs);
        } else if (!docs.isEmpty()) {
            writer.addDocuments(docs);
        }
    }

    /**
     * Adds record sets to a container's ({@link SetLines}): those of lines appended to a log, beside the
     * sets of its earlier lines; and those lines' times (or null). Call before writing the findings that need them.
     */
    public void addSets(String cid, List<SetLines.Block> sets, LineTimes times) throws IOException {
        BytesRef cidTerm = new BytesRef(cid);
        List<Document> docs = new ArrayList<>(sets.size() + 1);
        for (SetLines.Block b : sets) {
            docs.add(SetLines.document(cid, cidTerm, b));
        }
        if (times != null) {
            docs.add(SetLines.document(cid, cidTerm, times));
        }
        writer.addDocuments(docs);
    }

    /** Per running scan ("sourceId@scan"): the items kept as they are. */
    private final java.util.Map<String, KeptItems> kept = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Keeps an item's findings (all its parts) as they are, as seen in this scan: unchanged or
     * unreadable now. Remembered in memory until the scan's {@link #dropStale}; nothing is written,
     * so it is cheap enough for an event loop. Safe from any thread.
     */
    public void keep(String sourceId, String itemId, long scan) {
        kept.computeIfAbsent(sourceId + '@' + scan, k -> new KeptItems()).add(itemId);
    }

    /** Remembers an item's size and modification time as scanned now ({@link ItemStates#remember}). */
    public void remember(String itemId, String sourceId, ItemState state, long scan) throws IOException {
        states.remember(itemId, sourceId, state, scan, null, null, null);
    }

    /**
     * Where a later read of an item may carry on from ({@code point}, opaque here: a log read up to a
     * line, see {@code scan.LogResume}; null when it cannot), the item's path and the container id its
     * findings are under: a log renamed since ({@link #resumables}, {@link #rename}) is found again by them.
     */
    public record Resume(String point, String path, String cid) {
    }

    /** The same, with a resume point (or null). */
    public void remember(String itemId, String sourceId, ItemState state, long scan, Resume resume) throws IOException {
        states.remember(itemId, sourceId, state, scan, resume, null, null);
    }

    /** The same, with what finds a file again when it moves: its path and the digest of its first 64 KB (or null). */
    public void remember(String itemId, String sourceId, ItemState state, long scan, Resume resume, String path, String head)
            throws IOException {
        states.remember(itemId, sourceId, state, scan, resume, path, head);
    }

    /** An item whose last read left a resume point. */
    public record Resumable(String itemId, ItemState state, Resume resume) {
    }

    /** The items of a source whose state has a resume point (logs), as of the last refresh. */
    public List<Resumable> resumables(String sourceId) throws IOException {
        return states.resumables(sourceId);
    }

    /**
     * A file remembered with what identifies its content when it moves: its size and time (one
     * indexed term, scoped to the source) and the digest of its first 64 KB.
     */
    public record Gone(String itemId, String path, String head, String rules) {
    }

    /** Whether any item of the source was remembered with a content identity (else no lookup can find one). */
    public boolean remembersContent(String sourceId) throws IOException {
        return states.remembersContent(sourceId);
    }

    /** The items of the source remembered with this size and time, as of the last refresh. */
    public List<Gone> sameSizeAndTime(String sourceId, long size, long modified) throws IOException {
        return states.sameSizeAndTime(sourceId, size, modified);
    }

    /**
     * Moves an item's findings (every part of it) to another path of the same source, rewritten as a
     * read of the file at {@code container} would write them ({@link Relocations#moveItem}); how many moved.
     */
    public long moveItem(String fromItem, String toItem, String container, java.util.function.Function<String, String> cidOfPart,
            long scan) throws IOException {
        return relocations.moveItem(fromItem, toItem, container, cidOfPart, scan);
    }

    /** Forgets an item's state: it is read as new at the next scan. */
    public void forget(String itemId) throws IOException {
        states.forget(itemId);
    }

    /**
     * Puts the findings of container {@code cid} at another path of the same source without touching
     * them ({@link Relocations#rename}); how many moved. Call {@link #refreshNow} before the next rename.
     */
    public long rename(String cid, String container, String itemId, long scan) throws IOException {
        return relocations.rename(cid, container, itemId, scan);
    }

    /** Whether the item was read at an earlier scan with exactly this size, time and rules version. */
    public boolean unchanged(String itemId, ItemState now) throws IOException {
        return states.unchanged(List.of(itemId), List.of(now))[0];
    }

    /** The same for a batch of items (a walk's 256 paths), in one pass over the index. */
    public boolean[] unchanged(List<String> itemIds, List<ItemState> now) throws IOException {
        return states.unchanged(itemIds, now);
    }

    /** Where the last read of an item said a later one may carry on from, or null. Safe from any thread. */
    public Resume resume(String itemId) throws IOException {
        return states.resume(itemId);
    }

    /** The state stored at the last scan that read the item, or null. Safe from any thread. */
    public ItemState state(String itemId) throws IOException {
        return states.state(itemId);
    }

    /**
     * Drops the findings of a source that this (complete) scan neither wrote nor kept: deleted files,
     * dropped tables. Forgets the scan's kept items (and those of earlier, unfinished scans of the source).
     */
    public void dropStale(String sourceId, long scan) throws IOException {
        KeptItems keptNow = kept.getOrDefault(sourceId + '@' + scan, new KeptItems());
        kept.keySet().removeIf(k -> k.startsWith(sourceId + '@'));
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(DOCTYPE, new BytesRef("container"), new BytesRef("state")), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowExactQuery(SCAN, scan), BooleanClause.Occur.MUST_NOT)
                .build();
        // Stale containers and states are looked up on a near-real-time reader and deleted by their ids,
        // read from doc values: stored fields would decompress a block of findings for every container.
        java.util.Set<String> cids = new java.util.HashSet<>();
        java.util.Set<String> states = new java.util.HashSet<>();
        try (DirectoryReader r = DirectoryReader.open(writer)) {
            IndexSearcher s = new IndexSearcher(r);
            Weight w = s.createWeight(s.rewrite(q), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : r.leaves()) {
                org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                org.apache.lucene.index.SortedDocValues items = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), ITEM_DV);
                org.apache.lucene.index.SortedDocValues containers = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), CID_DV);
                Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if ((live != null && !live.get(d)) || !items.advanceExact(d)) {
                        continue;
                    }
                    String item = items.lookupOrd(items.ordValue()).utf8ToString();
                    if (keptNow.contains(item)) {
                        continue;
                    }
                    if (containers.advanceExact(d)) {
                        cids.add(containers.lookupOrd(containers.ordValue()).utf8ToString());
                    } else {
                        states.add(item);
                    }
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

    /** What every finding of a place shares, stored once; it also carries the place's scan stamp. */
    private static Document containerDocument(Finding f, long scan) {
        return containerDocument(f.cid(), f.sourceId(), f.source(), f.kind(), f.container(), f.part(), f.itemId(), scan);
    }

    static Document containerDocument(String cid, String sourceId, String source, String kind, String container,
            String part, String itemId, long scan) {
        Document d = new Document();
        d.add(new StringField(DOCTYPE, "container", Field.Store.NO));
        d.add(new StringField(CID, cid, Field.Store.YES));
        d.add(new StringField(SRC, sourceId, Field.Store.YES));
        d.add(new org.apache.lucene.document.SortedDocValuesField(ITEM_DV, new BytesRef(itemId)));
        d.add(new StringField(ITEM, itemId, Field.Store.NO));
        d.add(new org.apache.lucene.document.SortedDocValuesField(CID_DV, new BytesRef(cid)));
        d.add(new StoredField("source", source));
        d.add(new StoredField("kind", kind));
        d.add(new StoredField("container", container));
        if (part != null) {
            d.add(new StoredField("part", part));
        }
        d.add(new NumericDocValuesField(SCAN, scan));
        return d;
    }

    private static Document toDocument(Finding f, BytesRef cidTerm, BytesRef srcTerm) {
        Document d = new Document();
        d.add(new StringField(DOCTYPE, FINDING, Field.Store.NO));
        d.add(new StringField(CID, cidTerm, Field.Store.NO));
        d.add(new StringField(SRC, srcTerm, Field.Store.NO));
        d.add(new StringField("type", label(f.type()), Field.Store.NO));
        d.add(new StringField("category", label(f.category()), Field.Store.NO));
        d.add(new org.apache.lucene.document.DoublePoint(CONF, f.confidence()));
        byte[] raw = KeyedHasher.bytes(f.hash()); // decoded once for the term and the stored blob
        d.add(hashField(f.hash(), raw));
        for (String a : f.aliases()) {
            d.add(hashField(a, KeyedHasher.bytes(a)));
        }
        if (f.firstSeen() > 0) {
            d.add(new NumericDocValuesField(LAST_SEEN_S, Math.floorDiv(f.lastSeen(), 1000)));
        }
        // rows are encoded without spaces: "},{" is always between two rows (and at worst inside a text key, which is only slower)
        if (f.rows() != null && f.rows().contains("},{")) {
            d.add(new StringField(MULTI_ROW, YES, Field.Store.NO));
        }
        // Record ids are indexed as they are. The ones that are a line of the container ("cid:42", every
        // log line and CSV row) are stored as one range list: a log value can sit in a thousand of them.
        String ownPrefix = f.cid() + ':';
        int[] lines = new int[f.records().size()];
        int n = 0;
        List<String> otherRecords = new ArrayList<>();
        if (f.records() instanceof LineRecords lr && lr.cid().equals(f.cid())) {
            lines = lr.lines();
            n = lines.length;
            for (int line : lines) {
                d.add(new IntPoint(REC_POINT, line));
            }
        } else {
            for (String r : f.records()) {
                Scoped own = r.startsWith(ownPrefix) ? scoped(r) : null;
                if (own != null && own.field().equals(REC_LINE)) {
                    d.add(new IntPoint(REC_POINT, own.line()));
                } else if (own != null) {
                    d.add(new StringField(own.field(), own.term(), Field.Store.NO));
                } else {
                    d.add(new StringField(REC, r, Field.Store.NO));
                }
                if (own != null && own.field().equals(REC_LINE)) {
                    lines[n++] = own.line();
                } else {
                    otherRecords.add(r);
                }
            }
        }
        // the record lines go as numbers: whether they are the lines themselves is decided without spelling them
        int[] recordNumbers = n > 0 ? LineSet.sortedUnique(lines, n) : null;
        boolean own = f.records() instanceof LineRecords lr && lr.cid().equals(f.cid());
        boolean covered = recordNumbers != null && own && ((LineRecords) f.records()).coversLines();
        LineTimes times = own ? ((LineRecords) f.records()).times() : null;
        d.add(new StoredField(STORED, StoredFinding.encode(new StoredFinding.Fields(f.cid(), f.field(), f.type(), f.category(),
                f.risk(), f.confidence(), f.masked(), f.hash(), f.lines(), f.count(), f.rows(), f.firstSeen(), f.lastSeen(),
                f.segment(), otherRecords, null, f.aliases()), raw, recordNumbers, covered, times,
                own ? ((LineRecords) f.records()).lineRanges() : null)));
        return d;
    }

    /** Types and categories as terms: a few dozen, spelt in UTF-8 once rather than for every finding. */
    private static final java.util.Map<String, BytesRef> LABELS = new java.util.concurrent.ConcurrentHashMap<>();

    private static BytesRef label(String s) {
        BytesRef b = LABELS.get(s);
        if (b == null) {
            b = new BytesRef(s);
            if (LABELS.size() < 1024) { // rules define them; a bound all the same
                LABELS.put(s, b);
            }
        }
        return b;
    }

    /**
     * A value hash's field: a {@link KeyedHasher} hash as the int point of its first 4 bytes (format 7
     * had them as a term, format 6 six bytes, format 5 eight); anything else as a term of its UTF-8
     * bytes. Two values share a point about once in 2^32 pairs (a hundred times among a million
     * values): {@link #byHashes} keeps only exact matches, and the rewrites of changed values delete
     * exactly the documents they read and wrote back.
     */
    private static Field hashField(String hash, byte[] raw) {
        return raw == null ? new StringField(HASH, new BytesRef(hash), Field.Store.NO) : new IntPoint(HASH_POINT, hashPoint(raw));
    }

    /** The first 4 bytes of a keyed hash as an int (the bytes of format 7's term). */
    private static int hashPoint(byte[] raw) {
        return (raw[0] & 0xff) << 24 | (raw[1] & 0xff) << 16 | (raw[2] & 0xff) << 8 | (raw[3] & 0xff);
    }

    /**
     * Findings with one of the hashes: by their points, by the terms of hashes that are not keyed, and,
     * in an index that had hash terms when opened, by the terms formats 5 to 7 gave keyed hashes (their
     * first 8, 6 or 4 bytes). Any may hold a neighbour sharing the prefix.
     */
    private Query hashQuery(Collection<String> hashes) {
        List<BytesRef> terms = new ArrayList<>(hashes.size() * 3);
        int[] points = new int[hashes.size()];
        int n = 0;
        for (String h : hashes) {
            byte[] raw = KeyedHasher.bytes(h);
            if (raw == null) {
                terms.add(new BytesRef(h));
            } else {
                points[n++] = hashPoint(raw);
                if (keyedHashTerms) {
                    terms.add(new BytesRef(raw, 0, 4));
                    terms.add(new BytesRef(raw, 0, 6));
                    terms.add(new BytesRef(raw, 0, 8));
                }
            }
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!terms.isEmpty()) {
            any.add(new TermInSetQuery(HASH, terms), BooleanClause.Occur.SHOULD);
        }
        if (n > 0) {
            any.add(IntPoint.newSetQuery(HASH_POINT, java.util.Arrays.copyOf(points, n)), BooleanClause.Occur.SHOULD);
        }
        return new org.apache.lucene.search.ConstantScoreQuery(any.build());
    }

    // ---- a database table's changed rows, merged into its findings ({@link FindingDelta}) ----------

    /** Makes every write so far visible to the next read; flushes the indexing buffers. */
    public void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    private static Query inRows(String cid, Collection<BytesRef> rowTerms, boolean multiRow) {
        return new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(CID, cid)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(REC_ROW, rowTerms), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(MULTI_ROW, YES)), multiRow ? BooleanClause.Occur.FILTER : BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /** The findings of container {@code cid} held by more than one row, one of them in {@code rowTerms} (16-byte row terms). */
    List<Finding> multiRowFindingsInRows(String cid, Collection<BytesRef> rowTerms) throws IOException {
        return query(inRows(cid, rowTerms, true));
    }

    /** Deletes, unread, the findings of container {@code cid} held by one row only, that row in {@code rowTerms}. */
    void deleteSingleRowFindings(String cid, Collection<BytesRef> rowTerms) throws IOException {
        writer.deleteDocuments(inRows(cid, rowTerms, false));
    }

    /** The findings of container {@code cid} with one of the hashes that sit in none of the rows. */
    List<Finding> findingsWithHashesOutside(String cid, Collection<String> hashes, Collection<BytesRef> rowTerms) throws IOException {
        return query(new BooleanQuery.Builder().add(withHashes(cid, hashes), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(REC_ROW, rowTerms), BooleanClause.Occur.MUST_NOT).build());
    }

    private Query withHashes(String cid, Collection<String> hashes) {
        return new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(CID, cid)), BooleanClause.Occur.FILTER)
                .add(hashQuery(hashes), BooleanClause.Occur.FILTER)
                .build();
    }

    /** The findings of container {@code cid} whose value (or an alias of it) has one of the hashes. */
    List<Finding> findingsWithHashes(String cid, Collection<String> hashes) throws IOException {
        return query(withHashes(cid, hashes));
    }

    /**
     * Replaces the findings of {@code cid} with one of the hashes by {@code findings}: the same set
     * {@link #findingsWithHashes} read, rewritten. Readers see both halves at the next refresh.
     */
    void rewrite(String cid, Collection<String> hashes, List<Finding> findings) throws IOException {
        writer.deleteDocuments(withHashes(cid, hashes));
        if (findings.isEmpty()) {
            return;
        }
        BytesRef cidTerm = new BytesRef(cid);
        BytesRef srcTerm = new BytesRef(findings.get(0).sourceId());
        List<Document> docs = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            docs.add(toDocument(f, cidTerm, srcTerm));
        }
        writer.addDocuments(docs);
    }

    /** Findings of one container, and whether its container document is there (on the last refresh). */
    int[] findingsAndContainer(String cid) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Query all = new TermQuery(new Term(CID, cid));
            int findings = s.count(new BooleanQuery.Builder().add(all, BooleanClause.Occur.FILTER)
                    .add(FINDINGS, BooleanClause.Occur.FILTER).build());
            int containers = s.count(new BooleanQuery.Builder().add(all, BooleanClause.Occur.FILTER)
                    .add(CONTAINERS, BooleanClause.Occur.FILTER).build());
            return new int[] {findings, containers};
        } finally {
            searchers.release(s);
        }
    }

    /** Adds the container document of {@code f}'s place (a table that had no finding until now). */
    void addContainer(Finding f, long scan) throws IOException {
        writer.addDocument(containerDocument(f, scan));
    }

    /** Deletes a container and all its findings. */
    void deleteContainer(String cid) throws IOException {
        writer.deleteDocuments(new Term(CID, cid));
    }

    /**
     * Calls {@code each} with every row (its 16-byte term) that a finding of {@code cid} sits in, on
     * the last refresh: the rows the inventory holds for a table. Walks the row terms of the whole
     * index, checking each against the table's documents, so memory is one bit per document.
     */
    void forEachRow(String cid, Consumer<BytesRef> each) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.index.PostingsEnum inCid = leaf.reader().postings(new Term(CID, cid), org.apache.lucene.index.PostingsEnum.NONE);
                org.apache.lucene.index.Terms rows = leaf.reader().terms(REC_ROW);
                if (inCid == null || rows == null) {
                    continue;
                }
                org.apache.lucene.util.FixedBitSet docs = new org.apache.lucene.util.FixedBitSet(leaf.reader().maxDoc());
                Bits live = leaf.reader().getLiveDocs();
                for (int d = inCid.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = inCid.nextDoc()) {
                    if (live == null || live.get(d)) {
                        docs.set(d);
                    }
                }
                org.apache.lucene.index.TermsEnum te = rows.iterator();
                org.apache.lucene.index.PostingsEnum p = null;
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    p = te.postings(p, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int d = p.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                        if (docs.get(d)) {
                            each.accept(t);
                            break;
                        }
                    }
                }
            }
        } finally {
            searchers.release(s);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /** Every finding whose value hash is one of {@code hashes}. */
    public List<Finding> byHashes(Collection<String> hashes) throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>(hashes);
        List<Finding> out = query(hashQuery(hashes));
        out.removeIf(f -> !wanted.contains(f.hash()) && f.aliases().stream().noneMatch(wanted::contains)); // a shared 6-byte term
        return out;
    }

    /** Every finding sitting in one of {@code records}. */
    public List<Finding> byRecords(Collection<String> records) throws IOException {
        // a line or row record is a short term within its container; anything else is a record term. A row's
        // record is also looked up as a string: the findings of rows that reference it carry it that way.
        java.util.Map<java.util.Map.Entry<String, String>, List<Scoped>> scopedTerms = new java.util.LinkedHashMap<>();
        List<BytesRef> others = new ArrayList<>();
        for (String r : records) {
            Scoped s = scoped(r);
            if (s != null) {
                scopedTerms.computeIfAbsent(java.util.Map.entry(s.field(), s.cid()), k -> new ArrayList<>()).add(s);
            }
            if (s == null || s.field().equals(REC_ROW)) {
                others.add(new BytesRef(r));
            }
        }
        List<Query> parts = new ArrayList<>();
        if (!others.isEmpty()) {
            parts.add(new TermInSetQuery(REC, others));
        }
        scopedTerms.forEach((where, scoped) -> parts.add(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CID, where.getValue())), BooleanClause.Occur.FILTER)
                .add(inRecords(where.getKey(), scoped), BooleanClause.Occur.FILTER).build()));
        // a subject in thousands of CSV files: queries of at most 256 parts (of up to 3 clauses each, under
        // Lucene's 1,024), hits joined without repeats
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int perQuery = 256;
        for (int i = 0; i < parts.size(); i += perQuery) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            parts.subList(i, Math.min(parts.size(), i + perQuery)).forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
            for (Finding f : query(any.build())) {
                if (parts.size() <= perQuery || seen.add(f.fingerprint())) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Findings in some records of one container and kind: rows by their terms, lines by their points and format 7's terms. */
    private static Query inRecords(String field, List<Scoped> records) {
        List<BytesRef> terms = records.stream().map(Scoped::term).toList();
        if (!field.equals(REC_LINE)) {
            return new TermInSetQuery(field, terms);
        }
        int[] lines = records.stream().mapToInt(Scoped::line).toArray();
        return new org.apache.lucene.search.ConstantScoreQuery(new BooleanQuery.Builder()
                .add(IntPoint.newSetQuery(REC_POINT, lines), BooleanClause.Occur.SHOULD)
                .add(new TermInSetQuery(REC_LINE, terms), BooleanClause.Occur.SHOULD).build());
    }

    /** A line number as a 4-byte big-endian term: short, and sorted like the numbers. */
    private static BytesRef lineTerm(int line) {
        return new BytesRef(new byte[] {(byte) (line >>> 24), (byte) (line >>> 16), (byte) (line >>> 8), (byte) line});
    }

    private List<Finding> query(Query q) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Query findings = new BooleanQuery.Builder().add(q, BooleanClause.Occur.FILTER)
                    .add(FINDINGS, BooleanClause.Occur.FILTER).build();
            int n = Math.max(1, s.count(findings));
            TopDocs top = s.search(findings, n);
            return read(s, top.scoreDocs, 0);
        } finally {
            searchers.release(s);
        }
    }

    /** The findings of some hits, in order, each joined with its container's shared fields. */
    private static List<Finding> read(IndexSearcher s, ScoreDoc[] hits, int from) throws IOException {
        int n = Math.max(0, hits.length - from);
        StoredFinding.Fields[] read = new StoredFinding.Fields[n];
        SetLines.Reader sets = new SetLines.Reader(s);
        // leaf by leaf in document order, so a leaf with many hits can be read block by block
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = from + i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(hits[a].doc, hits[b].doc));
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        for (int i = 0; i < n; ) {
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(hits[order[i]].doc, leaves));
            int end = i;
            while (end < n && hits[order[end]].doc < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            StoredFields stored = storedFields(leaf, end - i);
            for (int k = i; k < end; k++) {
                read[order[k] - from] = stored(stored, hits[order[k]].doc - leaf.docBase, sets);
            }
            i = end;
        }
        List<StoredFinding.Fields> docs = java.util.Arrays.asList(read);
        java.util.Set<String> cids = new java.util.HashSet<>();
        for (StoredFinding.Fields f : docs) {
            cids.add(f.cid());
        }
        java.util.Map<String, Document> containers = containers(s, cids);
        List<Finding> out = new ArrayList<>(docs.size());
        for (StoredFinding.Fields f : docs) {
            out.add(fromStored(f, containers.get(f.cid())));
        }
        return out;
    }

    /**
     * How to read {@code hits} documents of a leaf. Stored fields are compressed in blocks of up to
     * 4,096 documents; a plain read inflates a 48 KB part of the block for every document, a merge
     * instance inflates each block it touches once. Past about one hit in 1,200 documents (a log's
     * appended values, a table's changed rows, every finding) the block read is the cheaper.
     */
    static StoredFields storedFields(LeafReaderContext leaf, int hits) throws IOException {
        if ((long) hits * 1200 > leaf.reader().maxDoc() && leaf.reader() instanceof org.apache.lucene.index.CodecReader codec
                && codec.getFieldsReader() != null) {
            return codec.getFieldsReader().getMergeInstance();
        }
        return leaf.reader().storedFields();
    }

    /** Container documents by container id. */
    static java.util.Map<String, Document> containers(IndexSearcher s, Collection<String> cids) throws IOException {
        java.util.Map<String, Document> out = new java.util.HashMap<>();
        if (cids.isEmpty()) {
            return out;
        }
        Query q = new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(CID, cids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER).build();
        TopDocs top = s.search(q, Math.max(1, cids.size() * 2));
        StoredFields stored = s.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.put(d.get(CID), d);
        }
        return out;
    }

    /** Streams every finding; memory stays flat however large the inventory (a bounded cache of containers). */
    public void forEach(Consumer<Finding> consumer) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            java.util.Map<String, Document> cache = new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Document> e) {
                    return size() > 10_000;
                }
            };
            Weight findings = s.createWeight(s.rewrite(FINDINGS), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
            SetLines.Reader sets = new SetLines.Reader(s);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.search.Scorer scorer = findings.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = storedFields(leaf, leaf.reader().maxDoc());
                org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                for (int i = it.nextDoc(); i != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; i = it.nextDoc()) {
                    if (live == null || live.get(i)) {
                        StoredFinding.Fields d = stored(stored, i, sets);
                        String cid = d.cid();
                        Document c = cache.get(cid);
                        if (c == null) {
                            c = containers(s, List.of(cid)).get(cid);
                            if (c != null) {
                                cache.put(cid, c);
                            }
                        }
                        consumer.accept(fromStored(d, c));
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
                TopDocs one = s.search(new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
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
                out.addAll(read(s, top.scoreDocs, from));
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
                    .add(new TermQuery(new Term(DOCTYPE, "state")), BooleanClause.Occur.FILTER)
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
            return new Aged(items, findings(s, ids), oldest);
        } finally {
            searchers.release(s);
        }
    }

    /** Findings of some items: those of the items' containers. */
    private static int findings(IndexSearcher s, List<BytesRef> itemIds) throws IOException {
        Query containers = new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(ITEM, itemIds), BooleanClause.Occur.FILTER).build();
        List<BytesRef> cids = new ArrayList<>();
        StoredFields stored = s.storedFields();
        TopDocs top = s.search(containers, Math.max(1, s.count(containers)));
        for (ScoreDoc sd : top.scoreDocs) {
            cids.add(new BytesRef(stored.document(sd.doc, java.util.Set.of(CID)).get(CID)));
        }
        if (cids.isEmpty()) {
            return 0;
        }
        return s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(CID, cids), BooleanClause.Occur.FILTER).build());
    }

    /**
     * Findings of a source last seen (by their log timestamps) before {@code cutoffMillis}. Findings
     * written since format 7 are compared in whole seconds: one last seen within the cutoff's own
     * second counts as before it.
     */
    public int lastSeenBefore(String sourceId, long cutoffMillis) throws IOException {
        searchers.maybeRefresh();
        IndexSearcher s = searchers.acquire();
        try {
            Query before = new BooleanQuery.Builder()
                    .add(org.apache.lucene.document.LongPoint.newRangeQuery(LAST_SEEN, 1, cutoffMillis - 1), BooleanClause.Occur.SHOULD)
                    .add(NumericDocValuesField.newSlowRangeQuery(LAST_SEEN_S, Long.MIN_VALUE, Math.floorDiv(cutoffMillis - 1, 1000)),
                            BooleanClause.Occur.SHOULD)
                    .build();
            return s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                    .add(before, BooleanClause.Occur.FILTER)
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

    /** A record indexed within its container: a line ({@link #REC_LINE}) or a row ({@link #REC_ROW}). */
    private record Scoped(String field, String cid, BytesRef term, int line) {
    }

    /** "cid:42" (line 42) or "cid:" and 32 hex digits (a row key's hash) as a term within cid; null for any other record. */
    private static Scoped scoped(String record) {
        int colon = record.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        int line = lineNumber(record, colon + 1);
        if (line >= 0) {
            return new Scoped(REC_LINE, record.substring(0, colon), lineTerm(line), line);
        }
        byte[] row = rowHash(record, colon + 1);
        return row == null ? null : new Scoped(REC_ROW, record.substring(0, colon), new BytesRef(row), -1);
    }

    /** The 16 bytes of a row record's 32 lower-case hex digits after "cid:", or null when it is not one. */
    private static byte[] rowHash(String record, int from) {
        if (record.length() - from != 32) {
            return null;
        }
        for (int i = from; i < record.length(); i++) {
            char c = record.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return java.util.HexFormat.of().parseHex(record, from, record.length());
    }

    /** The number after "cid:" in a record id, or -1 when it is not a plain line number. */
    private static int lineNumber(String record, int from) {
        int len = record.length() - from;
        if (len < 1 || len > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** @param sets where the lines of findings stored without them are read from ({@link SetLines}) */
    static StoredFinding.Fields stored(StoredFields stored, int doc, SetLines.Reader sets) throws IOException {
        return StoredFinding.decode(stored.document(doc).getBinaryValue(STORED), sets);
    }

    /** @param c the finding's container document (null only if the index was damaged) */
    private static Finding fromStored(StoredFinding.Fields d, Document c) {
        int[] lines = d.recordLineNumbers();
        List<String> recs;
        if (lines != null && d.records().isEmpty()) {
            // as numbers, as a scan made them: a log read on from where it stopped merges them with its new ones
            recs = new LineRecords(d.cid(), lines, lines.length, d.coveredBySets());
        } else {
            recs = new ArrayList<>(d.records());
            for (int line : lines == null ? new int[0] : lines) {
                recs.add(d.cid() + ':' + line);
            }
        }
        if (c == null) {
            c = new Document();
        }
        return new Finding(c.get(SRC), c.get("source"), c.get("kind"), c.get("container"), c.get("part"), d.field(),
                d.type(), d.category(), d.risk(), d.confidence(), d.masked(), d.hash(), d.aliases(), d.lines(), d.count(),
                recs, d.cid(), d.segment(), d.rows(), d.firstSeen(), d.lastSeen());
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
