package be.inzage.extract;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Buffered, unsynchronised reading and writing of spill runs: variable-length numbers and UTF-8
 * strings. The JDK's data streams go through a synchronised buffered stream for every byte, which
 * was a tenth of the time spent writing runs.
 */
final class RunIo {

    private RunIo() {
    }

    static final class Out implements Closeable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;

        Out(Path file) throws IOException {
            out = Files.newOutputStream(file);
        }

        private void room(int k) throws IOException {
            if (n + k > buf.length) {
                out.write(buf, 0, n);
                n = 0;
            }
        }

        void varInt(int v) throws IOException {
            varLong(v & 0xFFFFFFFFL);
        }

        void varLong(long v) throws IOException {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        /** Length-prefixed UTF-8; ASCII (hashes, masks, line sets) is copied without an encoder. */
        void string(String s) throws IOException {
            int len = s.length();
            boolean ascii = true;
            for (int i = 0; i < len && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (!ascii) {
                bytes(s.getBytes(StandardCharsets.UTF_8));
                return;
            }
            varInt(len);
            if (len > buf.length) {
                bytes0(s.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            room(len);
            for (int i = 0; i < len; i++) {
                buf[n++] = (byte) s.charAt(i);
            }
        }

        private void bytes(byte[] b) throws IOException {
            varInt(b.length);
            bytes0(b);
        }

        private void bytes0(byte[] b) throws IOException {
            if (b.length > buf.length - n) {
                out.write(buf, 0, n);
                n = 0;
                out.write(b);
            } else {
                System.arraycopy(b, 0, buf, n, b.length);
                n += b.length;
            }
        }

        void doubleValue(double d) throws IOException {
            fixedLong(Double.doubleToRawLongBits(d));
        }

        /** Eight bytes, low first: for numbers that fill them (hashes, doubles). */
        void fixedLong(long bits) throws IOException {
            fixedHigh(bits, 8);
        }

        /** The top {@code bytes} bytes of {@code bits} (the rest zero), low first. */
        void fixedHigh(long bits, int bytes) throws IOException {
            room(bytes);
            for (int i = 8 - bytes; i < 8; i++) {
                buf[n++] = (byte) (bits >>> (8 * i));
            }
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(buf, 0, n);
                n = 0;
            }
        }
    }

    static final class In implements Closeable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 13]; // 8 KB: a final merge may read a thousand runs at once
        private int pos;
        private int end;

        In(Path file) throws IOException {
            in = Files.newInputStream(file);
        }

        /** Whether the run has no more bytes. */
        boolean atEnd() throws IOException {
            return pos == end && !fill();
        }

        private boolean fill() throws IOException {
            int r = in.read(buf, 0, buf.length);
            pos = 0;
            end = Math.max(0, r);
            return r > 0;
        }

        private int next() throws IOException {
            if (pos == end && !fill()) {
                throw new EOFException("spill run ends in the middle of an entry");
            }
            return buf[pos++] & 0xFF;
        }

        int varInt() throws IOException {
            return (int) varLong();
        }

        long varLong() throws IOException {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = next();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        String string() throws IOException {
            int len = varInt();
            byte[] b = new byte[len];
            int k = 0;
            while (k < len) {
                if (pos == end && !fill()) {
                    throw new EOFException("spill run ends in the middle of a string");
                }
                int c = Math.min(len - k, end - pos);
                System.arraycopy(buf, pos, b, k, c);
                pos += c;
                k += c;
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        double doubleValue() throws IOException {
            return Double.longBitsToDouble(fixedLong());
        }

        long fixedLong() throws IOException {
            return fixedHigh(8);
        }

        /** A number of which {@link Out#fixedHigh} wrote the top {@code bytes} bytes. */
        long fixedHigh(int bytes) throws IOException {
            long bits = 0;
            for (int i = 8 - bytes; i < 8; i++) {
                bits |= (long) next() << (8 * i);
            }
            return bits;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
