package be.inzage.cli;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract of DESIGN.md section 5 as a user or a script sees it: exit codes, one-line errors, JSON fields. */
class CliTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    /** Scans a folder with the project's rules into a data directory beside it; that directory. */
    static String scanned(Path share) {
        String data = share.resolveSibling("data").toString();
        Run scan = run("scan", share.toString(), "--data", data, "--rules", "rules");
        assertEquals(0, scan.code(), scan.err());
        return data;
    }

    /** The one location a search finds, as JSON (fails on none or several). */
    static JsonObject onlyHit(String data, String option, String value) {
        Run search = run("search", option, value, "--json", "--data", data, "--rules", "rules");
        assertEquals(0, search.code(), search.err());
        List<String> hits = search.out().lines().toList();
        assertEquals(1, hits.size(), value + ": " + search.out());
        return new JsonObject(hits.get(0));
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommandIsListedAndHasItsOwnHelp() {
        // picocli is given only the command being run; usage and `help` still know every command
        Run usage = run("--help");
        assertEquals(0, usage.code());
        for (String c : List.of("scan", "search", "findings", "report", "verify", "audit", "serve", "token", "hash-password",
                "demo")) {
            assertTrue(usage.out().contains("  " + c + " "), c + " listed: " + usage.out());
            Run own = run(c, "--help");
            assertEquals(0, own.code(), c);
            assertTrue(own.out().startsWith("Usage: inzage " + c), own.out());
            assertTrue(run("help", c).out().startsWith("Usage: inzage " + c), c);
        }
        String scanHelp = run("scan", "--help").out();
        for (String kind : List.of("file:///", "log:///", "postgres://", "mysql://", "changed_column=")) {
            assertTrue(scanHelp.contains(kind), "scan --help names " + kind + ": " + scanHelp);
        }
        Run typo = run("sacn", "/tmp");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Unmatched argument") && typo.err().contains("Usage: inzage"), typo.err());
    }

    @Test
    void scanThenSearchAndFindingsAsJson() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("note.txt"), "one\ntwo\nBel me: 0475/12.34.56 of jan.peeters@example.be\n");
        String data = tmp.resolve("data").toString();
        Run scan = run("scan", share.toString(), "--data", data, "--rules", "rules");
        assertEquals(0, scan.code(), scan.err());
        assertTrue(scan.out().contains("1 scanned"), scan.out());

        Run search = run("search", "--value", "+32 475 12 34 56", "--json", "--data", data, "--rules", "rules");
        assertEquals(0, search.code(), search.err());
        List<String> lines = search.out().lines().toList();
        assertEquals(1, lines.size(), search.out());
        JsonObject f = new JsonObject(lines.get(0));
        assertEquals("file", f.getString("kind"));
        assertEquals("phone", f.getString("type"));
        assertEquals("identification", f.getString("category"));
        assertEquals(3, f.getJsonObject("locator").getInteger("line"));
        assertTrue(f.getString("container").endsWith("note.txt"));
        assertTrue(f.getString("source").startsWith("file:///"));
        assertTrue(f.getDouble("confidence") > 0.5 && f.getDouble("confidence") <= 1.0);
        assertEquals("+32 4****** 56", f.getString("masked"));

        Run all = run("findings", "--json", "--data", data);
        assertEquals(0, all.code());
        assertEquals(2, all.out().lines().count(), all.out());
        all.out().lines().forEach(l -> assertTrue(new JsonObject(l).containsKey("masked")));
    }

    @Test
    void phonesLibphonenumberDoesNotHoldValidAreFoundBesideAPhoneWordAndSearchedInAnyNotation() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        // a US number in a fictional range with an extension, a UK drama number, a national number of an unknown
        // region; and the same kind of digits without a phone word, which are no finding
        Files.writeString(share.resolve("contacts.txt"), "Name: A. Smith\nPhone: +1-984-182-0190x565\n"
                + "Mobile: +44 7700 900123\nFax:\n0393 1144137\nOrder 0393 1144138 shipped\n");
        // a phone column says what its cells are, as a phone word does; a German "Telefon" column too
        Files.writeString(share.resolve("export.csv"), "name,phone,order\nB. Jones,(579) 888-3058,5798883059\n");
        Files.writeString(share.resolve("kontakte.csv"), "Name;Telefon\nK. Schmidt;089/1234567\n");
        String data = scanned(share);
        for (String[] q : List.of(new String[] {"--phone", "+1 984 182 0190", "2"}, new String[] {"--phone", "001 (984) 182-0190", "2"},
                new String[] {"--value", "+447700900123", "3"}, new String[] {"--phone", "0393/11.44.137", "5"},
                new String[] {"--value", "0393 1144137", "5"})) {
            JsonObject f = onlyHit(data, q[0], q[1]);
            assertEquals("phone", f.getString("type"), q[1]);
            assertEquals(Integer.parseInt(q[2]), f.getJsonObject("locator").getInteger("line"), q[1]);
        }
        Run unlabelled = run("search", "--phone", "0393 1144138", "--json", "--data", data, "--rules", "rules");
        assertEquals("", unlabelled.out().strip(), "digits without a phone word are not indexed as a phone");
        for (String[] q : List.of(new String[] {"579.888.3058", "export.csv", "phone"}, new String[] {"0891234567", "kontakte.csv", "Telefon"})) {
            JsonObject f = onlyHit(data, "--phone", q[0]);
            assertTrue(f.getString("container").endsWith(q[1]), f.encode());
            assertEquals(q[2], f.getJsonObject("locator").getString("column"), f.encode());
        }
        assertEquals("", run("search", "--phone", "5798883059", "--json", "--data", data, "--rules", "rules").out().strip(),
                "the same digits in another column are not a phone");
    }

    @Test
    void expandFollowsStrongIdentifiersOfTheSameRecordOnly() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("crm.csv"), "naam;email;telefoon\nJan Peeters;jan.peeters@example.be;0475/12.34.56\n"
                + "Els Maes;els.maes@example.be;0486 11 22 33\n");
        Files.writeString(share.resolve("note.txt"), "Terugbellen op 0475 12 34 56 aub.\n");
        Files.writeString(share.resolve("other.txt"), "Mail van els.maes@example.be, gsm 0486 11 22 33.\n");
        String data = scanned(share);

        Run plain = run("search", "--email", "jan.peeters@example.be", "--json", "--data", data, "--rules", "rules");
        assertEquals(1, plain.out().lines().count(), plain.out());

        Run expanded = run("search", "--email", "jan.peeters@example.be", "--expand", "--json", "--data", data, "--rules", "rules");
        List<JsonObject> hits = expanded.out().lines().map(JsonObject::new).toList();
        assertTrue(hits.stream().anyMatch(h -> h.getString("container").endsWith("note.txt") && "expanded".equals(h.getString("match"))
                && h.getString("via").startsWith("phone +32 4")), expanded.out());
        assertTrue(hits.stream().noneMatch(h -> h.getString("container").endsWith("other.txt")), "another subject's data: " + expanded.out());
        assertEquals(1, hits.stream().filter(h -> "direct".equals(h.getString("match"))).count());
    }

    @Test
    void namesAreFoundWithOrWithoutAMiddleInitialInTheNotationsOfLettersAndRegistersAndEncodedMailsInLinks() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("letter.txt"), "Beste Sofie,\nWe spraken met Ella H. Peeters en Velimir R. Janković.\n");
        Files.writeString(share.resolve("register.txt"), "Deelnemers: Van Damme, Jean-Claude; Peeters, Ella\nName: Abbas Kadyrov\n");
        Files.writeString(share.resolve("links.html"), "<p>\n<a href=\"https://shop.example.be/unsubscribe?email=Ella.Peeters%40example.be\">uit</a>\n");
        String data = scanned(share);
        Run mail = run("search", "--email", "ella.peeters@example.be", "--json", "--data", data, "--rules", "rules");
        assertEquals(List.of("links.html:2"), mail.out().lines().map(JsonObject::new).map(h -> Path.of(h.getString("container")).getFileName()
                + ":" + h.getJsonObject("locator").getInteger("line")).toList(), "a URL-encoded e-mail: " + mail.out());
        for (String[] q : List.of(new String[] {"Ella Peeters", "letter.txt:2 register.txt:1"}, new String[] {"Ella H. Peeters", "letter.txt:2 register.txt:1"},
                new String[] {"Velimir Janković", "letter.txt:2"}, new String[] {"Jean-Claude Van Damme", "register.txt:1"},
                new String[] {"Abbas Kadyrov", "register.txt:2"})) {
            Run r = run("search", "--name", q[0], "--json", "--data", data, "--rules", "rules");
            assertEquals(0, r.code(), r.err());
            String where = r.out().lines().map(JsonObject::new).map(h -> Path.of(h.getString("container")).getFileName() + ":"
                    + h.getJsonObject("locator").getInteger("line")).sorted().collect(java.util.stream.Collectors.joining(" "));
            assertEquals(q[1], where, q[0]);
        }
    }

    @Test
    void aNameAloneIsAWeakHitAndANameWithAnotherIdentifierAStrongOne() throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Files.writeString(share.resolve("crm.csv"), "naam;email\nJan Peeters;jan.peeters@example.be\n");
        Files.writeString(share.resolve("other.csv"), "naam;email\nJan Peeters;jp.namesake@example.be\n");
        String data = scanned(share);
        Run r = run("search", "--name", "Jan Peeters", "--email", "jan.peeters@example.be", "--json", "--data", data, "--rules", "rules");
        List<JsonObject> hits = r.out().lines().map(JsonObject::new).toList();
        JsonObject own = hits.stream().filter(h -> h.getString("type").equals("person_name") && h.getString("container").endsWith("crm.csv"))
                .findFirst().orElseThrow();
        JsonObject namesake = hits.stream().filter(h -> h.getString("container").endsWith("other.csv")).findFirst().orElseThrow();
        assertEquals("strong", own.getString("strength"), own.encode());
        assertTrue(own.getString("why").contains("together with the email"), own.encode());
        assertEquals("weak", namesake.getString("strength"), namesake.encode());
    }

    @Test
    void unusableSourceIsOneLineAndExitTwo() {
        Run r = run("scan", tmp.resolve("missing").toString(), "--data", tmp.resolve("d").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("inzage: source not found: "), r.err());

        Run scheme = run("scan", "ftp://host/share", "--data", tmp.resolve("d").toString());
        assertEquals(2, scheme.code());
        assertTrue(scheme.err().contains("unknown source scheme"), scheme.err());
    }

    @Test
    void brokenRulesStopStartUpNamingFileAndRule() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules.resolve("detectors"));
        Files.copy(Path.of("rules/policy.yaml"), rules.resolve("policy.yaml"));
        Files.writeString(rules.resolve("detectors/mine.yaml"),
                "rules:\n  - id: my_rule\n    type: email\n    trigger: at\n    pattern: '(['\n    confidence: 0.9\n"
                        + "    examples: {match: [a@b.be]}\n");
        Run r = run("scan", tmp.toString(), "--rules", rules.toString(), "--data", tmp.resolve("d").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("inzage: mine.yaml: rule 'my_rule': bad 'pattern'"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void searchWithoutInventoryExplains() {
        Run r = run("search", "--email", "x@example.be", "--data", tmp.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("run a scan first"), r.err());
    }
}
