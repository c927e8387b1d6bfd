package be.inzage.extract;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a text file is encoded from its first bytes: BOM, then strict UTF-8, then ICU's
 * detector (as bundled with Tika); windows-1252 when nothing is sure (old Belgian/Dutch exports).
 * Also tells binary content from text, so a binary file with a .txt name is reported, not scanned.
 */
public final class CharsetSniffer {

    public static final int SAMPLE = 64 * 1024;

    private CharsetSniffer() {
    }

    public record Sniffed(Charset charset, int bomLength, boolean binary) {
    }

    public static Sniffed sniff(byte[] b, int n) {
        if (n >= 3 && (b[0] & 255) == 0xEF && (b[1] & 255) == 0xBB && (b[2] & 255) == 0xBF) {
            return new Sniffed(StandardCharsets.UTF_8, 3, false);
        }
        if (n >= 2 && (b[0] & 255) == 0xFE && (b[1] & 255) == 0xFF) {
            return new Sniffed(StandardCharsets.UTF_16BE, 2, false);
        }
        if (n >= 2 && (b[0] & 255) == 0xFF && (b[1] & 255) == 0xFE) {
            return new Sniffed(StandardCharsets.UTF_16LE, 2, false);
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 255;
            if (c == 0) {
                return new Sniffed(null, 0, true);
            }
            if (c < 9 || (c > 13 && c < 32 && c != 27)) {
                controls++;
            }
        }
        if (n > 0 && controls * 20 > n) {
            return new Sniffed(null, 0, true);
        }
        if (validUtf8(b, n)) {
            return new Sniffed(StandardCharsets.UTF_8, 0, false);
        }
        try {
            CharsetDetector d = new CharsetDetector();
            d.setText(java.util.Arrays.copyOf(b, n));
            CharsetMatch m = d.detect();
            if (m != null && m.getConfidence() >= 50 && Charset.isSupported(m.getName())) {
                return new Sniffed(Charset.forName(m.getName()), 0, false);
            }
        } catch (RuntimeException ignored) {
            // fall through to the regional default
        }
        return new Sniffed(Charset.forName("windows-1252"), 0, false);
    }

    /** Strict UTF-8 check that tolerates a multi-byte sequence cut at the end of the sample. */
    static boolean validUtf8(byte[] b, int n) {
        int end = n;
        int back = 0;
        while (end > 0 && back < 3 && (b[end - 1] & 0xC0) == 0x80) {
            end--;
            back++;
        }
        if (end > 0 && (b[end - 1] & 0xC0) == 0xC0) {
            end--;
        } else {
            end = n;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
