package be.inzage.inventory;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;

import java.io.IOException;

/**
 * Ascending numbers as Elias-Fano: each one's low bits at a fixed width, then the rest of each in
 * unary. About two bits a number above log2(largest / count), where a gap varint rounds up to whole
 * bytes: a returning visitor's lines, far apart in a big log. The count is the caller's to store.
 */
final class EliasFano {

    private EliasFano() {
    }

    /** The low bits' width for {@code n} numbers up to {@code last}. */
    private static int low(long last, int n) {
        return last / n < 1 ? 0 : 63 - Long.numberOfLeadingZeros(last / n);
    }

    /** Bytes {@link #write} takes for {@code n} ascending numbers up to {@code last}. */
    static long bytes(long last, int n) {
        int low = low(last, n);
        long highBits = n + (last >>> low);
        return 1 + ((long) n * low + 7) / 8 + (highBits + 7) / 8;
    }

    /** Writes values[from], values[from + step], ... ({@code n} of them, ascending, ≥ 0). */
    static void write(ByteBuffersDataOutput out, long[] values, int from, int step, int n) {
        long last = values[from + step * (n - 1)];
        int low = low(last, n);
        out.writeByte((byte) low);
        BitWriter bits = new BitWriter(out);
        for (int i = 0; i < n; i++) {
            bits.write(values[from + step * i] & ((1L << low) - 1), low);
        }
        bits.flush();
        long prevHigh = 0;
        for (int i = 0; i < n; i++) {
            long high = values[from + step * i] >>> low;
            for (long z = prevHigh; z < high; z++) {
                bits.write(0, 1);
            }
            bits.write(1, 1);
            prevHigh = high;
        }
        bits.flush();
    }

    /** Reads {@code n} numbers written by {@link #write}: the low bits a byte at a time, the high parts a set bit at a time. */
    static long[] read(ByteArrayDataInput in, int n) throws IOException {
        int low = in.readByte();
        long[] v = new long[n];
        byte[] lows = new byte[(int) (((long) n * low + 7) / 8)];
        in.readBytes(lows, 0, lows.length);
        long p = 0;
        for (int i = 0; i < n; i++) {
            long x = 0;
            int got = 0;
            while (got < low) {
                int off = (int) (p & 7);
                int take = Math.min(8 - off, low - got);
                x |= (long) (((lows[(int) (p >>> 3)] & 0xff) >>> off) & ((1 << take) - 1)) << got;
                got += take;
                p += take;
            }
            v[i] = x;
        }
        long high = 0;
        int i = 0;
        while (i < n) {
            int bits = in.readByte() & 0xff;
            int used = 0;
            while (bits != 0 && i < n) {
                int zeros = Integer.numberOfTrailingZeros(bits);
                high += zeros;
                v[i++] |= high << low;
                bits >>>= zeros + 1;
                used += zeros + 1;
            }
            high += 8 - used; // the byte's zeros after its last one (padding once the last number is read)
        }
        return v;
    }

    /** Bits, lowest first, into bytes. */
    private static final class BitWriter {
        private final ByteBuffersDataOutput out;
        private int buf;
        private int used;

        BitWriter(ByteBuffersDataOutput out) {
            this.out = out;
        }

        void write(long value, int width) {
            for (int k = 0; k < width; k++) {
                buf |= (int) ((value >>> k) & 1) << used;
                if (++used == 8) {
                    out.writeByte((byte) buf);
                    buf = 0;
                    used = 0;
                }
            }
        }

        void flush() {
            if (used > 0) {
                out.writeByte((byte) buf);
                buf = 0;
                used = 0;
            }
        }
    }
}
