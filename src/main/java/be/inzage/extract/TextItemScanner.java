package be.inzage.extract;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.FieldName;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one text item (txt, csv, json, log, ...) and feeds its detections to a collector:
 * charset sniffing, bounded chunks, field names from CSV headers and JSON keys.
 */
public final class TextItemScanner {

    /** Opens the item's bytes; called again when a malformed JSON file is re-read as text. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(TextChunks.CHUNK * 8).build())
            .build();

    private final DetectionEngine engine;

    public TextItemScanner(DetectionEngine engine) {
        this.engine = engine;
    }

    /** Scans the item; returns a warning to record against it, or null. Throws on read failure. */
    public String scan(Opener opener, Format format, FindingCollector out) throws IOException {
        return scan(opener, format, TextChunks.CHUNK, out);
    }

    /** @param sizeHint the item's size in bytes, to size the read buffer */
    public String scan(Opener opener, Format format, long sizeHint, FindingCollector out) throws IOException {
        return scan(opener, format, sizeHint, LogFormat.AUTO, out);
    }

    /** What a read of a line-oriented file found out: its charset and log format, for a later read from the middle. */
    public static final class LinesRead {
        java.nio.charset.Charset charset;
        LogFormat format;

        public java.nio.charset.Charset charset() {
            return charset;
        }

        public LogFormat format() {
            return format;
        }
    }

    /** @param logFormat for line-oriented files: the web-log format, or AUTO to tell it from the first line */
    public String scan(Opener opener, Format format, long sizeHint, LogFormat logFormat, FindingCollector out) throws IOException {
        return scan(opener, format, sizeHint, logFormat, out, new LinesRead());
    }

    /** @param read told the charset and log format of a line-oriented file */
    public String scan(Opener opener, Format format, long sizeHint, LogFormat logFormat, FindingCollector out, LinesRead read)
            throws IOException {
        try (InputStream raw = new BufferedInputStream(opener.open(), 64 * 1024)) {
            raw.mark(CharsetSniffer.SAMPLE);
            byte[] sample = raw.readNBytes(CharsetSniffer.SAMPLE);
            raw.reset();
            CharsetSniffer.Sniffed s = CharsetSniffer.sniff(sample, sample.length);
            if (s.binary()) {
                throw new NotTextException();
            }
            raw.skipNBytes(s.bomLength());
            CountingDecoderReader reader = decoding(raw, s.charset());
            String warning = null;
            switch (format) {
                case DELIMITED -> delimited(reader, sizeHint, out);
                case JSON -> {
                    if (!json(reader, out)) {
                        warning = "invalid JSON: scanned as plain text";
                        try (InputStream again = opener.open()) {
                            again.skipNBytes(s.bomLength());
                            text(new InputStreamReader(again, s.charset()), sizeHint, out);
                        }
                    }
                }
                case LINES -> {
                    read.charset = s.charset();
                    warning = lines(reader, sizeHint, logFormat, 1, out, read);
                }
                default -> text(reader, sizeHint, out);
            }
            return withReplaced(warning, reader, s.charset());
        }
    }

    /**
     * Reads the lines of a log from the middle, as {@link #scan} read its beginning: {@code in} starts
     * at the first byte of line {@code firstLine}, in the charset and format the earlier read found.
     */
    public String linesFrom(InputStream in, java.nio.charset.Charset charset, LogFormat format, int firstLine, long sizeHint,
            FindingCollector out) throws IOException {
        try (InputStream raw = new BufferedInputStream(in, 64 * 1024)) {
            CountingDecoderReader reader = decoding(raw, charset);
            LinesRead read = new LinesRead();
            read.format = format;
            String warning = lines(reader, sizeHint, format, firstLine, out, read);
            return withReplaced(warning, reader, charset);
        }
    }

