package be.inzage.detect.validate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.regex.Pattern;

/**
 * A number written like a phone number that libphonenumber does not hold valid: a national number
 * of a region other than Belgium and the Netherlands, a new or fictional range, a number with an
 * extension. Only a rule that demands a phone word beside it uses this (labelled "Phone:",
 * "call me at"); on its own such a digit group is as likely an order number. International numbers
 * must still be possible for their country code; national ones are kept as their digits, the form
 * a subject search for the same digits produces too.
 */
public final class PossiblePhone {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern EXTENSION = Pattern.compile("\\s?(?:x|ext\\.?\\s?)\\d{1,5}$", Pattern.CASE_INSENSITIVE);
    /** Written like a date (31/12/2023, 2023-12-31, 31.12.2023): never a phone, whatever the word before it. */
    private static final Pattern DATE = Pattern.compile("\\d{1,2}([./-])\\d{1,2}\\1\\d{2,4}|\\d{4}([./-])\\d{1,2}\\2\\d{1,2}");
    /** Written like an amount or a count (1.234.567, 12,345,678.00). */
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,3}(?:([.,])\\d{3})(?:\\1\\d{3})*(?:[.,]\\d{2})?");

    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[\\d.]+");

    private PossiblePhone() {
    }

    /** The canonical form (E.164, or the national digits), or null when it cannot be a phone number. */
    public static String normalize(String raw) {
        String s = EXTENSION.matcher(raw.strip()).replaceFirst("");
        String digits = Checksums.digitsOnly(s);
        if (s.startsWith("+") || s.startsWith("00")) {
            try {
                Phonenumber.PhoneNumber n = UTIL.parse(s.startsWith("00") ? "+" + s.substring(2) : s, "ZZ");
                return UTIL.isPossibleNumber(n) ? UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
            } catch (NumberParseException e) {
                return null;
            }
        }
        if (digits.length() < 7 || digits.length() > 12 || DATE.matcher(s).matches() || AMOUNT.matcher(s).matches() || version(s)
                || digits.chars().distinct().count() == 1) {
            return null;
        }
        return digits;
    }

    /** Digits and dots with a one-digit group: a version (10.4.12.3345), not a phone (01.84.17.61.18). */
    private static boolean version(String s) {
        if (s.indexOf('.') < 0 || !DIGITS_AND_DOTS.matcher(s).matches()) {
            return false;
        }
        for (String g : s.split("\\.")) {
            if (g.length() == 1) {
                return true;
            }
        }
        return false;
    }

    static Checked check(String raw) {
        String n = normalize(raw);
        return n == null ? Checked.reject() : Checked.okIfContext(n);
    }
}
