package be.inzage.extract;

import org.apache.tika.sax.ContentHandlerFactory;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Plain text like Tika's own TEXT handler, with a mark where a page or a sheet begins (Tika writes
 * {@code <div class="page">} for PDF pages, {@code <div class="sheet">} for spreadsheet sheets), so
 * findings can say "page 2" or "sheet 3".
 * Capped at a number of characters, as the TEXT handler is.
 */
final class PagedTextHandlerFactory implements ContentHandlerFactory {

    static final char PAGE = '\f';
    /** Where a spreadsheet's sheet begins ({@code <div class="sheet">}). */
    static final char SHEET = '\u000B';

    private final int limit;

    PagedTextHandlerFactory(int limit) {
        this.limit = limit;
    }

    @Override
    public ContentHandler getNewContentHandler() {
        return new WriteOutContentHandler(new PageMarking(), limit);
    }

    @Override
    public ContentHandler getNewContentHandler(OutputStream os, Charset charset) {
        return getNewContentHandler();
    }

    private static final class PageMarking extends ToTextContentHandler {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("div".equals(localName)) {
                String c = atts.getValue("class");
                if ("page".equals(c)) {
                    characters(new char[] {PAGE}, 0, 1);
                } else if ("sheet".equals(c)) {
                    characters(new char[] {SHEET}, 0, 1);
                }
            }
            super.startElement(uri, localName, qName, atts);
        }
    }
}
