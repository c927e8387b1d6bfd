package be.inzage.subject;

import be.inzage.detect.Detection;
import be.inzage.detect.DetectionEngine;
import be.inzage.detect.Normalize;
import be.inzage.detect.validate.Checksums;
import be.inzage.detect.validate.PossiblePhone;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what an officer types into the canonical forms used at index time, so that
 * "+32 475 12 34 56" finds 0475/12.34.56, "be71 0961..." finds "BE71 0961 ...", and so on.
 * A value can have several readings (a 9-digit number, say); each is searched.
 */
public final class IdentifierNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final DetectionEngine engine;

    /** The identifier types a search takes (CLI options, API fields). */
    public static final java.util.Set<String> TYPES = java.util.Set.of("email", "phone", "iban", "ip", "mac", "cookie", "login",
            "name", "place", "national_id", "value");

    public IdentifierNormalizer(DetectionEngine engine) {
        this.engine = engine;
    }

    public Set<String> normalize(String type, String value) {
        String v = value.strip();
        Set<String> out = new LinkedHashSet<>();
        switch (type) {
            case "email", "login", "cookie" -> out.add(v.toLowerCase(Locale.ROOT));
            case "phone" -> phone(v, out);
            case "iban" -> iban(v, out);
            case "ip" -> ip(v, out);
            case "mac" -> mac(v, out);
            case "name" -> {
                out.add(Normalize.text(v));
                out.add(Normalize.withoutMiddleInitials(Normalize.text(v)));
            }
            case "place" -> out.add(Normalize.text(v));
            case "national_id" -> nationalId(v, out);
            case "value" -> guess(v, out);
            default -> throw new IllegalArgumentException("unknown identifier type: " + type);
        }
        return out;
    }

    private static void phone(String v, Set<String> out) {
        for (String region : new String[] {"BE", "NL"}) {
            try {
                Phonenumber.PhoneNumber n = PHONES.parse(v, region);
                if (PHONES.isValidNumber(n)) {
                    out.add(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            } catch (NumberParseException ignored) {
                // not a phone number in this region
            }
        }
        // numbers found only beside a phone word (another region's, an unallocated range) are indexed this way
        String possible = PossiblePhone.normalize(v);
        if (possible != null) {
            out.add(possible);
        }
    }

    /** Belgian national register / BIS (11 digits) or Dutch BSN (9, or 8 written without its leading zero). */
    private static void nationalId(String v, Set<String> out) {
        String d = Checksums.digitsOnly(v);
        out.add(d);
        if (d.length() == 8) {
            out.add("0" + d);
        }
    }

    private static void iban(String v, Set<String> out) {
        String c = v.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (c.matches("\\d{12}") && Checksums.belgianAccount(c)) {
            out.add("BE" + Checksums.ibanCheckDigits("BE", c) + c);
        } else {
            out.add(c);
        }
    }

    private static void ip(String v, Set<String> out) {
        String s = v.replaceAll("^\\[|\\](:\\d+)?$", "");
        if (s.indexOf(':') >= 0) {
            Normalize.ipv6(s).ifPresent(c -> {
                out.add(c);
                Normalize.mappedIpv4(c).ifPresent(out::add);
            });
        } else {
            out.add(s);
        }
    }

    private static void mac(String v, Set<String> out) {
        String hex = v.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
        if (hex.length() == 12) {
            out.add(Normalize.macFromHex(hex));
        }
    }

    /** --value: let the detectors say what it is; fall back to every plausible reading. */
    private void guess(String v, Set<String> out) {
        for (Detection d : engine.detect(v)) {
            if (d.end() - d.start() >= v.length() * 0.8) {
                out.add(d.normalized());
            }
        }
        if (v.indexOf('@') > 0) {
            out.add(v.toLowerCase(Locale.ROOT));
        }
        phone(v, out);
        if (v.replaceAll("[^A-Za-z0-9]", "").length() >= 12) {
            iban(v, out);
        }
        if (v.matches("[0-9a-fA-F:.%\\[\\]]+") && (v.indexOf('.') > 0 || v.indexOf(':') >= 0)) {
            ip(v, out);
        }
        mac(v, out);
        String digits = Checksums.digitsOnly(v);
        if (digits.length() >= 9 && digits.length() <= 19 && v.matches("[\\d .\\-/]+")) {
            out.add(digits);
        }
        out.add(Normalize.text(v));
    }
}
