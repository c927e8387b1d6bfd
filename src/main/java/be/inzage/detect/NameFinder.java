package be.inzage.detect;

import java.util.List;

/**
 * Person names in running text: a known first name followed by optional particles
 * (van, de, van der, ...) and a capitalised surname; or a title/keyword (Dhr., Mevr., Madame)
 * followed by a capitalised name. Confidence rises with a known surname and a context word.
 */
final class NameFinder {

    private final Dictionaries dict;

    NameFinder(Dictionaries dict) {
        this.dict = dict;
    }

    void find(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out) {
        CharSequence t = c.text;
        int n = t.length();
        int i = 0;
        while (i < n) {
            char ch = t.charAt(i);
            if (!Character.isUpperCase(ch) || (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)))) {
                i++;
                continue;
            }
            int we = wordEnd(t, i);
            if (surnameFirst(c, r, hinted, engine, out, i, we)) {
                i = skipName(t, we);
                continue;
            }
            String word = we - i >= 2 && we - i <= 24 && dict.mayBeFirstName(t, i, we) ? t.subSequence(i, we).toString() : null;
            // A first name that is also a common word ("Ward", "Will") counts only before a known surname.
            boolean common = word != null && !dict.isFirstName(word) && dict.isFirstNameIgnoringCommonWords(word);
            if (word != null && (dict.isFirstName(word) || common)) {
                int end = surnameAfter(t, we);
                if (end > 0 && common && !dict.isSurname(lastWord(t.subSequence(i, end).toString()))) {
                    end = -1;
                }
                if (end > 0) {
                    String full = t.subSequence(i, end).toString();
                    double conf = r.confidence();
                    String last = lastWord(full);
                    if (dict.isSurname(last) || dict.isSurname(full.substring(full.indexOf(' ') + 1))) {
                        conf += 0.25;
                    }
                    boolean context = hinted || c.keywordNear(r.context(), Math.max(0, i - r.contextWindow()), i);
                    if (context) {
                        conf += r.contextBoost();
                    }
                    engine.add(r, i, end, Normalize.text(full), Math.min(1.0, conf), out);
                    i = end;
                    continue;
                }
            }
            i = Math.max(we, i + 1);
        }
        titled(c, r, engine, out);
    }

    /**
     * A known surname before a known first name, as registers and lists write them: "PEETERS Jan" (the
     * surname in capitals) or "Peeters, Jan". Kept as "first last", the form a search for the person gives.
     */
    private boolean surnameFirst(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out, int i, int we) {
        CharSequence t = c.text;
        if (we - i < 2 || we - i > 24) {
            return false;
        }
        // runs for every capitalised word: the layout is checked before anything is allocated or looked up
        boolean capitals = allCaps(t, i, we);
        int p = we;
        if (capitals) {
            if (p >= t.length() || t.charAt(p) != ' ') {
                return false;
            }
            p++;
        } else {
            if (p + 1 >= t.length() || t.charAt(p) != ',' || t.charAt(p + 1) != ' ') {
                return false;
            }
            p += 2;
        }
        if (p >= t.length() || !Character.isUpperCase(t.charAt(p))) {
            return false;
        }
        int fe = wordEnd(t, p);
        if (fe - p < 2) {
            return false;
        }
        if (allCaps(t, p, fe)) {
            return false;
        }
        String surname = t.subSequence(i, we).toString();
        String first = t.subSequence(p, fe).toString();
        if (!dict.isFirstName(first) || !dict.isSurname(surname)
                || dict.isFirstName(surname) || dict.isNotName(surname)) {
            return false;
        }
        // "Jones, Mitchell and Williams" is a list of surnames: after a comma the first name must be no surname too;
        // and "Paul Stanley, Gene Simmons" is a list of names: a capitalised word after the first name ends the match
        if (!capitals && (dict.isSurname(first) || (fe + 1 < t.length() && t.charAt(fe) == ' '
                && Character.isUpperCase(t.charAt(fe + 1))))) {
            return false;
        }
        double conf = r.confidence() + 0.25;
        if (hinted || c.keywordNear(r.context(), Math.max(0, i - r.contextWindow()), i)) {
            conf += r.contextBoost();
        }
        engine.add(r, i, fe, Normalize.text(first + " " + surname), Math.min(1.0, conf), out);
        return true;
    }

    private static boolean allCaps(CharSequence t, int s, int e) {
        for (int k = s; k < e; k++) {
            if (Character.isLowerCase(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Past the first name that follows a surname-first match (the loop goes on after it). */
    private static int skipName(CharSequence t, int we) {
        int p = we;
        while (p < t.length() && (t.charAt(p) == ' ' || t.charAt(p) == ',')) {
            p++;
        }
        return wordEnd(t, p);
    }

    /** "Dhr. Peeters", "Madame Dubois": a title keyword followed by a capitalised (sur)name. */
    private void titled(Candidates c, Rule r, DetectionEngine engine, List<Detection> out) {
        CharSequence t = c.text;
        for (int k = 0; k < c.keywordHits.size(); k += 3) {
            if (!r.keywords().get(c.keywordHits.get(k))) {
                continue;
            }
            int ks = c.keywordHits.get(k + 1);
            if (ks > 0 && t.charAt(ks - 1) == '.') {
                continue; // the end of an abbreviation ("R.E.M. Feat."), not a title
            }
            int p = c.keywordHits.get(k + 2);
            if (p < t.length() && t.charAt(p) == '.') {
                p++;
            }
            int s = skipSpaces(t, p);
            if (s == p || s >= t.length() || !Character.isUpperCase(t.charAt(s))) {
                continue;
            }
            int initials = afterInitials(t, s);
            if (initials > s) {
                // "De heer J. Peeters", "Mevr. A.M. De Smet": initials, then the surname
                int after = surnameAfter(t, initials - 1);
                if (after > 0 && !dict.isNotName(lastWord(t.subSequence(s, after).toString()))) {
                    String name = t.subSequence(s, after).toString();
                    double conf = r.confidence() + r.contextBoost() + (dict.isSurname(lastWord(name)) ? 0.15 : 0);
                    engine.add(r, s, after, Normalize.text(name), Math.min(1.0, conf), out);
                }
                continue;
            }
            int we = wordEnd(t, s);
            int end = we;
            if (dict.isFirstName(t.subSequence(s, we).toString())) {
                int after = surnameAfter(t, we);
                if (after > 0) {
                    end = after;
                }
            } else {
                int after = surnameAfter(t, s - 1 < 0 ? 0 : s - 1);
                if (after > 0) {
                    end = after;
                }
            }
            String name = t.subSequence(s, end).toString();
            if (end - s < 2 || dict.isNotName(lastWord(name))) {
                continue;
            }
            double conf = r.confidence() + r.contextBoost() + (dict.isSurname(lastWord(name)) ? 0.15 : 0);
            engine.add(r, s, end, Normalize.text(name), Math.min(1.0, conf), out);
        }
    }

    /** Where initials ("J.", "A.M.", "J. P.") starting at s end, the space after them included; s when there are none. */
    private static int afterInitials(CharSequence t, int s) {
        int q = s;
        int end = s;
        while (q + 1 < t.length() && Character.isUpperCase(t.charAt(q)) && t.charAt(q + 1) == '.'
                && (q + 2 >= t.length() || !Character.isLetter(t.charAt(q + 2)) || Character.isUpperCase(t.charAt(q + 2)))) {
            q += 2;
            end = q;
            if (q < t.length() && t.charAt(q) == ' ') {
                q++;
            }
        }
        // the initials must be followed by a space and the surname
        return end > s && end < t.length() && t.charAt(end) == ' ' ? end + 1 : s;
    }

    /** End of "[particles] Surname" after position p (which is at the end of a word), or -1. */
    private int surnameAfter(CharSequence t, int p) {
        int q = p;
        int particles = 0;
        while (particles < 3) {
            int s = skipSpaces(t, q);
            if (s == q || s >= t.length()) {
                return -1;
            }
            int we = wordEnd(t, s);
            if (we == s) {
                return -1;
            }
            String w = t.subSequence(s, we).toString();
            if (dict.isParticle(w) && we < t.length() && t.charAt(we) == ' ') {
                q = we;
                particles++;
                continue;
            }
            if (!Character.isUpperCase(t.charAt(s)) || we - s < 2 || (dict.isNotName(w) && !dict.isSurname(w))) {
                return -1;
            }
            // A second first name ("Jan Willem Peeters") continues to the surname after it.
            if (particles == 0 && dict.isFirstName(w) && !dict.isSurname(w)) {
                int more = surnameAfter(t, we);
                return more > 0 ? more : we;
            }
            return we;
        }
        return -1;
    }

    private static int skipSpaces(CharSequence t, int p) {
        int q = p;
        while (q < t.length() && (t.charAt(q) == ' ' || t.charAt(q) == '\t') && q - p < 3) {
            q++;
        }
        return q;
    }

    private static int wordEnd(CharSequence t, int s) {
        int e = s;
        while (e < t.length()) {
            char c = t.charAt(e);
            if (Character.isLetter(c) || ((c == '-' || c == '\'' || c == '\u2019') && e + 1 < t.length()
                    && Character.isLetter(t.charAt(e + 1)) && e > s)) {
                e++;
            } else {
                break;
            }
        }
        return e;
    }

    private static String lastWord(String s) {
        int sp = s.lastIndexOf(' ');
        return sp < 0 ? s : s.substring(sp + 1);
    }
}
