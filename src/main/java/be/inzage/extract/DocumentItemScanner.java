package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.FieldName;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Office documents, PDF, mail, archives, photos and videos through Apache Tika: every embedded
 * document is its own part ("a.zip!/b.docx!/image1.jpeg"), its text and its metadata (authors,
 * mail headers, EXIF) run through the detectors with the metadata key as field name, and images
 * and videos become photo/video findings. One instance is shared: Tika's parsers are thread-safe.
 */
public final class DocumentItemScanner {

    /** Extracted characters per item, all parts together: bounds memory and zip bombs' output. */
    static final int MAX_CHARS = 20_000_000;
    /** Embedded documents per item. */
    static final int MAX_PARTS = 2_000;

    /** Metadata that is plumbing, not data about people. */
    private static final Set<String> SKIP_PREFIXES = Set.of("X-TIKA", "X-Parsed-By", "Content-", "pdf:", "access_permission",
            "xmpTPg", "Chroma", "Compression", "Data ", "Dimension", "Image ", "File ", "Component", "tiff:Image",
            "tiff:Bits", "tiff:Samples", "tiff:Resolution", "tiff:Orientation", "exif:", "Exif ", "Number of", "Y Cb",
            "X Resolution", "Y Resolution", "Resolution", "Thumbnail", "Unknown tag", "embeddedRelationshipId",
            "resourceName", "dc:format", "meta:page-count", "xmpTPg:NPages", "extended-properties:Template",
            "extended-properties:Application", "extended-properties:AppVersion", "extended-properties:DocSecurity",
            "xmp:CreatorTool", "pdf:producer", "producer", "Application-Name", "Application-Version", "generator",
            "meta:creator-tool");

    /** Loading every Tika parser takes a moment: once per process, on the first worker that needs it. */
    private static final class Parsers {
        static final Parser AUTO = autoDetect();

        private static Parser autoDetect() {
            AutoDetectParser p = new AutoDetectParser();
            p.setDetector(new KnownTypeDetector(p.getDetector()));
            return p;
        }
    }

