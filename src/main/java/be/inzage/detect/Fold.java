package be.inzage.detect;

import java.text.Normalizer;

/** Lower-casing plus accent stripping, one char at a time, through a lookup table for speed. */
final class Fold {

    private static final char[] TABLE = new char[0x250];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = s.isEmpty() ? c : s.charAt(0);
            TABLE[c] = Character.toLowerCase(base);
        }
    }

    private Fold() {
    }

    static char fold(char c) {
        return c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
    }

    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(fold(s.charAt(i)));
        }
        return b.toString();
    }
}
