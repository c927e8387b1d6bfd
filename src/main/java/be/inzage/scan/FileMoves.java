package be.inzage.scan;

import be.inzage.extract.ItemRef;
import be.inzage.inventory.InventoryIndex;
import be.inzage.source.FileWalker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Files moved or renamed in a share since the last scan keep their findings instead of being read
 * (and, for documents, parsed) again: a folder renamed in a share used to cost a full re-read of
 * everything under it (the 2,000 files of the 200 MB benchmark corpus moved: 7.1 s, read whole: 17.5 s). A file the walk finds at a new path is its old self when an item
 * of the source was remembered with the same size, time and first 64 KB, under the same rules, and
 * its old path is gone (a copy leaves the old one in place, and is read). Its findings are then
 * rewritten as a read at the new path would write them ({@link InventoryIndex#moveItem}).
 */
final class FileMoves {

    private final ScanJob job;
    private final InventoryIndex index;
    private final String rulesVersion;
    /** False for a source that remembers no content yet (a first scan): no lookup can find anything. */
    private final boolean active;
    private final Set<String> movedFrom = new HashSet<>();
    private long files;
    private long findings;

    FileMoves(ScanJob job, InventoryIndex index, String rulesVersion) throws IOException {
        this.job = job;
        this.index = index;
        this.rulesVersion = rulesVersion;
        this.active = !job.logs() && index.remembersContent(job.sourceId()); // logs have LogRenames
    }

    /**
     * On the walk thread, for a file that is not unchanged: whether it is a file moved here, whose
     * findings were then moved to it and whose state was remembered at its new path.
     */
    boolean moved(FileWalker.Entry e, String itemId, long time) throws IOException {
        if (!active) {
            return false;
        }
        String head = null;
        for (InventoryIndex.Gone g : index.sameSizeAndTime(job.sourceId(), e.size(), time)) {
            if (g.itemId().equals(itemId) || movedFrom.contains(g.itemId()) || !rulesVersion.equals(g.rules()) || g.path() == null
                    || g.head() == null || Files.exists(Path.of(g.path()), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (head == null) {
                head = headOrNull(e.path(), e.size());
                if (head == null) {
                    return false; // unreadable now: the read that follows records why, and the walk goes on
                }
            }
            if (!g.head().equals(head)) {
                continue;
            }
            ItemRef to = new ItemRef(job.sourceId(), job.source(), "file", e.path().toString(), null);
            findings += index.moveItem(g.itemId(), to.recordId(), to.container(), part -> to.withPart(part).cid(), job.scan());
            index.forget(g.itemId());
            index.remember(to.recordId(), job.sourceId(), new InventoryIndex.ItemState(e.size(), time, rulesVersion), job.scan(),
                    null, to.container(), head);
            movedFrom.add(g.itemId());
            files++;
            return true;
        }
        return false;
    }

    long files() {
        return files;
    }

    long findings() {
        return findings;
    }

    /** The same, or null when the file cannot be read now (it is then not found again if it moves). */
    static String headOrNull(Path p, long size) {
        try {
            return head(p, size);
        } catch (IOException gone) {
            return null;
        }
    }

    /** SHA-256 (first 16 bytes, hex) of a file's first 64 KB (all of it when smaller), as its state keeps it. */
    static String head(Path p, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(p)) {
            return LogResume.digest(ch, 0, Math.min(size, LogResume.HEAD));
        }
    }
}
