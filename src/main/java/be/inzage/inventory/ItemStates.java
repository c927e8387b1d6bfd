package be.inzage.inventory;

import be.inzage.inventory.InventoryIndex.Gone;
import be.inzage.inventory.InventoryIndex.ItemState;
import be.inzage.inventory.InventoryIndex.Resumable;
import be.inzage.inventory.InventoryIndex.Resume;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static be.inzage.inventory.InventoryIndex.CONTENT;
import static be.inzage.inventory.InventoryIndex.DOCTYPE;
import static be.inzage.inventory.InventoryIndex.ITEM_DV;
import static be.inzage.inventory.InventoryIndex.MODIFIED_AT;
import static be.inzage.inventory.InventoryIndex.RESUMABLE;
import static be.inzage.inventory.InventoryIndex.SCAN;
import static be.inzage.inventory.InventoryIndex.SRC;
import static be.inzage.inventory.InventoryIndex.STATE_FOR;
import static be.inzage.inventory.InventoryIndex.YES;

/**
 * The inventory's item-state documents: per file or table, the size, time and rules version of its
 * last read (so an unchanged item is skipped with one term lookup), where a log's next read may
 * carry on from, and what finds a file or log again when it moves. The inventory's half that says
 * what was read, beside the findings that say what was found.
 */
final class ItemStates {

    private final IndexWriter writer;
    private final SearcherManager searchers;

