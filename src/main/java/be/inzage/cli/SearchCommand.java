package be.inzage.cli;

import be.inzage.detect.Rulebook;
import be.inzage.inventory.InventoryIndex;
import be.inzage.inventory.KeyedHasher;
import be.inzage.subject.IdentifierNormalizer;
import be.inzage.subject.SubjectHit;
import be.inzage.subject.SubjectSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Lists every location that holds data of a subject, found by any of the identifiers given.")
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--email", paramLabel = "E") List<String> email;
    @Option(names = "--phone", paramLabel = "P", description = "any notation: +32 475 12 34 56, 0475/12.34.56, 0032...") List<String> phone;
    @Option(names = "--iban", paramLabel = "I", description = "with or without spaces; an old Belgian account number works too") List<String> iban;
    @Option(names = "--ip", paramLabel = "A") List<String> ip;
    @Option(names = "--mac", paramLabel = "M") List<String> mac;
    @Option(names = "--cookie", paramLabel = "C") List<String> cookie;
    @Option(names = "--login", paramLabel = "L") List<String> login;
    @Option(names = "--name", paramLabel = "N") List<String> name;
    @Option(names = "--value", paramLabel = "V", description = "any identifier; its type is detected") List<String> value;
    @Option(names = "--expand", description = "also search the strong identifiers (e-mail, phone, account, login, ...) found in the same records as the subject's, one hop") boolean expand;
    @Option(names = "--json", description = "one JSON object per line") boolean json;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        put(ids, "email", email);
        put(ids, "phone", phone);
        put(ids, "iban", iban);
        put(ids, "ip", ip);
        put(ids, "mac", mac);
        put(ids, "cookie", cookie);
        put(ids, "login", login);
        put(ids, "name", name);
        put(ids, "value", value);
        if (ids.isEmpty()) {
            throw new Main.UserError("give at least one identifier (--email, --phone, --iban, --ip, --mac, --cookie, --login, --name, --value)");
        }
        List<SubjectHit> found;
        Rulebook rules = Rulebook.load(common.rules);
        if (!Files.exists(common.dataDir().keyFile()) && System.getenv(KeyedHasher.ENV) == null) {
            throw new Main.UserError("no inventory in " + common.dataDir().root() + " (run a scan first)");
        }
        KeyedHasher hasher = KeyedHasher.open(common.dataDir().keyFile());
        try (InventoryIndex index = openReader()) {
            found = new SubjectSearch(index, hasher, new IdentifierNormalizer(rules.engine())).search(ids, expand);
        }
        for (SubjectHit h : found) {
            if (json) {
                System.out.println(h.toJson().encode());
            } else {
                Output.print(h.finding(), false);
                if (h.via() != null) {
                    System.out.println("    via " + h.via());
                }
            }
        }
        if (!json) {
            System.out.println(found.size() + " location(s)");
        }
        return 0;
    }

    private InventoryIndex openReader() {
        try {
            return InventoryIndex.openReader(common.dataDir().index());
        } catch (IOException e) {
            throw new Main.UserError(e.getMessage());
        }
    }

    private static void put(Map<String, List<String>> ids, String type, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ids.put(type, values);
        }
    }
}
