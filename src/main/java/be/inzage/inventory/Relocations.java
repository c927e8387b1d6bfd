package be.inzage.inventory;

import org.apache.lucene.document.Document;
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
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static be.inzage.inventory.InventoryIndex.CID;
import static be.inzage.inventory.InventoryIndex.CONTAINERS;
import static be.inzage.inventory.InventoryIndex.FINDINGS;
import static be.inzage.inventory.InventoryIndex.ITEM;
import static be.inzage.inventory.InventoryIndex.SRC;

/**
 * Findings that go with their file to another path of the same source: a log renamed by rotation
 * keeps its container id and only its container document is rewritten ({@link #rename}); a file
 * moved in a share has its findings rewritten as a read at the new path would write them
 * ({@link #moveItem}).
 */
final class Relocations {

    private final InventoryIndex index;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    Relocations(InventoryIndex index, IndexWriter writer, SearcherManager searchers) {
        this.index = index;
        this.writer = writer;
        this.searchers = searchers;
    }

    /**
     * Moves an item's findings (every part of it) to another path of the same source, rewritten as a
     * read of the file at {@code container} would write them: container ids from {@code cidOfPart},
     * record ids of the item and of its lines. For a file moved or renamed in a share: a few dozen
     * findings rewritten instead of a document parsed again. Returns how many moved.
     */
    long moveItem(String fromItem, String toItem, String container, java.util.function.Function<String, String> cidOfPart,
            long scan) throws IOException {
        IndexSearcher s = searchers.acquire();
        long moved = 0;
        try {
            TopDocs places = s.search(new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ITEM, fromItem)), BooleanClause.Occur.FILTER).build(), 10_000);
            for (ScoreDoc place : places.scoreDocs) {
                Document c = s.storedFields().document(place.doc);
                String from = c.get(CID);
                String to = cidOfPart.apply(c.get("part"));
                Query q = new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(CID, from)), BooleanClause.Occur.FILTER).build();
                Weight w = s.createWeight(s.rewrite(q), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
                List<Finding> batch = new ArrayList<>();
                boolean first = true;
                SetLines.Reader sets = new SetLines.Reader(s);
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
                    if (scorer == null) {
                        continue;
                    }
                    Bits live = leaf.reader().getLiveDocs();
                    // a container's findings were added together: they sit side by side, a block read once serves them all
                    StoredFields stored = InventoryIndex.storedFields(leaf, Integer.MAX_VALUE / 1200);
                    org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                    for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                        if (live == null || live.get(d)) {
                            batch.add(moved(InventoryIndex.stored(stored, d, sets), c, from, to, fromItem, toItem, container));
                            if (batch.size() == 5_000) {
                                index.replace(to, batch, scan, first);
                                moved += batch.size();
                                first = false;
                                batch.clear();
                            }
                        }
                    }
                }
                index.replace(to, batch, scan, first);
                moved += batch.size();
                writer.deleteDocuments(new Term(CID, from));
            }
            return moved;
        } finally {
            searchers.release(s);
        }
    }

    /** A stored finding of container document {@code c} as the read of the same content at {@code container} writes it. */
    private static Finding moved(StoredFinding.Fields d, Document c, String fromCid, String toCid, String fromItem, String toItem,
            String container) {
        List<String> recs = new ArrayList<>();
        for (String r : d.records()) {
            recs.add(r.equals(fromItem) ? toItem : r.startsWith(fromCid + ':') ? toCid + r.substring(fromCid.length()) : r);
        }
        int[] lines = d.recordLineNumbers();
        if (lines != null) {
            if (recs.isEmpty()) {
                recs = new LineRecords(toCid, lines, lines.length);
            } else {
                for (int line : lines) {
                    recs.add(toCid + ':' + line);
                }
            }
        }
        return new Finding(c.get(SRC), c.get("source"), c.get("kind"), container, c.get("part"), d.field(), d.type(),
                d.category(), d.risk(), d.confidence(), d.masked(), d.hash(), d.aliases(), d.lines(), d.count(), recs, toCid,
                d.segment(), d.rows(), d.firstSeen(), d.lastSeen());
    }

    /**
     * Puts the findings of container {@code cid} at another path of the same source, {@code container}
     * (item {@code itemId}), without touching them: they join their place through the container
     * document, which is all that is rewritten. What that path held before under another container
     * id is dropped. A log renamed by rotation (access.log to access.log.1) keeps its findings this
     * way whatever their number. Returns how many findings moved; call {@link #refreshNow} before
     * the next rename.
     */
    long rename(String cid, String container, String itemId, long scan) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Document old = InventoryIndex.containers(s, List.of(cid)).get(cid);
            TopDocs there = s.search(new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ITEM, itemId)), BooleanClause.Occur.FILTER).build(), 1000);
            for (ScoreDoc sd : there.scoreDocs) {
                String other = s.storedFields().document(sd.doc).get(CID);
                if (!other.equals(cid)) {
                    writer.deleteDocuments(new Term(CID, other));
                }
            }
            if (old == null) {
                return 0; // a log without findings: nothing to carry
            }
            long findings = s.count(new BooleanQuery.Builder().add(FINDINGS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(CID, cid)), BooleanClause.Occur.FILTER).build());
            writer.deleteDocuments(new BooleanQuery.Builder().add(CONTAINERS, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(CID, cid)), BooleanClause.Occur.FILTER).build());
            writer.addDocument(InventoryIndex.containerDocument(cid, old.get(SRC), old.get("source"), old.get("kind"), container, old.get("part"),
                    itemId, scan));
            return findings;
        } finally {
            searchers.release(s);
        }
    }
}
