package be.inzage.scan;

import be.inzage.detect.Rulebook;
import be.inzage.extract.DocumentItemScanner;
import be.inzage.extract.FindingCollector;
import be.inzage.extract.FindingSink;
import be.inzage.extract.Format;
import be.inzage.extract.ItemOutcome;
import be.inzage.extract.ItemRef;
import be.inzage.extract.TextItemScanner;
import be.inzage.inventory.Finding;
import be.inzage.inventory.FindingDelta;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.inventory.LineTimes;
import be.inzage.inventory.SetLines;
import be.inzage.source.FileWalker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crawls one file share. Runs on an event loop and only coordinates: the walk runs on a
 * one-thread executor (in order), reading and detection on a bounded extraction pool, writes go
 * to the inventory writer. At most {@link #MAX_IN_FLIGHT} files are in the works at any time and
 * paths are pulled from the walker only as they are needed, so memory does not grow with the share.
 */
public final class FileShareCrawler extends VerticleBase {

    /** Extraction threads; items in flight are twice that, so a thread never waits for the walk. */
    static final int EXTRACT_THREADS = Integer.getInteger("inzage.extractThreads",
            Math.max(2, Runtime.getRuntime().availableProcessors()));
    static final int MAX_IN_FLIGHT = 2 * EXTRACT_THREADS;
    /** A text item at least this big is read on one thread and aggregated on another (FindingCollector.pipelined); tests set 0. */
    static volatile long pipelinedBytes = Long.getLong("inzage.pipelinedBytes", 16L << 20);
    /**
     * Such big reads at once: one per two cores. Each keeps two threads busy already, and two at once on
     * two cores only split the value-table pool between them: the 1.1 GB bench log and a 300 MB log of
     * 2 M visitors took 43-56 s read together (the big log's table spilled five times, 21 spills in all)
     * and 34-42 s read one after the other (5 spills), in alternating runs (bench/README.md).
     */
    private static final java.util.concurrent.Semaphore BIG_READS = new java.util.concurrent.Semaphore(Math.max(1, EXTRACT_THREADS / 2));
    /**
     * Documents in hand at once: one more than the parses that may run (one per core), so a document's
     * detection and indexing overlap the next parse. Each holds up to 20 M extracted characters; 3 were
     * as fast as 4 on the documents benchmark (17.0–18.9 s against 17.5–18.6 s for 6,000 documents).
     */
    static final int DOCUMENT_THREADS = EXTRACT_THREADS + 1;
    static final int WALK_BATCH = 256;

    private final ScanJob job;
    private final Rulebook rules;
    private final KeyedHasher hasher;
    /** Read-only use here (item states); writes go through the writer verticle. */
    private final InventoryIndex index;
    private final Promise<ScanSummary> done;
    private final ScanSummary summary;
    /** "log" for log:// sources, so their findings say so (DESIGN.md section 5), else "file". */
    private final String kind;
    private final Deque<FileWalker.Entry> queue = new ArrayDeque<>();
    private TextItemScanner scanner;
    private WriterClient writer;
    private DocumentItemScanner documents;
    private FileWalker walker;
    private WorkerExecutor walkPool;
    private WorkerExecutor extractPool;
    /** Documents: {@link #DOCUMENT_THREADS}, while their parses are bounded per core by the scanner. */
    private WorkerExecutor documentPool;
    private int inFlight;
    private boolean walking;
    private boolean walkDone;
    private boolean finishing;

    public FileShareCrawler(ScanJob job, Rulebook rules, KeyedHasher hasher, InventoryIndex index, Promise<ScanSummary> done) {
        this.job = job;
        this.index = index;
        this.rules = rules;
        this.hasher = hasher;
        this.done = done;
        this.summary = new ScanSummary(job.source(), job.scan(), job.progress());
        this.kind = job.logs() ? "log" : "file";
    }

    @Override
    public Future<?> start() {
        writer = new WriterClient(vertx, index);
        scanner = new TextItemScanner(rules.engine());
        documents = new DocumentItemScanner(rules.engine());
        walkPool = vertx.createSharedWorkerExecutor("inzage-walk-" + job.scan(), 1);
        extractPool = vertx.createSharedWorkerExecutor("inzage-extract", EXTRACT_THREADS,
                5, TimeUnit.MINUTES);
        documentPool = vertx.createSharedWorkerExecutor("inzage-documents", DOCUMENT_THREADS, 5, TimeUnit.MINUTES);
        return walkPool.executeBlocking(() -> {
                    // before anything is read: rotated logs take their findings to where they are now
                    LogRenames.Moved moved = new LogRenames(job, index, rules.version(), readingVersion()).apply();
                    summary.renamed(moved.logs(), moved.findings());
                    moves = new FileMoves(job, index, rules.version());
                    return new FileWalker(job.root(), job.glob());
                })
                .onSuccess(w -> {
                    walker = w;
                    pump();
                });
    }

    private void pump() {
        while (inFlight < MAX_IN_FLIGHT && !queue.isEmpty()) {
            launch(queue.poll());
        }
        if (queue.size() < WALK_BATCH / 2 && !walkDone && !walking) {
            walking = true;
            walkPool.executeBlocking(this::nextBatch, true).onComplete(ar -> {
                walking = false;
                if (ar.failed()) {
                    // the rest of the share was not seen: the scan is incomplete and drops nothing as deleted
                    walkBroken = true;
                    summary.record(job.root(), ItemOutcome.failed("walk stopped: " + ar.cause().getClass().getSimpleName(), 0),
                            Map.of());
                }
                if (ar.failed() || ar.result().isEmpty()) {
                    walkDone = true;
                    job.progress().listingDone();
                } else {
                    job.progress().listed(ar.result().size());
                    for (FileWalker.Entry e : ar.result()) {
                        if (e.error() == null && unchangedIds.containsKey(e.path())) {
                            // unchanged since the last scan: counted and kept without a trip to the extraction pool
                            summary.record(e.path(), ItemOutcome.unchanged(e.size()), Map.of());
                            keep(unchangedIds.remove(e.path()));
                        } else {
                            queue.add(e);
                        }
                    }
                }
                pump();
            });
        }
        if (walkDone && queue.isEmpty() && inFlight == 0 && !walking && !finishing) {
            finish();
        }
    }

    /** Files found moved here since the last scan (used on the walk thread only). */
    private FileMoves moves;

    /** Items of the current walk batch found unchanged, by path (filled on the walk thread, drained on the event loop). */
    private final java.util.Map<Path, String> unchangedIds = new java.util.concurrent.ConcurrentHashMap<>();

    /** On the walk thread: the next paths, with the unchanged ones (same size, time and rules) marked. */
    private List<FileWalker.Entry> nextBatch() throws IOException {
        long t0 = System.nanoTime();
        List<FileWalker.Entry> batch = walker.next(WALK_BATCH);
        long t1 = System.nanoTime();
        walkNanos += t1 - t0;
        List<String> ids = new ArrayList<>(batch.size());
        List<InventoryIndex.ItemState> states = new ArrayList<>(batch.size());
        List<FileWalker.Entry> files = new ArrayList<>(batch.size());
        for (FileWalker.Entry e : batch) {
            if (e.error() != null) {
                continue;
            }
            long time;
            try {
                beforeState.accept(e.path());
                time = stateTime(e);
            } catch (IOException | java.io.UncheckedIOException gone) {
                continue; // vanished while its content was hashed: the read that follows records why
            }
            files.add(e);
            ids.add(be.inzage.inventory.Finding.itemId(job.sourceId(), e.path().toString()));
            states.add(new InventoryIndex.ItemState(e.size(), time, rules.version()));
        }
        boolean[] same = index.unchanged(ids, states);
        for (int i = 0; i < same.length; i++) {
            // a file moved here takes its findings along and counts as unchanged
            if (same[i] || movedHere(files.get(i), ids.get(i), states.get(i).modified())) {
                unchangedIds.put(files.get(i).path(), ids.get(i));
            }
        }
        lookupNanos += System.nanoTime() - t1;
        return batch;
    }

    /** Whether the file was found moved here and took its findings along; when that fails it is simply read. */
    private boolean movedHere(FileWalker.Entry e, String itemId, long time) {
        try {
            return moves.moved(e, itemId, time);
        } catch (IOException | RuntimeException failed) {
            return false; // a read writes what the file holds over whatever was moved; the old item drops out as stale
        }
    }

    /** For -Dinzage.stats (bench/): time on the walk thread listing files and looking up their states. */
    private long walkNanos;
    private long lookupNanos;
    /** A walk batch failed: what was not listed is unknown, so nothing may be dropped as deleted. */
    private boolean walkBroken;

    /** Tests only: runs on the walk thread before an item's state is taken (to delete it there). */
    static java.util.function.Consumer<Path> beforeState = p -> { };

    private void launch(FileWalker.Entry e) {
        if (e.error() != null) {
            summary.record(e.path(), ItemOutcome.failed(e.error(), e.size()), Map.of());
            return;
        }
        inFlight++;
        ItemRef item = new ItemRef(job.sourceId(), job.source(), kind, e.path().toString(), null);
        WorkerExecutor pool = format(e.path()) == Format.DOCUMENT ? documentPool : extractPool;
        pool.executeBlocking(() -> scanItem(e, item), false).onComplete(ar -> {
            inFlight--;
            if (ar.succeeded()) {
                summary.record(e.path(), ar.result().outcome(), ar.result().types());
                if (ar.result().appended() >= 0) {
                    summary.appended(ar.result().appended());
                }
            } else {
                summary.record(e.path(), ItemOutcome.failed("internal error: " + ar.cause().getClass().getSimpleName(),
                        e.size()), Map.of());
            }
            pump();
        });
    }

    private Format format(Path p) {
        Format format = Format.of(p.getFileName().toString());
        // in a log folder, "access_log", "app.json" and "messages" are logs too
        return job.logs() && format != Format.DOCUMENT ? Format.LINES : format;
    }

    /**
     * @param partial the item was read only in part (a log still being written): read again next time
     * @param resume  where a log's next read may carry on from, or null
     * @param appended bytes read from where the last scan of a grown log stopped (-1: not such a read)
     */
    /** @param head the digest of the file's first 64 KB taken while it was read ({@link FileMoves}), or null */
    private record Result(ItemOutcome outcome, Map<String, Integer> types, boolean partial, LogResume resume, long appended,
                          String head) {
        Result(ItemOutcome outcome, Map<String, Integer> types) {
            this(outcome, types, false, null, -1, null);
        }

        Result(ItemOutcome outcome, Map<String, Integer> types, boolean partial) {
            this(outcome, types, partial, null, -1, null);
        }

        Result(ItemOutcome outcome, Map<String, Integer> types, boolean partial, LogResume resume, long appended) {
            this(outcome, types, partial, resume, appended, null);
        }
    }

    /** A log's findings were being merged when the read failed: they are no longer what any read gave, so they go. */
    private static final class MergeFailed extends RuntimeException {
        MergeFailed(Throwable cause) {
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    /** A log modified more recently than this may still be written to. */
    static final long ACTIVE_LOG_MILLIS = 10 * 60_000L;

    /** On an extraction worker: read, detect, collect, write. Failures become item outcomes. */
    private Result scanItem(FileWalker.Entry e, ItemRef item) {
        Path p = e.path();
        Format format = format(p);
        if (format == Format.UNSUPPORTED) {
            return new Result(ItemOutcome.skipped("format not supported yet: " + Format.extension(p.getFileName().toString()),
                    e.size()), Map.of());
        }
        try {
            beforeRead.accept(p);
            InventoryIndex.Resume last = format == Format.LINES ? index.resume(item.recordId()) : null;
            ItemRef at = placed(item, format, last);
            Result r = format == Format.DOCUMENT ? document(e, item) : text(e, at, format, last);
            boolean changed = changedWhileRead(e);
            if (changed && (r.resume() == null || Format.gzippedText(p.getFileName().toString()) || !r.resume().stillBegins(p))) {
                // what was read may mix old and new content: keep it, but read the file again at the next scan
                return new Result(r.outcome().withWarning("changed while being read: read again at the next scan"), r.types(),
                        true);
            }
            InventoryIndex.Resume resume = r.resume() == null && at.cid().equals(item.cid()) ? null
                    : new InventoryIndex.Resume(r.resume() == null ? null : r.resume().encode(), at.container(), at.cid());
            if (!r.partial() && !changed) {
                // a file of a share is found again by its first 64 KB if it moves (logs: by LogRenames); a text file's
                // were digested as it was read, a document's are read once more (Tika may not read it from the start)
                String head = job.logs() ? null : r.head() != null ? r.head() : FileMoves.headOrNull(p, e.size());
                writer.remember(item.recordId(), job.sourceId(), new InventoryIndex.ItemState(e.size(), stateTime(e),
                        rules.version()), job.scan(), resume, item.container(), head);
            } else if (r.resume() != null) {
                // a log that grew while it was read, or ends in a line being written: what was read is kept, and the
                // state's size (up to its last line) differs from the file's, so the next scan carries on from there
                writer.remember(item.recordId(), job.sourceId(), new InventoryIndex.ItemState(r.resume().offset(), stateTime(e),
                        rules.version()), job.scan(), resume);
            } // otherwise a log read up to its last complete line is read again at the next scan, whatever its size then
            return r;
        } catch (MergeFailed failed) {
            return new Result(ItemOutcome.failed("inventory write failed: " + failed.getMessage(), e.size()), Map.of());
        } catch (NoSuchFileException gone) {
            return new Result(ItemOutcome.failed("vanished during the scan", e.size()), Map.of());
        } catch (AccessDeniedException denied) {
            keep(item.recordId());
            return new Result(ItemOutcome.failed("permission denied", e.size()), Map.of());
        } catch (TextItemScanner.NotTextException binary) {
            return new Result(ItemOutcome.failed(binary.getMessage(), e.size()), Map.of());
        } catch (DocumentItemScanner.UnreadableDocumentException unreadable) {
            keep(item.recordId());
            return new Result(ItemOutcome.failed(unreadable.getMessage(), e.size()), Map.of());
        } catch (IOException | RuntimeException ex) {
            keep(item.recordId());
            return new Result(ItemOutcome.failed("read error: " + ex.getClass().getSimpleName(), e.size()), Map.of());
        }
    }

    /**
     * Where a log's findings go: under the container id of its last read, which a rotated log takes
     * along to its new path ({@link LogRenames}); a log of a log source read for the first time gets
     * one of its own, so the next file created at a rotated log's old path never takes over its id.
     */
    private ItemRef placed(ItemRef item, Format format, InventoryIndex.Resume last) {
        if (last != null) {
            // a state an older version remembered has no container id: its findings are under the path's
            return last.cid() != null ? item.withCid(last.cid()) : item;
        }
        return job.logs() && format == Format.LINES ? item.withCid(be.inzage.inventory.Finding.sha256(item.cid() + '@' + job.scan()))
                : item;
    }

    /** @param last what the item's last read left to carry on from, or null */
    private Result text(FileWalker.Entry e, ItemRef item, Format format, InventoryIndex.Resume last) throws IOException {
        boolean gz = Format.gzippedText(e.path().getFileName().toString());
        // a log still being written (modified in the last minutes) ends in a partial line: read up to the last complete one
        boolean active = System.currentTimeMillis() - e.modified() < ACTIVE_LOG_MILLIS;
        long complete = job.logs() && !gz && active ? completeLines(e.path(), e.size()) : e.size();
        boolean lines = format == Format.LINES && !gz;
        if (lines) {
            LogResume from = last == null ? null : LogResume.parse(last.point());  // null point: nothing to carry on from
            if (from != null && from.rules().equals(readingVersion()) && complete >= from.offset() && from.stillBegins(e.path())) {
                return appended(e, item, from, complete);
            }
        }
        PipelinedSink sink = new PipelinedSink(new FindingSink.KeepingSets() {
            @Override
            public void write(String cid, List<Finding> batch, boolean first) {
                FileShareCrawler.this.write(cid, batch, first);
            }

            @Override
            public void writeFirst(String cid, List<Finding> batch, List<SetLines.Block> sets, LineTimes times) {
                writer.replace(cid, batch, job.scan(), sets, times);
            }
        });
        boolean big = e.size() >= pipelinedBytes;
        return inTurn(big, e.path(), () -> text(e, item, format, gz, complete, lines, sink, big));
    }

    /** Tests only: runs once a big read may start, on its thread (to hold it there). */
    static java.util.function.Consumer<Path> duringBigRead = p -> { };

    private interface Read {
        Result run() throws IOException;
    }

    /** Runs {@code read}; when {@code big}, once its turn among the big reads ({@link #BIG_READS}) has come. */
    private static Result inTurn(boolean big, Path p, Read read) throws IOException {
        if (!big) {
            return read.run();
        }
        BIG_READS.acquireUninterruptibly();
        try {
            duringBigRead.accept(p);
            return read.run();
        } finally {
            BIG_READS.release();
        }
    }

    /** @param big read on one thread and aggregated on another */
    private Result text(FileWalker.Entry e, ItemRef item, Format format, boolean gz, long complete, boolean lines,
            PipelinedSink sink, boolean big) throws IOException {
        FindingCollector collector = new FindingCollector(item, rules.policy(), hasher, sink, format.lineRecords)
                .spillTo(job.spill());
        if (big) {
            collector.pipelined(); // reading and aggregating on two threads
        }
        String[] before = lines && complete > 0 ? LogResume.digests(e.path(), complete) : null;
        LogResume.LineCounter[] counter = {null};
        // a share's text file: the digest FileMoves finds it again by is taken on the way, not by a second read
        boolean digestHead = !job.logs() && !gz;
        // a gzipped log is read once: what a resume point needs is taken on the way (a rotated log is found again by it)
        LogResume.Digesting[] unzipped = {null};
        TextItemScanner.LinesRead read = new TextItemScanner.LinesRead();
        String warning;
        try {
            warning = scanner.scan(() -> gz ? (unzipped[0] = new LogResume.Digesting(Format.openText(e.path())))
                            : (counter[0] = digestHead ? new LogResume.HeadDigesting(new be.inzage.extract.LimitedInputStream(
                                    Files.newInputStream(e.path()), complete))
                                    : new LogResume.LineCounter(new be.inzage.extract.LimitedInputStream(
                                    Files.newInputStream(e.path()), complete))),
                    format, gz ? be.inzage.extract.TextChunks.CHUNK : complete, job.logFormat(), collector, read);
        } catch (IOException | RuntimeException | Error failed) {
            collector.discard();
            throw failed;
        }
        try {
            collector.finish();
        } finally {
            sink.drain();
        }
        boolean partial = complete < e.size();
        if (partial) {
            warning = incomplete(warning, complete);
        }
        LogResume resume = before != null ? LogResume.after(e.path(), complete, counter[0].lines(), read.charset(), read.format(),
                before, readingVersion())
                : unzipped[0] != null && format == Format.LINES ? unzipped[0].resume(read.charset(), read.format(), readingVersion())
                : null;
        String head = digestHead && counter[0] instanceof LogResume.HeadDigesting h ? h.head(e.size()) : null;
        return new Result(ItemOutcome.scanned(e.size(), collector.findings(), warning), collector.perType(), partial, resume, -1,
                head);
    }

    /** The warning of a log read up to its last complete line, after {@code warning} (or alone). */
    private static String incomplete(String warning, long complete) {
        String w = "last line incomplete (still being written): read up to byte " + complete + ", the rest at the next scan";
        return warning == null ? w : warning + "; " + w;
    }

    /**
     * A log that only grew since the last scan: the lines after where it stopped are read, and their
     * findings merged into the log's ({@link FindingDelta}), as a read of the whole file would leave them.
     */
    private Result appended(FileWalker.Entry e, ItemRef item, LogResume from, long complete) throws IOException {
        boolean big = complete - from.offset() >= pipelinedBytes;
        return inTurn(big, e.path(), () -> appended(e, item, from, complete, big));
    }

    /** @param big read on one thread and aggregated on another */
    private Result appended(FileWalker.Entry e, ItemRef item, LogResume from, long complete, boolean big) throws IOException {
        FindingDelta delta = new FindingDelta(index, item.cid(), job.scan(), java.util.Set.of());
        FindingCollector collector = new FindingCollector(item, rules.policy(), hasher, new FindingSink.KeepingSets() {
            @Override
            public void write(String cid, List<Finding> batch, boolean first) {
                try {
                    delta.merge(batch);
                } catch (IOException | RuntimeException x) {
                    throw new MergeFailed(x);
                }
            }

            @Override
            public void writeFirst(String cid, List<Finding> batch, List<SetLines.Block> sets, LineTimes times) {
                try {
                    index.addSets(cid, sets, times); // the appended lines' sets, beside the earlier ones, before the findings that need them
                } catch (IOException | RuntimeException x) {
                    throw new MergeFailed(x);
                }
                write(cid, batch, false);
            }
        }, Format.LINES.lineRecords).spillTo(job.spill()).writeBatch(FindingDelta.MERGE_BATCH);
        if (big) {
            collector.pipelined();
        }
        String[] before = LogResume.digests(e.path(), complete);
        LogResume.LineCounter counter;
        String warning;
        try (java.io.InputStream in = Files.newInputStream(e.path())) {
            in.skipNBytes(from.offset());
            counter = new LogResume.LineCounter(new be.inzage.extract.LimitedInputStream(in, complete - from.offset()));
            warning = scanner.linesFrom(counter, java.nio.charset.Charset.forName(from.charset()), from.format(),
                    Math.toIntExact(from.lines() + 1), complete - from.offset(), collector);
        } catch (IOException | RuntimeException | Error failed) {
            collector.discard();
            throw failed; // nothing merged yet: the log keeps its findings and where it was read up to
        }
        try {
            collector.finish();
            delta.finish();
        } catch (IOException | RuntimeException x) {
            throw x instanceof MergeFailed m ? m : new MergeFailed(x);
        }
        keep(item.recordId());
        boolean partial = complete < e.size();
        if (partial) {
            warning = incomplete(warning, complete);
        }
        LogResume next = LogResume.after(e.path(), complete, from.lines() + counter.lines(), java.nio.charset.Charset.forName(
                from.charset()), from.format(), before, readingVersion());
        return new Result(ItemOutcome.scanned(e.size(), collector.findings(), warning), collector.perType(), partial, next,
                complete - from.offset());
    }

    /** What a log's reading depends on besides its bytes: the rules and a format forced with ?format=. */
    private String readingVersion() {
        return rules.version() + "/" + job.logFormat();
    }

    /** Tests only: runs on the extraction thread just before an item is opened (to delete or change it there). */
    static java.util.function.Consumer<Path> beforeRead = p -> { };

    /** Whether the file's size or time differ from what the walk saw (it was written to while we read it). */
    private static boolean changedWhileRead(FileWalker.Entry e) {
        try {
            java.nio.file.attribute.BasicFileAttributes now = Files.readAttributes(e.path(),
                    java.nio.file.attribute.BasicFileAttributes.class);
            return now.size() != e.size() || now.lastModifiedTime().toMillis() != e.modified();
        } catch (IOException gone) {
            return true;
        }
    }

    /**
     * The time that decides whether an item changed: its modification time, or, where that cannot be
     * trusted (zero, before 1980, or more than a day in the future: restored backups, some network
     * shares and archives), a number derived from a SHA-256 of its content.
     */
    static long stateTime(FileWalker.Entry e) throws IOException {
        long m = e.modified();
        if (m > 315_532_800_000L && m < System.currentTimeMillis() + 86_400_000L) {
            return m;
        }
        try (java.io.InputStream in = Files.newInputStream(e.path())) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return java.nio.ByteBuffer.wrap(md.digest()).getLong() & Long.MAX_VALUE | Long.MIN_VALUE; // negative: never a real time
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The length up to and including the last newline, looking back at most 1 MB; the size when none is found. */
    static long completeLines(Path p, long size) throws IOException {
        if (size == 0) {
            return 0;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
            long end = Math.min(size, ch.size());
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8192);
            for (long pos = end; pos > 0 && end - pos < 1 << 20; ) {
                int n = (int) Math.min(buf.capacity(), pos);
                buf.clear().limit(n);
                ch.read(buf, pos - n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        return pos - n + i + 1;
                    }
                }
                pos -= n;
            }
            return end;
        }
    }

    /** An Office file, PDF, mail, archive or media file: one collector per embedded part. */
    private Result document(FileWalker.Entry e, ItemRef item) throws IOException {
        Map<String, FindingCollector> parts = new java.util.LinkedHashMap<>();
        // not discarded when the parse fails: a parse that timed out may still be adding to its collector
        String warning = documents.scan(e.path().getFileName().toString(), () -> Files.newInputStream(e.path()),
                part -> parts.computeIfAbsent(part == null ? "" : part, k -> new FindingCollector(
                        part == null ? item : item.withPart(part), rules.policy(), hasher, this::write, false)
                        .spillTo(job.spill())));
        int total = 0;
        Map<String, Integer> types = new java.util.HashMap<>();
        for (FindingCollector c : parts.values()) {
            c.finish();
            total += c.findings();
            c.perType().forEach((t, n) -> types.merge(t, n, Integer::sum));
        }
        return new Result(ItemOutcome.scanned(e.size(), total, warning), types);
    }

    /** Blocks the extraction worker until the writer has the batch: that is the backpressure. */
    private void write(String cid, List<be.inzage.inventory.Finding> batch, boolean first) {
        writer.replace(cid, batch, job.scan(), first);
    }

    /** The item's findings stay as they are (unchanged, or unreadable now); safe from any thread, nothing is written. */
    private void keep(String itemId) {
        index.keep(job.sourceId(), itemId, job.scan());
    }

    private void finish() {
        finishing = true;
        if (Boolean.getBoolean("inzage.stats")) {
            System.err.printf("walk_s=%.3f state_lookups_s=%.3f%n", walkNanos / 1e9, lookupNanos / 1e9);
        }
        summary.moved(moves.files(), moves.findings());
        walkPool.executeBlocking(() -> {
            walker.close();
            return null;
        }).compose(v -> writer.send(new WriterCommand.Finish(job.sourceId(), job.scan(), !walkBroken)))
                .onComplete(ar -> {
                    summary.done(ar.succeeded() && !walkBroken);
                    if (ar.succeeded()) {
                        done.complete(summary);
                    } else {
                        done.fail(ar.cause());
                    }
                });
    }

    @Override
    public Future<?> stop() {
        return walkPool.close().compose(v -> extractPool.close()).compose(v -> documentPool.close());
    }
}
