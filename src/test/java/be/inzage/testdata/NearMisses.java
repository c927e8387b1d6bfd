package be.inzage.testdata;

import java.time.LocalDate;
import java.util.Random;

import static be.inzage.testdata.ValidValues.digits;
import static be.inzage.testdata.ValidValues.group;
import static be.inzage.testdata.ValidValues.pad;
import static be.inzage.testdata.ValidValues.pick;

/**
 * Generators of near-miss strings: look like a personal-data identifier but are not one (bad checksum,
 * unallocated range, company id, technical string). Never labelled; listed in nearmisses.jsonl.
 */
public final class NearMisses {
    private NearMisses() {}

    /** @param imitates label type the string imitates; @param reason why it is not that type */
    public record NearMiss(String imitates, String value, String reason) {
        @Override public String toString() { return value; }
    }

    // ------------------------------------------------------------------ IBAN / accounts
    public static NearMiss ibanWrongCheck(Random r) {
        String c = ValidValues.ibanCompact(r, pick(r, ValidValues.IBAN_COUNTRIES));
        int check = Integer.parseInt(c.substring(2, 4));
        int bad = check >= 97 ? check - 1 - r.nextInt(5) : check + 1;
        String s = c.substring(0, 2) + pad(bad, 2) + c.substring(4);
        return new NearMiss("iban", ValidValues.printIban(r, s), "ISO mod-97 check digits wrong");
    }

    /** BE IBAN whose ISO check digits are right but whose national check (last 2 digits) is wrong. */
    public static NearMiss ibanBeNationalFail(Random r) {
        String first10 = pick(r, ValidValues.BE_BANKS) + digits(r, 7);
        int nc = ValidValues.beNationalCheck(first10);
        int bad = nc >= 97 ? 1 + r.nextInt(90) : nc + 1 + r.nextInt(97 - nc);
        if (bad == nc) bad = nc == 1 ? 2 : nc - 1;
        String bban = first10 + pad(bad, 2);
        String c = "BE" + ValidValues.ibanCheckDigits("BE", bban) + bban;
        return new NearMiss("iban", ValidValues.printIban(r, c), "ISO mod-97 OK, Belgian national check fails");
    }

    /** Valid IBAN with the last character dropped (wrong length). */
    public static NearMiss ibanTruncated(Random r) {
        String c = ValidValues.ibanCompact(r, pick(r, new String[]{"BE", "NL", "DE"}));
        return new NearMiss("iban", ValidValues.group(c.substring(0, c.length() - 1), 4, " "), "one character short");
    }

    /** Two adjacent BBAN digits swapped (mod 97-10 detects this). */
    public static NearMiss ibanTransposed(Random r) {
        while (true) {
            String c = ValidValues.ibanCompact(r, pick(r, new String[]{"BE", "NL", "DE", "FR"}));
            int i = 4 + r.nextInt(c.length() - 6);
            if (c.charAt(i) == c.charAt(i + 1) || !Character.isDigit(c.charAt(i)) || !Character.isDigit(c.charAt(i + 1)))
                continue;
            String s = c.substring(0, i) + c.charAt(i + 1) + c.charAt(i) + c.substring(i + 2);
            return new NearMiss("iban", ValidValues.group(s, 4, " "), "two digits transposed");
        }
    }