    /** A reader that replaces what the charset cannot decode, and counts it. */
    private static CountingDecoderReader decoding(InputStream in, java.nio.charset.Charset charset) {
        return new CountingDecoderReader(new InputStreamReader(in,
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** {@code warning}, followed by how many byte sequences the read replaced, if any. */
    private static String withReplaced(String warning, CountingDecoderReader reader, java.nio.charset.Charset charset) {
        if (reader.replaced() == 0) {
            return warning;
        }
        String w = reader.replaced() + " invalid " + charset.name() + " byte sequence(s) replaced";
        return warning == null ? w : warning + "; " + w;
    }

    /** Thrown when a file named as text holds binary data. */
    public static final class NotTextException extends IOException {
        public NotTextException() {
            super("binary content in a text-format file");
        }
    }

    /**
     * Prose, markup, logs. Markdown/wiki tables inside it ("| Naam | Functie |") are read like a CSV:
     * their header names the fields of the rows below.
     */
    private void text(Reader reader, long sizeHint, FindingCollector out) throws IOException {
        DelimitedState table = new DelimitedState();
        TextChunks.read(reader, sizeHint, (chunk, firstLine, overlap) -> {
            List<Detection> ds = engine.detect(chunk);
            if (chunk.indexOf("\n|") < 0 && !chunk.startsWith("|")) {
                emitByLine(chunk, firstLine, overlap, ds, out);
                return;
            }
            forEachLine(chunk, firstLine, overlap, ds, (text, lineStart, line, inLine) -> {
                String t = text.strip();
                if (!t.startsWith("|")) {
                    table.header = null;
                    inLine.forEach(d -> out.add(d, line, null));
                } else if (t.matches("\\|[\\s:|-]+\\|?")) {
                    inLine.forEach(d -> out.add(d, line, null)); // the |---| separator
                } else if (table.header == null) {
                    table.header(text, '|');
                    inLine.forEach(d -> out.add(d, line, null));
                } else {
                    row(table, text, DelimitedLines.cells(text, table.delimiter), lineStart, line, inLine, out);
                }
            });
        });
    }

    /**
     * Logs and dumps, one record per line. A web log (access, W3C, JSON lines: forced, or told by its
     * first line) is read field by field with each line's timestamp ({@link LogLines}); anything
     * else goes through the detectors chunk by chunk.
     */
    private String lines(Reader reader, long sizeHint, LogFormat logFormat, int startLine, FindingCollector out, LinesRead read)
            throws IOException {
        LogLines log = new LogLines(engine, logFormat);
        LogFormat[] decided = {logFormat == LogFormat.AUTO ? null : logFormat};
        if (decided[0] != null) {
            read.format = decided[0];
        }
        TextChunks.read(reader, sizeHint, startLine, (chunk, firstLine, overlap) -> {
            if (decided[0] == null) {
                String first = chunk.strip().lines().findFirst().orElse("");
                decided[0] = log.format(first);
                read.format = decided[0];
            }
            if (decided[0] == LogFormat.TEXT) {
                emitByLine(chunk, firstLine, overlap, engine.detect(chunk), out);
                return;
            }
            int line = firstLine;
            for (String text : chunk.split("\n", -1)) {
                int n = line++;
                log.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, n, out);
            }
        });
        return log.warning();
    }

    private interface LineHandler {
        void line(String text, int lineStart, int line, List<Detection> inLine);
    }

    /** Splits a chunk into lines and hands each its detections (offsets still chunk-relative). */
    private static void forEachLine(String chunk, int firstLine, int overlap, List<Detection> ds, LineHandler h) {
        int di = 0;
        int line = firstLine;
        int ls = 0;
        while (ls < chunk.length()) {
            int le = chunk.indexOf('\n', ls);
            if (le < 0) {
                le = chunk.length();
            }
            int contentEnd = le > ls && chunk.charAt(le - 1) == '\r' ? le - 1 : le;
            List<Detection> inLine = new ArrayList<>();
            while (di < ds.size() && ds.get(di).start() < le) {
                Detection d = ds.get(di++);
                if (d.end() > overlap) {
                    inLine.add(d);
                }
            }
            h.line(chunk.substring(ls, contentEnd), ls, line, inLine);
            line++;
            ls = le + 1;
        }
    }

    private static void emitByLine(String chunk, int firstLine, int overlap, List<Detection> ds, FindingCollector out) {
        int line = firstLine;
        int pos = 0;
        for (Detection d : ds) {
            if (d.end() <= overlap) {
                continue; // seen whole in the previous chunk
            }
            for (; pos < d.start(); pos++) {
                if (chunk.charAt(pos) == '\n') {
                    line++;
                }
            }
            out.add(d, line, null);
        }
    }

    private void delimited(Reader reader, long sizeHint, FindingCollector out) throws IOException {
        DelimitedState st = new DelimitedState();
        TextChunks.read(reader, sizeHint, (chunk, firstLine, overlap) -> {
            int[] header = st.header == null ? firstNonBlankLine(chunk) : null;
            if (header != null) {
                String h = chunk.substring(header[0], header[1]);
                st.header(h, DelimitedLines.guessDelimiter(h));
                st.headerLine = firstLine + header[2];
            }
            List<List<int[]>> cells = new ArrayList<>();
            forEachLine(chunk, firstLine, overlap, engine.detect(withoutHintedCells(chunk, firstLine, st, cells)),
                    (text, lineStart, line, inLine) -> {
                        if (line == st.headerLine) {
                            inLine.forEach(d -> out.add(d, line, null));
                        } else if (!text.isBlank()) {
                            List<int[]> c = line - firstLine < cells.size() ? cells.get(line - firstLine) : null;
                            row(st, text, c != null ? c : DelimitedLines.cells(text, st.delimiter), lineStart, line, inLine, out);
                        }
                    });
        });
    }

    /** [start, end, index] of the first line that is not blank, or null. */
    private static int[] firstNonBlankLine(String chunk) {
        int ls = 0;
        for (int index = 0; ls < chunk.length(); index++) {
            int le = chunk.indexOf('\n', ls);
            le = le < 0 ? chunk.length() : le;
            int end = le > ls && chunk.charAt(le - 1) == '\r' ? le - 1 : le;
            if (!chunk.substring(ls, end).isBlank()) {
                return new int[] {ls, end, index};
            }
            ls = le + 1;
        }
        return null;
    }

    /**
     * The chunk with the cells of hinted columns blanked out (same length, so offsets hold): those
     * cells are read one by one with their field name, and the chunk pass over them was thrown away
     * afterwards. On a customer export with eight hinted columns of ten, that pass was 44 % of the scan.
     * The cells of each line go into {@code cellsOut} (null for the header), to be read without splitting again.
     */
    private static String withoutHintedCells(String chunk, int firstLine, DelimitedState st, List<List<int[]>> cellsOut) {
        if (st.header == null) {
            return chunk;
        }
        char[] c = null;
        int ls = 0;
        int line = firstLine;
        while (ls < chunk.length()) {
            int le = chunk.indexOf('\n', ls);
            le = le < 0 ? chunk.length() : le;
            List<int[]> cells = null;
            if (line != st.headerLine) {
                int end = le > ls && chunk.charAt(le - 1) == '\r' ? le - 1 : le; // as the rows see the line
                cells = DelimitedLines.cells(chunk.substring(ls, end), st.delimiter);
                for (int i = 0; i < cells.size() && i < st.hinted.length; i++) {
                    if (st.hinted[i]) {
                        c = c == null ? chunk.toCharArray() : c;
                        java.util.Arrays.fill(c, ls + cells.get(i)[0], ls + cells.get(i)[1], ' ');
                    }
                }
            }
            cellsOut.add(cells);
            line++;
            ls = le + 1;
        }
        return c == null ? chunk : new String(c);
    }

    private void row(DelimitedState st, String text, List<int[]> cells, int lineStart, int line, List<Detection> rowLevel,
                     FindingCollector out) {
        List<Detection> hintedFound = new ArrayList<>();
        List<int[]> hintedSpans = new ArrayList<>();
        for (int c = 0; c < cells.size() && c < st.fields.length; c++) {
            if (!st.hinted[c]) {
                continue;
            }
            int[] span = cells.get(c);
            hintedSpans.add(span);
            FieldName field = st.fields[c];
            for (Detection d : st.repeated.detections(c, text.substring(span[0], span[1]), v -> engine.detect(v, field))) {
                out.add(d, line, st.fields[c].raw());
                hintedFound.add(d);
            }
        }
        for (Detection d : rowLevel) {
            int s = d.start() - lineStart;
            int column = cellOf(cells, s);
            if (column >= 0 && column < st.hinted.length && st.hinted[column]) {
                continue; // that cell was read with its field name already
            }
            out.add(d, line, column >= 0 && column < st.fields.length ? st.fields[column].raw() : null);
        }
    }

    private static int cellOf(List<int[]> cells, int offset) {
        for (int i = 0; i < cells.size(); i++) {
            int[] c = cells.get(i);
            if (offset >= c[0] - 1 && offset <= c[1]) {
                return i;
            }
        }
        return -1;
    }

    private final class DelimitedState {
        String header;
        /** The header's line number (delimited files; markdown tables do not use it). */
        int headerLine = -1;
        char delimiter;
        FieldName[] fields;
        boolean[] hinted;
        /** Cells of a hinted column repeat (cities, statuses): each distinct short one is detected once. */
        be.inzage.detect.RepeatedValues repeated;

        void header(String h, char delim) {
            header = h;
            delimiter = delim;
            List<int[]> cells = DelimitedLines.cells(h, delimiter);
            fields = new FieldName[cells.size()];
            hinted = new boolean[cells.size()];
            repeated = new be.inzage.detect.RepeatedValues(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                fields[i] = new FieldName(h.substring(cells.get(i)[0], cells.get(i)[1]).strip());
                FieldName f = fields[i];
                hinted[i] = engine.hints(f);
            }
        }
    }

    /** @return false when the JSON is malformed (the caller re-reads it as text) */
    private boolean json(Reader reader, FindingCollector out) throws IOException {
        java.util.Map<String, FieldName> names = new java.util.HashMap<>();
        try (JsonParser p = JSON.createParser(reader)) {
            int depth = 0;
            int recordLine = 1;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth <= 2 && t == JsonToken.START_OBJECT) {
                            recordLine = p.currentTokenLocation().getLineNr();
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        String v = p.getText();
                        if (v.length() < 2) {
                            continue;
                        }
                        String name = p.currentName();
                        FieldName f = name == null ? null
                                : names.size() < 4096 ? names.computeIfAbsent(name, FieldName::of) : FieldName.of(name);
                        int line = p.currentTokenLocation().getLineNr();
                        for (Detection d : engine.detect(v, f)) {
                            out.add(d, line, name, recordLine);
                        }
                    }
                    default -> {
                    }
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
