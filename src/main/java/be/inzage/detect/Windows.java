package be.inzage.detect;

import java.util.ArrayList;
import java.util.List;

/** Turns a rule's triggers into merged, sorted [start, end) windows of the text. */
final class Windows {

    private Windows() {
    }

    static List<int[]> of(Candidates c, Rule r) {
        List<int[]> raw = new ArrayList<>();
        int n = c.text.length();
        for (Rule.Trigger t : r.triggers()) {
            switch (t) {
                case DIGIT -> {
                    for (int i = 0; i < c.digits.size(); i += 3) {
                        if (c.digits.get(i + 2) >= r.minDigits()) {
                            raw.add(new int[] {c.digits.get(i) - r.before(), c.digits.get(i + 1) + r.after()});
                        }
                    }
                }
                case AT -> {
                    for (int i = 0; i < c.at.size(); i++) {
                        raw.add(new int[] {c.at.get(i) - r.before(), c.at.get(i) + r.after() + 1});
                    }
                }
                case COLON -> {
                    for (int i = 0; i < c.colons.size(); i += 2) {
                        raw.add(new int[] {c.colons.get(i) - r.before(), c.colons.get(i + 1) + r.after()});
                    }
                }
                case COUNTRY_CODE -> {
                    for (int i = 0; i < c.countryCodes.size(); i++) {
                        raw.add(new int[] {c.countryCodes.get(i) - r.before(), c.countryCodes.get(i) + r.after()});
                    }
                }
                case KEYWORD -> {
                    for (int i = 0; i < c.keywordHits.size(); i += 3) {
                        if (r.keywords().get(c.keywordHits.get(i))) {
                            raw.add(new int[] {c.keywordHits.get(i + 1) - r.before(), c.keywordHits.get(i + 2) + r.after()});
                        }
                    }
                }
            }
        }
        if (r.triggers().size() > 1) {
            raw.sort((a, b) -> Integer.compare(a[0], b[0]));
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] w : raw) {
            int s = Math.max(0, w[0]);
            int e = Math.min(n, w[1]);
            if (!merged.isEmpty() && s <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], e);
            } else {
                merged.add(new int[] {s, e});
            }
        }
        return merged;
    }
}
