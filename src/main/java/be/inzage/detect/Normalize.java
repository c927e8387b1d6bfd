package be.inzage.detect;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Canonical forms, identical at index time and at search time (IDENTIFIERS.md section 0). */
public final class Normalize {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private Normalize() {
    }

    /** Lower case, accents stripped, single spaces: names, addresses, logins, job titles. */
    public static String text(String s) {
        String t = s.strip();
        boolean ascii = true;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) > 127) {
                ascii = false;
                break;
            }
        }
        if (!ascii) {
            t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("");
        }
        return SPACES.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /**
     * A normalised name without its middle initials ("ella h. snider" as "ella snider"): the form both a
     * finding and a search keep, so a name is found whether or not either wrote the initial.
     */
    public static String withoutMiddleInitials(String name) {
        String[] w = name.split(" ");
        if (w.length < 3) {
            return name;
        }
        StringBuilder b = new StringBuilder(w[0]);
        for (int i = 1; i < w.length; i++) {
            boolean initial = i < w.length - 1 && (w[i].length() == 1 || (w[i].length() == 2 && w[i].charAt(1) == '.'))
                    && Character.isLetter(w[i].charAt(0));
            if (!initial) {
                b.append(' ').append(w[i]);
            }
        }
        return b.toString();
    }

    /**
     * RFC 5952 text of an IPv6 address that has already passed validation (no DNS lookups:
     * a literal never resolves). IPv4-mapped addresses keep their dotted tail.
     */
    public static Optional<String> ipv6(String literal) {
        String s = literal;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        try {
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 4) {
                return Optional.of("::ffff:" + (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255));
            }
            return Optional.of(rfc5952(b));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    static String rfc5952(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** Whether the canonical IPv6 text is an IPv4-mapped address; gives the IPv4 part. */
    public static Optional<String> mappedIpv4(String canonicalV6) {
        if (canonicalV6.startsWith("::ffff:") && canonicalV6.indexOf('.') > 0) {
            return Optional.of(canonicalV6.substring(7));
        }
        return Optional.empty();
    }

    public static String macFromHex(String hex12) {
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex12, i, i + 2);
        }
        return b.toString();
    }

    /** IPv6 literal check used when an address arrives as a search value. */
    public static boolean isIpv6Literal(String s) {
        try {
            return s.indexOf(':') >= 0 && InetAddress.getByName(s) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
