package be.inzage.detect;

import be.inzage.detect.validate.Checked;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs every rule over a piece of text: pre-filter ({@link Candidates}), then per rule its regex,
 * phone, name or field engine inside candidate windows, then validators, context scoring and
 * overlap resolution. Thread-safe: all per-call state lives in locals.
 */
public final class DetectionEngine {

    private final List<Rule> rules;
    private final KeywordIndex keywords;
    private final PhoneFinder phones;
    private final NameFinder names;
    private final double minConfidence;

    public DetectionEngine(List<Rule> rules, KeywordIndex keywords, Dictionaries dictionaries, double minConfidence) {
        this.rules = List.copyOf(rules);
        this.keywords = keywords;
        this.phones = new PhoneFinder();
        this.names = new NameFinder(dictionaries);
        this.minConfidence = minConfidence;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Detection> detect(CharSequence text) {
        return detect(text, null);
    }

    /** Detections in {@code text}; {@code field} is the CSV header / JSON key / column it came from, or null. */
    public List<Detection> detect(CharSequence raw, FieldName field) {
        CharSequence text = plainSpaces(raw);
        Candidates c = new Candidates(text, keywords);
        List<Detection> found = new ArrayList<>();
        FieldPlan plan = field == null ? null : plan(field);
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (plan != null && plan.excluded[i]) {
                continue;
            }
            boolean hinted = plan != null && plan.hinted[i];
            switch (r.engine()) {
                case REGEX -> regex(c, r, hinted, found);
                case PHONE -> phones.find(c, r, hinted, this, found);
                case NAME -> names.find(c, r, hinted, this, found);
                case FIELD -> {
                    if (hinted) {
                        fieldValue(text, r, found);
                    }
                }
            }
        }
        return resolveOverlaps(found);
    }