    public static NearMiss iban(Random r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> ibanWrongCheck(r);
            case 2 -> ibanBeNationalFail(r);
            case 3 -> ibanTransposed(r);
            default -> ibanTruncated(r);
        };
    }

    /** Old BE account ddd-ddddddd-dd with a wrong national check. */
    public static NearMiss beOldAccountBadCheck(Random r) {
        String first10 = pick(r, ValidValues.BE_BANKS) + digits(r, 7);
        int nc = ValidValues.beNationalCheck(first10);
        int bad = nc >= 97 ? 96 : nc + 1;
        return new NearMiss("bank_account", first10.substring(0, 3) + "-" + first10.substring(3) + "-" + pad(bad, 2),
                "old BE account, national check +1");
    }

    /** Belgian structured payment reference +++ddd/dddd/ddddd+++ with a valid check (payment data, not an account). */
    public static NearMiss ogm(Random r) {
        String first10 = digits(r, 10);
        int c = (int) (Long.parseLong(first10) % 97);
        if (c == 0) c = 97;
        String d = first10 + pad(c, 2);
        return new NearMiss("bank_account", "+++" + d.substring(0, 3) + "/" + d.substring(3, 7) + "/" + d.substring(7) + "+++",
                "OGM/VCS structured communication");
    }

    public static NearMiss bankAccount(Random r) {
        return r.nextInt(3) == 0 ? beOldAccountBadCheck(r) : ogm(r);
    }

    // ------------------------------------------------------------------ cards
    public static NearMiss cardLuhnFail(Random r) {
        ValidValues.Value v = ValidValues.paymentCard(r, pick(r, ValidValues.CARD_BRANDS));
        String d = v.normalized();
        int last = d.charAt(d.length() - 1) - '0';
        String bad = d.substring(0, d.length() - 1) + (last + 1 + r.nextInt(9)) % 10;
        return new NearMiss("payment_card", ValidValues.printCard(r, bad), "Luhn check fails");
    }

    /**
     * 16 digits, Luhn-valid, grouped 4-4-4-4, but no card IIN: first digit 1 (only UATP, 15 digits, uses 1) or
     * 8 followed by 0 or 6-9 (81x is UnionPay since 2016, so 81 is avoided; 80 and 86-89 are not card IINs).
     */
    public static NearMiss cardNoIin(Random r) {
        String[] prefixes = {"1", "1", "80", "86", "87", "88", "89"};
        String d = ValidValues.luhnComplete(r, pick(r, prefixes), 16);
        return new NearMiss("payment_card", group(d, 4, r.nextInt(3) == 0 ? "-" : " "), "Luhn-valid, no card IIN");
    }

    public static NearMiss card(Random r) {
        return r.nextBoolean() ? cardLuhnFail(r) : cardNoIin(r);
    }

    // ------------------------------------------------------------------ national ids
    /** Valid RRN with check digits + 1 (re-drawn when that would happen to match the other century form). */
    public static NearMiss rrnCheckPlusOne(Random r) {
        while (true) {
            ValidValues.Value v = ValidValues.beNationalNumber(r);
            String d = v.normalized();
            int cc = Integer.parseInt(d.substring(9)) + 1;
            String bad = d.substring(0, 9) + pad(cc, 2);
            if (cc > 97 || rrnLikeValid(bad)) continue;
            return new NearMiss("national_id_be", ValidValues.printRrn(r, bad), "national number check + 1");
        }
    }

    /** BIS-like number with an impossible month field (33 or 53..67), correct arithmetic. */
    public static NearMiss bisBadMonth(Random r) {
        int month = pick(r, new Integer[]{13, 33, 53, 67});
        LocalDate d = ValidValues.randomBirth(r, 1950, 1999);
        String first9 = pad(d.getYear() % 100, 2) + pad(month, 2) + pad(d.getDayOfMonth(), 2) + pad(1 + r.nextInt(997), 3);
        String all = first9 + pad(ValidValues.rrnCheck(first9, false), 2);
        return new NearMiss("national_id_be", ValidValues.printRrn(r, all), "month field " + month + " impossible");
    }

    /** Belgian enterprise number (KBO/BCE), valid mod-97 check: an organisation id, not personal data. */
    public static NearMiss beEnterpriseNumber(Random r) {
        while (true) {
            String first8 = (r.nextInt(5) == 0 ? "1" : "0") + (char) ('2' + r.nextInt(8)) + digits(r, 6);
            long n = Long.parseLong(first8);
            if (n == 0) continue;
            String d = first8 + pad(97 - n % 97, 2);
            String v = switch (r.nextInt(4)) {
                case 0, 1 -> d.substring(0, 4) + "." + d.substring(4, 7) + "." + d.substring(7);
                case 2 -> "BE" + d;
                default -> "BE " + d.substring(0, 4) + "." + d.substring(4, 7) + "." + d.substring(7);
            };
            return new NearMiss("national_id_be", v, "BE enterprise number (company id)");
        }
    }

    public static NearMiss nationalIdBe(Random r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> rrnCheckPlusOne(r);
            case 2 -> bisBadMonth(r);
            default -> beEnterpriseNumber(r);
        };
    }

    /** 9 digits failing the BSN 11-proof (meant to be planted in BSN context). */
    public static NearMiss bsnFail(Random r) {
        while (true) {
            String d = (char) ('1' + r.nextInt(6)) + digits(r, 8);
            if (!ValidValues.bsnValid(d))
                return new NearMiss("national_id_nl", ValidValues.printBsn(r, d), "fails the BSN 11-proof");
        }
    }

    /** Dutch KvK number: 8 digits, company id. */
    public static NearMiss kvk(Random r) {
        return new NearMiss("national_id_nl", (char) ('1' + r.nextInt(9)) + digits(r, 7), "KvK number (company id)");
    }

    public static NearMiss nationalIdNl(Random r) {
        return r.nextInt(3) == 0 ? kvk(r) : bsnFail(r);
    }

    static boolean rrnLikeValid(String d) {
        int cc = Integer.parseInt(d.substring(9));
        String first9 = d.substring(0, 9);
        if (ValidValues.rrnCheck(first9, false) == cc) return true;
        int yy = Integer.parseInt(d.substring(0, 2));
        return 2000 + yy <= 2025 && ValidValues.rrnCheck(first9, true) == cc;
    }

    // ------------------------------------------------------------------ technical look-alikes
    public static NearMiss version(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> new NearMiss("ip_address", "v" + (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(30) + "."
                    + r.nextInt(200), "version string");
            case 1 -> new NearMiss("ip_address", "10.0." + (17000 + r.nextInt(5000)) + "." + (1 + r.nextInt(3000)),
                    "Windows build number");
            default -> new NearMiss("ip_address", (1 + r.nextInt(5)) + "." + r.nextInt(12) + "." + r.nextInt(40) + "."
                    + (100 + r.nextInt(900)), "four-part version");
        };
    }

    public static NearMiss colonTimestamp(Random r) {
        return r.nextBoolean()
                ? new NearMiss("mac_address", (2015 + r.nextInt(9)) + ":" + pad(1 + r.nextInt(12), 2) + ":"
                + pad(1 + r.nextInt(28), 2) + ":" + pad(r.nextInt(24), 2), "colon timestamp")
                : new NearMiss("mac_address", pad(r.nextInt(24), 2) + ":" + pad(r.nextInt(60), 2) + ":" + pad(r.nextInt(60), 2),
                "time of day");
    }

    public static NearMiss dottedDate(Random r) {
        return new NearMiss("date_of_birth", pad(1 + r.nextInt(28), 2) + "." + pad(1 + r.nextInt(12), 2) + "."
                + (2019 + r.nextInt(6)), "ordinary date, no birth context");
    }

    public static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append("0123456789abcdef".charAt(r.nextInt(16)));
        return b.toString();
    }

    public static NearMiss hash(Random r) {
        return r.nextBoolean() ? new NearMiss("mac_address", hex(r, 40), "sha1 hex")
                : new NearMiss("mac_address", hex(r, 64), "sha256 hex");
    }

    public static NearMiss uuid(Random r) {
        String h = hex(r, 32);
        String u = h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-"
                + "89ab".charAt(r.nextInt(4)) + h.substring(17, 20) + "-" + h.substring(20);
        return new NearMiss("mac_address", u, "UUID");
    }

    public static NearMiss invoiceNumber(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> new NearMiss("bank_account", "INV-" + (2019 + r.nextInt(6)) + "-" + pad(r.nextInt(1000000), 6), "invoice number");
            case 1 -> new NearMiss("bank_account", "F" + (2019 + r.nextInt(6)) + "/" + pad(r.nextInt(100000), 5), "invoice number");
            default -> new NearMiss("bank_account", "FAC-" + pad(r.nextInt(100000), 5), "invoice number");
        };
    }

    public static NearMiss orderNumber(Random r) {
        return r.nextBoolean()
                ? new NearMiss("payment_card", "ORD-" + (2019 + r.nextInt(6)) + "-" + pad(r.nextInt(100000), 5), "order number")
                : new NearMiss("payment_card", "SO" + pad(r.nextInt(10000000), 7), "order number");
    }

    /** Unallocated / impossible phone numbers (02 1xx, 0410 mobile range, short). */
    public static NearMiss unallocatedPhone(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new NearMiss("phone", "02 1" + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2), "Brussels subscriber starting with 1 (unallocated)");
            case 1 -> new NearMiss("phone", "04" + (1 + r.nextInt(2)) + "0 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2), "no such mobile range");
            case 2 -> new NearMiss("phone", "0470 " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 1), "one digit short");
            default -> new NearMiss("phone", "06-0" + digits(r, 7), "NL mobile 06-0 not allocated");
        };
    }

    public static NearMiss badEmail(Random r) {
        String[] v = {"jan@localhost", "icon@2x.png", "logo@3x.png", "admin@localhost", "banner@2x.jpg",
                "root@localhost", "sprite@2x.webp"};
        return new NearMiss("email", pick(r, v), "not a deliverable e-mail address");
    }

    public static NearMiss badMac(Random r) {
        return r.nextInt(3) == 0 ? new NearMiss("mac_address", "00:00:00:00:00:00", "null MAC")
                : new NearMiss("mac_address", r.nextBoolean() ? "ff:ff:ff:ff:ff:ff" : "FF-FF-FF-FF-FF-FF", "broadcast MAC");
    }

    public static NearMiss versionLikeIpInUserAgent(Random r) {
        return new NearMiss("ip_address", (100 + r.nextInt(30)) + ".0.0.0", "browser version in user agent");
    }
}
