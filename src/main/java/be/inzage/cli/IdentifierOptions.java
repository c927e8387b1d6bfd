package be.inzage.cli;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The subject's identifiers, shared by search and report. */
final class IdentifierOptions {

    @Option(names = "--email", paramLabel = "E") List<String> email;
    @Option(names = "--phone", paramLabel = "P", description = "any notation: +32 475 12 34 56, 0475/12.34.56, 0032...") List<String> phone;
    @Option(names = "--iban", paramLabel = "I", description = "with or without spaces; an old Belgian account number works too") List<String> iban;
    @Option(names = "--ip", paramLabel = "A") List<String> ip;
    @Option(names = "--mac", paramLabel = "M") List<String> mac;
    @Option(names = "--cookie", paramLabel = "C") List<String> cookie;
    @Option(names = "--login", paramLabel = "L") List<String> login;
    @Option(names = "--name", paramLabel = "N") List<String> name;
    @Option(names = "--place", paramLabel = "P", description = "place of residence or address, as written in the source; with --name it makes a name hit strong")
    List<String> place;
    @Option(names = "--national-id", paramLabel = "NR", description = "Belgian national register / BIS number or Dutch BSN, any notation")
    List<String> nationalId;
    @Option(names = "--value", paramLabel = "V", description = "any identifier; its type is detected") List<String> value;
    @Option(names = "--expand", description = "also search the strong identifiers (e-mail, phone, account, login, ...) found in the same records as the subject's, one hop")
    boolean expand;
    @Option(names = "--depth", paramLabel = "N", defaultValue = "1",
            description = "hops --expand follows, each from the identifiers the previous one found (1-3, default 1)")
    int depth;

    /** Correlation hops to follow: 0 without --expand. */
    int hops() {
        if (depth < 1 || depth > be.inzage.subject.SubjectSearch.MAX_DEPTH) {
            throw new Main.UserError("--depth must be between 1 and " + be.inzage.subject.SubjectSearch.MAX_DEPTH);
        }
        return expand ? depth : 0;
    }

    Map<String, List<String>> toMap() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        put(ids, "email", email);
        put(ids, "phone", phone);
        put(ids, "iban", iban);
        put(ids, "ip", ip);
        put(ids, "mac", mac);
        put(ids, "cookie", cookie);
        put(ids, "login", login);
        put(ids, "name", name);
        put(ids, "place", place);
        put(ids, "national_id", nationalId);
        put(ids, "value", value);
        if (ids.isEmpty()) {
            throw new Main.UserError("give at least one identifier (--email, --phone, --iban, --ip, --mac, --cookie, --login, --name, --national-id, --value)");
        }
        return ids;
    }

    private static void put(Map<String, List<String>> ids, String type, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ids.put(type, values);
        }
    }
}