    /**
     * No-break spaces (U+00A0, U+2007, U+202F) as plain ones, the length kept so offsets stay true: word
     * processors, French typography and HTML's &amp;nbsp; put them inside "0470 12 34 56", "BE71 0961 ..."
     * and "Jan Peeters", where every rule expects a space.
     */
    static CharSequence plainSpaces(CharSequence text) {
        if (text instanceof String s) {
            return s.indexOf('\u00a0') < 0 && s.indexOf('\u202f') < 0 && s.indexOf('\u2007') < 0 ? s
                    : s.replace('\u00a0', ' ').replace('\u202f', ' ').replace('\u2007', ' ');
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\u00a0' || ch == '\u202f' || ch == '\u2007') {
                if (b == null) {
                    b = new StringBuilder(text);
                }
                b.setCharAt(i, ' ');
            }
        }
        return b == null ? text : b.toString();
    }

    /** Which rules a field name hints or excludes: worked out once per distinct field name. */
    private record FieldPlan(boolean[] hinted, boolean[] excluded) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, FieldPlan> plans = new java.util.concurrent.ConcurrentHashMap<>();

    private FieldPlan plan(FieldName field) {
        FieldPlan p = plans.get(field.raw());
        if (p == null) {
            boolean[] h = new boolean[rules.size()];
            boolean[] x = new boolean[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                h[i] = rules.get(i).hintedBy(field);
                x[i] = rules.get(i).excludedBy(field);
            }
            p = new FieldPlan(h, x);
            if (plans.size() > 10_000) {
                plans.clear(); // bounded: exports with generated column names must not grow this forever
            }
            plans.put(field.raw(), p);
        }
        return p;
    }

    /** Whether any rule takes a hint from this field name (so its values deserve a look of their own). */
    public boolean hints(FieldName field) {
        for (boolean b : plan(field).hinted) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private void regex(Candidates c, Rule r, boolean hinted, List<Detection> out) {
        List<int[]> windows = Windows.of(c, r);
        if (windows.isEmpty()) {
            return;
        }
        Matcher m = r.pattern().matcher(c.text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int lastEnd = -1;
        for (int[] w : windows) {
            if (w[1] <= lastEnd) {
                continue;
            }
            m.region(Math.max(w[0], lastEnd), w[1]);
            while (m.find()) {
                int s = m.start(r.group());
                int e = m.end(r.group());
                if (s < 0 || e <= s || s < lastEnd) {
                    continue;
                }
                accept(c, r, hinted, s, e, out);
                lastEnd = m.end();
            }
        }
    }

    /** Validates, scores and keeps one candidate span of a rule. */
    void accept(Candidates c, Rule r, boolean hinted, int s, int e, List<Detection> out) {
        String raw = c.text.subSequence(s, e).toString();
        if (excluded(r, c.text, s, raw)) {
            return;
        }
        Checked v = r.validator() == null ? Checked.ok(Normalize.text(raw)) : r.validator().check(raw);
        if (!v.accepted()) {
            return;
        }
        if (v.length() > 0) {
            e = s + v.length();
        }
        boolean context = hinted || c.keywordNear(r.context(), Math.max(0, s - r.contextWindow()),
                Math.min(c.text.length(), e + r.contextWindow()));
        if ((r.requireContext() || v.needsContext()) && !context) {
            return;
        }
        double conf = Math.min(1.0, r.confidence() + (context ? r.contextBoost() : 0) + v.bonus());
        add(r, s, e, v.normalized(), conf, out);
    }

    static boolean excluded(Rule r, CharSequence text, int s, String raw) {
        return (r.excludeBefore() != null && r.excludeBefore().matcher(text.subSequence(Math.max(0, s - 40), s)).find())
                || (r.excludeMatch() != null && r.excludeMatch().matcher(raw).matches());
    }

    void add(Rule r, int s, int e, String normalized, double conf, List<Detection> out) {
        if (conf >= minConfidence) {
            out.add(new Detection(r.type(), s, e, normalized, conf, r.id()));
        }
    }

    private void fieldValue(CharSequence text, Rule r, List<Detection> out) {
        int s = 0;
        int e = text.length();
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e - s < 2 || e - s > 200 || covered(out, s, e, Math.min(1.0, r.confidence() + Checked.MAX_BONUS))) {
            return;
        }
        String value = text.subSequence(s, e).toString();
        if (r.pattern() != null && !r.pattern().matcher(value).matches()) {
            return;
        }
        Checked v = r.validator() == null ? Checked.ok(Normalize.text(value)) : r.validator().check(value);
        if (v.accepted()) {
            add(r, s, e, v.normalized(), Math.min(1.0, r.confidence() + v.bonus()), out);
        }
    }

    /**
     * Whether a detection already spans the whole value at least as confidently as a field rule
     * could: the field rule would lose the overlap anyway, so its validator need not run (a phone
     * column's values are parsed by libphonenumber once, not twice).
     */
    private static boolean covered(List<Detection> found, int s, int e, double best) {
        for (Detection d : found) {
            if (d.start() <= s && d.end() >= e && d.confidence() >= best) {
                return true;
            }
        }
        return false;
    }

    /** Where spans overlap, the most confident (then longest) detection wins. */
    static List<Detection> resolveOverlaps(List<Detection> found) {
        if (found.size() < 2) {
            return found;
        }
        found.sort(Comparator.comparingInt(Detection::start));
        List<Detection> out = new ArrayList<>(found.size());
        List<Detection> cluster = new ArrayList<>();
        int clusterEnd = -1;
        for (Detection d : found) {
            if (d.start() >= clusterEnd && !cluster.isEmpty()) {
                pick(cluster, out);
                cluster.clear();
            }
            cluster.add(d);
            clusterEnd = Math.max(clusterEnd, d.end());
        }
        pick(cluster, out);
        out.sort(Comparator.comparingInt(Detection::start));
        return out;
    }

    private static void pick(List<Detection> cluster, List<Detection> out) {
        if (cluster.size() == 1) {
            out.add(cluster.get(0));
            return;
        }
        cluster.sort(Comparator.comparingDouble(Detection::confidence).reversed()
                .thenComparing(Comparator.comparingInt((Detection d) -> d.end() - d.start()).reversed()));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : cluster) {
            if (kept.stream().noneMatch(k -> k.overlaps(d))) {
                kept.add(d);
            }
        }
        out.addAll(kept);
    }
}
