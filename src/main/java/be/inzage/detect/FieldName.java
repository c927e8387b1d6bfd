package be.inzage.detect;

import java.util.Locale;
import java.util.Set;

/**
 * A field name split into lower-case tokens ("billingEmail" → _billing_email_), so rule hints
 * match whole tokens: "mail" matches "e_mail" but "email" does not match "emailed_at".
 */
public final class FieldName {

    /** Names that look like hints but name something else (a host, a file, a company). */
    private static final Set<String> NOT_PERSONAL = Set.of("filename", "file_name", "hostname", "host_name",
            "tablename", "table_name", "company_name", "companyname", "bedrijfsnaam", "bedrijf_naam",
            "product_name", "productname", "user_agent", "domain_name", "server_name", "sheet_name");

    private final String raw;
    private final String tokens;
    private final boolean notPersonal;

    public FieldName(String raw) {
        this.raw = raw;
        String spaced = raw.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String joined = String.join("_", spaced.split("[^\\p{L}\\p{N}]+"));
        this.tokens = "_" + Fold.fold(joined).replaceAll("^_+|_+$", "") + "_";
        this.notPersonal = NOT_PERSONAL.contains(tokens.substring(1, tokens.length() - 1));
    }

    public static FieldName of(String raw) {
        return raw == null || raw.isBlank() ? null : new FieldName(raw);
    }

    public boolean has(String hint) {
        return !notPersonal && tokens.contains("_" + hint + "_");
    }

    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }
}
