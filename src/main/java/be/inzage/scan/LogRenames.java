package be.inzage.scan;

import be.inzage.extract.ItemRef;
import be.inzage.inventory.InventoryIndex;
import be.inzage.source.FileWalker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logs renamed since the last scan keep their findings. Log rotation renames files: logrotate
 * moves access.log to access.log.1 and, a day later, compresses that to access.log.2.gz, so every
 * rotated log sits at a new path at every scan and would be read whole again each time.
 *
 * <p>Before a log folder is walked, each log whose content has left its path (the digests its last
 * read left, {@link LogResume}, no longer match there) is looked for among the files of the same
 * folder that are new or changed: one that begins with exactly that content (gzipped: is exactly
 * that content) takes over its findings as they are. The walk then finds it unchanged, or grown
 * and reads on from where the last read stopped. A log not found in its own folder is looked for in
 * the source's other folders (logrotate's olddir). A gzipped log that holds more than what was read
 * (compressed without a day's delay) is read whole, as is everything this does not recognise.
 */
final class LogRenames {

    /** What was found moved: from an item's last path to a file of the source. */
    record Move(InventoryIndex.Resumable from, Path to, InventoryIndex.ItemState state) {
    }

    /** Logs moved and the findings they took with them. */
    record Moved(int logs, long findings) {
    }

    private final ScanJob job;
    private final InventoryIndex index;
    private final String rulesVersion;
    private final String readingVersion;
    private final Map<String, String> heads = new HashMap<>();
    private final Map<Path, List<Path>> folders = new HashMap<>();

    LogRenames(ScanJob job, InventoryIndex index, String rulesVersion, String readingVersion) {
        this.job = job;
        this.index = index;
        this.rulesVersion = rulesVersion;
        this.readingVersion = readingVersion;
    }

    /** Finds the moves and makes them, in an order that never overwrites findings still to be moved. */
    Moved apply() throws IOException {
        int logs = 0;
        long findings = 0;
        for (Move m : ordered(plan())) {
            InventoryIndex.Resume from = m.from().resume();
            String cid = from.cid(); // remembered with the path
            ItemRef to = item(m.to());
            findings += index.rename(cid, to.container(), to.recordId(), job.scan());
            index.forget(m.from().itemId());
            index.remember(to.recordId(), job.sourceId(), m.state(), job.scan(), new InventoryIndex.Resume(from.point(),
                    to.container(), cid));
            index.refreshNow(); // the next rename looks up what its path holds now
            logs++;
        }
        return new Moved(logs, findings);
    }

    private ItemRef item(Path p) {
        return new ItemRef(job.sourceId(), job.source(), "log", p.toString(), null);
    }

    /** Each log whose content left its path, paired with the file that holds it now (at most one each way). */
    List<Move> plan() throws IOException {
        if (!job.logs() || !Files.isDirectory(job.root())) {
            return List.of(); // a single-file source has nowhere to rotate to
        }
        List<InventoryIndex.Resumable> known = index.resumables(job.sourceId());
        Map<Path, InventoryIndex.Resumable> byPath = new HashMap<>();
        known.removeIf(r -> r.resume().path() == null); // remembered by an older version
        for (InventoryIndex.Resumable r : known) {
            byPath.put(Path.of(r.resume().path()), r);
        }
        List<Move> moves = new ArrayList<>();
        Set<Path> taken = new HashSet<>();
        for (InventoryIndex.Resumable r : known) {
            LogResume resume = LogResume.parse(r.resume().point());
            if (resume == null || !resume.rules().equals(readingVersion) || !rulesVersion.equals(r.state().rules())) {
                continue; // read with other rules: read again anyway
            }
            Path was = Path.of(r.resume().path());
            if (holds(was, r, resume)) {
                continue;
            }
            // its own folder first (rename, compress); then the source's other folders (logrotate's olddir)
            Move m = find(r, resume, folder(was.getParent()), byPath, taken);
            if (m == null) {
                m = find(r, resume, elsewhere(was.getParent()), byPath, taken);
            }
            if (m != null) {
                moves.add(m);
                taken.add(m.to());
            }
        }
        return moves;
    }

    /** The first of {@code files} that holds what {@code r}'s path held, unless it holds its own last read still. */
    private Move find(InventoryIndex.Resumable r, LogResume resume, List<Path> files, Map<Path, InventoryIndex.Resumable> byPath,
            Set<Path> taken) {
        Path was = Path.of(r.resume().path());
        for (Path p : files) {
            if (p.equals(was) || taken.contains(p)) {
                continue;
            }
            InventoryIndex.Resumable own = byPath.get(p);
            if (own != null && holds(p, own, LogResume.parse(own.resume().point()))) {
                continue;
            }
            InventoryIndex.ItemState state = movedHere(p, r, resume);
            if (state != null) {
                return new Move(r, p, state);
            }
        }
        return null;
    }

    /** Files listed across the source's folders; a source with more is not searched beyond a log's own folder. */
    static final int MAX_LISTED = 20_000;
    private List<Path> sourceFiles;

    /** The source's files outside {@code folder}, listed once (only when a log is not found in its own folder). */
    private List<Path> elsewhere(Path folder) {
        if (sourceFiles == null) {
            sourceFiles = new ArrayList<>();
            try (FileWalker w = new FileWalker(job.root(), job.glob())) {
                for (List<FileWalker.Entry> batch = w.next(1024); !batch.isEmpty(); batch = w.next(1024)) {
                    for (FileWalker.Entry e : batch) {
                        if (e.error() == null) {
                            sourceFiles.add(e.path());
                        }
                    }
                    if (sourceFiles.size() > MAX_LISTED) {
                        sourceFiles = List.of();
                        break;
                    }
                }
            }
            sourceFiles = sourceFiles.stream().sorted().toList();
        }
        return sourceFiles.stream().filter(p -> !folder.equals(p.getParent())).toList();
    }

    /** Whether the file at {@code p} still holds what its last read saw (unchanged, or grown in place). */
    private static boolean holds(Path p, InventoryIndex.Resumable r, LogResume resume) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.size() == r.state().size() && a.lastModifiedTime().toMillis() == r.state().modified()) {
                return true;
            }
            return resume != null && !gzipped(p) && resume.stillBegins(p);
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * The state under which file {@code p} takes over the findings of {@code from}, or null when it
     * does not hold that content. Plain: it begins with it (the state's size is the content's, so a
     * file that grew since is read on from there). Gzipped: it is exactly it.
     */
    private InventoryIndex.ItemState movedHere(Path p, InventoryIndex.Resumable from, LogResume resume) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            long time = a.lastModifiedTime().toMillis();
            String head = heads.computeIfAbsent(p + "\0" + Math.min(resume.offset(), LogResume.HEAD), k -> {
                try {
                    String h = LogResume.head(p, Math.min(resume.offset(), LogResume.HEAD));
                    return h == null ? "" : h;
                } catch (IOException unreadable) {
                    return "";
                }
            });
            if (!head.equals(resume.head())) {
                return null;
            }
            if (!gzipped(p)) {
                return resume.stillBegins(p) ? new InventoryIndex.ItemState(resume.offset(), time, rulesVersion) : null;
            }
            // renamed as it was (access.log.2.gz to .3.gz): same size and time; otherwise (compressed since) read it through
            boolean same = a.size() == from.state().size() && time == from.state().modified();
            if (!same) {
                try (InputStream in = be.inzage.extract.Format.openText(p)) {
                    same = resume.isWholeOf(in);
                }
            }
            return same ? new InventoryIndex.ItemState(a.size(), time, rulesVersion) : null;
        } catch (IOException | RuntimeException unreadable) {
            return null; // the walk will say what is wrong with it
        }
    }

    /** The files of a folder that belong to the source, listed once. */
    private List<Path> folder(Path dir) {
        return folders.computeIfAbsent(dir, d -> {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                for (Path p : s) {
                    if (Files.isRegularFile(p) && (job.glob() == null ? p.startsWith(job.root()) : job.glob().matches(p))) {
                        files.add(p);
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return List.of();
            }
            files.sort(null); // the same pairing every time
            return files;
        });
    }

    /**
     * Moves in an order where none lands on a path whose own findings are still to move: access.log.1
     * to access.log.2.gz before access.log to access.log.1. Moves in a cycle (files swapped) are left
     * out: those files are read whole.
     */
    static List<Move> ordered(List<Move> moves) {
        List<Move> pending = new ArrayList<>(moves);
        List<Move> out = new ArrayList<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            Set<Path> sources = new HashSet<>();
            for (Move m : pending) {
                sources.add(Path.of(m.from().resume().path()));
            }
            for (java.util.Iterator<Move> it = pending.iterator(); it.hasNext(); ) {
                Move m = it.next();
                if (!sources.contains(m.to())) {
                    out.add(m);
                    it.remove();
                    progress = true;
                }
            }
        }
        return out;
    }

    private static boolean gzipped(Path p) {
        return be.inzage.extract.Format.gzippedText(p.getFileName().toString());
    }
}
