package be.inzage.extract;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a text stream in bounded chunks that end on a line break where possible, so a 200 MB
 * single-line file costs the same memory as a small one. A chunk cut inside a line overlaps the
 * next one by {@link #OVERLAP} characters so an identifier on the cut is still seen whole.
 */
public final class TextChunks {

    public static final int CHUNK = 1 << 20;
    static final int OVERLAP = 256;

    /** Receives a chunk: its text and the 1-based line number of its first character. */
    public interface Consumer {
        void chunk(String text, int firstLine, int overlapFromPrevious) throws IOException;
    }

    private TextChunks() {
    }

    public static void read(Reader in, Consumer consumer) throws IOException {
        read(in, CHUNK, consumer);
    }

    /** @param sizeHint the item's size in bytes, if known: a small file gets a small buffer */
    public static void read(Reader in, long sizeHint, Consumer consumer) throws IOException {
        read(in, sizeHint, 1, consumer);
    }

    /** @param firstLine the number of the stream's first line: not 1 when a log is read from where an earlier read stopped */
    public static void read(Reader in, long sizeHint, int firstLine, Consumer consumer) throws IOException {
        char[] buf = new char[(int) Math.max(4 * OVERLAP, Math.min(CHUNK, sizeHint + 16))];
        int len = 0;
        int line = firstLine;
        int overlap = 0;
        while (true) {
            if (len == buf.length && buf.length < CHUNK) {
                buf = java.util.Arrays.copyOf(buf, CHUNK); // the size hint was low (a growing file)
            }
            int r = in.read(buf, len, buf.length - len);
            if (r > 0) {
                len += r;
                if (len < buf.length) {
                    continue;
                }
            }
            boolean eof = r < 0;
            if (len == 0) {
                return;
            }
            int cut = eof ? len : lastBreak(buf, len);
            boolean hardCut = !eof && cut <= 0;
            if (hardCut) {
                cut = len;
            }
            String text = new String(buf, 0, cut);
            consumer.chunk(text, line, overlap);
            // Lines before the carried part: a hard cut carries the overlap, whose lines are recounted.
            int keepFrom = hardCut ? Math.max(0, cut - OVERLAP) : cut;
            // counted in the chunk's string: indexOf is an intrinsic, ten times a loop over the chars
            for (int i = text.indexOf('\n'); i >= 0 && i < keepFrom; i = text.indexOf('\n', i + 1)) {
                line++;
            }
            overlap = hardCut ? cut - keepFrom : 0;
            System.arraycopy(buf, keepFrom, buf, 0, len - keepFrom);
            len -= keepFrom;
            if (eof) {
                return;
            }
        }
    }

    private static int lastBreak(char[] buf, int len) {
        for (int i = len - 1; i > len / 2; i--) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        for (int i = len - 1; i > len / 2; i--) {
            if (Character.isWhitespace(buf[i])) {
                return i + 1;
            }
        }
        return -1;
    }
}
