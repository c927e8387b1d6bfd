package be.inzage.detect;

/**
 * The pre-filter: one pass over the text that records where an identifier could start —
 * digit clusters, '@' signs (and URL-encoded ones, "%40"), colon runs (IPv6, MAC), "CC12" country codes (IBAN) — plus the
 * keyword occurrences. Regexes and validators then run only inside these small windows, which
 * is what keeps detection close to grep speed on text that is mostly prose.
 */
final class Candidates {

    final CharSequence text;
    /** Separator flags of a digit cluster, so rules can skip clusters without a regex. */
    static final int DOT = 1;
    static final int DASH = 2;
    static final int SPACE = 4;
    static final int SLASH = 8;
    static final int PAREN = 16;

    /** Digit clusters as quadruples: start, end, digit count, separator flags. */
    final IntList digits = new IntList();
    final IntList at = new IntList();
    /** Colon runs as pairs: start, end. */
    final IntList colons = new IntList();
    final IntList countryCodes = new IntList();
    /** Keyword hits as triples: id, start, end, in text order. */
    final IntList keywordHits = new IntList();

    /** The text's characters, for the pass: array reads are cheaper than charAt through the interface. */
    private final char[] t;

    Candidates(CharSequence text, KeywordIndex keywords) {
        this.text = text;
        this.t = chars(text);
        scan();
        keywords.scan(t, (id, s, e) -> {
            keywordHits.add(id);
            keywordHits.add(s);
            keywordHits.add(e);
        });
    }

    private static char[] chars(CharSequence text) {
        if (text instanceof String s) {
            return s.toCharArray();
        }
        char[] a = new char[text.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = text.charAt(i);
        }
        return a;
    }

    private void scan() {
        char[] t = this.t;
        int n = t.length;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (c >= '0' && c <= '9') {
                i = digitCluster(i);
                continue;
            }
            if (c == '@') {
                at.add(i);
            } else if (c == ':') {
                i = colonRun(i);
                continue;
            } else if (isAsciiLetter(c) && i + 3 < n && isAsciiLetter(t[i + 1])) {
                // "BE71...", or "BE 71 ..." in capitals; the third character rules out almost every letter pair at once
                char c2 = t[i + 2];
                if ((isDigit(c2) ? isDigit(t[i + 3]) : c2 == ' ' && i + 4 < n && isDigit(t[i + 3]) && isDigit(t[i + 4])
                        && c <= 'Z' && t[i + 1] <= 'Z') && (i == 0 || !Character.isLetterOrDigit(t[i - 1]))) {
                    countryCodes.add(i);
                }
            } else if (c == '%' && i + 2 < n && t[i + 1] == '4' && t[i + 2] == '0') {
                at.add(i); // "jan.peeters%40example.be": an e-mail in a URL pasted into a document or stored in a column
            }
            i++;
        }
    }

    /** Digits joined by single separators (space, dot, dash, slash) or " - ": "0470/12.34.56" is one cluster. */
    private int digitCluster(int start) {
        char[] t = this.t;
        int n = t.length;
        int i = start;
        int count = 0;
        int flags = 0;
        while (i < n) {
            char c = t[i];
            if (isDigit(c)) {
                count++;
                i++;
            } else if (isSeparator(c) && i + 1 < n && isDigit(t[i + 1])) {
                flags |= flag(c);
                i++;
            } else if (c == ' ' && i + 3 < n && t[i + 1] == '-' && t[i + 2] == ' ' && isDigit(t[i + 3])) {
                // "06 - 12345678", "020 - 123 45 67": the Dutch way of setting off the area code
                flags |= SPACE | DASH;
                i += 3;
            } else if (isSeparator(c) && i + 2 < n && isSeparator(t[i + 1]) && isDigit(t[i + 2])
                    && (c == ')' || t[i + 1] == '(')) {
                flags |= flag(c) | flag(t[i + 1]);
                i += 2;
            } else {
                break;
            }
        }
        // a separator next to the cluster, or one hex letter away, counts too: "a483.e7fc" has its
        // dot after the digits, and in "1a-bc-de-fa-bc-de" the dash is one letter after the "1"
        if (i < n && isSeparator(t[i])) {
            flags |= flag(t[i]);
        } else if (i + 1 < n && isHexLetter(t[i]) && isSeparator(t[i + 1])) {
            flags |= flag(t[i + 1]);
        }
        if (start > 0 && isSeparator(t[start - 1])) {
            flags |= flag(t[start - 1]);
        } else if (start > 1 && isHexLetter(t[start - 1]) && isSeparator(t[start - 2])) {
            flags |= flag(t[start - 2]);
        }
        digits.add(start);
        digits.add(i);
        digits.add(count);
        digits.add(flags);
        return i;
    }

    private static int flag(char c) {
        return switch (c) {
            case '.' -> DOT;
            case '-' -> DASH;
            case ' ' -> SPACE;
            case '/' -> SLASH;
            default -> PAREN;
        };
    }

    /** Flags for a rule's cluster_has characters. */
    static int flags(String chars) {
        int f = 0;
        for (char c : chars.toCharArray()) {
            f |= flag(c);
        }
        return f;
    }

    /** Records the colon run around {@code colon} (IPv6, MAC, times) when it holds two colons or more. */
    private int colonRun(int colon) {
        char[] t = this.t;
        int n = t.length;
        int s = colon;
        while (s > 0 && isHexOrColon(t[s - 1])) {
            s--;
        }
        int e = colon;
        int count = 0;
        boolean dot = false;
        while (e < n && (isHexOrColon(t[e]) || t[e] == '.')) {
            if (t[e] == ':') {
                count++;
            } else if (t[e] == '.') {
                dot = true;
            }
            e++;
        }
        if (count >= 2) {
            colons.add(s);
            colons.add(e);
        }
        // A run of colons and hex digits alone (a time, an IPv6 or MAC address) is passed over whole. Otherwise
        // the pass goes on right after the colon: what follows a single colon ("ip:10.0.0.1", "Tel.:0470 12 34 56",
        // "iban:BE71...") or holds a dot ("ip:10.0.0.1:8080") starts digit clusters and country codes of its own.
        return count >= 2 && !dot ? e : colon + 1;
    }

    /** Whether a keyword of {@code wanted} occurs within [from, to). Hits are sorted: binary search. */
    boolean keywordNear(java.util.BitSet wanted, int from, int to) {
        if (wanted.isEmpty()) {
            return false;
        }
        int lo = 0;
        int hi = keywordHits.size() / 3;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keywordHits.get(mid * 3 + 2) <= from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int k = lo; k < keywordHits.size() / 3; k++) {
            if (keywordHits.get(k * 3 + 1) >= to) {
                break;
            }
            if (wanted.get(keywordHits.get(k * 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isHexLetter(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isHexOrColon(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
    }
}
