package be.inzage.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Turns a rule's triggers into small [start, end) windows of the text, one per trigger, sorted.
 * Windows are not merged: in digit-dense text (logs, exports) merged windows would cover
 * everything and every regex would scan the whole text again. Digit clusters are filtered first
 * by digit count and by the rule's before/after cues, which removes most of them cheaply.
 */
final class Windows {

    private Windows() {
    }

    /** Start of the word (letters and dots) before position s, skipping up to two spaces. */
    static int wordBefore(CharSequence t, int s) {
        int p = s;
        while (p > 0 && s - p < 2 && Character.isWhitespace(t.charAt(p - 1))) {
            p--;
        }
        int w = p;
        while (w > 0 && p - w < 40 && (Character.isLetter(t.charAt(w - 1)) || t.charAt(w - 1) == '.')) {
            w--;
        }
        return w;
    }

    /** The window around a trigger [s, e) cut at the nearest whitespace on each side. */
    private static int[] token(CharSequence t, int s, int e, Rule r) {
        int from = s;
        int limit = Math.max(0, s - r.before());
        while (from > limit && !Character.isWhitespace(t.charAt(from - 1))) {
            from--;
        }
        int to = e;
        int end = Math.min(t.length(), e + r.after());
        while (to < end && !Character.isWhitespace(t.charAt(to))) {
            to++;
        }
        return new int[] {from, to};
    }

    /**
     * Length of the run of hex digits and '-', '.', ':' that holds the cluster [s, e), counted up to {@code max}:
     * a MAC address is such a run of at least 14, a date (10) or an IPv4 address (at most 15, but only when no
     * letter or space is next to it) mostly is not, and this costs far less than the cluster pattern.
     */
    static int hexRun(CharSequence t, int s, int e, int max) {
        int from = s;
        while (from > 0 && e - from < max && hexOrSeparator(t.charAt(from - 1))) {
            from--;
        }
        int to = e;
        while (to < t.length() && to - from < max && hexOrSeparator(t.charAt(to))) {
            to++;
        }
        return to - from;
    }

    private static boolean hexOrSeparator(char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F') || ch == '-' || ch == '.' || ch == ':';
    }

    /**
     * Rules for short numbers (postcodes, house numbers) look at the parts of a longer cluster with
     * spaces, up to a house number and a postcode together; longer clusters are phone or account numbers.
     */
    private static final int MAX_PART_DIGITS = 6;
    private static final int MAX_PARTS_DIGITS = 8;

