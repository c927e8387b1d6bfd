package be.inzage.extract;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts U+FFFD replacement characters, i.e. bytes that were not valid in the detected charset. */
final class CountingDecoderReader extends FilterReader {

    private long replaced;

    CountingDecoderReader(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        for (int i = off; i < off + n; i++) {
            if (cbuf[i] == '\uFFFD') {
                replaced++;
            }
        }
        return n;
    }

    long replaced() {
        return replaced;
    }
}
