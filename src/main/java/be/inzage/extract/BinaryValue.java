package be.inzage.extract;

import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * A binary database value (bytea, blob): a photo by its magic bytes, or a document whose text Tika
 * can give, or neither. Sniffing reads the first bytes only; text is capped.
 */
public final class BinaryValue {

    /** Characters of a document's text read at most, whatever its size. */
    static final int MAX_TEXT = 1_000_000;
    private static final Tika TIKA = new Tika();

    public enum Kind { IMAGE, DOCUMENT, OTHER }

    private BinaryValue() {
    }

    public static Kind sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Kind.IMAGE; // JPEG
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G') || startsWith(b, 'G', 'I', 'F', '8') || startsWith(b, 'I', 'I', 42, 0)
                || startsWith(b, 'M', 'M', 0, 42) || (b.length > 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p'
                && (b[8] == 'h' || b[8] == 'm' || b[8] == 'a'))) {
            return Kind.IMAGE; // PNG, GIF, TIFF, HEIC/AVIF
        }
        if (startsWith(b, '%', 'P', 'D', 'F') || startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)
                || startsWith(b, '{', '\\', 'r', 't', 'f')) {
            return Kind.DOCUMENT; // PDF, OOXML/ODF (zip), OLE (doc, xls, msg), RTF
        }
        return Kind.OTHER;
    }

    /** "JPEG image, 34 KB": what the inventory shows instead of the content. */
    public static String describe(byte[] b) {
        String type = startsWith(b, 0x89, 'P', 'N', 'G') ? "PNG" : startsWith(b, 'G', 'I', 'F', '8') ? "GIF"
                : b.length > 2 && (b[0] & 0xFF) == 0xFF ? "JPEG" : b.length > 8 && b[4] == 'f' ? "HEIC/AVIF" : "TIFF";
        return type + " image, " + Math.max(1, b.length / 1024) + " KB";
    }

    /** The document's text (at most {@link #MAX_TEXT} characters), or null when Tika cannot read it. */
    public static String text(byte[] b) {
        try {
            return TIKA.parseToString(new ByteArrayInputStream(b), new org.apache.tika.metadata.Metadata(), MAX_TEXT);
        } catch (IOException | TikaException | RuntimeException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