    ItemStates(IndexWriter writer, SearcherManager searchers) {
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Remembers an item as read now: its size, time and rules version; where a later read may carry
     * on from ({@code resume}, or null); and what finds a file again when it moves
     * ({@link #sameSizeAndTime}): its path and the digest of its first 64 KB ({@code head}, or null).
     */
    void remember(String itemId, String sourceId, ItemState state, long scan, Resume resume, String path, String head)
            throws IOException {
        Document d = new Document();
        d.add(new StringField(STATE_FOR, itemId, Field.Store.YES));
        d.add(new org.apache.lucene.document.SortedDocValuesField(ITEM_DV, new BytesRef(itemId)));
        d.add(new StringField(DOCTYPE, "state", Field.Store.NO));
        d.add(new StringField(SRC, sourceId, Field.Store.NO));
        d.add(new StoredField("size", state.size()));
        d.add(new StoredField("modified", state.modified()));
        d.add(new org.apache.lucene.document.LongPoint(MODIFIED_AT, state.modified()));
        d.add(new StoredField("rules", state.rules()));
        // the whole state as one term: "is this item unchanged?" is then a term lookup, no stored-field read
        d.add(new StringField("statekey", stateKey(itemId, state), Field.Store.NO));
        d.add(new NumericDocValuesField(SCAN, scan));
        if (head != null) {
            d.add(new StringField(CONTENT, contentKey(sourceId, state.size(), state.modified()), Field.Store.NO));
            d.add(new StoredField("head", head));
            if (resume == null) {
                d.add(new StoredField("path", path)); // the container document holds it too
            }
        }
        if (resume != null) {
            if (resume.path() != null) {
                d.add(new StoredField("path", resume.path())); // the container document holds it too
            }
            if (resume.cid() != null) {
                d.add(new StoredField("rcid", resume.cid()));
            }
            if (resume.point() != null) {
                d.add(new StoredField("resume", resume.point()));
                d.add(new StringField(RESUMABLE, YES, Field.Store.NO));
            }
        }
        writer.updateDocument(new Term(STATE_FOR, itemId), d);
    }

    /** The items of a source whose state has a resume point (logs), as of the last refresh. */
    List<Resumable> resumables(String sourceId) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Query q = new BooleanQuery.Builder().add(new TermQuery(new Term(SRC, sourceId)), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(RESUMABLE, YES)), BooleanClause.Occur.FILTER).build();
            List<Resumable> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(q, Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                Document d = stored.document(sd.doc);
                out.add(new Resumable(d.get(STATE_FOR), new ItemState(d.getField("size").numericValue().longValue(),
                        d.getField("modified").numericValue().longValue(), d.get("rules")), resumeOf(d)));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    private static Resume resumeOf(Document state) {
        return state == null || state.get("resume") == null && state.get("rcid") == null ? null
                : new Resume(state.get("resume"), state.get("path"), state.get("rcid"));
    }

    private static String contentKey(String sourceId, long size, long modified) {
        return sourceId + ':' + size + ':' + modified;
    }

    /** Whether any item of the source was remembered with a content identity (else no lookup can find one). */
    boolean remembersContent(String sourceId) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            BytesRef prefix = new BytesRef(sourceId + ':');
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(CONTENT);
                if (terms == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                if (te.seekCeil(prefix) != org.apache.lucene.index.TermsEnum.SeekStatus.END
                        && org.apache.lucene.util.StringHelper.startsWith(te.term(), prefix)) {
                    return true;
                }
            }
            return false;
        } finally {
            searchers.release(s);
        }
    }

    /** The items of the source remembered with this size and time, as of the last refresh. */
    List<Gone> sameSizeAndTime(String sourceId, long size, long modified) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            List<Gone> out = new ArrayList<>();
            StoredFields stored = s.storedFields();
            for (ScoreDoc sd : s.search(new TermQuery(new Term(CONTENT, contentKey(sourceId, size, modified))), 16).scoreDocs) {
                Document d = stored.document(sd.doc);
                out.add(new Gone(d.get(STATE_FOR), d.get("path"), d.get("head"), d.get("rules")));
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** Forgets an item's state: it is read as new at the next scan. */
    void forget(String itemId) throws IOException {
        writer.deleteDocuments(new Term(STATE_FOR, itemId));
    }

    private static String stateKey(String itemId, ItemState s) {
        return itemId + ':' + s.size() + ':' + s.modified() + ':' + s.rules();
    }

    /**
     * Whether each item was read at an earlier scan with exactly this size, time and rules version,
     * for a batch (a walk's 256 paths): one reader and one terms enumeration per segment
     * for all of them, keys in sorted order so each seek starts near the last. Per file, one lookup
     * cost 25 µs on a cold rescan; most of it was setting up the enumerations.
     */
    boolean[] unchanged(List<String> itemIds, List<ItemState> now) throws IOException {
        int n = itemIds.size();
        BytesRef[] keys = new BytesRef[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = new BytesRef(stateKey(itemIds.get(i), now.get(i)));
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        boolean[] same = new boolean[n];
        IndexSearcher s = searchers.acquire();
        try {
            // a term lookup per segment, no query machinery
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms("statekey");
                if (terms == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.PostingsEnum docs = null;
                for (int i : order) {
                    if (same[i] || !te.seekExact(keys[i])) {
                        continue;
                    }
                    docs = te.postings(docs, org.apache.lucene.index.PostingsEnum.NONE);
                    for (int d = docs.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                        if (live == null || live.get(d)) {
                            same[i] = true;
                            break;
                        }
                    }
                }
            }
            return same;
        } finally {
            searchers.release(s);
        }
    }

    /** Where the last read of an item said a later one may carry on from ({@link #remember}), or null. Safe from any thread. */
    Resume resume(String itemId) throws IOException {
        return resumeOf(stateDocument(itemId));
    }

    /** The item's state document at the last refresh, or null. */
    private Document stateDocument(String itemId) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(STATE_FOR, itemId)), 1);
            return top.scoreDocs.length == 0 ? null : s.storedFields().document(top.scoreDocs[0].doc);
        } finally {
            searchers.release(s);
        }
    }

    /** The state stored at the last scan that read the item, or null. Safe from any thread. */
    ItemState state(String itemId) throws IOException {
        Document d = stateDocument(itemId);
        return d == null ? null : new ItemState(d.getField("size").numericValue().longValue(),
                d.getField("modified").numericValue().longValue(), d.get("rules"));
    }
}
