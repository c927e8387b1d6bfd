package be.inzage.inventory;

/** Masked previews for display: enough to recognise a value, never enough to recover it. */
public final class Masker {

    private Masker() {
    }

    public static String mask(String type, String v) {
        switch (type) {
            case "email": {
                int at = v.indexOf('@');
                if (at < 1) {
                    return stars(v, 1, 0);
                }
                String domain = v.substring(at + 1);
                int dot = domain.lastIndexOf('.');
                String host = dot > 0 ? domain.substring(0, dot) : domain;
                String tld = dot > 0 ? domain.substring(dot) : "";
                return v.charAt(0) + "***@" + host.charAt(0) + "*".repeat(Math.max(1, host.length() - 1)) + tld;
            }
            case "iban":
            case "bank_account": {
                StringBuilder b = new StringBuilder(v.substring(0, 2)).append("**");
                for (int i = 4; i < v.length() - 4; i++) {
                    if ((i % 4) == 0) {
                        b.append(' ');
                    }
                    b.append('*');
                }
                return b.append(' ').append(v.substring(v.length() - 4)).toString();
            }
            case "payment_card":
                return "**** **** **** " + v.substring(v.length() - 4);
            case "phone": {
                // +32475123456 → +32 4** ** ** 56
                int cc = v.startsWith("+32") || v.startsWith("+31") ? 3 : Math.min(3, v.length());
                String rest = v.substring(cc);
                if (rest.length() < 4) {
                    return stars(v, 2, 0);
                }
                return v.substring(0, cc) + " " + rest.charAt(0) + "*".repeat(rest.length() - 3) + " " + rest.substring(rest.length() - 2);
            }
            case "ip_address": {
                if (v.indexOf(':') < 0) {
                    // four dot-separated parts (trailing dots aside, as String.split counts them): the first two kept
                    int end = v.length();
                    while (end > 0 && v.charAt(end - 1) == '.') {
                        end--;
                    }
                    int dots = 0;
                    int second = -1;
                    for (int i = 0; i < end; i++) {
                        if (v.charAt(i) == '.' && ++dots == 2) {
                            second = i;
                        }
                    }
                    return dots == 3 ? v.substring(0, second) + ".***.***" : stars(v, 2, 0);
                }
                int c = v.indexOf(':');
                return v.substring(0, c) + ":****:****";
            }
            case "mac_address":
                return v.length() == 17 ? v.substring(0, 8) + ":**:**:**" : stars(v, 2, 0);
            case "national_id_be":
            case "national_id_nl":
                return "*".repeat(Math.max(0, v.length() - 2)) + v.substring(Math.max(0, v.length() - 2));
            case "date_of_birth":
                return v.length() >= 4 ? v.substring(0, 2) + "**-**-**" : "****";
            case "postal_code":
                return stars(v, 2, 0);
            case "person_name":
            case "address":
            case "job_title": {
                StringBuilder b = new StringBuilder();
                for (String w : v.split(" ")) {
                    if (b.length() > 0) {
                        b.append(' ');
                    }
                    b.append(stars(w, 1, 0));
                }
                return b.toString();
            }
            default:
                return stars(v, 1, 0);
        }
    }

    private static String stars(String v, int keepStart, int keepEnd) {
        if (v.length() <= keepStart + keepEnd) {
            return "*".repeat(v.length());
        }
        return v.substring(0, keepStart) + "*".repeat(v.length() - keepStart - keepEnd) + v.substring(v.length() - keepEnd);
    }
}
