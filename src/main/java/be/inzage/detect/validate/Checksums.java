package be.inzage.detect.validate;

/** The checksum arithmetic of IDENTIFIERS.md: ISO 7064 mod 97-10, Belgian mod 97, Luhn, Dutch 11-proof. */
public final class Checksums {

    private Checksums() {
    }

    /** ISO 13616 IBAN check on a compact upper-case IBAN: rearranged number mod 97 == 1. */
    public static boolean ibanMod97(String iban) {
        if (iban.length() < 5) {
            return false;
        }
        int rem = 0;
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt((i + 4) % iban.length());
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** Belgian national account check: last two digits = first ten mod 97, 97 when 0. */
    public static boolean belgianAccount(String twelveDigits) {
        if (twelveDigits.length() != 12) {
            return false;
        }
        long first = Long.parseLong(twelveDigits.substring(0, 10));
        int check = Integer.parseInt(twelveDigits.substring(10));
        long mod = first % 97;
        return check == (mod == 0 ? 97 : mod);
    }

    /** IBAN check digits for a country and BBAN. */
    public static String ibanCheckDigits(String country, String bban) {
        String s = country + "00" + bban;
        int rem = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt((i + 4) % s.length());
            rem = c <= '9' ? (rem * 10 + (c - '0')) % 97 : (rem * 100 + (c - 'A' + 10)) % 97;
        }
        int check = 98 - rem;
        return check < 10 ? "0" + check : Integer.toString(check);
    }

    public static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Dutch BSN 11-proof: weights 9..2 and -1 for the last digit. */
    public static boolean elevenProofBsn(String nineDigits) {
        if (nineDigits.length() != 9 || nineDigits.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    public static String digitsOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
