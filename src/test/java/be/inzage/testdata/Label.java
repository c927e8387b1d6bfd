package be.inzage.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One planted, labelled personal-data occurrence.
 *
 * @param file       path relative to the corpus root, '/' separated
 * @param line       1-based line number; {@code value} is an exact substring of that line
 * @param type       one of email, phone, iban, bank_account, payment_card, ip_address, mac_address,
 *                   person_name, address, postal_code, login, job_title, national_id_be, national_id_nl,
 *                   date_of_birth
 * @param value      the exact text as printed in the file
 * @param normalized canonical form (see {@link ValidValues})
 */
public record Label(String file, int line, String type, String value, String normalized) {

    public static final List<String> TYPES = List.of("email", "phone", "iban", "bank_account", "payment_card",
            "ip_address", "mac_address", "person_name", "address", "postal_code", "login", "job_title",
            "national_id_be", "national_id_nl", "date_of_birth");

    /** One JSON object, no trailing newline. */
    public String toJson() {
        return "{\"file\":" + Json.str(file) + ",\"line\":" + line + ",\"type\":" + Json.str(type)
                + ",\"value\":" + Json.str(value) + ",\"normalized\":" + Json.str(normalized) + "}";
    }

    public static Label fromJson(String json) {
        Map<String, String> m = Json.parseFlat(json);
        return new Label(m.get("file"), Integer.parseInt(m.get("line")), m.get("type"), m.get("value"),
                m.get("normalized"));
    }

    /** Reads a labels.jsonl file (one flat JSON object per line; blank lines ignored). */
    public static List<Label> read(Path labelsJsonl) {
        try {
            List<Label> out = new ArrayList<>();
            for (String l : Files.readAllLines(labelsJsonl, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) out.add(fromJson(l));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes labels as JSON lines (LF, UTF-8). */
    public static void write(Path labelsJsonl, List<Label> labels) {
        StringBuilder b = new StringBuilder(labels.size() * 120);
        for (Label l : labels) b.append(l.toJson()).append('\n');
        try {
            Files.writeString(labelsJsonl, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
