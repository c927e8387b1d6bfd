package be.inzage.extract;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Tika's type detection, short-cut where the name and the first bytes agree. Tika's default
 * detector evaluates every magic pattern it knows and opens zip and OLE2 containers to tell a
 * docx from an xlsx: about a third of a bare extraction of office files (profiled on the documents
 * benchmark). A file named {@code .pdf} that starts with {@code %PDF}, or {@code .docx} with a zip
 * signature, needs none of that: the parser Tika would pick is known. Anything else (no name, an
 * unknown extension, bytes that contradict the name, such as an encrypted docx, which is an OLE2
 * file) goes to the default detector unchanged, so a misnamed file is still read by content.
 */
final class KnownTypeDetector implements Detector {

    /** What a name promises: the media type and a signature its first bytes must carry. */
    private record Known(MediaType type, int offset, byte[] magic) {
        static Known of(String type, int offset, String magic) {
            return new Known(MediaType.parse(type), offset, magic.getBytes(StandardCharsets.ISO_8859_1));
        }

        boolean matches(byte[] head) {
            return head.length >= offset + magic.length
                    && java.util.Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
        }
    }

    private static final String ZIP = "PK\u0003\u0004";
    private static final String OLE2 = "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1";
    private static final String FTYP = "ftyp";

    private static final Map<String, Known> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", Known.of("application/pdf", 0, "%PDF-")),
            Map.entry("docx", Known.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document", 0, ZIP)),
            Map.entry("dotx", Known.of("application/vnd.openxmlformats-officedocument.wordprocessingml.template", 0, ZIP)),
            Map.entry("xlsx", Known.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 0, ZIP)),
            Map.entry("xlsm", Known.of("application/vnd.ms-excel.sheet.macroenabled.12", 0, ZIP)),
            Map.entry("pptx", Known.of("application/vnd.openxmlformats-officedocument.presentationml.presentation", 0, ZIP)),
            Map.entry("odt", Known.of("application/vnd.oasis.opendocument.text", 0, ZIP)),
            Map.entry("ods", Known.of("application/vnd.oasis.opendocument.spreadsheet", 0, ZIP)),
            Map.entry("odp", Known.of("application/vnd.oasis.opendocument.presentation", 0, ZIP)),
            Map.entry("epub", Known.of("application/epub+zip", 0, ZIP)),
            Map.entry("zip", Known.of("application/zip", 0, ZIP)),
            Map.entry("doc", Known.of("application/msword", 0, OLE2)),
            Map.entry("dot", Known.of("application/msword", 0, OLE2)),
            Map.entry("xls", Known.of("application/vnd.ms-excel", 0, OLE2)),
            Map.entry("ppt", Known.of("application/vnd.ms-powerpoint", 0, OLE2)),
            Map.entry("msg", Known.of("application/vnd.ms-outlook", 0, OLE2)),
            Map.entry("rtf", Known.of("application/rtf", 0, "{\\rtf")),
            Map.entry("gz", Known.of("application/gzip", 0, "\u001F\u008B")),
            Map.entry("tgz", Known.of("application/gzip", 0, "\u001F\u008B")),
            Map.entry("tar", Known.of("application/x-tar", 257, "ustar")),
            Map.entry("7z", Known.of("application/x-7z-compressed", 0, "7z\u00BC\u00AF\u0027\u001C")),
            Map.entry("jpg", Known.of("image/jpeg", 0, "\u00FF\u00D8\u00FF")),
            Map.entry("jpeg", Known.of("image/jpeg", 0, "\u00FF\u00D8\u00FF")),
            Map.entry("png", Known.of("image/png", 0, "\u0089PNG")),
            Map.entry("gif", Known.of("image/gif", 0, "GIF8")),
            Map.entry("bmp", Known.of("image/bmp", 0, "BM")),
            Map.entry("mp4", Known.of("video/mp4", 4, FTYP)),
            Map.entry("m4v", Known.of("video/x-m4v", 4, FTYP)),
            Map.entry("mov", Known.of("video/quicktime", 4, FTYP)),
            Map.entry("3gp", Known.of("video/3gpp", 4, FTYP)));

    private static final int LOOK = 262;

    private final Detector fallback;

    KnownTypeDetector(Detector fallback) {
        this.fallback = fallback;
    }

    private static final MediaType MAIL = MediaType.parse("message/rfc822");
    private static final MediaType MBOX = MediaType.parse("application/mbox");

    @Override
    public MediaType detect(InputStream in, Metadata metadata) throws IOException {
        String ext = extension(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
        Known k = ext == null ? null : BY_EXTENSION.get(ext);
        boolean mail = "eml".equals(ext) || "mbox".equals(ext);
        if ((k != null || mail) && in != null && in.markSupported()) {
            byte[] head = head(in);
            if (k != null && k.matches(head)) {
                return k.type();
            }
            // mail has no signature, but its first line is a header ("Received: ...") or, in an mbox, "From "
            if (ext.equals("eml") && firstLineIsHeader(head)) {
                return MAIL;
            }
            if (ext.equals("mbox") && MBOX_START.matches(head)) {
                return MBOX;
            }
        }
        return fallback.detect(in, metadata);
    }

    private static final Known MBOX_START = Known.of("application/mbox", 0, "From ");

    /** "Name: value" with a name of letters, digits and dashes (RFC 5322 field names, as mail writers use them). */
    private static boolean firstLineIsHeader(byte[] head) {
        int i = 0;
        while (i < head.length && (Character.isLetterOrDigit(head[i]) && head[i] > 0 || head[i] == '-')) {
            i++;
        }
        return i > 0 && i + 1 < head.length && head[i] == ':' && (head[i + 1] == ' ' || head[i + 1] == '\t');
    }

    /** Up to {@link #LOOK} first bytes, put back afterwards as every Tika detector must. */
    private static byte[] head(InputStream in) throws IOException {
        byte[] head = new byte[LOOK];
        in.mark(LOOK);
        int n = 0;
        try {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } finally {
            in.reset();
        }
        return java.util.Arrays.copyOf(head, n);
    }

    private static String extension(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (dot <= slash + 1 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
