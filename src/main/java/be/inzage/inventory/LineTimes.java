package be.inzage.inventory;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A log's time as a function of its line number, sampled every {@link #STEP} lines: a value's first
 * and last seen are stored as their distance from the time this predicts for its first and last
 * line, which it has anyway. A log's lines come in time order, so that distance is a second or two
 * where the times themselves took about seven bytes a value (a tenth of a log's index). Any line
 * order gives the exact times back, only less compactly. One table per read of the log (a first
 * read, then each read of appended lines), over the lines of that read.
 */
public final class LineTimes {

    /** Lines between samples: a million-line log has about a thousand, a few KB. */
    static final int STEP = 1024;

    private final int firstLine;
    private final int lastLine;
    /** The time (epoch ms) at {@code firstLine + i * STEP}, and last the time at {@code lastLine}. */
    private final long[] samples;

    private LineTimes(int firstLine, int lastLine, long[] samples) {
        this.firstLine = firstLine;
        this.lastLine = lastLine;
        this.samples = samples;
    }

    /** Whether line {@code line} is one of this read's. */
    public boolean covers(int line) {
        return line >= firstLine && line <= lastLine;
    }

    /** The time this table gives line {@code line} (one of its lines): interpolated between the samples around it. */
    long predict(int line) {
        int i = (line - firstLine) / STEP;
        int a = firstLine + i * STEP;
        int b = Math.min(a + STEP, lastLine);
        long ta = samples[i];
        long tb = samples[i + 1];
        return b == a ? ta : ta + (tb - ta) * (line - a) / (b - a);
    }

    /**
     * Takes each timed line as it is read, in line order. A sample's line without a time of its own
     * gets the next time read (lines without one are bad lines, few): the prediction is then worse,
     * never wrong, since the values are stored against whatever this table says.
     */
    public static final class Builder {

        private long[] samples = new long[64];
        private int n;
        private int firstLine = -1;
        private int lastLine;
        private long lastTime;

        /** Line {@code line} (after any line given before) was written at {@code epochMillis} (not 0). */
        public void note(int line, long epochMillis) {
            if (line <= lastLine && firstLine >= 0) {
                return; // a line seen twice (cannot happen when read in order): its first time stands
            }
            if (firstLine < 0) {
                firstLine = line;
            }
            // every sample position up to this line that has none yet
            while ((long) firstLine + (long) n * STEP <= line) {
                if (n + 1 >= samples.length) {
                    samples = java.util.Arrays.copyOf(samples, samples.length * 2);
                }
                samples[n++] = epochMillis;
            }
            lastLine = line;
            lastTime = epochMillis;
        }

        /** The table, or null when no line had a time. */
        public LineTimes build() {
            if (firstLine < 0) {
                return null;
            }
            long[] s = java.util.Arrays.copyOf(samples, n + 1);
            s[n] = lastTime; // the end of the last stretch: predictions never need a sample beyond the last line
            return new LineTimes(firstLine, lastLine, s);
        }
    }

    /** The first line, the line count, then each sample as its change from the previous one. */
    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(16 + 3L * samples.length);
        try {
            out.writeVInt(firstLine);
            out.writeVInt(lastLine - firstLine);
            long prev = 0;
            for (long t : samples) {
                out.writeZLong(t - prev);
                prev = t;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return new BytesRef(out.toArrayCopy());
    }

    static LineTimes decode(BytesRef bytes) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            int first = in.readVInt();
            int last = first + in.readVInt();
            long[] s = new long[(last - first) / STEP + 2];
            long prev = 0;
            for (int i = 0; i < s.length; i++) {
                prev += in.readZLong();
                s[i] = prev;
            }
            return new LineTimes(first, last, s);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("damaged line-time table", e);
        }
    }

    /** The tables of a log's reads (each over lines after the previous one's), as one lookup. */
    static final class Parts {

        private final List<LineTimes> parts;

        Parts(List<LineTimes> parts) {
            this.parts = new ArrayList<>(parts);
            this.parts.sort(Comparator.comparingInt(p -> p.firstLine));
        }

        /** The table that holds line {@code line}, or null: a log read on from where it stopped many times has many. */
        LineTimes of(int line) {
            int lo = 0;
            int hi = parts.size() - 1;
            while (lo <= hi) { // the last part starting at or before the line
                int mid = (lo + hi) >>> 1;
                if (parts.get(mid).firstLine <= line) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return hi >= 0 && parts.get(hi).covers(line) ? parts.get(hi) : null;
        }
    }
}
