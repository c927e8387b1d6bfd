package be.inzage.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The keyword trie: word starts only, case and accents folded, a keyword's space matching any whitespace. */
class KeywordIndexTest {

    private static List<String> hits(KeywordIndex k, String text) {
        List<String> out = new ArrayList<>();
        k.scan(text.toCharArray(), (id, s, e) -> out.add(s + ":" + text.substring(s, e)));
        return out;
    }

    @Test
    void findsKeywordsAtWordStartsOnlyAndWholeWords() {
        KeywordIndex k = new KeywordIndex();
        k.add("tel");
        k.add("telefoon");
        k.add("mac address");
        k.add("téléphone");
        k.add("e-mail");
        assertEquals(List.of("0:Tel", "8:telefoon"), hits(k, "Tel: 1, telefoon 2, telenet, hotel"));
        // a keyword's space matches a tab or a line break; accents and case are folded both ways
        assertEquals(List.of("0:MAC\taddress", "12:mac\naddress"), hits(k, "MAC\taddress mac\naddress"));
        assertEquals(List.of("0:TELEPHONE", "10:Téléphone"), hits(k, "TELEPHONE Téléphone"));
        // ends in a non-letter: no word end needed; and a keyword may end the text
        assertEquals(List.of("0:E-mail", "7:e-mail"), hits(k, "E-mail:e-mail"));
        assertEquals(List.of("4:tel"), hits(k, "bel tel"));
        assertEquals(List.of(), hits(k, "xtel 2tel"));
    }

    @Test
    void aShorterKeywordComesBeforeALongerOneAtTheSameStart() {
        KeywordIndex k = new KeywordIndex();
        k.add("tel.");
        k.add("tel");
        k.add("mobiele nummer");
        k.add("mobiel");
        assertEquals(List.of("0:tel", "0:tel."), hits(k, "tel. 02 555 12 12"));
        assertEquals(List.of("0:mobiel"), hits(k, "mobiel nummer"));
        assertEquals(List.of("0:mobiele nummer"), hits(k, "mobiele nummer"), "'mobiel' does not end a word here");
    }
}
