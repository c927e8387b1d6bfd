package be.inzage.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Walks a file share lazily, a batch at a time, so the crawler pulls paths only as fast as it can
 * scan them (memory stays flat on a share of millions of files). Follows symbolic links but
 * remembers every directory it entered, so a link loop is reported once instead of walked forever.
 * Not thread-safe: one caller at a time (the crawler's ordered walk executor).
 */
public final class FileWalker implements AutoCloseable {

    /** A file to scan, or a path that could not be walked (then {@code error} says why). */
    public record Entry(Path path, long size, long modified, String error) {
    }

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Set<Object> visited = new HashSet<>();
    private final List<Entry> pending = new ArrayList<>();

    /** Only files that match, in folders that may hold one; null: every file. */
    private final PathGlob glob;

    /** @param levels how many segments the folder is below the root */
    private record Frame(DirectoryStream<Path> stream, Iterator<Path> it, int levels) {
    }

    public FileWalker(Path root) {
        this(root, null);
    }

    public FileWalker(Path root, PathGlob glob) {
        this.glob = glob;
        enter(root, 0);
    }

    /** Up to {@code max} entries; an empty list means the walk is over. */
    public List<Entry> next(int max) {
        List<Entry> out = new ArrayList<>(max);
        while (out.size() < max) {
            if (!pending.isEmpty()) {
                out.add(pending.remove(pending.size() - 1));
                continue;
            }
            Frame top = stack.peek();
            if (top == null) {
                break;
            }
            Path p;
            try {
                if (!top.it().hasNext()) {
                    close(stack.pop());
                    continue;
                }
                p = top.it().next();
            } catch (RuntimeException e) { // DirectoryIteratorException: the folder vanished or failed mid-listing
                close(stack.pop());
                out.add(new Entry(null, 0, 0, "folder listing failed: " + causeOf(e)));
                continue;
            }
            visit(p, top.levels() + 1);
        }
        return out;
    }

    private void visit(Path p, int levels) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            if (glob == null || glob.matches(p)) {
                boolean brokenLink = Files.isSymbolicLink(p);
                pending.add(new Entry(p, 0, 0, brokenLink ? "broken symbolic link" : "cannot read attributes: " + causeOf(e)));
            }
            return;
        }
        if (a.isDirectory()) {
            if (glob == null || glob.mayHold(levels)) {
                enter(p, levels);
            }
        } else if (glob != null && !glob.matches(p)) {
            return; // not part of the source
        } else if (a.isRegularFile()) {
            pending.add(new Entry(p, a.size(), a.lastModifiedTime().toMillis(), null));
        } else {
            pending.add(new Entry(p, 0, 0, "not a regular file (device, socket or pipe)"));
        }
    }

    private void enter(Path dir, int levels) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            Object key = a.fileKey() != null ? a.fileKey() : dir.toRealPath();
            if (!visited.add(key)) {
                pending.add(new Entry(dir, 0, 0, "symbolic link loop: folder already walked"));
                return;
            }
            if (!a.isDirectory()) {
                pending.add(new Entry(dir, a.size(), a.lastModifiedTime().toMillis(), null));
                return;
            }
            DirectoryStream<Path> s = Files.newDirectoryStream(dir);
            stack.push(new Frame(s, s.iterator(), levels));
        } catch (IOException e) {
            pending.add(new Entry(dir, 0, 0, "cannot open folder: " + causeOf(e)));
        }
    }

    private static String causeOf(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String name = t.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "vanished during the scan";
            case "FileSystemLoopException" -> "symbolic link loop";
            default -> name;
        };
    }

    private static void close(Frame f) {
        try {
            f.stream().close();
        } catch (IOException ignored) {
            // nothing to do: we are done with this folder
        }
    }

    @Override
    public void close() {
        while (!stack.isEmpty()) {
            close(stack.pop());
        }
    }

    static boolean isLink(Path p) {
        return Files.isSymbolicLink(p) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }
}
