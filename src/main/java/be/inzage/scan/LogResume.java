package be.inzage.scan;

import be.inzage.extract.LogFormat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a log was read up to, so that the next scan of a log that only grew reads just the lines
 * appended: the byte offset just after the last line read, the number of lines before it, the
 * charset and format found, and SHA-256 digests of the first 64 KB and of the 4 KB before the
 * offset. A log rotated, truncated or rewritten no longer matches them and is read whole.
 *
 * @param rules the rules version of the read: other rules, another reading
 */
record LogResume(long offset, long lines, String charset, LogFormat format, String head, String tail, String rules) {

    static final int HEAD = 64 * 1024;
    static final int TAIL = 4 * 1024;

    /** What can be read from the middle: line breaks are '\n' bytes, and a line does not depend on the ones before. */
    static boolean resumable(Charset charset, LogFormat format) {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        return format != null && format != LogFormat.AUTO && format != LogFormat.W3C // W3C lines depend on the last #Fields
                && !name.startsWith("UTF-16") && !name.startsWith("UTF-32");
    }

    /** The digests of the first 64 KB and of the 4 KB before {@code offset}, taken before a read so it can be checked after. */
    static String[] digests(Path p, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(p)) {
            return new String[] {digest(ch, 0, Math.min(offset, HEAD)), digest(ch, Math.max(0, offset - TAIL), offset)};
        }
    }

    /**
     * Where a read of {@code [0, offset)} can be carried on from, with the digests taken before it, or
     * null: the format or charset cannot be read from the middle, the read did not end a line, or the
     * file changed under it.
     */
    static LogResume after(Path p, long offset, long lines, Charset charset, LogFormat format, String[] before, String rules)
            throws IOException {
        if (offset <= 0 || charset == null || !resumable(charset, format)) {
            return null;
        }
        LogResume r = new LogResume(offset, lines, charset.name(), format, before[0], before[1], rules);
        return r.stillBegins(p) ? r : null;
    }

    /** Whether the file still begins with what was read: same first 64 KB, same 4 KB before the offset, a line break there. */
    boolean stillBegins(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p)) {
            return ch.size() >= offset && byteAt(ch, offset - 1) == '\n' && head.equals(digest(ch, 0, Math.min(offset, HEAD)))
                    && tail.equals(digest(ch, Math.max(0, offset - TAIL), offset));
        }
    }

    String encode() {
        return String.join(";", "1", Long.toString(offset), Long.toString(lines), charset, format.name(), head, tail, rules);
    }

    /** The resume point written by {@link #encode}, or null (none, or written by another version). */
    static LogResume parse(String s) {
        if (s == null) {
            return null;
        }
        String[] f = s.split(";", -1);
        if (f.length != 8 || !f[0].equals("1")) {
            return null;
        }
        try {
            return new LogResume(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], LogFormat.valueOf(f[4]), f[5], f[6], f[7]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether {@code content} (a gzipped log, decompressed) is exactly what was read: as long as the
     * offset, with the same digests and a line break at its end. Reads it through.
     */
    boolean isWholeOf(InputStream content) throws IOException {
        Digesting d = new Digesting(content);
        return d.skip(offset) == offset && d.read() < 0 && equals(d.resume(Charset.forName(charset), format, rules));
    }

    /** The digest of the first {@code length} bytes of a file, as the head of a resume point, or null if it is shorter. */
    static String head(Path p, long length) throws IOException {
        if (be.inzage.extract.Format.gzippedText(p.getFileName().toString())) {
            try (InputStream in = be.inzage.extract.Format.openText(p)) {
                byte[] b = in.readNBytes((int) length);
                return b.length < length ? null : HexFormat.of().formatHex(sha256().digest(b), 0, 16);
            } catch (java.util.zip.ZipException | java.io.EOFException notGzip) {
                return null;
            }
        }
        try (FileChannel ch = FileChannel.open(p)) {
            return ch.size() < length ? null : digest(ch, 0, length);
        }
    }

    /** Passes a stream through while digesting its first 64 KB, as {@link FileMoves#head} digests a file's. */
    static class HeadDigesting extends LineCounter {
        private final MessageDigest headDigest = sha256();
        private long pos;

        HeadDigesting(InputStream in) {
            super(in);
        }

        @Override
        void took(byte[] b, int off, int n) {
            super.took(b, off, n);
            if (pos < HEAD) {
                headDigest.update(b, off, (int) Math.min(n, HEAD - pos));
            }
            pos += n;
        }

        /** Bytes that went through. */
        long position() {
            return pos;
        }

        /** The digest of the first 64 KB of a file of {@code size} bytes, or null when less of it went through. */
        String head(long size) {
            return pos < Math.min(size, HEAD) ? null : headSoFar();
        }

        /** The digest of the first 64 KB that went through (all of it when less), the stream still usable. */
        String headSoFar() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) headDigest.clone()).digest(), 0, 16);
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Passes a stream through while keeping what a resume point needs: bytes and lines so far, the
     * digest of the first 64 KB and the last 4 KB. For gzipped logs, whose offsets are in the
     * decompressed content and cannot be read again cheaply.
     */
    static final class Digesting extends HeadDigesting {
        private final byte[] ring = new byte[TAIL];
        private int last = -1;

        Digesting(InputStream in) {
            super(in);
        }

        @Override
        void took(byte[] b, int off, int n) {
            long start = position();
            super.took(b, off, n);
            for (int i = Math.max(off, off + n - TAIL); i < off + n; i++) {
                ring[(int) ((start + i - off) % TAIL)] = b[i];
            }
            last = b[off + n - 1];
        }

        /** Where a read of everything that went through could carry on from, or null (see {@link #after}). */
        LogResume resume(Charset charset, LogFormat format, String rules) {
            long pos = position();
            if (pos <= 0 || last != '\n' || charset == null || !resumable(charset, format)) {
                return null;
            }
            MessageDigest tailDigest = sha256();
            for (long i = Math.max(0, pos - TAIL); i < pos; i++) {
                tailDigest.update(ring[(int) (i % TAIL)]);
            }
            return new LogResume(pos, lines(), charset.name(), format, headSoFar(),
                    HexFormat.of().formatHex(tailDigest.digest(), 0, 16), rules);
        }
    }

    /** Skips {@code n} bytes of {@code in} by reading them, so that what it does with the bytes it reads is done to them too. */
    private static long readThrough(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
        long done = 0;
        while (done < n) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int byteAt(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        return ch.read(b, pos) == 1 ? b.get(0) : -1;
    }

    static String digest(FileChannel ch, long from, long to) throws IOException {
        MessageDigest md = sha256();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        for (long pos = from; pos < to; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), to - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new java.io.EOFException("file shorter than " + to + " bytes");
            }
            md.update(buf.array(), 0, n);
            pos += n;
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The '\n' bytes among {@code n} at {@code off}, eight at a time: a byte equal to '\n' is a zero byte
     * of {@code x ^ NEWLINES}, and {@code ~(((y & LOW7) + LOW7) | y | LOW7)} sets the top bit of exactly
     * the zero bytes of {@code y} (no carry crosses a byte). A byte at a time was 6 % of reading a big log.
     */
    static long newlines(byte[] b, int off, int n) {
        long count = 0;
        int i = off;
        for (int end = off + n - 7; i < end; i += 8) {
            long y = (long) LONGS.get(b, i) ^ NEWLINES;
            count += Long.bitCount(~(((y & LOW7) + LOW7) | y | LOW7));
        }
        for (; i < off + n; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Counts the '\n' bytes that go through: the lines of what was read. */
    static class LineCounter extends FilterInputStream {
        private final byte[] one = new byte[1];
        private long lines;

        LineCounter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                one[0] = (byte) b;
                took(one, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                took(b, off, n);
            }
            return n;
        }

        /** Skipped bytes are read, so whatever is kept of what goes through is kept of them too. */
        @Override
        public long skip(long n) throws IOException {
            return readThrough(this, n);
        }

        /** Sees the {@code n} bytes at {@code off} that just went through. */
        void took(byte[] b, int off, int n) {
            lines += newlines(b, off, n);
        }

        long lines() {
            return lines;
        }
    }
}
