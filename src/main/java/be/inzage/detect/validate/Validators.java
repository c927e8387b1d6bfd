package be.inzage.detect.validate;

import be.inzage.detect.Dictionaries;
import be.inzage.detect.Normalize;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.InetAddressValidator;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validators a rule may name in rules/. Code lives here only where a checksum or a
 * structure check cannot be written as a pattern.
 */
public final class Validators {

    private final Map<String, Validator> byName = new HashMap<>();

    public Validators(Dictionaries dictionaries) {
        byName.put("email", Validators::email);
        byName.put("email_obfuscated", Validators::emailObfuscated);
        byName.put("iban", Validators::iban);
        byName.put("be_old_account", Validators::beOldAccount);
        byName.put("payment_card", Validators::paymentCard);
        byName.put("ipv4", Validators::ipv4);
        byName.put("ipv6", Validators::ipv6);
        byName.put("mac", Validators::mac);
        byName.put("be_national_number", Validators::beNationalNumber);
        byName.put("nl_bsn", Validators::nlBsn);
        byName.put("nl_postcode", Validators::nlPostcode);
        byName.put("be_postcode", s -> bePostcode(s, dictionaries));
        byName.put("date", Validators::date);
        byName.put("postcode", Validators::anyPostcode);
        byName.put("lower", s -> Checked.ok(Normalize.text(s)));
        byName.put("address", Validators::address);
        byName.put("person_name", s -> personName(s, dictionaries));
        byName.put("person_name_known", s -> knownPersonName(s, dictionaries));
        byName.put("author_name", s -> authorName(s, dictionaries));
        byName.put("job_title", s -> jobTitle(s, dictionaries));
        byName.put("phone_possible", PossiblePhone::check);
    }

    public Optional<Validator> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    // ---- e-mail -------------------------------------------------------------------------

    private static final EmailValidator EMAIL = EmailValidator.getInstance(false, true);

