package be.inzage.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers through libphonenumber (leniency VALID, as IDENTIFIERS.md section 5 found best),
 * run once per region of the rule, and only inside digit-cluster windows.
 */
final class PhoneFinder {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    void find(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out) {
        List<int[]> windows = new java.util.ArrayList<>();
        for (int i = 0; i < c.digits.size(); i += 4) {
            int s = c.digits.get(i);
            int count = c.digits.get(i + 2);
            // BE and NL numbers start with the trunk 0 (or 00) or with '+': a cluster starting with any
            // other digit (timestamps, amounts, IBAN digits) is no phone in these regions.
            boolean plus = s > 0 && (c.text.charAt(s - 1) == '+' || (s > 1 && c.text.charAt(s - 1) == ' '
                    && c.text.charAt(s - 2) == '+'));
            if (count < r.minDigits() || count > r.maxDigits() || (c.text.charAt(s) != '0' && !plus && !opensParen(c.text, s))) {
                continue;
            }
            // libphonenumber is the expensive part: drop what the rule excludes (IBAN digits, OGM) first
            if (r.excludeBefore() != null && r.excludeBefore().matcher(c.text.subSequence(Math.max(0, s - 40), s)).find()) {
                continue;
            }
            int e = c.digits.get(i + 1);
            // Fast path: the cluster itself is the number ("0470/12.34.56", "+32 2 555 12 12"); parsing
            // it is far cheaper than libphonenumber's matcher. Otherwise fall back to the matcher.
            int ps = plus ? (c.text.charAt(s - 1) == '+' ? s - 1 : s - 2) : opensParen(c.text, s) ? s - 1 : s;
            // a cluster that is a slice of a longer alphanumeric run (a hash) or something else (an old account
            // number, an enterprise number, a date) is not handed to the matcher either: it is the expensive part
            if (embedded(c.text, ps)) {
                continue;
            }
            String raw = c.text.subSequence(ps, e).toString();
            if (DetectionEngine.excluded(r, c.text, ps, raw)) {
                continue;
            }
            if (parsed(c, r, hinted, engine, out, ps, e, raw)) {
                continue;
            }
            windows.add(new int[] {Math.max(0, s - r.before()), Math.min(c.text.length(), e + r.after())});
        }
        Set<Long> seen = new HashSet<>();
        for (int[] w : windows) {
            String window = c.text.subSequence(w[0], w[1]).toString();
            for (String region : r.regions()) {
                for (PhoneNumberMatch m : UTIL.findNumbers(window, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                    int s = w[0] + m.start();
                    int e = w[0] + m.end();
                    if (!boundary(c.text, s, e) || !seen.add((long) s << 32 | e)
                            || DetectionEngine.excluded(r, c.text, s, m.rawString())) {
                        continue;
                    }
                    emit(c, r, hinted, engine, out, s, e, UTIL.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
        }
    }

    private boolean parsed(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out, int s, int e,
                           String raw) {
        if (!boundary(c.text, s, e)) {
            return false;
        }
        for (String region : r.regions()) {
            try {
                Phonenumber.PhoneNumber n = UTIL.parse(raw, region);
                if (UTIL.isValidNumber(n) && (raw.startsWith("+") || raw.startsWith("00")
                        || region.equals(UTIL.getRegionCodeForNumber(n)))) {
                    emit(c, r, hinted, engine, out, s, e, UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
                    return true;
                }
            } catch (NumberParseException ignored) {
                // not a number in this region: try the next, then the matcher
            }
            if (raw.startsWith("+") || raw.startsWith("00")) {
                break; // international: the region does not matter
            }
        }
        return false;
    }

    private static void emit(Candidates c, Rule r, boolean hinted, DetectionEngine engine, List<Detection> out, int s, int e,
                             String e164) {
        boolean context = hinted || c.keywordNear(r.context(), Math.max(0, s - r.contextWindow()),
                Math.min(c.text.length(), e + r.contextWindow()));
        if (r.requireContext() && !context) {
            return;
        }
        engine.add(r, s, e, e164, Math.min(1.0, r.confidence() + (context ? r.contextBoost() : 0)), out);
    }

    /** Whether the text at {@code s} continues a letter-and-digit run ("24356b0084800..."). */
    private static boolean embedded(CharSequence t, int s) {
        return s > 0 && Character.isLetterOrDigit(t.charAt(s - 1));
    }

    private static boolean opensParen(CharSequence t, int s) {
        return s > 0 && t.charAt(s - 1) == '(';
    }

    /** A phone number is never a slice of a longer alphanumeric run (a hash, an IBAN). */
    private static boolean boundary(CharSequence t, int s, int e) {
        if (s > 0) {
            char p = t.charAt(s - 1);
            if (Character.isLetterOrDigit(p) || p == '+' || (p == '.' && s > 1 && Character.isDigit(t.charAt(s - 2)))) {
                return false;
            }
        }
        if (e < t.length()) {
            char n = t.charAt(e);
            if (Character.isLetterOrDigit(n)) {
                return false;
            }
            if ((n == '.' || n == '-' || n == '/') && e + 1 < t.length() && Character.isDigit(t.charAt(e + 1))) {
                return false;
            }
        }
        return true;
    }
}
