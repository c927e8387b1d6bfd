package be.inzage.testdata;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates a corpus (default 200 files, 1-8 KB each, into /tmp/corpus-check) and verifies it with code that is
 * independent of the generator: every label's value occurs on its line, checksums re-validated, normalised
 * forms re-derived, context present where required, near misses really invalid, no unlabelled valid
 * identifiers, near misses ≥ true values per checksum type, and byte-identical output for a second run.
 *
 * <pre>java be.inzage.testdata.SelfCheck [OUTDIR [FILES [TARGET_BYTES [SEED]]]]</pre>
 */
public final class SelfCheck {
    private SelfCheck() {}

    private static final List<String> errors = new ArrayList<>();

    private static void fail(String msg) {
        if (errors.size() < 200) System.err.println("FAIL: " + msg);
        errors.add(msg);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/corpus-check");
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long bytes = args.length > 2 ? Long.parseLong(args[2]) : 0;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : CorpusGenerator.DEFAULT_SEED;
        Path out2 = Path.of(out + "-rerun");
        clean(out);
        clean(out2);

        List<Label> labels = CorpusGenerator.generate(out, seed, files, bytes);
        List<Label> read = Label.read(out.resolve("labels.jsonl"));
        if (!labels.equals(read)) fail("labels returned by generate() differ from labels.jsonl");

        Map<String, List<String>> fileLines = new HashMap<>();
        long totalBytes = 0;
        int fileCount = 0;
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (rel.equals("labels.jsonl") || rel.equals("nearmisses.jsonl")) continue;
                byte[] b = Files.readAllBytes(p);
                totalBytes += b.length;
                fileCount++;
                String text = new String(b, StandardCharsets.UTF_8);
                if (text.indexOf('\r') >= 0) fail(rel + ": CR found (LF line endings expected)");
                if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), b)) fail(rel + ": not valid UTF-8");
                fileLines.put(rel, Arrays.asList(text.split("\n", -1)));
            }
        }
        if (fileCount != files) fail("expected " + files + " files, found " + fileCount);

        // ---- labels
        Map<String, Map<Integer, List<Label>>> byLine = new HashMap<>();
        for (Label l : labels) {
            byLine.computeIfAbsent(l.file(), k -> new HashMap<>()).computeIfAbsent(l.line(), k -> new ArrayList<>()).add(l);
            List<String> lines = fileLines.get(l.file());
            if (lines == null) { fail("label for missing file " + l); continue; }
            if (l.line() < 1 || l.line() > lines.size()) { fail("line out of range " + l); continue; }
            String line = lines.get(l.line() - 1);
            if (!line.contains(l.value())) { fail("value not on line: " + l + " | " + line); continue; }
            if (!Label.TYPES.contains(l.type())) fail("unknown type " + l);
            String err = validate(l, lines);
            if (err != null) fail(err + ": " + l);
        }

        // ---- near misses
        List<Map<String, String>> nms = new ArrayList<>();
        for (String s : Files.readAllLines(out.resolve("nearmisses.jsonl"), StandardCharsets.UTF_8))
            if (!s.isBlank()) nms.add(Json.parseFlat(s));
        Map<String, Map<Integer, List<String>>> nmByLine = new HashMap<>();
        for (Map<String, String> n : nms) {
            String file = n.get("file");
            int line = Integer.parseInt(n.get("line"));
            String v = n.get("value");
            nmByLine.computeIfAbsent(file, k -> new HashMap<>()).computeIfAbsent(line, k -> new ArrayList<>()).add(v);
            List<String> lines = fileLines.get(file);
            if (lines == null || line < 1 || line > lines.size() || !lines.get(line - 1).contains(v)) {
                fail("near miss not on its line: " + n);
                continue;
            }
            String bad = nearMissStillValid(n.get("imitates"), v, n.get("reason"));
            if (bad != null) fail("near miss is valid (" + bad + "): " + n);
        }

        // ---- counts and balance
        Map<String, Integer> count = new TreeMap<>(), nmCount = new TreeMap<>();
        for (Label l : labels) count.merge(l.type(), 1, Integer::sum);
        for (Map<String, String> n : nms) nmCount.merge(n.get("imitates"), 1, Integer::sum);
        for (String t : CorpusGenerator.CHECKSUM_TYPES) {
            int a = count.getOrDefault(t, 0), b = nmCount.getOrDefault(t, 0);
            if (b < a) fail("near misses (" + b + ") < labels (" + a + ") for " + t);
        }
        for (String t : Label.TYPES) if (count.getOrDefault(t, 0) == 0) fail("no labels of type " + t);

        // ---- stray identifiers and digits in filler
        int strays = 0;
        for (Map.Entry<String, List<String>> e : fileLines.entrySet()) {
            String file = e.getKey();
            boolean prose = file.endsWith(".txt") || file.endsWith(".md");
            for (int i = 0; i < e.getValue().size(); i++) {
                String line = e.getValue().get(i);
                List<Label> ls = byLine.getOrDefault(file, Map.of()).getOrDefault(i + 1, List.of());
                List<String> ns = nmByLine.getOrDefault(file, Map.of()).getOrDefault(i + 1, List.of());
                for (String s : strayIdentifiers(line)) {
                    boolean covered = ls.stream().anyMatch(l -> overlaps(l.value(), s)) || ns.stream().anyMatch(n -> overlaps(n, s));
                    if (!covered) { strays++; fail("unlabelled identifier '" + s + "' in " + file + ":" + (i + 1) + " | " + line); }
                }
                if (prose && ls.isEmpty() && ns.isEmpty() && line.chars().anyMatch(Character::isDigit))
                    fail("digits in unlabelled prose line " + file + ":" + (i + 1) + " | " + line);
            }
        }

        // ---- determinism
        CorpusGenerator.generate(out2, seed, files, bytes);
        compareTrees(out, out2);

        System.out.printf(Locale.ROOT, "files=%d bytes=%d labels=%d nearmisses=%d strays=%d%n", fileCount, totalBytes,
                labels.size(), nms.size(), strays);
        System.out.printf(Locale.ROOT, "%-16s %8s %11s%n", "type", "labels", "nearmisses");
        for (String t : Label.TYPES)
            System.out.printf(Locale.ROOT, "%-16s %8d %11d%n", t, count.getOrDefault(t, 0), nmCount.getOrDefault(t, 0));
        if (!errors.isEmpty()) {
            System.out.println("SELF-CHECK FAILED: " + errors.size() + " problem(s)");
            System.exit(1);
        }
        System.out.println("SELF-CHECK OK");
    }

    static boolean overlaps(String labelValue, String match) {
        return labelValue.contains(match) || match.contains(labelValue);
    }

    /** Deletes a previous check output (only directories that look like a generated corpus). */
    static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            boolean empty = s.findAny().isEmpty();
            if (!empty && !Files.exists(dir.resolve("labels.jsonl")))
                throw new IllegalStateException(dir + " exists and is not a generated corpus; refusing to delete");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator)
                Files.delete(p);
        }
    }

    static void compareTrees(Path a, Path b) throws IOException {
        List<Path> fa, fb;
        try (Stream<Path> s = Files.walk(a)) { fa = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList(); }
        try (Stream<Path> s = Files.walk(b)) { fb = s.filter(Files::isRegularFile).map(b::relativize).sorted().toList(); }
        if (!fa.equals(fb)) { fail("determinism: file lists differ"); return; }
        for (Path p : fa)
            if (!Arrays.equals(Files.readAllBytes(a.resolve(p)), Files.readAllBytes(b.resolve(p))))
                fail("determinism: " + p + " differs between runs");
    }

    // =================================================================== independent validators
    static String digitsOf(String s) { return s.replaceAll("\\D", ""); }

    static final Map<String, Integer> IBAN_LEN = Map.of("BE", 16, "NL", 18, "LU", 20, "DE", 22, "FR", 27);

    static int mod97(String s) {
        int rem = 0;
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') rem = (rem * 10 + (c - '0')) % 97;
            else if (c >= 'A' && c <= 'Z') rem = (rem * 100 + (c - 'A' + 10)) % 97;
            else return -1;
        }
        return rem;
    }

    /** null when valid, otherwise the reason. */
    static String ibanProblem(String printed) {
        String c = printed.replace(" ", "").replace("-", "").replace(".", "").toUpperCase(Locale.ROOT);
        if (c.length() < 5) return "too short";
        Integer len = IBAN_LEN.get(c.substring(0, 2));
        if (len == null) return "country";
        if (c.length() != len) return "length";
        if (mod97(c.substring(4) + c.substring(0, 4)) != 1) return "mod97";
        if (c.startsWith("BE")) {
            long first10 = Long.parseLong(c.substring(4, 14));
            int nc = Integer.parseInt(c.substring(14));
            if ((first10 % 97 == 0 ? 97 : first10 % 97) != nc) return "BE national check";
        }
        if (c.startsWith("FR")) {
            String bban = c.substring(4);
            String map = "12345678912345678923456789";
            StringBuilder acc = new StringBuilder();
            for (char ch : bban.substring(10, 21).toCharArray()) acc.append(Character.isDigit(ch) ? ch : map.charAt(ch - 'A'));
            long v = 89L * Long.parseLong(bban.substring(0, 5)) + 15L * Long.parseLong(bban.substring(5, 10))
                    + 3L * Long.parseLong(acc.toString()) + Long.parseLong(bban.substring(21));
            if (v % 97 != 0) return "RIB key";
        }
        if (c.startsWith("NL") && !List.of("ABNA", "INGB", "RABO", "TRIO", "SNSB").contains(c.substring(4, 8))) return "NL bank";
        return null;
    }

    static boolean luhn(String d) {
        int sum = 0;
        int parity = d.length() % 2;
        for (int i = 0; i < d.length(); i++) {
            int x = d.charAt(i) - '0';
            if (i % 2 == parity) { x *= 2; if (x > 9) x -= 9; }
            sum += x;
        }
        return sum % 10 == 0;
    }

    static boolean hasIin(String d) {
        int n = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2)), p4 = Integer.parseInt(d.substring(0, 4));
        int p3 = Integer.parseInt(d.substring(0, 3));
        if (d.startsWith("4")) return n == 13 || n == 16 || n == 19;
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;
        if (p2 == 34 || p2 == 37) return n == 15;
        if (List.of(5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763, 6703).contains(p4)) return n >= 12 && n <= 19;
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return n >= 16 && n <= 19;
        if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19;
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return n >= 14 && n <= 19;
        if (p2 == 62 || p2 == 81) return n >= 16 && n <= 19; // UnionPay
        return false;
    }

    static String rrnProblem(String printed) {
        String d = digitsOf(printed);
        if (d.length() != 11) return "length";
        int yy = Integer.parseInt(d.substring(0, 2)), mm = Integer.parseInt(d.substring(2, 4)), dd = Integer.parseInt(d.substring(4, 6));
        int realMonth = mm >= 40 ? mm - 40 : mm >= 20 ? mm - 20 : mm;
        if (realMonth > 12 || (mm > 12 && mm < 20) || (mm > 32 && mm < 40) || mm > 52) return "month";
        if (dd > 31) return "day";
        long n9 = Long.parseLong(d.substring(0, 9));
        int cc = Integer.parseInt(d.substring(9));
        boolean old = 97 - n9 % 97 == cc;
        boolean young = 2000 + yy <= 2025 && 97 - (2_000_000_000L + n9) % 97 == cc;
        if (!old && !young) return "check";
        return null;
    }

    static boolean bsn(String d) {
        if (d.length() != 9 || d.equals("000000000")) return false;
        int s = 0;
        for (int i = 0; i < 9; i++) s += (i == 8 ? -1 : 9 - i) * (d.charAt(i) - '0');
        return s % 11 == 0;
    }

    static final Pattern EMAIL = Pattern.compile(
            "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\\.(be|nl|fr|com|eu)$");
    static final Pattern MAC_FORMS = Pattern.compile(
            "[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");
    static final Pattern POSTCODE_NL = Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}");
    static final Pattern POSTCODE_BE = Pattern.compile("(B-)?[1-9]\\d{3}");
    static final Pattern RRN_FORMS = Pattern.compile(
            "\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}|\\d{6} \\d{3} \\d{2}|\\d{6}-\\d{3}-\\d{2}|\\d{11}");
    static final Pattern BSN_FORMS = Pattern.compile("\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3}|\\d{3} \\d{3} \\d{3}");
    static final Pattern DUTCH_STREET = Pattern.compile(
            "\\p{Lu}[\\p{L}' .-]*(straat|laan|weg|plein|dreef|steenweg|lei|kaai|kade|gracht|singel|dijk) \\d{1,4}( bus \\d{1,2})?");
    static final Pattern FRENCH_STREET = Pattern.compile(
            "(Rue|Avenue|Boulevard|Chaussée|Place|Quai|Chemin) [\\p{L}' -]+ \\d{1,4}( bte \\d{1,2})?");
    static final Map<String, String[]> CONTEXT = Map.of(
            "login", new String[]{"gebruikersnaam", "username", "identifiant", "nom d'utilisateur", "login"},
            "job_title", new String[]{"functie", "fonction", "poste", "job title", "job_title", "jobtitle", "position"},
            "national_id_nl", new String[]{"bsn", "burgerservicenummer", "service citoyen", "citizen service"},
            "date_of_birth", new String[]{"geboortedatum", "geboren", "date de naissance", "date_naissance", "né le", "née le",
                    "date of birth", "date_of_birth", "born", "birthdate", "birth_date", "dob"});

    static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{InCombiningDiacriticalMarks}", "");
    }

    /** Canonical IPv6 text from raw bytes via the classic "longest :0:0 run" replacement. */
    static String canonicalV6(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) s.append(':');
            s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
        }
        String full = ":" + s + ":";
        String best = null;
        Matcher m = Pattern.compile("(?<=:)0(:0)+(?=:)").matcher(full);
        while (m.find()) if (best == null || m.group().length() > best.length()) best = m.group();
        if (best == null) return s.toString();
        int i = full.indexOf(":" + best + ":");
        String r = full.substring(0, i) + "::" + full.substring(i + best.length() + 2);
        if (r.startsWith(":") && !r.startsWith("::")) r = r.substring(1);
        if (r.endsWith(":") && !r.endsWith("::")) r = r.substring(0, r.length() - 1);
        return r;
    }

    static boolean hasContext(String type, Label l, List<String> lines) {
        String[] kws = CONTEXT.get(type);
        String line = lines.get(l.line() - 1).toLowerCase(Locale.ROOT);
        String ctx = line;
        if (l.file().endsWith(".csv")) ctx = lines.get(0).toLowerCase(Locale.ROOT);
        if (line.startsWith("|")) { // markdown table: the header row names the column
            int i = l.line() - 1;
            while (i > 0 && lines.get(i - 1).startsWith("|")) i--;
            ctx = lines.get(i).toLowerCase(Locale.ROOT);
        }
        for (String k : kws) if (ctx.contains(k)) return true;
        return false;
    }

    /** Re-validates one label; returns null when fine. */
    static String validate(Label l, List<String> lines) {
        String v = l.value(), n = l.normalized();
        switch (l.type()) {
            case "iban" -> {
                String p = ibanProblem(v);
                if (p != null) return "invalid IBAN (" + p + ")";
                if (!n.equals(v.replace(" ", ""))) return "IBAN normalisation";
            }
            case "bank_account" -> {
                if (!v.matches("\\d{3}-\\d{7}-\\d{2}")) return "old account format";
                String d = digitsOf(v);
                long f10 = Long.parseLong(d.substring(0, 10));
                if ((f10 % 97 == 0 ? 97 : f10 % 97) != Integer.parseInt(d.substring(10))) return "old account check";
                if (!n.startsWith("BE") || !n.substring(4).equals(d) || ibanProblem(n) != null) return "old account → IBAN";
            }
            case "payment_card" -> {
                String d = digitsOf(v);
                if (!luhn(d)) return "Luhn";
                if (!hasIin(d)) return "IIN";
                if (!n.equals(d)) return "card normalisation";
                if (!v.matches("\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}|\\d{4}([ -])\\d{6}\\2\\d{5}")) return "card grouping";
            }
            case "national_id_be" -> {
                String p = rrnProblem(v);
                if (p != null) return "invalid RRN/BIS (" + p + ")";
                if (!RRN_FORMS.matcher(v).matches()) return "RRN print form";
                if (!n.equals(digitsOf(v))) return "RRN normalisation";
            }
            case "national_id_nl" -> {
                if (!bsn(digitsOf(v))) return "BSN 11-proof";
                if (!BSN_FORMS.matcher(v).matches()) return "BSN print form";
                if (!n.equals(digitsOf(v))) return "BSN normalisation";
                if (!hasContext(l.type(), l, lines)) return "BSN without context";
            }
            case "phone" -> {
                if (!n.matches("\\+(32|31)\\d{8,9}")) return "E.164 form";
                String nsn = n.substring(3);
                boolean be = n.startsWith("+32");
                if (be) {
                    boolean mobile = nsn.length() == 9 && nsn.matches("4(7\\d|8[4-9]|9\\d)\\d{6}");
                    boolean land = nsn.length() == 8 && nsn.matches("([23][2-7]\\d{6})|(9[2-4]\\d{6})|((16|11)[2-8]\\d{5})");
                    if (!mobile && !land) return "BE range";
                } else if (!nsn.matches("6[1-5]\\d{7}|(20|10|30)[2-9]\\d{6}")) return "NL range";
                String d = v.replace("(0)", "");
                String digits = digitsOf(d);
                if (d.startsWith("+")) digits = digits.substring(2);
                else if (digits.startsWith("00")) digits = digits.substring(4);
                else if (digits.startsWith("0")) digits = digits.substring(1);
                else if (digits.length() == 11) digits = digits.substring(2); // compact E.164 without plus? not produced
                if (!digits.equals(nsn)) return "phone digits vs E.164";
            }
            case "email" -> {
                if (!EMAIL.matcher(v).matches()) return "e-mail syntax";
                if (!n.equals(v.toLowerCase(Locale.ROOT))) return "e-mail normalisation";
            }
            case "ip_address" -> {
                try {
                    byte[] a = InetAddress.getByName(v).getAddress(), b = InetAddress.getByName(n).getAddress();
                    if (!Arrays.equals(a, b)) return "IP value/normalised differ";
                    if (v.contains(":")) {
                        if (a.length == 4) { if (!n.equals("::ffff:" + InetAddress.getByName(v).getHostAddress())) return "mapped form"; }
                        else if (!n.equals(canonicalV6(a))) return "RFC 5952 (expected " + canonicalV6(a) + ")";
                    } else {
                        if (!v.equals(n) || !v.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"))
                            return "IPv4 form";
                    }
                } catch (Exception e) {
                    return "unparsable IP";
                }
            }
            case "mac_address" -> {
                if (!MAC_FORMS.matcher(v).matches()) return "MAC print form";
                String hex = v.replaceAll("[:.-]", "").toLowerCase(Locale.ROOT);
                StringBuilder colon = new StringBuilder();
                for (int i = 0; i < 12; i += 2) colon.append(i > 0 ? ":" : "").append(hex, i, i + 2);
                if (!n.equals(colon.toString())) return "MAC normalisation";
                if ((Integer.parseInt(hex.substring(0, 2), 16) & 1) != 0) return "multicast MAC";
                if (!hex.matches(".*[a-f].*")) return "MAC without a-f";
            }
            case "person_name" -> {
                String e = stripAccents(v).toLowerCase(Locale.ROOT).trim().replaceAll(" +", " ");
                if (!n.equals(e)) return "name normalisation";
                if (v.chars().anyMatch(Character::isDigit)) return "digit in name";
            }
            case "address" -> {
                if (!DUTCH_STREET.matcher(v).matches() && !FRENCH_STREET.matcher(v).matches()) return "address form";
                String base = v.replaceAll(" (bus|bte) \\d+$", "");
                if (!n.equals(base.toLowerCase(Locale.ROOT))) return "address normalisation";
            }
            case "postal_code" -> {
                if (POSTCODE_NL.matcher(v).matches()) {
                    String c = v.replace(" ", "");
                    if (c.endsWith("SA") || c.endsWith("SD") || c.endsWith("SS")) return "NL SA/SD/SS";
                    if (!n.equals(c)) return "NL postcode normalisation";
                } else if (POSTCODE_BE.matcher(v).matches()) {
                    int c = Integer.parseInt(v.replace("B-", ""));
                    if (c < 1000 || c > 9992) return "BE range";
                    if (!n.equals(Integer.toString(c))) return "BE postcode normalisation";
                } else return "postcode form";
                String line = lines.get(l.line() - 1);
                boolean town = false;
                for (int at = line.indexOf(v); at >= 0 && !town; at = line.indexOf(v, at + 1)) {
                    String after = line.substring(at + v.length()).replaceFirst("^(\",\"city\":\"|[\"';,: ]+)", "");
                    town = !after.isEmpty() && Character.isUpperCase(after.charAt(0));
                }
                if (l.file().endsWith(".json")) town = l.line() < lines.size() && lines.get(l.line()).contains("\"city\"");
                if (!town) return "postcode not followed by a town";
            }
            case "login" -> {
                if (!n.equals(v.toLowerCase(Locale.ROOT))) return "login normalisation";
                if (!hasContext(l.type(), l, lines)) return "login without context";
            }
            case "job_title" -> {
                if (!n.equals(v.toLowerCase(Locale.ROOT))) return "job normalisation";
                if (!hasContext(l.type(), l, lines)) return "job title without context";
            }
            case "date_of_birth" -> {
                LocalDate d = parseDate(v);
                if (d == null) return "unparsable date";
                if (!n.equals(d.toString())) return "DOB normalisation";
                if (!hasContext(l.type(), l, lines)) return "DOB without context";
            }
            default -> { return "unexpected type"; }
        }
        return null;
    }

    static final List<String> MONTHS = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december", "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
            "août", "septembre", "octobre", "novembre", "décembre", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");

    static LocalDate parseDate(String v) {
        try {
            Matcher m;
            if ((m = Pattern.compile("(\\d{2})[/-](\\d{2})[/-](\\d{4})").matcher(v)).matches())
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            if ((m = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})").matcher(v)).matches())
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if ((m = Pattern.compile("(\\d{1,2}) (\\p{L}+) (\\d{4})").matcher(v)).matches()) {
                int idx = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
                if (idx < 0) return null;
                return LocalDate.of(Integer.parseInt(m.group(3)), idx % 12 + 1, Integer.parseInt(m.group(1)));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Returns null when the near miss is indeed not a valid identifier of the imitated type. */
    static String nearMissStillValid(String imitates, String v, String reason) {
        switch (imitates) {
            case "iban" -> { if (ibanProblem(v) == null) return "valid IBAN"; }
            case "bank_account" -> {
                if (v.matches("\\d{3}-\\d{7}-\\d{2}")) {
                    String d = digitsOf(v);
                    long f10 = Long.parseLong(d.substring(0, 10));
                    if ((f10 % 97 == 0 ? 97 : f10 % 97) == Integer.parseInt(d.substring(10))) return "valid old account";
                } else if (v.startsWith("+++") && !v.matches("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+")) return "bad OGM form";
            }
            case "payment_card" -> {
                String d = digitsOf(v);
                if (d.length() >= 12 && luhn(d) && hasIin(d)) return "valid card";
            }
            case "national_id_be" -> { if (rrnProblem(v) == null) return "valid RRN/BIS"; }
            case "national_id_nl" -> { if (reason.contains("11-proof") && bsn(digitsOf(v))) return "valid BSN"; }
            case "email" -> { if (EMAIL.matcher(v).matches()) return "valid e-mail"; }
            case "mac_address" -> {
                if (MAC_FORMS.matcher(v).matches()) {
                    String hex = v.replaceAll("[:.-]", "").toLowerCase(Locale.ROOT);
                    if (!hex.equals("ffffffffffff") && !hex.equals("000000000000")) return "valid MAC";
                }
            }
            case "phone" -> {
                String d = digitsOf(v);
                if (d.matches("04[5-9]\\d{7}|0(?!4[5-9])[2-9][2-9]\\d{6}|06[1-5]\\d{7}")) return "looks allocated";
            }
            default -> { }
        }
        return null;
    }

    // =================================================================== stray detection
    static final Pattern S_IBAN = Pattern.compile("\\b(BE|NL|LU|DE|FR)\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\\b");
    static final Pattern S_EMAIL = Pattern.compile(
            "(?<![\\w.+%-])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}(?![\\w-])");
    static final Pattern S_CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){11,18}\\d(?!\\d)");
    static final Pattern S_MAC = Pattern.compile("(?<![0-9A-Fa-f:.-])(?:" + MAC_FORMS.pattern() + ")(?![0-9A-Fa-f:.-])");
    static final Pattern S_RRN = Pattern.compile("(?<!\\d)\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}(?!\\d)");
    static final Pattern S_IPV4 = Pattern.compile(
            "(?<![\\d.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?![\\d.])");

    /** Valid-looking identifiers found by simple scanners in a line. */
    static List<String> strayIdentifiers(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = S_IBAN.matcher(line);
        while (m.find()) if (ibanProblem(m.group()) == null) out.add(m.group());
        m = S_EMAIL.matcher(line);
        while (m.find()) out.add(m.group());
        m = S_CARD.matcher(line);
        while (m.find()) {
            String d = digitsOf(m.group());
            if (luhn(d) && hasIin(d) && m.group().matches("\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}|\\d{4}([ -])\\d{6}\\2\\d{5}|\\d{13,19}"))
                out.add(m.group());
        }
        m = S_MAC.matcher(line);
        while (m.find()) out.add(m.group());
        m = S_RRN.matcher(line);
        while (m.find()) if (rrnProblem(m.group()) == null) out.add(m.group());
        m = S_IPV4.matcher(line);
        while (m.find()) out.add(m.group());
        return out;
    }
}
