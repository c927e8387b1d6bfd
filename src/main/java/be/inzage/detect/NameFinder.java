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
        if (r.triggers().contains(Rule.Trigger.AT)) {
            displayNames(c, r, engine, out);
            return;
        }
        if (r.triggers().contains(Rule.Trigger.KEYWORD)) {
            if (r.pattern() != null) {
                labelled(c, r, engine, out);
            } else {
                greeted(c, r, engine, out);
            }
            return;
        }
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
            int after = surnameFirst(c, r, hinted, engine, out, i, we);
            if (after > 0) {
                i = after;
                continue;
            }
            String word = we - i >= 2 && we - i <= 24 && dict.mayBeFirstName(t, i, we) ? t.subSequence(i, we).toString() : null;
            boolean known = word != null && dict.isFirstName(word);
            // A first name that is also a common word ("Ward", "Will") counts only before a known surname.
            boolean common = word != null && !known && dict.isFirstNameIgnoringCommonWords(word);
            if (known || common) {
                int end = surnameAfter(t, we, !allCaps(t, i, we)); // "CAN I SPEAK": a shout, not Can I. Speak
                if (end > 0 && common && !dict.isSurname(lastWord(t.subSequence(i, end).toString()))) {
                    end = -1;
                }
                if (end > 0 && streetName(t, i, end)) {
                    i = end;
                    continue;
                }
                if (end > 0) {
                    String full = t.subSequence(i, end).toString();
                    String last = lastWord(full);
                    boolean surname = dict.isSurname(last) || dict.isSurname(full.substring(full.indexOf(' ') + 1));
                    add(c, r, hinted, engine, out, i, end, r.confidence() + (surname ? 0.25 : 0));
                    i = end;
                    continue;
                }
            }
            if (!known) {
                int end = unknownFirst(t, i, we);
                if (end > 0 && !streetName(t, i, end)) {
                    add(c, r, hinted, engine, out, i, end, r.confidence());
                    i = end;
                    continue;
                }
            }
            i = Math.max(we, i + 1);
        }
        titled(c, r, engine, out);
    }

    /** The name at [s, e) with the context word's boost, kept without its middle initials. */
    private static void add(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out, int s, int e,
                            double conf) {
        boolean context = hinted || c.keywordNear(r.context(), Math.max(0, s - r.contextWindow()), s);
        String name = Normalize.withoutMiddleInitials(Normalize.text(c.text.subSequence(s, e).toString()));
        engine.add(r, s, e, name, Math.min(1.0, conf + (context ? r.contextBoost() : 0)), out);
    }

    /**
     * A known surname before a known first name, as registers and lists write them: "PEETERS Jan" (the
     * surname in capitals) or "Peeters, Jan". Kept as "first last", the form a search for the person gives. The end
     * of the match, or -1.
     */
    private int surnameFirst(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out, int i, int we) {
        CharSequence t = c.text;
        if (we - i < 2 || we - i > 24) {
            return -1;
        }
        // runs for every capitalised word: the layout is checked before anything is allocated or looked up
        boolean capitals = allCaps(t, i, we);
        int p = we;
        int se = capitals ? we : particlesThenComma(t, i, we);
        if (se > we) {
            p = se; // "Van Damme, Jean-Claude": the particles belong to the surname
        }
        if (capitals) {
            if (p >= t.length() || t.charAt(p) != ' ') {
                return -1;
            }
            p++;
        } else {
            if (p + 1 >= t.length() || t.charAt(p) != ',' || t.charAt(p + 1) != ' ') {
                return -1;
            }
            p += 2;
        }
        if (p >= t.length() || !Character.isUpperCase(t.charAt(p))) {
            return -1;
        }
        int fe = wordEnd(t, p);
        if (fe - p < 2) {
            return -1;
        }
        if (allCaps(t, p, fe)) {
            return -1;
        }
        String surname = t.subSequence(i, se).toString();
        String first = t.subSequence(p, fe).toString();
        if (!firstName(first) || dict.isNotName(first) || !dict.isSurname(surname) && !(se > we && dict.isSurname(lastWord(surname)))
                || dict.isFirstName(surname) || dict.isNotName(surname)) {
            return -1;
        }
        if (se > we) {
            String[] words = surname.split(" ");
            for (int k = 0; k < words.length - 1; k++) {
                if (!dict.isParticle(words[k])) {
                    return -1;
                }
            }
        }
        // "Jones, Mitchell and Williams" is a list of surnames: after a comma the first name must be no surname too;
        // and "Paul Stanley, Gene Simmons" is a list of names: a capitalised word after the first name ends the match
        if (!capitals && (dict.isSurname(first) || (fe + 1 < t.length() && t.charAt(fe) == ' '
                && Character.isUpperCase(t.charAt(fe + 1))))) {
            return -1;
        }
        double conf = r.confidence() + 0.25;
        if (hinted || c.keywordNear(r.context(), Math.max(0, i - r.contextWindow()), i)) {
            conf += r.contextBoost();
        }
        engine.add(r, i, fe, Normalize.text(first + " " + surname), Math.min(1.0, conf), out);
        return fe;
    }

    /** A known first name, or a hyphenated one whose parts are ("Jean-Claude", "Anne-Sophie"). */
    private boolean firstName(String w) {
        if (dict.isFirstName(w)) {
            return true;
        }
        int h = w.indexOf('-');
        return h > 0 && dict.isFirstName(w.substring(0, h)) && dict.isFirstName(w.substring(h + 1));
    }

    /**
     * The end of "Van Damme" in "Van Damme, Jean-Claude" when short words (particles, checked later) lead through
     * spaces to a word and a comma; {@code we} when the layout is not that. No allocation: runs for capitalised words.
     */
    private static int particlesThenComma(CharSequence t, int i, int we) {
        int ws = i;
        int q = we;
        for (int k = 0; k < 3 && q - ws <= 4 && q + 1 < t.length() && t.charAt(q) == ' ' && Character.isLetter(t.charAt(q + 1)); k++) {
            ws = q + 1;
            q = wordEnd(t, ws);
            if (q + 2 < t.length() && t.charAt(q) == ',' && t.charAt(q + 1) == ' ' && Character.isUpperCase(t.charAt(q + 2))) {
                return q;
            }
        }
        return we;
    }

    private static boolean allCaps(CharSequence t, int s, int e) {
        for (int k = s; k < e; k++) {
            if (Character.isLowerCase(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Eustachy Gorski", "Velimir R. Janković", "Keira E. Forster": a first name the list does not know, before a
     * surname with a telling ending (surname-endings.txt), or with a middle initial before a known surname. The
     * end of the name, or -1. The layout is checked before anything is allocated: this runs for capitalised words.
     */
    private int unknownFirst(CharSequence t, int i, int we) {
        if (we - i < 2 || we - i > 15 || we + 3 >= t.length() || t.charAt(we) != ' ' || allCaps(t, i, we)
                || t.charAt(i + 1) == '\'' || t.charAt(i + 1) == '\u2019') {
            return -1; // "N'Sergei": SQL's national-string prefix or an elision ("L'Ivanov"), not a first name
        }
        int s = we + 1;
        int initial = initialEnd(t, s);
        boolean hasInitial = initial > s;
        s = initial;
        if (s >= t.length() || !Character.isUpperCase(t.charAt(s))) {
            return -1;
        }
        int e = wordEnd(t, s);
        if (e - s < 2 || allCaps(t, s, e) || (e < t.length() && Character.isLetterOrDigit(t.charAt(e)))) {
            return -1;
        }
        // a bare capital before a known surname is too often an article in a title-case heading ("Become A Baker")
        boolean dotted = hasInitial && t.charAt(initial - 2) == '.';
        if (!dict.hasSurnameEnding(t, s, e) && !(dotted && dict.isSurname(t.subSequence(s, e).toString()))) {
            return -1;
        }
        String first = t.subSequence(i, we).toString();
        String last = t.subSequence(s, e).toString();
        return dict.isNotName(first) || dict.isNotName(last) || dict.isTown(first) || dict.isParticle(first) ? -1 : e;
    }

    /**
     * Whether the name at [s, e) names a street: "Rue Victor Hugo", "Avenida Pedro Ulisses", "Gordon Terrace",
     * "Walter Road" (street-before.txt, street-after.txt). Runs on matches only.
     */
    private boolean streetName(CharSequence t, int s, int e) {
        int b = s - 1;
        while (b >= 0 && (t.charAt(b) == ' ' || t.charAt(b) == '.') && s - b <= 3) {
            b--;
        }
        int be = b + 1;
        while (b >= 0 && Character.isLetter(t.charAt(b))) {
            b--;
        }
        if (be - b > 1 && be < s && dict.isStreetBefore(t.subSequence(b + 1, be).toString())) {
            return true;
        }
        String name = t.subSequence(s, e).toString();
        String first = name.substring(0, Math.max(0, name.indexOf(' ')));
        if (dict.isStreetAfter(lastWord(name)) || dict.isStreetAfter(first) || dict.isStreetBefore(first)) {
            return true; // "Gordon Terrace", "Road Gregersen" themselves
        }
        int a = e;
        if (a >= t.length() || t.charAt(a) != ' ') {
            return false;
        }
        a++;
        int ae = wordEnd(t, a);
        return ae > a && Character.isUpperCase(t.charAt(a)) && dict.isStreetAfter(t.subSequence(a, ae).toString());
    }

    /** After a middle initial at s ("R. ", "P "), or s when there is none. */
    private static int initialEnd(CharSequence t, int s) {
        if (s + 2 >= t.length() || !Character.isUpperCase(t.charAt(s)) || Character.isLetter(t.charAt(s + 1))) {
            return s;
        }
        int q = t.charAt(s + 1) == '.' ? s + 2 : s + 1;
        return q < t.length() && t.charAt(q) == ' ' ? q + 1 : s;
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

    /**
     * A greeting that opens a line, then one capitalised word and a comma, "!" or the line's end: "Beste Sofie,",
     * "Hi Christin, I'm ...". A known first name counts; any other word unless it is a not-name or one of the
     * addressees ("Dear Customer,", "Hello World!"). A single first name, so the value is that name.
     */
    private void greeted(Candidates c, Rule r, DetectionEngine engine, List<Detection> out) {
        CharSequence t = c.text;
        for (int k = 0; k < c.keywordHits.size(); k += 3) {
            if (!r.keywords().get(c.keywordHits.get(k)) || !opensLine(t, c.keywordHits.get(k + 1))) {
                continue;
            }
            int p = c.keywordHits.get(k + 2);
            int s = skipSpaces(t, p);
            if (s == p || s >= t.length() || !Character.isUpperCase(t.charAt(s))) {
                continue;
            }
            int e = wordEnd(t, s);
            if (e - s < 2 || e - s > 20 || allCaps(t, s, e) || !endsGreeting(t, e)) {
                continue;
            }
            String word = t.subSequence(s, e).toString();
            if (dict.isFirstName(word) || !dict.isNotName(word) && !dict.isAddressee(word) && !dict.isFirstNameIgnoringCommonWords(word)) {
                double conf = r.confidence() + (dict.isFirstName(word) ? r.contextBoost() : 0);
                engine.add(r, s, e, Normalize.text(word), Math.min(1.0, conf), out);
            }
        }
    }

    /**
     * "Name: Anđa Tomić", "Naam : Sieuwerd Heuver": a label keyword, then the rule's pattern from the keyword's
     * end, its group 1 the name. The name is one or more capitalised words; a single one must be a known first
     * name or surname, and neither the first nor the last may be a not-name ("Name: Windows Server").
     */
    private void labelled(Candidates c, Rule r, DetectionEngine engine, List<Detection> out) {
        CharSequence t = c.text;
        java.util.regex.Matcher m = null;
        for (int k = 0; k < c.keywordHits.size(); k += 3) {
            if (!r.keywords().get(c.keywordHits.get(k))) {
                continue;
            }
            int ks = c.keywordHits.get(k + 1);
            int ke = c.keywordHits.get(k + 2);
            if (!Character.isUpperCase(t.charAt(ks))) {
                continue; // "name: value" is a configuration key; forms and letters write "Name:"
            }
            if (r.excludeBefore() != null && r.excludeBefore().matcher(t.subSequence(Math.max(0, ks - 40), ks)).find()) {
                continue; // "Product name:", "File name:"
            }
            m = m == null ? r.pattern().matcher(t) : m;
            m.region(ke, Math.min(t.length(), ke + 80));
            if (!m.lookingAt() || m.start(1) < 0) {
                continue;
            }
            int s = m.start(1);
            int e = m.end(1);
            String name = t.subSequence(s, e).toString();
            String first = name.split("[ \t]+")[0];
            String last = lastWord(name);
            if (allCaps(t, s, e) || !nameShaped(name) || dict.isNotName(first) && !dict.isFirstName(first) || dict.isNotName(last)
                    || dict.isAddressee(first) || dict.isAddressee(last)
                    || first.equals(last) && !dict.isFirstName(first) && !dict.isSurname(first)
                    || unknownWords(name) > 2) {
                continue;
            }
            engine.add(r, s, e, Normalize.withoutMiddleInitials(Normalize.text(name)), r.confidence(), out);
        }
    }

    /**
     * Words of a labelled name that no list knows (first name, surname, particle, surname ending), initials aside:
     * "Sieuwerd Heuver" has two, which a form's name may; "Default Web Site" (IIS's "Name:") has three, which a
     * person's name with none of its words known rarely has.
     */
    private int unknownWords(String name) {
        int unknown = 0;
        for (String w : name.split("[ \t]+")) {
            boolean initial = w.length() <= 2 && (w.length() == 1 || w.charAt(1) == '.');
            if (!initial && !dict.isFirstName(w) && !dict.isSurname(w) && !dict.isParticle(w) && !dict.hasSurnameEnding(w, 0, w.length())) {
                unknown++;
            }
        }
        return unknown;
    }

    /** Each capitalised word an initial or a capital then small letters ("MariaDB", "IT" are no name's words). */
    private static boolean nameShaped(String name) {
        boolean wordStart = true;
        for (int k = 0; k < name.length(); k++) {
            char ch = name.charAt(k);
            if (ch == ' ' || ch == '\t' || ch == '-' || ch == '\'' || ch == '\u2019') {
                wordStart = true;
            } else {
                if (Character.isUpperCase(ch) && !wordStart && !(k >= 2 && name.charAt(k - 2) == 'M' && name.charAt(k - 1) == 'c')) {
                    return false;
                }
                wordStart = false;
            }
        }
        return true;
    }

    /** Up to four words of a display name right before the end of the region ("Jukka Zitting", "\"Ann De Smet\" "). */
    private static final java.util.regex.Pattern DISPLAY_NAME = java.util.regex.Pattern.compile(
            "(?:^|[^\\p{L}.'\u2019-])(\\p{Lu}[\\p{L}'\u2019-]+(?:[ \\t]+(?:\\p{Lu}\\.?|van|de|der|den|ter|ten|le|la|du|von|\\p{Lu}[\\p{L}'\u2019-]+)){1,3})\"?[ \\t]*$");

    /**
     * The display name of an address, "Jukka Zitting <jukka.zitting@gmail.com>", in mail headers, mailing lists,
     * commit logs: a name whose words the mailbox repeats (jukka.zitting, jzitting, zitting.j), which no company or
     * list name does ("Apache Tika <dev@tika.apache.org>"). Known or not to the dictionaries.
     */
    private void displayNames(Candidates c, Rule r, DetectionEngine engine, List<Detection> out) {
        CharSequence t = c.text;
        java.util.regex.Matcher m = null;
        for (int k = 0; k < c.at.size(); k++) {
            int at = c.at.get(k);
            if (t.charAt(at) != '@') {
                continue;
            }
            int lt = at - 1;
            while (lt >= 0 && at - lt <= 65 && mailboxChar(t.charAt(lt))) {
                lt--;
            }
            if (lt < 1 || t.charAt(lt) != '<' || lt == at - 1) {
                continue;
            }
            m = m == null ? DISPLAY_NAME.matcher(t) : m;
            m.region(Math.max(0, lt - 80), lt);
            if (!m.find()) {
                continue;
            }
            int s = m.start(1);
            int e = m.end(1);
            String name = t.subSequence(s, e).toString();
            String first = name.substring(0, name.indexOf(' '));
            if (!nameShaped(name) || allCaps(t, s, e) || dict.isNotName(lastWord(name)) || dict.isAddressee(lastWord(name))
                    || dict.isNotName(first) && !dict.isFirstName(first) || dict.isAddressee(first)
                    || !mailboxRepeats(Normalize.text(name), t.subSequence(lt + 1, at).toString().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            engine.add(r, s, e, Normalize.withoutMiddleInitials(Normalize.text(name)), r.confidence(), out);
        }
    }

    private static boolean mailboxChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '-' || ch == '+' || ch == '\'';
    }

    /** Whether the mailbox spells the name: its surname and its first name, or the first name's initial first. */
    private boolean mailboxRepeats(String name, String mailbox) {
        String[] w = name.split(" ");
        String first = w[0];
        String last = w[w.length - 1];
        if (last.length() < 2 || first.length() < 2 || dict.isParticle(first)) {
            return false;
        }
        String box = mailbox.replace("-", "").replace("'", "");
        String lastPlain = last.replace("-", "").replace("'", "");
        return box.contains(lastPlain) && (box.contains(first.replace("-", "")) || box.startsWith(first.substring(0, 1))
                || box.endsWith(first.substring(0, 1)));
    }

    /** Only spaces, tabs or mail quote marks between the line's start and position s. */
    private static boolean opensLine(CharSequence t, int s) {
        for (int q = s - 1; q >= 0; q--) {
            char ch = t.charAt(q);
            if (ch == '\n' || ch == '\r') {
                return true;
            }
            if (ch != ' ' && ch != '\t' && ch != '>') {
                return false;
            }
        }
        return true;
    }

    /** A comma, "!" or the end of the line right after the name (spaces before a line end allowed). */
    private static boolean endsGreeting(CharSequence t, int e) {
        int q = e;
        while (q < t.length() && (t.charAt(q) == ' ' || t.charAt(q) == '\t')) {
            q++;
        }
        if (q >= t.length()) {
            return true;
        }
        char ch = t.charAt(q);
        return ch == '\n' || ch == '\r' || (q == e && (ch == ',' || ch == '!'));
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
        return surnameAfter(t, p, false);
    }

    /** The same, a middle initial first allowed when {@code initial} ("Ella H. Snider", "Ryan P Costa"). */
    private int surnameAfter(CharSequence t, int p, boolean initial) {
        int q = p;
        int particles = 0;
        boolean initialOk = initial;
        while (particles < 3) {
            int s = skipSpaces(t, q);
            if (s == q || s >= t.length()) {
                return -1;
            }
            if (initialOk) {
                initialOk = false;
                int after = initialEnd(t, s);
                if (after > s) {
                    q = after - 1;
                    continue;
                }
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
