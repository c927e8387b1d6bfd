package be.inzage.testdata;

import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generators of valid personal-data values (real checksums, allocated ranges) in realistic printed forms.
 * Every generator takes a {@link Random} and returns a {@link Value} holding the printed text and its
 * normalised form ({@link Value#normalized()}). Deterministic for a given Random state. JDK only.
 */
public final class ValidValues {
    private ValidValues() {}

    /** A generated value: label type id, the text as printed, and the canonical form. */
    public record Value(String type, String printed, String normalized) {
        @Override public String toString() { return printed; }
    }

    /** A postal code (labelled part) plus the town that follows it in text (not part of the label). */
    public record Postcode(Value code, String town, boolean french) {}

    /** A street address; {@code french} tells whether the street name is French. */
    public record Address(Value value, boolean french) {}

    // ------------------------------------------------------------------ small helpers
    static <T> T pick(Random r, T[] a) { return a[r.nextInt(a.length)]; }

    static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
        return b.toString();
    }

    static String pad(long v, int width) {
        String s = Long.toString(v);
        StringBuilder b = new StringBuilder();
        for (int i = s.length(); i < width; i++) b.append('0');
        return b.append(s).toString();
    }

    static String group(String s, int size, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) b.append(sep);
            b.append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }

    static String onlyDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    // ------------------------------------------------------------------ IBAN
    static final String[] BE_BANKS = {"001", "002", "035", "063", "068", "083", "091", "103", "143", "310", "320",
            "340", "363", "377", "390", "731", "733", "734", "735", "737", "742", "751", "850", "973", "979", "001"};
    static final String[] NL_BANKS = {"ABNA", "INGB", "RABO", "TRIO", "SNSB"};
    static final String[] LU_BANKS = {"001", "002", "003", "014", "019", "030", "141", "250"};
    static final String[] DE_BLZ = {"37040044", "10070000", "50010517", "12030000", "20041111", "70020270",
            "60050101", "30050110", "76026000", "44010046"};
    static final String[] FR_BANKS = {"30006", "30004", "30003", "20041", "10278", "30002", "14508", "16006"};
    public static final String[] IBAN_COUNTRIES = {"BE", "NL", "LU", "DE", "FR"};

    /** ISO 7064 mod 97-10 check digits for country + BBAN. */
    public static String ibanCheckDigits(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder num = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) num.append(c);
            else num.append(c - 'A' + 10);
        }
        int mod = new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
        return pad(98 - mod, 2);
    }

    /** Belgian national check over the first 10 BBAN digits: mod 97, 97 when 0. */
    public static int beNationalCheck(String first10) {
        int m = (int) (Long.parseLong(first10) % 97);
        return m == 0 ? 97 : m;
    }

    /** French RIB key: 97 - ((89 bank + 15 branch + 3 account) mod 97), account letters mapped per RIB. */
    public static String ribKey(String bank, String branch, String account) {
        StringBuilder acc = new StringBuilder();
        for (char c : account.toCharArray()) {
            if (Character.isDigit(c)) acc.append(c);
            else acc.append("123456789123456789234567890".charAt(c - 'A'));
        }
        long v = 89L * Long.parseLong(bank) + 15L * Long.parseLong(branch) + 3L * Long.parseLong(acc.toString());
        return pad(97 - (v % 97), 2);
    }

    static String beBban(Random r) {
        String first10 = pick(r, BE_BANKS) + digits(r, 7);
        return first10 + pad(beNationalCheck(first10), 2);
    }

    static String nlElfproef9(Random r) {
        while (true) {
            String s = (char) ('1' + r.nextInt(9)) + digits(r, 7);
            int sum = 0;
            for (int i = 0; i < 8; i++) sum += (9 - i) * (s.charAt(i) - '0');
            int last = (11 - sum % 11) % 11; // weight 1: sum + last ≡ 0 (mod 11)
            if (last < 10) return s + last;
        }
    }

    static String bban(Random r, String country) {
        switch (country) {
            case "BE":
                return beBban(r);
            case "NL": {
                String bank = pick(r, NL_BANKS);
                if (bank.equals("INGB")) return bank + "000" + (char) ('1' + r.nextInt(9)) + digits(r, 6);
                return bank + "0" + nlElfproef9(r);
            }
            case "LU": {
                String acc = digits(r, 13);
                if (r.nextInt(5) == 0) { // some Luxembourg accounts carry letters
                    char[] a = acc.toCharArray();
                    a[3] = (char) ('A' + r.nextInt(26));
                    a[4] = (char) ('A' + r.nextInt(26));
                    acc = new String(a);
                }
                return pick(r, LU_BANKS) + acc;
            }
            case "DE":
                return pick(r, DE_BLZ) + "0" + digits(r, 9);
            case "FR": {
                String bank = pick(r, FR_BANKS);
                String branch = pad(r.nextInt(99999) + 1, 5);
                String account = "000" + digits(r, 8);
                if (r.nextInt(6) == 0) account = account.substring(0, 10) + (char) ('A' + r.nextInt(26));
                return bank + branch + account + ribKey(bank, branch, account);
            }
            default:
                throw new IllegalArgumentException("unsupported IBAN country " + country);
        }
    }

    /** Compact IBAN for country with a fresh valid BBAN. */
    public static String ibanCompact(Random r, String country) {
        String b = bban(r, country);
        return country + ibanCheckDigits(country, b) + b;
    }

    /** IBAN printed compact or in groups of 4; normalised = compact upper case. */
    public static Value iban(Random r, String country) {
        String compact = ibanCompact(r, country);
        return new Value("iban", printIban(r, compact), compact);
    }

    static String printIban(Random r, String compact) {
        return r.nextInt(3) == 0 ? compact : group(compact, 4, " ");
    }

    public static String normalizeIban(String printed) {
        return printed.replaceAll("[ .\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** Old Belgian account ddd-ddddddd-dd; normalised = the equivalent compact BE IBAN. */
    public static Value beOldAccount(Random r) {
        String bban = beBban(r);
        String printed = bban.substring(0, 3) + "-" + bban.substring(3, 10) + "-" + bban.substring(10);
        return new Value("bank_account", printed, beOldAccountToIban(printed));
    }

    public static String beOldAccountToIban(String printed) {
        String d = onlyDigits(printed);
        return "BE" + ibanCheckDigits("BE", d) + d;
    }

    // ------------------------------------------------------------------ payment cards
    public static final String[] CARD_BRANDS = {"visa", "mastercard", "amex", "maestro", "bancontact"};
    static final String[] MAESTRO_IIN = {"5018", "5020", "5038", "5893", "6304", "6759", "6761", "6762", "6763"};

    public static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean dbl = true; // rightmost payload digit is doubled once the check digit is appended
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (dbl) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    static String luhnComplete(Random r, String prefix, int length) {
        while (true) {
            String p = prefix + digits(r, length - 1 - prefix.length());
            String full = p + luhnCheckDigit(p);
            if (!full.chars().allMatch(c -> c == full.charAt(0))) return full;
        }
    }

    /** Luhn-valid card number of the brand; printed in groups (space or dash); normalised = digits. */
    public static Value paymentCard(Random r, String brand) {
        String digits;
        switch (brand) {
            case "visa" -> digits = luhnComplete(r, "4", 16);
            case "mastercard" -> digits = r.nextBoolean()
                    ? luhnComplete(r, "5" + (1 + r.nextInt(5)), 16)
                    : luhnComplete(r, Integer.toString(2221 + r.nextInt(500)), 16);
            case "amex" -> digits = luhnComplete(r, r.nextBoolean() ? "34" : "37", 15);
            case "maestro" -> digits = luhnComplete(r, pick(r, MAESTRO_IIN), 16);
            case "bancontact" -> digits = luhnComplete(r, "6703", 16);
            default -> throw new IllegalArgumentException("unknown brand " + brand);
        }
        return new Value("payment_card", printCard(r, digits), digits);
    }

    static String printCard(Random r, String digits) {
        String sep = r.nextInt(4) == 0 ? "-" : " ";
        if (digits.length() == 15)
            return digits.substring(0, 4) + sep + digits.substring(4, 10) + sep + digits.substring(10);
        return group(digits, 4, sep);
    }

    // ------------------------------------------------------------------ Belgian national number / BIS
    /** Check digits of a Belgian national / BIS number from its first 9 digits and the birth century. */
    public static int rrnCheck(String first9, boolean born2000orLater) {
        long n = Long.parseLong(first9) + (born2000orLater ? 2_000_000_000L : 0L);
        return (int) (97 - n % 97);
    }

    /** Random birth date between 1940 and 2025 (inclusive). */
    static LocalDate randomBirth(Random r, int fromYear, int toYear) {
        LocalDate start = LocalDate.of(fromYear, 1, 1);
        long span = LocalDate.of(toYear, 12, 31).toEpochDay() - start.toEpochDay();
        return start.plusDays((long) (r.nextDouble() * (span + 1)));
    }

    public static Value beNationalNumber(Random r) {
        int y = r.nextInt(10) < 8 ? 1945 + r.nextInt(60) : 2000 + r.nextInt(26);
        return beNationalNumber(r, randomBirth(r, y, y));
    }

    /** National register number for the given birth date (year must be ≤ 2025). */
    public static Value beNationalNumber(Random r, LocalDate birth) {
        return rrnValue(r, birth, birth.getMonthValue());
    }

    /** BIS number: month + 20 (sex unknown) or + 40 (sex known). */
    public static Value beBis(Random r) {
        LocalDate birth = randomBirth(r, 1950, 2025);
        return rrnValue(r, birth, birth.getMonthValue() + (r.nextBoolean() ? 20 : 40));
    }

    static Value rrnValue(Random r, LocalDate birth, int monthField) {
        if (birth.getYear() > 2025) throw new IllegalArgumentException("birth year > 2025");
        int counter = 1 + r.nextInt(997); // 001..997
        String first9 = pad(birth.getYear() % 100, 2) + pad(monthField, 2) + pad(birth.getDayOfMonth(), 2)
                + pad(counter, 3);
        String cc = pad(rrnCheck(first9, birth.getYear() >= 2000), 2);
        String all = first9 + cc;
        return new Value("national_id_be", printRrn(r, all), all);
    }

    static String printRrn(Random r, String d) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "-" + d.substring(6, 9)
                    + "." + d.substring(9);
            case 2 -> d.substring(0, 6) + " " + d.substring(6, 9) + " " + d.substring(9);
            case 3 -> d.substring(0, 6) + "-" + d.substring(6, 9) + "-" + d.substring(9);
            default -> d;
        };
    }

    // ------------------------------------------------------------------ Dutch BSN
    public static boolean bsnValid(String nine) {
        if (nine.length() != 9 || nine.equals("000000000")) return false;
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (9 - i) * (nine.charAt(i) - '0');
        sum -= nine.charAt(8) - '0';
        return sum % 11 == 0;
    }

    public static String bsnDigits(Random r) {
        while (true) {
            String s = (char) ('1' + r.nextInt(6)) + digits(r, 7);
            int sum = 0;
            for (int i = 0; i < 8; i++) sum += (9 - i) * (s.charAt(i) - '0');
            int last = sum % 11;
            if (last < 10) return s + last;
        }
    }

    public static Value nlBsn(Random r) {
        String d = bsnDigits(r);
        return new Value("national_id_nl", printBsn(r, d), d);
    }

    static String printBsn(Random r, String d) {
        return switch (r.nextInt(3)) {
            case 0 -> d;
            case 1 -> d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6);
            default -> d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
        };
    }

    // ------------------------------------------------------------------ phones
    static final String[] BE_MOBILE = {"470", "471", "472", "473", "474", "475", "476", "477", "478", "479",
            "484", "485", "486", "487", "488", "489", "490", "491", "492", "493", "494", "495", "496", "497", "498",
            "499"};
    /** zone, weight-ish by repetition. */
    static final String[] BE_ZONES = {"2", "2", "2", "3", "3", "9", "9", "16", "11"};

    /** Belgian phone (mobile or landline), normalised to E.164. */
    public static Value phoneBe(Random r) {
        return r.nextInt(10) < 6 ? phoneBeMobile(r) : phoneBeLandline(r);
    }

    public static Value phoneBeMobile(Random r) {
        String pfx = pick(r, BE_MOBILE);
        String sub = digits(r, 6);
        String p = sub.substring(0, 2), q = sub.substring(2, 4), s = sub.substring(4);
        String printed = switch (r.nextInt(7)) {
            case 0 -> "0" + pfx + "/" + p + "." + q + "." + s;
            case 1, 2 -> "0" + pfx + " " + p + " " + q + " " + s;
            case 3 -> "+32 " + pfx + " " + p + " " + q + " " + s;
            case 4 -> "0032 " + pfx + " " + p + " " + q + " " + s;
            case 5 -> "0" + pfx + " " + sub.substring(0, 3) + " " + sub.substring(3);
            default -> "+32 " + pfx + " " + sub.substring(0, 3) + " " + sub.substring(3);
        };
        return new Value("phone", printed, "+32" + pfx + sub);
    }

    public static Value phoneBeLandline(Random r) {
        String zone = pick(r, BE_ZONES);
        int subLen = 8 - zone.length();
        // subscriber first digit: 2-7 for Brussels/Antwerp, 2-4 for Ghent (09[5-9] is not allocated), 2-8 for 0ZZ zones
        int firstMax = zone.equals("9") ? 4 : zone.length() == 1 ? 7 : 8;
        String sub = (char) ('2' + r.nextInt(firstMax - 1)) + digits(r, subLen - 1);
        String printed;
        if (zone.length() == 1) {
            String a = sub.substring(0, 3), b = sub.substring(3, 5), c = sub.substring(5);
            printed = switch (r.nextInt(5)) {
                case 0, 1 -> "0" + zone + " " + a + " " + b + " " + c;
                case 2 -> "0" + zone + "/" + a + "." + b + "." + c;
                case 3 -> "+32 (0)" + zone + " " + a + " " + b + " " + c;
                default -> "+32 " + zone + " " + a + " " + b + " " + c;
            };
        } else {
            String a = sub.substring(0, 2), b = sub.substring(2, 4), c = sub.substring(4);
            printed = switch (r.nextInt(5)) {
                case 0, 1 -> "0" + zone + " " + a + " " + b + " " + c;
                case 2 -> "0" + zone + "/" + a + "." + b + "." + c;
                case 3 -> "+32 (0)" + zone + " " + a + " " + b + " " + c;
                default -> "0032 " + zone + " " + a + " " + b + " " + c;
            };
        }
        return new Value("phone", printed, "+32" + zone + sub);
    }

    static final String[] NL_ZONES = {"20", "10", "30"};

    /** Dutch phone (mobile 06-[1-5] or Amsterdam/Rotterdam/Utrecht landline), normalised to E.164. */
    public static Value phoneNl(Random r) {
        if (r.nextInt(10) < 6) {
            String sub = (char) ('1' + r.nextInt(5)) + digits(r, 7);
            String printed = switch (r.nextInt(6)) {
                case 0, 1 -> "06-" + sub;
                case 2 -> "06 " + sub;
                case 3 -> "+31 6 " + sub;
                case 4 -> "06 " + sub.substring(0, 4) + " " + sub.substring(4);
                default -> "0031 6 " + sub;
            };
            return new Value("phone", printed, "+316" + sub);
        }
        String zone = pick(r, NL_ZONES);
        String sub = (char) ('2' + r.nextInt(8)) + digits(r, 6);
        String printed = switch (r.nextInt(5)) {
            case 0, 1 -> "0" + zone + "-" + sub;
            case 2 -> "(0" + zone + ") " + sub.substring(0, 3) + " " + sub.substring(3, 5) + " " + sub.substring(5);
            case 3 -> "+31 " + zone + " " + sub.substring(0, 3) + " " + sub.substring(3);
            default -> "+31 (0)" + zone + " " + sub.substring(0, 3) + " " + sub.substring(3);
        };
        return new Value("phone", printed, "+31" + zone + sub);
    }

    // ------------------------------------------------------------------ e-mail
    static final String[] PROVIDERS = {"gmail.com", "outlook.com", "telenet.be", "skynet.be", "hotmail.com",
            "proximus.be", "ziggo.nl", "kpnmail.nl", "orange.fr", "yahoo.fr"};
    static final String[] EXAMPLE_DOMAINS = {"example.be", "voorbeeld.nl", "exemple.fr", "mail.be", "example.com"};
    static final String[] COMPANY_DOMAINS = {"brightlane.be", "noordzee-logistiek.nl", "atelier-dumont.be",
            "sterck-partners.be", "fabrique-nord.fr", "hollandtech.nl", "vlaamse-bouwgroep.be", "cabinet-lejeune.be",
            "groenrand.nl", "meridian-consult.eu", "stad-demo.be", "zorgnet-west.be"};
    static final String[] TAGS = {"news", "facturen", "work", "shop", "admin", "info"};

    /** ASCII, lower case, letters only (accents stripped, particles kept). */
    static String asciiWord(String s) {
        String n = stripAccents(s).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (char c : n.toCharArray()) if (c >= 'a' && c <= 'z') b.append(c);
        return b.toString();
    }

    public static Value email(Random r, String first, String last) {
        String f = asciiWord(first);
        String fHyph = stripAccents(first).toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
        String l = asciiWord(last);
        String lDots = stripAccents(last).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().replace(' ', '.');
        String local = switch (r.nextInt(9)) {
            case 0, 1 -> fHyph + "." + l;
            case 2 -> f.charAt(0) + "." + lDots;
            case 3 -> f + l;
            case 4 -> fHyph + "." + lDots + "+" + pick(r, TAGS);
            case 5 -> f.charAt(0) + l;
            case 6 -> fHyph + "_" + l;
            case 7 -> f + "." + l + (10 + r.nextInt(90));
            default -> fHyph + "-" + l;
        };
        int dk = r.nextInt(10);
        String domain = dk < 4 ? pick(r, PROVIDERS) : dk < 7 ? pick(r, EXAMPLE_DOMAINS) : pick(r, COMPANY_DOMAINS);
        String addr = local + "@" + domain;
        String printed = addr;
        if (r.nextInt(8) == 0) { // capitalised variant, e.g. Jan.Peeters@Telenet.be
            printed = capitaliseParts(local) + "@" + Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
        }
        return new Value("email", printed, printed.toLowerCase(Locale.ROOT));
    }

    static String capitaliseParts(String local) {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : local.toCharArray()) {
            b.append(up ? Character.toUpperCase(c) : c);
            up = c == '.' || c == '-' || c == '_';
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ IP addresses
    static final int[][] PUBLIC_V4 = {{81, 82}, {81, 83}, {84, 193}, {84, 195}, {94, 224}, {94, 226}, {178, 116},
            {178, 117}, {91, 176}, {91, 180}, {81, 240}, {81, 246}, {213, 118}, {62, 235}, {77, 160}, {83, 84},
            {145, 53}, {31, 151}, {195, 130}, {213, 49}, {109, 128}, {188, 188}, {87, 66}};

    public static Value ipv4(Random r) {
        int k = r.nextInt(10);
        String ip;
        if (k < 6) {
            int[] p = PUBLIC_V4[r.nextInt(PUBLIC_V4.length)];
            ip = p[0] + "." + p[1] + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        } else if (k < 8) {
            int[] third = {0, 1, 1, 2, 10, 178};
            ip = "192.168." + third[r.nextInt(third.length)] + "." + (2 + r.nextInt(250));
        } else if (k < 9) {
            ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        } else {
            ip = "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        }
        return new Value("ip_address", ip, ip);
    }

    static final int[][] V6_PREFIXES = {{0x2a02, 0x1810}, {0x2a02, 0x1812}, {0x2a02, 0xa03f}, {0x2001, 0x0db8},
            {0x2001, 0x067c}, {0x2a02, 0x0a46}, {0x2a10, 0x3781}, {0x2001, 0x0610}};

    /** IPv6 in full, compressed or IPv4-mapped form; normalised = RFC 5952. */
    public static Value ipv6(Random r) {
        int form = r.nextInt(10);
        if (form == 9) {
            Value v4 = ipv4(r);
            String printed = (r.nextInt(4) == 0 ? "::FFFF:" : "::ffff:") + v4.printed();
            return new Value("ip_address", printed, "::ffff:" + v4.printed());
        }
        int[] g = new int[8];
        if (r.nextInt(6) == 0) { // link-local with an EUI-64 style interface id
            g[0] = 0xfe80;
            g[4] = r.nextInt(0x10000); g[5] = (r.nextInt(0x100) << 8) | 0xff; g[6] = 0xfe00 | r.nextInt(0x100);
            g[7] = r.nextInt(0x10000);
        } else {
            int[] p = V6_PREFIXES[r.nextInt(V6_PREFIXES.length)];
            g[0] = p[0]; g[1] = p[1];
            for (int i = 2; i < 8; i++) g[i] = r.nextInt(4) == 0 ? r.nextInt(0x100) : r.nextInt(0x10000);
            if (r.nextInt(3) == 0) { // a zero run
                int start = 2 + r.nextInt(4);
                int len = 1 + r.nextInt(Math.min(4, 8 - start - 1));
                for (int i = start; i < start + len; i++) g[i] = 0;
            }
        }
        String canonical = ipv6Canonical(g);
        String printed;
        switch (form % 3) {
            case 0 -> { // full, 4-digit groups
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    if (i > 0) b.append(':');
                    b.append(String.format(Locale.ROOT, "%04x", g[i]));
                }
                printed = r.nextInt(3) == 0 ? b.toString().toUpperCase(Locale.ROOT) : b.toString();
            }
            case 1 -> printed = canonical;
            default -> printed = rebuildWithPaddedGroups(canonical); // compressed, leading zeros kept
        }
        return new Value("ip_address", printed, canonical);
    }

    private static String pad4(String h) { return "0000".substring(h.length()) + h; }

    private static String rebuildWithPaddedGroups(String canonical) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < canonical.length()) {
            char c = canonical.charAt(i);
            if (c == ':') { b.append(c); i++; continue; }
            int j = i;
            while (j < canonical.length() && canonical.charAt(j) != ':') j++;
            b.append(pad4(canonical.substring(i, j)));
            i = j;
        }
        return b.toString();
    }

    /** RFC 5952 text for 8 groups: lower case, no leading zeros, longest (first) run of ≥2 zero groups as "::". */
    public static String ipv6Canonical(int[] g) {
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestLen = j - i; bestStart = i; }
            i = j;
        }
        if (bestLen < 2) bestStart = -1;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') b.append(':');
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ MAC
    static final String[] OUIS = {"00:1a:2b", "3c:22:fb", "f4:5c:89", "d0:50:99", "b8:27:eb", "dc:a6:32",
            "00:50:56", "08:00:27", "a4:83:e7", "f0:18:98", "00:1b:63", "ac:de:48", "e4:5f:01", "00:0c:29",
            "70:85:c2", "b4:2e:99"};

    public static Value mac(Random r) {
        int[] o = new int[6];
        while (true) {
            if (r.nextInt(3) > 0) {
                String[] p = pick(r, OUIS).split(":");
                for (int i = 0; i < 3; i++) o[i] = Integer.parseInt(p[i], 16);
            } else {
                o[0] = r.nextInt(256) & 0xfe; // unicast
                if (r.nextBoolean()) o[0] |= 0x02; // locally administered (randomised phone MACs)
                o[1] = r.nextInt(256); o[2] = r.nextInt(256);
            }
            for (int i = 3; i < 6; i++) o[i] = r.nextInt(256);
            String hex = macHex(o);
            boolean letter = hex.chars().anyMatch(c -> c >= 'a' && c <= 'f');
            if (letter && !hex.equals("ffffffffffff") && !hex.equals("000000000000") && (o[0] & 1) == 0) break;
        }
        String hex = macHex(o);
        String colon = group(hex, 2, ":");
        String printed = switch (r.nextInt(5)) {
            case 0, 1 -> colon;
            case 2 -> group(hex, 2, "-").toUpperCase(Locale.ROOT);
            case 3 -> group(hex, 4, ".");
            default -> colon.toUpperCase(Locale.ROOT);
        };
        return new Value("mac_address", printed, colon);
    }

    static String macHex(int[] o) {
        StringBuilder b = new StringBuilder();
        for (int v : o) b.append(String.format(Locale.ROOT, "%02x", v));
        return b.toString();
    }

    public static String normalizeMac(String printed) {
        return group(printed.replaceAll("[:.\\-]", "").toLowerCase(Locale.ROOT), 2, ":");
    }

    // ------------------------------------------------------------------ date of birth
    static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};
    static final String[] MONTHS_FR = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"};
    static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** Adult birth date (1940-2007) printed per language; normalised ISO yyyy-mm-dd. */
    public static Value dateOfBirth(Random r, String lang) {
        return dateOfBirth(r, randomBirth(r, 1940, 2007), lang);
    }

    public static Value dateOfBirth(Random r, LocalDate d, String lang) {
        int k = r.nextInt(5);
        return dateOfBirth(d, k == 4 ? 3 : k == 3 ? 2 : k == 2 ? 1 : 0, lang);
    }

    /** form 0 = dd/mm/yyyy, 1 = dd-mm-yyyy, 2 = yyyy-mm-dd, 3 = "12 mei 1984" / "12 mai 1984" / "12 May 1984". */
    public static Value dateOfBirth(LocalDate d, int form, String lang) {
        String dd = pad(d.getDayOfMonth(), 2), mm = pad(d.getMonthValue(), 2), yyyy = Integer.toString(d.getYear());
        String printed = switch (form) {
            case 0 -> dd + "/" + mm + "/" + yyyy;
            case 1 -> dd + "-" + mm + "-" + yyyy;
            case 2 -> yyyy + "-" + mm + "-" + dd;
            default -> d.getDayOfMonth() + " " + monthName(lang, d.getMonthValue()) + " " + yyyy;
        };
        return new Value("date_of_birth", printed, d.toString());
    }

    static String monthName(String lang, int m) {
        return switch (lang) {
            case "fr" -> MONTHS_FR[m - 1];
            case "en" -> MONTHS_EN[m - 1];
            default -> MONTHS_NL[m - 1];
        };
    }

    // ------------------------------------------------------------------ postal codes
    /** code, town, language of the town name ("nl" / "fr"). */
    static final String[][] BE_TOWNS = {
            {"1000", "Brussel", "nl"}, {"1000", "Bruxelles", "fr"}, {"1050", "Ixelles", "fr"}, {"1030", "Schaerbeek", "fr"},
            {"1070", "Anderlecht", "fr"}, {"1090", "Jette", "fr"}, {"1180", "Uccle", "fr"}, {"1200", "Woluwe-Saint-Lambert", "fr"},
            {"1300", "Wavre", "fr"}, {"1348", "Louvain-la-Neuve", "fr"}, {"1400", "Nivelles", "fr"}, {"1500", "Halle", "nl"},
            {"1800", "Vilvoorde", "nl"}, {"1930", "Zaventem", "nl"}, {"2000", "Antwerpen", "nl"}, {"2018", "Antwerpen", "nl"},
            {"2100", "Deurne", "nl"}, {"2140", "Borgerhout", "nl"}, {"2300", "Turnhout", "nl"}, {"2500", "Lier", "nl"},
            {"2600", "Berchem", "nl"}, {"2800", "Mechelen", "nl"}, {"2900", "Schoten", "nl"}, {"3000", "Leuven", "nl"},
            {"3001", "Heverlee", "nl"}, {"3200", "Aarschot", "nl"}, {"3500", "Hasselt", "nl"}, {"3600", "Genk", "nl"},
            {"3800", "Sint-Truiden", "nl"}, {"3900", "Pelt", "nl"}, {"4000", "Liège", "fr"}, {"4020", "Liège", "fr"},
            {"4500", "Huy", "fr"}, {"4800", "Verviers", "fr"}, {"5000", "Namur", "fr"}, {"5100", "Jambes", "fr"},
            {"6000", "Charleroi", "fr"}, {"6700", "Arlon", "fr"}, {"7000", "Mons", "fr"}, {"7500", "Tournai", "fr"},
            {"8000", "Brugge", "nl"}, {"8400", "Oostende", "nl"}, {"8500", "Kortrijk", "nl"}, {"8800", "Roeselare", "nl"},
            {"8900", "Ieper", "nl"}, {"9000", "Gent", "nl"}, {"9050", "Gentbrugge", "nl"}, {"9100", "Sint-Niklaas", "nl"},
            {"9200", "Dendermonde", "nl"}, {"9300", "Aalst", "nl"}, {"9700", "Oudenaarde", "nl"}, {"9900", "Eeklo", "nl"},
            {"9990", "Maldegem", "nl"}, {"9992", "Middelburg", "nl"}};
    /** two leading digits, town. */
    static final String[][] NL_TOWNS = {{"10", "Amsterdam"}, {"30", "Rotterdam"}, {"35", "Utrecht"},
            {"25", "Den Haag"}, {"56", "Eindhoven"}, {"97", "Groningen"}, {"65", "Nijmegen"}, {"68", "Arnhem"},
            {"20", "Haarlem"}, {"23", "Leiden"}, {"48", "Breda"}, {"50", "Tilburg"}, {"75", "Enschede"},
            {"80", "Zwolle"}, {"62", "Maastricht"}, {"38", "Amersfoort"}, {"26", "Delft"}, {"52", "Den Bosch"}};

    public static Postcode postcodeBe(Random r) {
        String[] t = pick(r, BE_TOWNS);
        String printed = r.nextInt(10) == 0 ? "B-" + t[0] : t[0];
        return new Postcode(new Value("postal_code", printed, t[0]), t[1], t[2].equals("fr"));
    }

    public static Postcode postcodeNl(Random r) {
        String[] t = pick(r, NL_TOWNS);
        String num = t[0] + pad(r.nextInt(100), 2);
        String letters;
        while (true) {
            letters = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
            if (!letters.equals("SA") && !letters.equals("SD") && !letters.equals("SS")) break;
        }
        String printed = r.nextInt(4) == 0 ? num + letters : num + " " + letters;
        return new Postcode(new Value("postal_code", printed, num + letters), t[1], false);
    }

    // ------------------------------------------------------------------ street addresses
    /** Street names used in both countries. */
    static final String[] COMMON_STREETS = {"Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat",
            "Kapelstraat", "Nieuwstraat", "Veldstraat", "Hoogstraat", "Beukenlaan", "Eikenlaan", "Lindenlaan", "Berkenlaan",
            "Kastanjelaan", "Stationslaan", "Molenweg", "Zandweg", "Heideweg", "Kerkweg", "Stationsplein", "Marktplein",
            "Kerkplein", "Zeedijk", "Rijndijk"};
    /** Typically Flemish: steenweg, lei, kaai, dreef. */
    static final String[] BE_STREETS = {"Beukendreef", "Eikendreef", "Brugsesteenweg", "Gentsesteenweg",
            "Mechelsesteenweg", "Antwerpsesteenweg", "Frankrijklei", "Italiëlei", "Belgiëlei", "Kasteellei",
            "Sint-Michielskaai", "Ankerkaai", "Veerkaai", "Meersstraat", "Vaartstraat", "Lange Lozanastraat"};
    /** Typically Dutch: gracht, singel, kade. */
    static final String[] NLD_STREETS = {"Oosterkade", "Westerkade", "Havenkade", "Keizersgracht", "Herengracht",
            "Prinsengracht", "Oudegracht", "Nieuwe Binnenweg", "Stadhouderssingel", "Wilhelminasingel", "Oranjesingel",
            "Wolvengracht", "Catharijnesingel", "Maliesingel"};
    static final String[] FR_STREETS = {"Rue de la Loi", "Avenue Louise", "Chaussée de Wavre", "Rue Neuve",
            "Boulevard Anspach", "Place Flagey", "Avenue de Tervueren", "Rue du Marché", "Chaussée d'Ixelles",
            "Rue des Bouchers", "Quai de Rome", "Avenue des Arts", "Rue de la Station", "Rue de l'Église",
            "Chaussée de Bruxelles", "Rue du Moulin", "Avenue de la Gare", "Rue Saint-Gilles", "Boulevard d'Avroy",
            "Rue Haute", "Place du Marché", "Rue de Namur", "Chemin des Prés", "Rue des Écoles"};

    static int houseNumber(Random r) {
        int k = r.nextInt(10);
        return k < 6 ? 1 + r.nextInt(60) : k < 9 ? 1 + r.nextInt(250) : 100 + r.nextInt(1200);
    }

    /** Dutch-language street + number (+ optional Belgian box "bus N"); normalised: street and number. */
    public static Address addressNl(Random r, boolean belgian) {
        String street = r.nextBoolean() ? pick(r, COMMON_STREETS) : pick(r, belgian ? BE_STREETS : NLD_STREETS);
        int n = houseNumber(r);
        String base = street + " " + n;
        String printed = belgian && r.nextInt(6) == 0 ? base + " bus " + (1 + r.nextInt(12)) : base;
        return new Address(new Value("address", printed, normalizeAddress(base)), false);
    }

    /** French (Belgian) street + number (+ optional "bte N"); normalised: street and number. */
    public static Address addressFr(Random r) {
        String street = pick(r, FR_STREETS);
        int n = houseNumber(r);
        String base = street + " " + n;
        String printed = r.nextInt(6) == 0 ? base + " bte " + (1 + r.nextInt(12)) : base;
        return new Address(new Value("address", printed, normalizeAddress(base)), true);
    }

    /** Belgian-style address: French street for about one in three, else Dutch (with optional "bus"). */
    public static Address address(Random r) {
        return r.nextInt(3) == 0 ? addressFr(r) : addressNl(r, true);
    }

    /** Lower case, single spaces; pass the street and number only (without "bus"/"bte" box suffix). */
    public static String normalizeAddress(String streetAndNumber) {
        return stripAccents(streetAndNumber.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------ names, logins, jobs
    public static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** person_name normalisation: NFD, combining marks removed, lower case, single spaces. */
    public static String normalizeName(String s) {
        return stripAccents(s).toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    public static Value personName(String printed) {
        return new Value("person_name", printed, normalizeName(printed));
    }

    /** Login derived from a name: jpeeters, sofie.desmet, mdubois84, jan_vandenberg ... */
    public static Value login(Random r, String first, String last) {
        String f = asciiWord(first), l = asciiWord(last);
        String v = switch (r.nextInt(6)) {
            case 0, 1 -> f.charAt(0) + l;
            case 2 -> f + "." + l;
            case 3 -> f.charAt(0) + l + (10 + r.nextInt(90));
            case 4 -> f + "_" + l.substring(0, Math.min(l.length(), 4));
            default -> l + f.charAt(0);
        };
        if (v.length() > 20) v = v.substring(0, 20);
        String printed = r.nextInt(8) == 0 ? Character.toUpperCase(v.charAt(0)) + v.substring(1) : v;
        return new Value("login", printed, printed.toLowerCase(Locale.ROOT));
    }

    static final String[] JOBS_NL = {"projectleider", "boekhouder", "verpleegkundige", "leerkracht", "IT-beheerder",
            "HR-medewerker", "consultant", "softwareontwikkelaar", "zaakvoerder", "verkoper", "magazijnier",
            "office manager", "juridisch adviseur", "teamleider klantendienst", "administratief medewerker",
            "marketingcoördinator", "preventieadviseur", "werfleider", "onthaalmedewerker", "data-analist",
            "financieel directeur", "logistiek medewerker", "maatschappelijk werker", "architect"};
    static final String[] JOBS_FR = {"chef de projet", "comptable", "infirmière", "enseignant", "développeur",
            "gestionnaire RH", "directeur commercial", "assistante administrative", "juriste", "technicien de maintenance",
            "responsable logistique", "conseiller clientèle", "analyste financier", "secrétaire de direction",
            "chargée de communication", "délégué commercial", "architecte", "responsable informatique"};
    static final String[] JOBS_EN = {"project manager", "accountant", "software engineer", "data analyst",
            "sales manager", "HR officer", "nurse", "teacher", "marketing coordinator", "customer service representative",
            "operations manager", "legal counsel", "office manager", "business analyst", "product owner",
            "warehouse supervisor", "financial controller", "systems administrator"};

    public static Value jobTitle(Random r, String lang) {
        String[] pool = switch (lang) { case "fr" -> JOBS_FR; case "en" -> JOBS_EN; default -> JOBS_NL; };
        String j = pick(r, pool);
        String printed = r.nextInt(3) == 0 ? Character.toUpperCase(j.charAt(0)) + j.substring(1) : j;
        return new Value("job_title", printed, normalizeName(printed));
    }
}