    /** Parses run here so that a parser stuck in a loop can be abandoned after the time limit. */
    private static final java.util.concurrent.ExecutorService PARSING = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "inzage-tika");
        t.setDaemon(true);
        return t;
    });

    /**
     * Parses under way at once: one per core. Callers may hold more items than that, so one item's
     * detection and indexing overlap the next item's parse instead of leaving a core idle between them.
     */
    private static final java.util.concurrent.Semaphore SLOTS = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** One parse's claim on {@link #SLOTS}, given back once whichever of the parse or its time-out comes first. */
    private static final class Slot {
        private final java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);

        static Slot take() throws InterruptedException {
            SLOTS.acquire();
            return new Slot();
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                SLOTS.release();
            }
        }
    }

    /**
     * Word and PowerPoint files are read by Tika's streaming (SAX) extractors instead of the POI object
     * models: memory stays bounded by the text, not by the document's XML tree, and building that tree
     * was a tenth of the samples of a bare extraction (bench: 6,000 documents in 20–21 s, not 23–25 s).
     */
    private static final org.apache.tika.parser.microsoft.OfficeParserConfig OFFICE = office();

    private static org.apache.tika.parser.microsoft.OfficeParserConfig office() {
        org.apache.tika.parser.microsoft.OfficeParserConfig c = new org.apache.tika.parser.microsoft.OfficeParserConfig();
        c.setUseSAXDocxExtractor(true);
        c.setUseSAXPptxExtractor(true);
        return c;
    }

    /** Metadata keys repeat across every document: their field names are worked out once. */
    private static final java.util.Map<String, FieldName> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    private final DetectionEngine engine;
    private final long timeLimitMillis;

    public DocumentItemScanner(DetectionEngine engine) {
        this(engine, 120_000);
    }

    /**
     * @param timeLimitMillis per item: a parse that takes longer is abandoned and the item recorded as
     *                        failed; 0 parses on the calling thread without a limit
     */
    public DocumentItemScanner(DetectionEngine engine, long timeLimitMillis) {
        this.engine = engine;
        this.timeLimitMillis = timeLimitMillis;
    }

    /** Thrown for an item Tika cannot open; the message is the reason recorded against the item. */
    public static final class UnreadableDocumentException extends IOException {
        public UnreadableDocumentException(String reason) {
            super(reason);
        }
    }

    /**
     * Parses the item and feeds each part's findings to the collector made for that part
     * (null = the item itself). Returns a warning (a part that failed, a limit reached) or null.
     */
    public String scan(TextItemScanner.Opener opener, Function<String, FindingCollector> collectorFor) throws IOException {
        return scan(null, opener, collectorFor);
    }

    /** The same, with the item's file name: it lets a name and a signature that agree settle the type. */
    public String scan(String name, TextItemScanner.Opener opener, Function<String, FindingCollector> collectorFor)
            throws IOException {
        Metadata top = new Metadata();
        if (name != null) {
            top.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(Parsers.AUTO);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new PagedTextHandlerFactory(MAX_CHARS), MAX_PARTS);
        ParseContext context = new ParseContext();
        context.set(org.apache.tika.parser.microsoft.OfficeParserConfig.class, OFFICE);
        String warning = null;
        InputStream in = opener.open();
        Slot slot;
        try {
            slot = Slot.take();
        } catch (InterruptedException e) {
            in.close();
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("interrupted");
        }
        java.util.concurrent.Callable<Void> work = () -> {
            try (in) {
                wrapper.parse(in, handler, top, context);
            } finally {
                slot.release();
            }
            return null;
        };
        java.util.concurrent.FutureTask<Void> parse = new java.util.concurrent.FutureTask<>(work);
        if (timeLimitMillis <= 0) {
            parse.run(); // no time limit: parse on the calling thread
        } else {
            PARSING.execute(parse);
        }
        try {
            if (timeLimitMillis <= 0) {
                parse.get();
            } else {
                parse.get(timeLimitMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            parse.cancel(true);
            slot.release(); // the abandoned parse may run on, but it no longer holds back the next item
            throw new UnreadableDocumentException("parser time-out after " + timeLimitMillis / 1000 + " s");
        } catch (InterruptedException e) {
            parse.cancel(true);
            slot.release();
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException("interrupted");
        } catch (java.util.concurrent.ExecutionException ee) {
            Throwable e = ee.getCause();
            if (e instanceof EncryptedDocumentException) {
                throw new UnreadableDocumentException("encrypted or password-protected");
            } else if (e instanceof TikaException || e instanceof SAXException) {
                if (handler.getMetadataList().isEmpty()) {
                    throw new UnreadableDocumentException("corrupt or unreadable document (" + e.getClass().getSimpleName() + ")");
                }
                warning = "partly read: " + e.getClass().getSimpleName();
            } else if (e instanceof IOException io) {
                throw io;
            } else {
                throw new UnreadableDocumentException("parser failure (" + e.getClass().getSimpleName() + ")");
            }
        }
        List<Metadata> parts = handler.getMetadataList();
        if (parts.isEmpty()) {
            throw new UnreadableDocumentException("corrupt or unreadable document");
        }
        if (parts.get(0).get(TikaCoreProperties.CONTAINER_EXCEPTION) != null) {
            String ex = parts.get(0).get(TikaCoreProperties.CONTAINER_EXCEPTION);
            if (ex.contains("EncryptedDocumentException")) {
                throw new UnreadableDocumentException("encrypted or password-protected");
            }
            boolean nothing = parts.stream().allMatch(m -> m.get(TikaCoreProperties.TIKA_CONTENT) == null
                    || m.get(TikaCoreProperties.TIKA_CONTENT).isBlank());
            if (nothing) {
                throw new UnreadableDocumentException("corrupt or truncated document");
            }
            warning = "partly read: the container could not be parsed completely";
        }
        int failedParts = 0;
        for (Metadata m : parts) {
            String path = m.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            String part = path == null ? null : path.replaceFirst("^/", "").replace("/", "!/");
            if (m.get(TikaCoreProperties.EMBEDDED_EXCEPTION) != null) {
                failedParts++;
            }
            if (part != null && part.toLowerCase(Locale.ROOT).contains("thumbnail")) {
                continue; // a document's own preview: the same content again, or none
            }
            FindingCollector out = collectorFor.apply(part);
            text(m.get(TikaCoreProperties.TIKA_CONTENT), out);
            metadata(m, out);
            image(m, part, out);
        }
        if (failedParts > 0) {
            warning = (warning == null ? "" : warning + "; ") + failedParts + " embedded part(s) could not be read";
        }
        return warning;
    }

    private void text(String content, FindingCollector out) throws IOException {
        if (content == null || content.isBlank()) {
            return;
        }
        if (content.indexOf(PagedTextHandlerFactory.SHEET) >= 0) {
            pages(content, PagedTextHandlerFactory.SHEET, be.inzage.inventory.LineSet.SHEETS, out);
            return;
        }
        if (content.indexOf(PagedTextHandlerFactory.PAGE) >= 0) {
            pages(content, PagedTextHandlerFactory.PAGE, be.inzage.inventory.LineSet.PAGES, out);
            return;
        }
        TextChunks.read(new StringReader(content), content.length(), (chunk, firstLine, overlap) -> {
            int line = firstLine;
            int pos = 0;
            for (Detection d : engine.detect(chunk)) {
                if (d.end() <= overlap) {
                    continue;
                }
                for (; pos < d.start(); pos++) {
                    if (chunk.charAt(pos) == '\n') {
                        line++;
                    }
                }
                out.add(d, line, null);
            }
        });
    }

    /** A PDF or a spreadsheet: findings located by page (sheet) instead of line. */
    private void pages(String content, char mark, String unit, FindingCollector out) {
        out.byPage(unit);
        int page = 0;
        int start = 0;
        while (start <= content.length()) {
            int end = content.indexOf(mark, start);
            if (end < 0) {
                end = content.length();
            }
            String text = content.substring(start, end);
            if (!text.isBlank()) {
                for (Detection d : engine.detect(text)) {
                    out.add(d, Math.max(1, page), null);
                }
            }
            page++;
            start = end + 1;
        }
    }

    private void metadata(Metadata m, FindingCollector out) {
        for (String name : m.names()) {
            if (skip(name)) {
                continue;
            }
            FieldName field = FIELDS.size() < 10_000 ? FIELDS.computeIfAbsent(name, n -> FieldName.of(n.replace(':', '_')))
                    : FieldName.of(name.replace(':', '_'));
            for (String v : m.getValues(name)) {
                if (v == null || v.isBlank() || v.length() > 10_000) {
                    continue;
                }
                for (Detection d : engine.detect(v, field)) {
                    out.add(d, 0, name);
                }
            }
        }
    }

    private static boolean skip(String name) {
        if (name.equals(TikaCoreProperties.TIKA_CONTENT.getName())) {
            return true;
        }
        for (String p : SKIP_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Photos and videos are personal data by themselves (policy category "image"). */
    private static void image(Metadata m, String part, FindingCollector out) {
        String type = m.get(Metadata.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        String t = type.toLowerCase(Locale.ROOT);
        String kind = t.startsWith("image/") ? "photo" : t.startsWith("video/") ? "video" : null;
        if (kind == null || t.contains("svg") || t.contains("x-emf") || t.contains("x-wmf")) {
            return;
        }
        if (part != null && part.toLowerCase(Locale.ROOT).contains("thumbnail")) {
            return; // a document's own preview picture, not a recording of anyone
        }
        boolean gps = m.get("geo:lat") != null || m.get("GPS Latitude") != null || m.get("xmpDM:location") != null
                || m.get("ISO6709") != null;
        String when = first(m, "dcterms:created", "exif:DateTimeOriginal", "Date/Time Original", "xmp:CreateDate");
        // The "value" of a photo is the photo itself: it is identified by its place, never by its content.
        String identity = kind + ":" + out.itemCid() + ":" + (part == null ? "" : part);
        String preview = kind + (gps ? ", GPS position" : "") + (when != null && when.length() >= 10 ? ", " + when.substring(0, 10) : "");
        out.addMedia(kind, identity, preview);
    }

    private static String first(Metadata m, String... names) {
        for (String n : names) {
            if (m.get(n) != null) {
                return m.get(n);
            }
        }
        return null;
    }
}