    private static int digitsIn(CharSequence t, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            char ch = t.charAt(i);
            if (ch >= '0' && ch <= '9') {
                n++;
            }
        }
        return n;
    }

    /** A rule's cue matchers over one text, made only when a cluster gets that far (most calls, a CSV cell, never need one). */
    private static final class Cues {
        Matcher cluster;
        Matcher before;
        Matcher after;
    }

    /** The window around the digits at s..e when the rule's cheap cues around them hold, else null. */
    private static int[] window(Candidates c, Rule r, int s, int e, Cues m) {
        int n = c.text.length();
        if (r.clusterRun() > 0 && hexRun(c.text, s, e, r.clusterRun()) < r.clusterRun()) {
            return null;
        }
        if (r.clusterPattern() != null) {
            m.cluster = m.cluster != null ? m.cluster : r.clusterPattern().matcher(c.text).useTransparentBounds(true);
            if (!m.cluster.region(Math.max(0, s - r.clusterReach()), Math.min(n, e + r.clusterReach())).find()) {
                return null;
            }
        }
        if (r.beforeTrigger() != null) {
            // the word before ends in a letter, or in a dot ("Kerkstr. 12")
            if (s < 2 || !(Character.isLetter(c.text.charAt(s - 2)) || c.text.charAt(s - 2) == '.')) {
                return null;
            }
            m.before = m.before != null ? m.before : r.beforeTrigger().matcher(c.text).useTransparentBounds(true);
            if (!m.before.region(wordBefore(c.text, s), s).matches()) {
                return null;
            }
        }
        if (r.afterTrigger() != null) {
            m.after = m.after != null ? m.after : r.afterTrigger().matcher(c.text).useTransparentBounds(true);
            if (!m.after.region(e, Math.min(n, e + 24)).lookingAt()) {
                return null;
            }
        }
        return new int[] {Math.max(0, s - r.before()), Math.min(n, e + r.after())};
    }

    static List<int[]> of(Candidates c, Rule r) {
        List<int[]> out = new ArrayList<>(4);
        int n = c.text.length();
        Matcher cluster = null;
        Cues cues = null;
        for (Rule.Trigger t : r.triggers()) {
            switch (t) {
                case DIGIT -> {
                    for (int i = 0; i < c.digits.size(); i += 4) {
                        int s = c.digits.get(i);
                        int e = c.digits.get(i + 1);
                        int count = c.digits.get(i + 2);
                        int flags = c.digits.get(i + 3);
                        if (count > r.maxDigits() && count <= MAX_PARTS_DIGITS && r.maxDigits() <= MAX_PART_DIGITS
                                && (flags & Candidates.SPACE) != 0) {
                            // a house number and a postcode run together ("Kerkstraat 12 1000 Brussel"): each part on its own
                            int ps = s;
                            for (int k = s; k <= e; k++) {
                                if (k == e || c.text.charAt(k) == ' ') {
                                    int pc = digitsIn(c.text, ps, k);
                                    if (pc >= r.minDigits() && pc <= r.maxDigits() && r.clusterHas() == 0) {
                                        cues = cues != null ? cues : new Cues();
                                        int[] w = window(c, r, ps, k, cues);
                                        if (w != null) {
                                            out.add(w);
                                        }
                                    }
                                    ps = k + 1;
                                }
                            }
                            continue;
                        }
                        if (count < r.minDigits() || count > r.maxDigits()
                                || (r.clusterHas() != 0 && (flags & r.clusterHas()) == 0)) {
                            continue;
                        }
                        cues = cues != null ? cues : new Cues();
                        int[] w = window(c, r, s, e, cues);
                        if (w != null) {
                            out.add(w);
                        }
                    }
                }
                case AT -> {
                    for (int i = 0; i < c.at.size(); i++) {
                        int p = c.at.get(i);
                        out.add(r.inToken() ? token(c.text, p, p + 1, r) : new int[] {Math.max(0, p - r.before()), Math.min(n, p + r.after() + 1)});
                    }
                }
                case COLON -> {
                    for (int i = 0; i < c.colons.size(); i += 2) {
                        if (r.clusterPattern() != null) {
                            cluster = cluster != null ? cluster : r.clusterPattern().matcher(c.text).useTransparentBounds(true);
                            if (!cluster.region(c.colons.get(i), c.colons.get(i + 1)).find()) {
                                continue;
                            }
                        }
                        out.add(new int[] {Math.max(0, c.colons.get(i) - r.before()), Math.min(n, c.colons.get(i + 1) + r.after())});
                    }
                }
                case COUNTRY_CODE -> {
                    for (int i = 0; i < c.countryCodes.size(); i++) {
                        out.add(new int[] {Math.max(0, c.countryCodes.get(i) - r.before()),
                                Math.min(n, c.countryCodes.get(i) + r.after())});
                    }
                }
                case KEYWORD -> {
                    for (int i = 0; i < c.keywordHits.size(); i += 3) {
                        if (r.keywords().get(c.keywordHits.get(i))) {
                            out.add(new int[] {Math.max(0, c.keywordHits.get(i + 1) - r.before()),
                                    Math.min(n, c.keywordHits.get(i + 2) + r.after())});
                        }
                    }
                }
            }
        }
        if (r.triggers().size() > 1) {
            out.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        return out;
    }
}