    private static final java.util.regex.Pattern LOCAL = java.util.regex.Pattern.compile("[A-Za-z0-9'+_%-]+(?:\\.[A-Za-z0-9'+_%-]+)*");
    /** Domains repeat across a share: commons-validator's domain check (IDN, TLD list) runs once per domain. */
    private static final java.util.Map<String, Boolean> DOMAINS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> e) {
                    return size() > 50_000;
                }
            });

    static Checked email(String raw) {
        String s = raw.indexOf('%') >= 0 && raw.indexOf('@') < 0 ? urlDecoded(raw) : raw;
        int at = s.lastIndexOf('@');
        if (at < 1 || at > 64 || !LOCAL.matcher(s).region(0, at).matches()) {
            return Checked.reject();
        }
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        Boolean ok = DOMAINS.get(domain);
        if (ok == null) {
            ok = EMAIL.isValid("a@" + domain);
            DOMAINS.put(domain, ok);
        }
        return ok ? Checked.ok(s.toLowerCase(Locale.ROOT)) : Checked.reject();
    }

    private static final java.util.regex.Pattern OBFUSCATED_AT = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:[\\[({<]\\s*(?:at|@)\\s*[\\])}>]|\\s(?:apenstaartje|arobase)\\s)\\s*");
    private static final java.util.regex.Pattern OBFUSCATED_DOT = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:[\\[({<]\\s*(?:dot|punt|point)\\s*[\\])}>]|\\s(?:dot|punt|point)\\s)\\s*|\\s*\\.\\s*");

    /**
     * An e-mail written to dodge harvesters: "jan.peeters [at] example [dot] be", "jan(at)example.be", "jan apenstaartje
     * example punt be"; kept as the address it spells, so a search for it finds this copy too.
     */
    static Checked emailObfuscated(String s) {
        String plain = OBFUSCATED_DOT.matcher(OBFUSCATED_AT.matcher(s.strip()).replaceFirst("@")).replaceAll(".");
        return plain.indexOf('@') < 0 ? Checked.reject() : email(plain);
    }

    /** An e-mail as URLs write it ("jan.peeters%40example.be", "an%2Bnews%40x.be"); '+' stays '+', not a space. */
    private static String urlDecoded(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int v = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
                if (v == '@' || v == '+' || v == '.' || v == '_' || v == '-' || v == '\'') {
                    b.append((char) v);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    // ---- bank accounts ------------------------------------------------------------------

    static Checked iban(String raw) {
        // Compact while remembering where each kept character sits in the raw match, so that a
        // match that ran into a following word can be cut back to the country's IBAN length.
        int[] rawEnd = new int[raw.length()];
        StringBuilder c = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                rawEnd[c.length()] = i + 1;
                c.append(Character.toUpperCase(ch));
            }
        }
        if (c.length() < 15) {
            return Checked.reject();
        }
        String country = c.substring(0, 2);
        IBANValidator.Validator v = IBANValidator.getInstance().getValidator(country);
        if (v == null || c.length() < v.getIbanLength()) {
            return Checked.reject();
        }
        String compact = c.substring(0, v.getIbanLength());
        if (!IBANValidator.getInstance().isValid(compact) || !Checksums.ibanMod97(compact)) {
            return Checked.reject();
        }
        if (country.equals("BE") && !Checksums.belgianAccount(compact.substring(4))) {
            return Checked.reject();
        }
        return Checked.ok(compact).withLength(rawEnd[v.getIbanLength() - 1]);
    }

    static Checked beOldAccount(String raw) {
        String d = Checksums.digitsOnly(raw);
        if (d.length() != 12 || !Checksums.belgianAccount(d) || d.startsWith("000")) {
            return Checked.reject();
        }
        String iban = "BE" + Checksums.ibanCheckDigits("BE", d) + d;
        // Twelve bare digits collide with structured payment references and order numbers.
        boolean dashed = raw.indexOf('-') > 0;
        return dashed ? Checked.ok(iban) : Checked.okIfContext(iban);
    }

    // ---- payment cards ------------------------------------------------------------------

    static Checked paymentCard(String raw) {
        String d = Checksums.digitsOnly(raw);
        int n = d.length();
        if (n < 12 || n > 19 || !Checksums.luhn(d) || d.chars().distinct().count() == 1) {
            return Checked.reject();
        }
        if (!knownIin(d, n)) {
            return Checked.reject();
        }
        boolean grouped = raw.indexOf(' ') > 0 || raw.indexOf('-') > 0;
        return grouped ? Checked.ok(d) : Checked.okIfContext(d);
    }

    private static boolean knownIin(String d, int n) {
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759
                || (p4 >= 6761 && p4 <= 6763) || p4 == 6703) {
            return n >= 12;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
            return n >= 16;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16;
        }
        if (p4 == 2131 || p4 == 1800) {
            return n == 15; // JCB's older 15-digit ranges
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14;
        }
        return false;
    }

    // ---- network ------------------------------------------------------------------------

    static Checked ipv4(String raw) {
        String s = raw.contains("/") ? raw.substring(0, raw.indexOf('/')) : raw;
        return InetAddressValidator.getInstance().isValidInet4Address(s) ? Checked.ok(s) : Checked.reject();
    }

    static Checked ipv6(String raw) {
        String s = raw;
        int slash = s.indexOf('/');
        if (slash > 0) {
            s = s.substring(0, slash);
        }
        int colons = 0;
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < s.length() && s.charAt(i) != '%'; i++) {
            if (s.charAt(i) == ':') {
                colons++;
                inGroup = false;
            } else if (!inGroup) {
                groups++;
                inGroup = true;
            }
        }
        // "d::" in C++ code or "12:34::" in prose: demand a real address shape.
        if (colons < 2 || (groups < 3 && !s.startsWith("::"))) {
            return Checked.reject();
        }
        if (!InetAddressValidator.getInstance().isValidInet6Address(s)) {
            return Checked.reject();
        }
        return Normalize.ipv6(s).map(Checked::ok).orElse(Checked.reject());
    }

    static Checked mac(String raw) {
        String hex = raw.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12) {
            return Checked.reject();
        }
        if (hex.equals("ffffffffffff") || hex.equals("000000000000")) {
            return Checked.reject();
        }
        if ((Integer.parseInt(hex.substring(0, 2), 16) & 1) == 1) {
            return Checked.reject(); // multicast: not a device
        }
        String norm = Normalize.macFromHex(hex);
        boolean allDecimal = hex.chars().allMatch(Character::isDigit);
        boolean separated = raw.length() > 12;
        return allDecimal || !separated ? Checked.okIfContext(norm) : Checked.ok(norm);
    }

    // ---- national identifiers -----------------------------------------------------------

    static Checked beNationalNumber(String raw) {
        String d = Checksums.digitsOnly(raw);
        if (d.length() != 11) {
            return Checked.reject();
        }
        int month = Integer.parseInt(d.substring(2, 4));
        int day = Integer.parseInt(d.substring(4, 6));
        int bisMonth = month >= 40 ? month - 40 : month >= 20 ? month - 20 : month;
        if (bisMonth > 12 || day > 31 || (month > 12 && month < 20) || (month > 32 && month < 40) || month > 52) {
            return Checked.reject();
        }
        long body = Long.parseLong(d.substring(0, 9));
        int check = Integer.parseInt(d.substring(9));
        boolean ok = 97 - body % 97 == check;
        if (!ok) {
            int yy = Integer.parseInt(d.substring(0, 2));
            ok = 2000 + yy <= Year.now().getValue() && 97 - (2_000_000_000L + body) % 97 == check;
        }
        if (!ok) {
            return Checked.reject();
        }
        boolean formatted = raw.length() > 11;
        return formatted ? Checked.ok(d) : Checked.okIfContext(d);
    }

    static Checked nlBsn(String raw) {
        String d = Checksums.digitsOnly(raw);
        if (d.length() == 8) {
            d = "0" + d;
        }
        // A random nine-digit number passes with p = 1/11: never without context or a field hint.
        return Checksums.elevenProofBsn(d) ? Checked.okIfContext(d) : Checked.reject();
    }

    private static final java.util.regex.Pattern BOX =
            java.util.regex.Pattern.compile("(?:\\s?(?:bus|bte|boite|b\\.)\\s?\\d{1,4}|/\\d{1,3})$");

    /** Street and number; the box ("bus 3", "bte 4", "/3") is dropped so every flat of a building matches. */
    static Checked address(String s) {
        return Checked.ok(BOX.matcher(Normalize.text(s)).replaceFirst(""));
    }

    // ---- names -------------------------------------------------------------------------

    private static final java.util.regex.Pattern NAME_SHAPE =
            java.util.regex.Pattern.compile("\\p{L}[\\p{L}'\u2019 .-]{0,58}\\p{L}\\.?");

    /** A value under a name field: the field says it is a name, so only its shape is checked. */
    static Checked personName(String s, Dictionaries dict) {
        String v = s.strip();
        if (!NAME_SHAPE.matcher(v).matches()) {
            return Checked.reject();
        }
        return Checked.ok(Normalize.text(v));
    }

    /**
     * A document's author or editor: name-shaped, and not made only of words that are no name. Office
     * software and scanners put themselves or a placeholder there ("Apache POI", "Microsoft Office
     * User", "Administrator"), in every document they make.
     */
    static Checked authorName(String s, Dictionaries dict) {
        Checked shape = personName(s, dict);
        if (!shape.accepted()) {
            return shape;
        }
        for (String w : s.strip().split("[\\s.]+")) {
            if (!w.isEmpty() && !dict.isNotName(w)) {
                return shape;
            }
        }
        return Checked.reject();
    }

    /** A name-shaped value whose first word is a known first name or whose last word is a known surname. */
    static Checked knownPersonName(String s, Dictionaries dict) {
        Checked shape = personName(s, dict);
        if (!shape.accepted()) {
            return shape;
        }
        String[] words = s.strip().split("\\s+");
        if (words.length > 5 || dict.isNotName(words[0])) {
            return Checked.reject();
        }
        boolean known = dict.isFirstName(words[0]) || dict.isSurname(words[words.length - 1])
                || (words.length == 1 && dict.isSurname(words[0]));
        return known ? shape : Checked.reject();
    }

    static Checked jobTitle(String s, Dictionaries dict) {
        String v = s.strip().replaceAll("[.;,]+$", "");
        if (v.length() < 2 || v.length() > 60 || v.chars().anyMatch(Character::isDigit)) {
            return Checked.reject();
        }
        // A known title is certain; anything else after "Functie:" is likely but less so.
        return dict.isJobTitle(v) ? Checked.ok(Normalize.text(v)).withBonus(0.15) : Checked.ok(Normalize.text(v));
    }

    // ---- places and dates ---------------------------------------------------------------

    static Checked nlPostcode(String raw) {
        String s = raw.toUpperCase(Locale.ROOT).replace("NL-", "").replace(" ", "");
        if (s.length() < 6 || !s.substring(0, 6).matches("[1-9]\\d{3}[A-Z]{2}")) {
            return Checked.reject();
        }
        String letters = s.substring(4, 6);
        if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")) {
            return Checked.reject();
        }
        return Checked.ok(s.substring(0, 6));
    }

    static Checked anyPostcode(String raw) {
        Checked nl = nlPostcode(raw);
        if (nl.accepted()) {
            return nl;
        }
        String d = raw.replaceFirst("^(?i)(?:BE?-)", "").strip();
        return d.matches("[1-9]\\d{3}") ? Checked.ok(d) : Checked.reject();
    }

    static Checked bePostcode(String raw, Dictionaries dict) {
        // "1000 Brussel": four digits followed by the town; a known town makes it certain.
        String s = raw.trim().replaceFirst("^(?i)(?:BE?-)", "");
        String digits = s.substring(0, 4);
        if (!digits.matches("[1-9]\\d{3}")) {
            return Checked.reject();
        }
        String town = s.substring(4).trim();
        if (!town.isEmpty() && dict.isTown(town)) {
            return Checked.ok(digits).withBonus(0.1);
        }
        return Checked.okIfContext(digits);
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"januari", "janvier", "january", "jan"}, {"februari", "février", "fevrier", "february", "feb", "fév"},
            {"maart", "mars", "march", "mrt", "mar"}, {"april", "avril", "apr", "avr"},
            {"mei", "mai", "may"}, {"juni", "juin", "june", "jun"}, {"juli", "juillet", "july", "jul"},
            {"augustus", "août", "aout", "august", "aug"}, {"september", "septembre", "sep", "sept"},
            {"oktober", "octobre", "october", "okt", "oct"}, {"november", "novembre", "nov"},
            {"december", "décembre", "decembre", "dec", "déc"}};
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m + 1);
            }
        }
    }

    static Checked date(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        int y;
        int m;
        int d;
        try {
            if (s.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
                String[] p = s.split("-");
                y = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                d = Integer.parseInt(p[2]);
            } else if (s.matches("\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}")) {
                String[] p = s.split("[/.-]");
                d = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                y = Integer.parseInt(p[2]);
            } else {
                String[] p = s.replace(",", " ").replace(" of ", " ").split("\\s+"); // "3rd of March 1985"
                if (p.length != 3) {
                    return Checked.reject();
                }
                if (!p[0].isEmpty() && Character.isLetter(p[0].charAt(0))) {
                    p = new String[] {p[1], p[0], p[2]}; // "March 12, 1985"
                }
                d = Integer.parseInt(p[0].replaceAll("\\D", ""));
                Integer month = MONTHS.get(p[1].replace(".", ""));
                if (month == null) {
                    return Checked.reject();
                }
                m = month;
                y = Integer.parseInt(p[2]);
            }
            LocalDate date = LocalDate.of(y, m, d);
            if (y < 1900 || date.isAfter(LocalDate.now())) {
                return Checked.reject();
            }
            return Checked.ok(date.toString());
        } catch (RuntimeException e) {
            return Checked.reject();
        }
    }
}
