package be.inzage.testdata;

import be.inzage.testdata.Doc.PlantedNearMiss;
import be.inzage.testdata.NearMisses.NearMiss;
import be.inzage.testdata.ValidValues.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static be.inzage.testdata.Doc.t;
import static be.inzage.testdata.ValidValues.pad;
import static be.inzage.testdata.ValidValues.pick;

/**
 * Deterministic generator of a labelled personal-data corpus (prose mails/letters/notes in nl/fr/en, CSV,
 * JSON, JSONL and log files). Same (seed, files, targetBytes) → byte-identical output.
 *
 * <p>Writes the corpus files under {@code outDir/batch-NNN/}, plus {@code outDir/labels.jsonl} (one
 * {@link Label} per line) and {@code outDir/nearmisses.jsonl} (planted look-alikes that are NOT labelled).
 * Exclude those two files when scanning the corpus.
 *
 * <pre>java be.inzage.testdata.CorpusGenerator OUTDIR FILES TARGET_BYTES [SEED]</pre>
 */
public final class CorpusGenerator {
    private CorpusGenerator() {}

    public static final long DEFAULT_SEED = 20240501L;
    /** Above this many bytes in a file, identifiers are planted sparsely. */
    static final int DENSE = 8192;
    /** Maximum size of record-per-line files (CSV/JSON/JSONL/access logs) when a byte target is given. */
    static final long RECORD_FILE_CAP = 8 * 1024;
    static final int FILES_PER_FOLDER = 100;
    static final List<String> CHECKSUM_TYPES = List.of("iban", "bank_account", "payment_card", "national_id_be",
            "national_id_nl");
    static final String[] LANGS = {"nl", "fr", "en"};

    enum Kind { MAIL, LETTER, FORM, NOTE, CSV, JSON, JSONL, LOG_SYS, LOG_ACCESS, LOG_APP;
        boolean structured() { return this == CSV || this == JSON || this == JSONL; }
        boolean recordPerLine() { return structured() || this == LOG_ACCESS; }
        boolean prose() { return ordinal() <= NOTE.ordinal(); }
    }

    record Plan(int index, Kind kind, String lang, String path, long size, long seed) {}

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: CorpusGenerator OUTDIR FILES TARGET_BYTES [SEED]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        long target = Long.parseLong(args[2]);
        long seed = args.length == 4 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        long t0 = System.nanoTime();
        List<Label> labels = generate(out, seed, files, target);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "wrote %d files, %d labels to %s in %d ms%n", files, labels.size(), out, ms);
        for (String type : Label.TYPES) {
            long n = labels.stream().filter(l -> l.type().equals(type)).count();
            System.out.printf(Locale.ROOT, "  %-15s %7d%n", type, n);
        }
    }

    /**
     * Generates the corpus.
     *
     * @param outDir      target directory (created if needed; use a fresh one)
     * @param seed        random seed
     * @param files       number of corpus files
     * @param targetBytes total size; 0 = small files of 1-8 KB each
     * @return all labels, ordered by file then line (same content as labels.jsonl)
     */
    public static List<Label> generate(Path outDir, long seed, int files, long targetBytes) {
        try {
            return doGenerate(outDir, seed, files, targetBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Label> doGenerate(Path outDir, long seed, int files, long targetBytes) throws IOException {
        Plan[] plans = plan(seed, files, targetBytes);
        Files.createDirectories(outDir);
        List<List<Label>> labelsPerFile = new ArrayList<>(java.util.Collections.nCopies(files, null));
        List<List<PlantedNearMiss>> nmPerFile = new ArrayList<>(java.util.Collections.nCopies(files, null));
        int[] deficit = new int[CHECKSUM_TYPES.size()]; // labels - near misses, per checksum type

        // structured files first: they carry many checksum values; prose and log files then plant the
        // near misses that keep "near misses >= true values" per checksum type.
        List<Plan> order = new ArrayList<>();
        for (Plan p : plans) if (p.kind().structured()) order.add(p);
        int others = 0;
        for (Plan p : plans) if (!p.kind().structured()) { order.add(p); others++; }

        for (Plan p : order) {
            int[] extra = new int[deficit.length];
            if (!p.kind().structured()) {
                for (int i = 0; i < deficit.length; i++)
                    extra[i] = deficit[i] <= 0 ? 0 : (deficit[i] + others - 1) / others;
                others--;
            }
            Doc d = generateFile(p, extra);
            Path f = outDir.resolve(p.path());
            Files.createDirectories(f.getParent());
            Files.write(f, d.text().getBytes(StandardCharsets.UTF_8));
            labelsPerFile.set(p.index(), d.labels);
            nmPerFile.set(p.index(), d.nearMisses);
            for (Label l : d.labels) {
                int i = CHECKSUM_TYPES.indexOf(l.type());
                if (i >= 0) deficit[i]++;
            }
            for (PlantedNearMiss n : d.nearMisses) {
                int i = CHECKSUM_TYPES.indexOf(n.imitates());
                if (i >= 0) deficit[i]--;
            }
        }

        List<Label> all = new ArrayList<>();
        StringBuilder nm = new StringBuilder();
        for (int i = 0; i < files; i++) {
            all.addAll(labelsPerFile.get(i));
            for (PlantedNearMiss n : nmPerFile.get(i)) nm.append(n.toJson()).append('\n');
        }
        Label.write(outDir.resolve("labels.jsonl"), all);
        Files.writeString(outDir.resolve("nearmisses.jsonl"), nm, StandardCharsets.UTF_8);
        return all;
    }

    // ------------------------------------------------------------------ planning
    static Plan[] plan(long seed, int files, long targetBytes) {
        Random r = new Random(seed);
        Kind[] kinds = new Kind[files];
        String[] langs = new String[files];
        double[] w = new double[files];
        int prose = r.nextInt(3);
        for (int i = 0; i < files; i++) {
            int k = r.nextInt(100);
            Kind kind = k < 22 ? Kind.MAIL : k < 30 ? Kind.LETTER : k < 38 ? Kind.FORM : k < 54 ? Kind.NOTE
                    : k < 68 ? Kind.CSV : k < 75 ? Kind.JSON : k < 82 ? Kind.JSONL : k < 89 ? Kind.LOG_SYS
                    : k < 93 ? Kind.LOG_ACCESS : Kind.LOG_APP;
            kinds[i] = kind;
            langs[i] = kind.prose() ? LANGS[prose++ % 3] : LANGS[r.nextInt(3)];
            w[i] = 0.5 + r.nextDouble();
        }
        long[] size = new long[files];
        if (targetBytes <= 0) {
            for (int i = 0; i < files; i++) size[i] = 1024 + r.nextInt(7 * 1024 + 1);
        } else {
            double avg = (double) targetBytes / files;
            long capped = 0;
            double freeW = 0;
            for (int i = 0; i < files; i++) {
                if (kinds[i].recordPerLine()) {
                    size[i] = Math.max(1024, (long) Math.min(RECORD_FILE_CAP, avg * w[i]));
                    capped += size[i];
                } else freeW += w[i];
            }
            long rest = Math.max(0, targetBytes - capped);
            for (int i = 0; i < files; i++)
                if (!kinds[i].recordPerLine()) size[i] = Math.max(1024, (long) (rest * w[i] / freeW));
        }
        Plan[] plans = new Plan[files];
        for (int i = 0; i < files; i++) {
            String folder = String.format(Locale.ROOT, "batch-%03d", i / FILES_PER_FOLDER);
            plans[i] = new Plan(i, kinds[i], langs[i], folder + "/" + fileName(kinds[i], langs[i], i), size[i],
                    seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (i + 1));
        }
        return plans;
    }

    static String fileName(Kind k, String lang, int i) {
        String n = pad(i, 5);
        return switch (k) {
            case MAIL -> (lang.equals("fr") ? "courriel-" : "mail-") + n + ".txt";
            case LETTER -> (lang.equals("nl") ? "brief-" : lang.equals("fr") ? "lettre-" : "letter-") + n + ".txt";
            case FORM -> (lang.equals("nl") ? "contactformulier-" : lang.equals("fr") ? "formulaire-" : "contact-form-") + n + ".txt";
            case NOTE -> (lang.equals("nl") ? "nota-" : "notes-") + n + ".md";
            case CSV -> (lang.equals("nl") ? "export-klanten-" : lang.equals("fr") ? "export-clients-" : "export-customers-") + n + ".csv";
            case JSON -> "customers-" + n + ".json";
            case JSONL -> "events-" + n + ".jsonl";
            case LOG_SYS -> "syslog-" + n + ".log";
            case LOG_ACCESS -> "access-" + n + ".log";
            case LOG_APP -> "app-" + n + ".log";
        };
    }

    // ------------------------------------------------------------------ per-file context
    /** Pending near misses per checksum type (pairing + corpus balance). */
    static final class Quota {
        final int[] pending;
        Quota(int[] initial) { pending = initial.clone(); }
        boolean has() { for (int p : pending) if (p > 0) return true; return false; }
        void add(String type) { int i = CHECKSUM_TYPES.indexOf(type); if (i >= 0) pending[i]++; }
        /** Takes one pending type (random among non-zero). */
        String take(Random r) {
            int n = 0;
            for (int p : pending) if (p > 0) n++;
            int k = r.nextInt(n);
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] > 0 && k-- == 0) { pending[i]--; return CHECKSUM_TYPES.get(i); }
            }
            throw new IllegalStateException();
        }
    }

    static final class Ctx {
        final Plan plan;
        final Random r;
        final String lang;
        final Doc d;
        final Quota q;
        Ctx(Plan plan, Doc d, int[] extra) {
            this.plan = plan;
            this.r = new Random(plan.seed());
            this.lang = plan.lang();
            this.d = d;
            this.q = new Quota(extra);
        }
        boolean dense() { return d.bytes() < DENSE; }
        boolean full() { return d.bytes() >= plan.size(); }
        Person person(boolean nl) { return new Person(r, lang, nl); }
        /** Country of a person in this document: Dutch residents mostly in nl/en documents. */
        boolean pickNl() { return !lang.equals("fr") && r.nextInt(10) < (lang.equals("nl") ? 4 : 3); }
        /** Registers a planted value: checksum types get a paired near miss later in the file. */
        Value pair(Value v) { q.add(v.type()); return v; }
    }

    static Doc generateFile(Plan p, int[] extra) {
        int wrap = p.kind() == Kind.MAIL || p.kind() == Kind.LETTER || p.kind() == Kind.FORM ? 78 : 0;
        Doc d = new Doc(p.path(), wrap);
        Ctx c = new Ctx(p, d, extra);
        switch (p.kind()) {
            case MAIL -> mail(c);
            case LETTER -> letter(c);
            case FORM -> form(c);
            case NOTE -> note(c);
            case CSV -> csv(c);
            case JSON -> json(c);
            case JSONL -> jsonl(c);
            case LOG_SYS, LOG_ACCESS, LOG_APP -> log(c);
        }
        return d.finish();
    }

    // ------------------------------------------------------------------ prose building blocks
    static final String[] VALUE_KINDS = {"name", "name", "email", "email", "phone", "phone", "phone", "iban", "iban",
            "oldacct", "oldacct", "card", "card", "natid", "natid", "dob", "dob", "login", "job", "job", "ip", "mac", "address", "address"};
    static final String[] OTHER_NEAR = {"version", "colon_time", "date", "hash", "uuid", "invoice", "order",
            "phone_bad", "email_file", "email_local", "mac_bad", "enterprise", "kvk", "ogm"};

    static Object[] valueSentence(Ctx c, String kind, Person p) {
        Random r = c.r;
        String k = kind.equals("natid") ? p.natKind : kind;
        String tpl = pick(r, Templates.VALUE.get(k).get(c.lang));
        return switch (k) {
            case "name" -> t(tpl, p.fullName());
            case "email" -> t(tpl, p.email);
            case "phone" -> t(tpl, p.phone);
            case "iban" -> t(tpl, c.pair(p.iban));
            case "oldacct" -> t(tpl, c.pair(ValidValues.beOldAccount(r)));
            case "card" -> t(tpl, c.pair(ValidValues.paymentCard(r, pick(r, ValidValues.CARD_BRANDS))));
            case "rrn", "bis", "bsn" -> t(tpl, c.pair(p.natId));
            case "dob" -> t(tpl, p.dob);
            case "login" -> t(tpl, p.login);
            case "job" -> t(tpl, p.job);
            case "ip" -> t(tpl, p.ip);
            case "mac" -> t(tpl, p.mac);
            case "address" -> t(tpl, p.addr.value(), p.pc.code(), p.pc.town());
            default -> throw new IllegalArgumentException(k);
        };
    }

    /** A near miss of the kind (see {@link Templates#NEAR}); returns the NearMiss and its template kind. */
    static NearMiss nearMiss(Random r, String kind) {
        return switch (kind) {
            case "iban" -> NearMisses.iban(r);
            case "oldacct_bad" -> NearMisses.beOldAccountBadCheck(r);
            case "ogm" -> NearMisses.ogm(r);
            case "card_luhn" -> NearMisses.cardLuhnFail(r);
            case "card_noiin" -> NearMisses.cardNoIin(r);
            case "rrn_bad" -> r.nextInt(3) == 0 ? NearMisses.bisBadMonth(r) : NearMisses.rrnCheckPlusOne(r);
            case "enterprise" -> NearMisses.beEnterpriseNumber(r);
            case "bsn_bad" -> NearMisses.bsnFail(r);
            case "kvk" -> NearMisses.kvk(r);
            case "version" -> NearMisses.version(r);
            case "colon_time" -> NearMisses.colonTimestamp(r);
            case "date" -> NearMisses.dottedDate(r);
            case "hash" -> NearMisses.hash(r);
            case "uuid" -> NearMisses.uuid(r);
            case "invoice" -> NearMisses.invoiceNumber(r);
            case "order" -> NearMisses.orderNumber(r);
            case "phone_bad" -> NearMisses.unallocatedPhone(r);
            case "email_file" -> new NearMiss("email", pick(r, new String[]{"icon@2x.png", "logo@3x.png", "banner@2x.jpg",
                    "sprite@2x.webp"}), "image file name with density suffix");
            case "email_local" -> new NearMiss("email", pick(r, new String[]{"jan@localhost", "admin@localhost",
                    "noreply@localhost"}), "no top-level domain");
            case "mac_bad" -> NearMisses.badMac(r);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Near-miss template kind for a checksum type. */
    static String nearKindFor(Random r, String type) {
        return switch (type) {
            case "iban" -> "iban";
            case "bank_account" -> r.nextInt(3) == 0 ? "oldacct_bad" : "ogm";
            case "payment_card" -> r.nextBoolean() ? "card_luhn" : "card_noiin";
            case "national_id_be" -> r.nextInt(10) < 7 ? "rrn_bad" : "enterprise";
            case "national_id_nl" -> r.nextInt(10) < 7 ? "bsn_bad" : "kvk";
            default -> throw new IllegalArgumentException(type);
        };
    }

    static Object[] nearSentence(Ctx c, String kind) {
        return t(pick(c.r, Templates.NEAR.get(kind).get(c.lang)), nearMiss(c.r, kind));
    }

    /** One sentence slot of a prose body. */
    static void slot(Ctx c, Person self) {
        Random r = c.r;
        boolean dense = c.dense();
        if (c.q.has() && r.nextInt(dense ? 3 : 6) == 0) {
            c.d.sentence(nearSentence(c, nearKindFor(r, c.q.take(r))));
            return;
        }
        double u = r.nextDouble();
        if (u < (dense ? 0.26 : 0.02)) {
            Person p = r.nextInt(10) < 4 ? self : c.person(c.pickNl());
            c.d.sentence(valueSentence(c, pick(r, VALUE_KINDS), p));
        } else if (u < (dense ? 0.34 : 0.03)) {
            c.d.sentence(nearSentence(c, pick(r, OTHER_NEAR)));
        } else {
            c.d.sentence(Filler.sentence(r, c.lang));
        }
    }

    /** Paragraphs until the file reaches its size minus {@code reserve}; then flushes pending near misses. */
    static void body(Ctx c, Person self, long reserve) {
        do {
            int n = 2 + c.r.nextInt(5);
            for (int i = 0; i < n; i++) slot(c, self);
            c.d.blank();
        } while (c.d.bytes() < c.plan.size() - reserve);
        flushQuota(c);
    }

    static void flushQuota(Ctx c) {
        if (!c.q.has()) return;
        while (c.q.has()) c.d.sentence(nearSentence(c, nearKindFor(c.r, c.q.take(c.r))));
        c.d.blank();
    }

    static String l(String lang, String nl, String fr, String en) {
        return lang.equals("fr") ? fr : lang.equals("en") ? en : nl;
    }

    static NearMiss letterDate(Random r, String lang) {
        int day = 1 + r.nextInt(28), m = 1 + r.nextInt(12), y = 2021 + r.nextInt(4);
        return new NearMiss("date_of_birth", day + " " + ValidValues.monthName(lang, m) + " " + y,
                "document date, no birth context");
    }

    static void signature(Ctx c, Person p) {
        Doc d = c.d;
        Random r = c.r;
        d.line(p.fullName());
        if (r.nextInt(10) < 7) d.line(t(Templates.key(c.lang, "job") + " {}", p.job));
        if (r.nextInt(10) < 6) {
            d.line(p.addr.value());
            d.line(p.pc.code(), " " + p.pc.town());
        }
        d.line(t(Templates.key(c.lang, "tel") + " {}", p.phone));
        if (r.nextInt(10) < 7) d.line(p.email);
    }

    // ------------------------------------------------------------------ prose documents
    static void mail(Ctx c) {
        Random r = c.r;
        Doc d = c.d;
        Person from = c.person(c.pickNl()), to = c.person(c.pickNl());
        d.line(t(l(c.lang, "Van: {} <{}>", "De : {} <{}>", "From: {} <{}>"), from.fullName(), from.email));
        d.line(t(l(c.lang, "Aan: {} <{}>", "À : {} <{}>", "To: {} <{}>"), to.fullName(), to.email));
        d.line(l(c.lang, "Onderwerp: ", "Objet : ", "Subject: ") + Filler.subject(r, c.lang));
        d.line(t(l(c.lang, "Datum: {} ", "Date : {} ", "Date: {} ") + pad(8 + r.nextInt(10), 2) + ":" + pad(r.nextInt(60), 2),
                letterDate(r, c.lang)));
        d.blank();
        d.line(Filler.greeting(r, c.lang));
        d.blank();
        body(c, from, 200);
        d.line(Filler.closing(r, c.lang));
        d.blank();
        signature(c, from);
    }

    static void letter(Ctx c) {
        Random r = c.r;
        Doc d = c.d;
        Person from = c.person(c.pickNl());
        d.line(from.fullName());
        d.line(from.addr.value());
        d.line(from.pc.code(), " " + from.pc.town());
        d.blank();
        d.line(t("{}, {}", from.pc.town(), letterDate(r, c.lang)));
        d.blank();
        d.line(l(c.lang, "Betreft: ", "Objet : ", "Subject: ") + Filler.subject(r, c.lang));
        d.blank();
        d.line(Filler.greeting(r, c.lang));
        d.blank();
        body(c, from, 100);
        d.line(Filler.closing(r, c.lang));
        d.blank();
        d.line(from.fullName());
    }

    static void form(Ctx c) {
        Random r = c.r;
        Doc d = c.d;
        Person p = c.person(c.pickNl());
        d.line(l(c.lang, "Nieuw bericht via het contactformulier", "Nouveau message via le formulaire de contact",
                "New message from the contact form"));
        d.blank();
        d.line(t(Templates.key(c.lang, "name") + " {}", p.fullName()));
        d.line(t(Templates.key(c.lang, "email") + " {}", p.email));
        d.line(t(Templates.key(c.lang, "phone") + " {}", p.phone));
        if (r.nextInt(3) == 0) d.line(t(Templates.key(c.lang, "dob") + " {}", p.dob));
        if (r.nextInt(2) == 0) d.line(t(Templates.key(c.lang, "address") + " {}, {} {}", p.addr.value(), p.pc.code(), p.pc.town()));
        if (r.nextInt(4) == 0) d.line(t(Templates.key(c.lang, p.natKind) + " {}", c.pair(p.natId)));
        d.line(l(c.lang, "Bericht:", "Message :", "Message:"));
        body(c, p, 0);
    }

    static void note(Ctx c) {
        Random r = c.r;
        Doc d = c.d;
        Person p = c.person(c.pickNl());
        d.line("# " + Filler.heading(r, c.lang));
        d.blank();
        boolean contactDone = false;
        do {
            d.line("## " + Filler.section(r, c.lang));
            d.blank();
            int paras = 1 + r.nextInt(3);
            for (int i = 0; i < paras; i++) {
                int n = 2 + r.nextInt(5);
                for (int j = 0; j < n; j++) slot(c, p);
                d.blank();
            }
            if (!contactDone || (c.dense() ? r.nextInt(3) == 0 : r.nextInt(40) == 0)) {
                if (r.nextInt(3) == 0) table(c); else contactBullets(c, contactDone ? c.person(c.pickNl()) : p);
                contactDone = true;
                d.blank();
            }
        } while (!c.full());
        flushQuota(c);
    }

    static void bullet(Ctx c, String key, Object value) {
        c.d.line("- **" + Templates.key(c.lang, key) + "** ", value);
    }

    static void contactBullets(Ctx c, Person p) {
        Random r = c.r;
        c.d.line("## " + l(c.lang, "Contactgegevens", "Coordonnées", "Contact details"));
        c.d.blank();
        bullet(c, "name", p.fullName());
        if (r.nextInt(10) < 8) bullet(c, "email", p.email);
        if (r.nextInt(10) < 8) bullet(c, r.nextBoolean() ? "phone" : "mobile", p.phone);
        if (r.nextInt(10) < 6) bullet(c, "job", p.job);
        if (r.nextInt(10) < 4) bullet(c, "login", p.login);
        if (r.nextInt(10) < 3) bullet(c, "iban", c.pair(p.iban));
        if (r.nextInt(10) < 3) bullet(c, "dob", p.dob);
        if (r.nextInt(10) < 3) bullet(c, p.natKind, c.pair(p.natId));
        if (r.nextInt(10) < 4) c.d.line(t("- **" + Templates.key(c.lang, "address") + "** {}, {} {}", p.addr.value(),
                p.pc.code(), p.pc.town()));
        if (r.nextInt(10) < 2) bullet(c, "mac", p.mac);
        if (r.nextInt(10) < 2) bullet(c, "ip", p.ip);
    }

    static void table(Ctx c) {
        Random r = c.r;
        String[] h = switch (c.lang) {
            case "fr" -> new String[]{"Nom", "Courriel", "Téléphone", "Fonction"};
            case "en" -> new String[]{"Name", "Email", "Phone", "Job title"};
            default -> new String[]{"Naam", "E-mail", "Telefoon", "Functie"};
        };
        c.d.line("| " + String.join(" | ", h) + " |");
        c.d.line("| --- | --- | --- | --- |");
        int rows = 2 + r.nextInt(4);
        for (int i = 0; i < rows; i++) {
            Person p = c.person(c.pickNl());
            c.d.line(t("| {} | {} | {} | {} |", p.fullName(), p.email, p.phone, p.job));
        }
    }

    // ------------------------------------------------------------------ CSV
    static final String[] CSV_KEYS = {"id", "first", "last", "email", "phone", "iban", "dob", "job", "login",
            "address", "postcode", "town", "natid", "ip", "mac", "created", "company", "ogm"};

    static String csvHeader(String key, String lang, boolean nl) {
        int li = lang.equals("fr") ? 1 : lang.equals("en") ? 2 : 0;
        String[] names = switch (key) {
            case "id" -> new String[]{"klantnummer", "numero_client", "customer_id"};
            case "first" -> new String[]{"voornaam", "prenom", "first_name"};
            case "last" -> new String[]{"achternaam", "nom", "last_name"};
            case "email" -> new String[]{"email", "courriel", "email"};
            case "phone" -> new String[]{"telefoon", "telephone", "phone"};
            case "iban" -> new String[]{"iban", "iban", "iban"};
            case "dob" -> new String[]{"geboortedatum", "date_naissance", "date_of_birth"};
            case "job" -> new String[]{"functie", "fonction", "job_title"};
            case "login" -> new String[]{"gebruikersnaam", "identifiant", "username"};
            case "address" -> new String[]{"adres", "adresse", "address"};
            case "postcode" -> new String[]{"postcode", "code_postal", "postal_code"};
            case "town" -> new String[]{"gemeente", "commune", "city"};
            case "natid" -> nl ? new String[]{"bsn", "bsn", "bsn"}
                    : new String[]{"rijksregisternummer", "niss", "national_number"};
            case "ip" -> new String[]{"ip_adres", "adresse_ip", "ip_address"};
            case "mac" -> new String[]{"mac_adres", "adresse_mac", "mac_address"};
            case "created" -> new String[]{"aangemaakt", "cree_le", "created_at"};
            case "company" -> nl ? new String[]{"kvk_nummer", "numero_kvk", "kvk_number"}
                    : new String[]{"ondernemingsnummer", "numero_entreprise", "enterprise_number"};
            case "ogm" -> new String[]{"mededeling", "communication", "payment_reference"};
            default -> throw new IllegalArgumentException(key);
        };
        return names[li];
    }

    static String timestamp(Random r) {
        return (2021 + r.nextInt(4)) + "-" + pad(1 + r.nextInt(12), 2) + "-" + pad(1 + r.nextInt(28), 2) + " "
                + pad(r.nextInt(24), 2) + ":" + pad(r.nextInt(60), 2) + ":" + pad(r.nextInt(60), 2);
    }

    static void csv(Ctx c) {
        Random r = c.r;
        boolean nl = c.pickNl();
        String delim = r.nextBoolean() ? ";" : ",";
        boolean quoteAll = r.nextInt(4) == 0;
        int dobForm = r.nextInt(4);
        double[] p = {0.7, 1, 1, 0.8, 0.7, 0.3, 0.45, 0.5, 0.35, 0.55, 1, 1, 0.25, 0.2, 0.12, 0.5, 0.25, 0.25};
        List<String> cols = new ArrayList<>();
        boolean addr = r.nextDouble() < p[9];
        for (int i = 0; i < CSV_KEYS.length; i++) {
            String k = CSV_KEYS[i];
            if (k.equals("address") || k.equals("postcode") || k.equals("town")) { if (addr) cols.add(k); continue; }
            if (k.equals("ogm") && nl) continue;
            if (r.nextDouble() < p[i]) cols.add(k);
        }
        List<Object> header = new ArrayList<>();
        for (String k : cols) header.add(cell(csvHeader(k, c.lang, nl), quoteAll, delim));
        c.d.line(join(header, delim));
        int id = 1000 + r.nextInt(50000);
        do {
            Person ps = c.person(nl);
            List<Object> row = new ArrayList<>();
            for (String k : cols) {
                Object v = switch (k) {
                    case "id" -> "KL-" + pad(id++, 6);
                    case "first" -> ps.firstName();
                    case "last" -> ps.lastName();
                    case "email" -> ps.email;
                    case "phone" -> r.nextInt(4) == 0 ? new Value("phone", ps.phone.normalized(), ps.phone.normalized()) : ps.phone;
                    case "iban" -> typo(c, ps.iban);
                    case "dob" -> ValidValues.dateOfBirth(ps.birth, dobForm, c.lang);
                    case "job" -> ps.job;
                    case "login" -> ps.login;
                    case "address" -> ps.addr.value();
                    case "postcode" -> ps.pc.code();
                    case "town" -> townValue(ps.pc.town());
                    case "natid" -> typo(c, ps.natId);
                    case "ip" -> ps.ip;
                    case "mac" -> ps.mac;
                    case "created" -> timestamp(r);
                    case "company" -> nl ? NearMisses.kvk(r) : NearMisses.beEnterpriseNumber(r);
                    case "ogm" -> NearMisses.ogm(r);
                    default -> throw new IllegalArgumentException(k);
                };
                row.add(cell(v, quoteAll, delim));
            }
            c.d.line(join(row, delim));
        } while (!c.full());
    }

    /** Dirty export data: about 1 checksum value in 12 is a typo (near miss), keeping columns ≥ 80 % valid. */
    static Object typo(Ctx c, Value v) {
        if (c.r.nextInt(12) != 0) return v;
        return switch (v.type()) {
            case "iban" -> NearMisses.ibanWrongCheck(c.r);
            case "national_id_be" -> NearMisses.rrnCheckPlusOne(c.r);
            case "national_id_nl" -> NearMisses.bsnFail(c.r);
            default -> v;
        };
    }

    static Object cell(Object v, boolean quote, String delim) {
        String s = v.toString();
        if (s.contains("\"")) throw new IllegalStateException("quote in CSV value: " + s);
        return quote || s.contains(delim) ? new Object[]{"\"", v, "\""} : v;
    }

    static Object[] join(List<Object> cells, String delim) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.add(delim);
            Object o = cells.get(i);
            if (o instanceof Object[] a) out.addAll(Arrays.asList(a)); else out.add(o);
        }
        return out.toArray();
    }

    /** A town under a city/gemeente field is the place of residence: labelled as an address. */
    static ValidValues.Value townValue(String town) {
        return new ValidValues.Value("address", town, ValidValues.normalizeName(town));
    }

    // ------------------------------------------------------------------ JSON / JSONL
    static Object jsonValue(Object v) {
        String s = v.toString();
        if (!Json.str(s).equals("\"" + s + "\"")) throw new IllegalStateException("value needs escaping: " + s);
        return v;
    }

    /** Field list for one customer record; address is a nested object when {@code nested}. */
    static List<Object[]> customerFields(Ctx c, Person ps, boolean camel, boolean nested, String indent, int id,
                                         double[] p) {
        Random r = c.r;
        List<Object[]> f = new ArrayList<>();
        String q = "\"";
        java.util.function.BiConsumer<String, Object> add = (key, val) ->
                f.add(new Object[]{indent + q + key + q + ":" + (indent.isEmpty() ? "" : " ") + q, jsonValue(val), q});
        add.accept(camel ? "customerId" : "customer_id", "KL-" + pad(id, 6));
        add.accept(camel ? "firstName" : "first_name", ps.firstName());
        add.accept(camel ? "lastName" : "last_name", ps.lastName());
        if (r.nextDouble() < p[0]) add.accept("email", ps.email);
        if (r.nextDouble() < p[1]) add.accept("phone", ps.phone);
        if (r.nextDouble() < p[2]) add.accept("iban", typo(c, ps.iban));
        if (r.nextDouble() < p[3]) add.accept(camel ? "birthDate" : "birth_date", ValidValues.dateOfBirth(ps.birth, 2, c.lang));
        if (r.nextDouble() < p[4]) add.accept(camel ? "jobTitle" : "job_title", ps.job);
        if (r.nextDouble() < p[5]) add.accept("username", ps.login);
        if (r.nextDouble() < p[6]) add.accept(ps.nl ? "bsn" : camel ? "nationalNumber" : "national_number", typo(c, ps.natId));
        if (r.nextDouble() < p[7]) {
            if (nested) {
                String in2 = indent + "  ";
                f.add(new Object[]{indent + "\"address\": {", null});
                f.add(new Object[]{in2 + "\"street\": \"", jsonValue(ps.addr.value()), "\","});
                f.add(new Object[]{in2 + (camel ? "\"postalCode\": \"" : "\"postal_code\": \""), jsonValue(ps.pc.code()), "\","});
                f.add(new Object[]{in2 + "\"city\": \"", jsonValue(townValue(ps.pc.town())), "\""});
                f.add(new Object[]{indent + "}"});
            } else {
                add.accept("street", ps.addr.value());
                add.accept(camel ? "postalCode" : "postal_code", ps.pc.code());
                add.accept("city", townValue(ps.pc.town()));
            }
        }
        if (r.nextDouble() < p[8]) add.accept("ip", ps.ip);
        if (r.nextDouble() < p[9]) add.accept("mac", ps.mac);
        if (r.nextDouble() < 0.5) add.accept(camel ? "createdAt" : "created_at", timestamp(r).replace(' ', 'T') + "Z");
        if (!ps.nl && r.nextDouble() < 0.2) add.accept(camel ? "paymentReference" : "payment_reference", NearMisses.ogm(r));
        return f;
    }

    static double[] fieldProbabilities(Random r) {
        double[] p = new double[10];
        double[] base = {0.85, 0.7, 0.3, 0.5, 0.5, 0.4, 0.25, 0.6, 0.3, 0.15};
        for (int i = 0; i < p.length; i++) p[i] = r.nextDouble() < 0.8 ? base[i] : 0;
        return p;
    }

    static void json(Ctx c) {
        Random r = c.r;
        Doc d = c.d;
        boolean camel = r.nextInt(3) > 0;
        boolean nl = c.pickNl();
        double[] p = fieldProbabilities(r);
        int id = 1000 + r.nextInt(50000);
        d.line("[");
        boolean first = true;
        do {
            if (!first) d.line("  },");
            first = false;
            d.line("  {");
            List<Object[]> fields = customerFields(c, c.person(nl), camel, true, "    ", id++, p);
            emitJsonFields(d, fields);
        } while (!c.full());
        d.line("  }");
        d.line("]");
    }

    /** Emits field lines adding commas between fields; nested-object lines are passed through. */
    static void emitJsonFields(Doc d, List<Object[]> fields) {
        // group lines into fields: a field is a single line, or "address": { ... } spanning several lines
        List<List<Object[]>> groups = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Object[] f = fields.get(i);
            if (f.length == 2 && f[1] == null) { // nested start
                List<Object[]> g = new ArrayList<>();
                g.add(new Object[]{f[0]});
                while (true) {
                    Object[] n = fields.get(++i);
                    g.add(n);
                    if (n.length == 1) break;
                }
                groups.add(g);
            } else {
                groups.add(List.<Object[]>of(f));
            }
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            List<Object[]> g = groups.get(gi);
            for (int li = 0; li < g.size(); li++) {
                Object[] line = g.get(li);
                boolean lastLineOfGroup = li == g.size() - 1;
                if (lastLineOfGroup && gi < groups.size() - 1) {
                    Object[] withComma = Arrays.copyOf(line, line.length + 1);
                    withComma[line.length] = ",";
                    d.line(withComma);
                } else {
                    d.line(line);
                }
            }
        }
    }

    static void jsonl(Ctx c) {
        Random r = c.r;
        boolean events = r.nextBoolean();
        boolean nl = c.pickNl();
        double[] p = fieldProbabilities(r);
        int id = 1000 + r.nextInt(50000);
        LocalDateTime clock = startClock(r);
        do {
            List<Object[]> fields;
            if (events) {
                clock = clock.plusSeconds(1 + r.nextInt(300));
                fields = eventFields(c, clock, c.person(nl));
            } else {
                fields = customerFields(c, c.person(nl), r.nextBoolean(), false, "", id++, p);
            }
            List<Object> line = new ArrayList<>();
            line.add("{");
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) line.add(",");
                line.addAll(Arrays.asList(fields.get(i)));
            }
            line.add("}");
            c.d.line(line.toArray());
        } while (!c.full());
    }

    static List<Object[]> eventFields(Ctx c, LocalDateTime ts, Person ps) {
        Random r = c.r;
        List<Object[]> f = new ArrayList<>();
        java.util.function.BiConsumer<String, Object> add = (k, v) -> f.add(new Object[]{"\"" + k + "\":\"", jsonValue(v), "\""});
        add.accept("ts", iso(ts));
        String uid = "acc-" + (1000 + r.nextInt(9000));
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                add.accept("event", r.nextInt(4) == 0 ? "login_failed" : "login");
                add.accept("username", ps.login);
                add.accept("ip", ps.ip);
                add.accept("userAgent", pick(r, UA_PLAIN));
            }
            case 2 -> {
                add.accept("event", "profile_update");
                add.accept("accountRef", uid);
                add.accept("email", ps.email);
                add.accept("phone", ps.phone);
            }
            case 3 -> {
                add.accept("event", "payment_mandate");
                add.accept("accountRef", uid);
                add.accept("iban", c.pair(ps.iban));
                if (!ps.nl) add.accept("reference", NearMisses.ogm(r));
            }
            case 4 -> {
                add.accept("event", "device_registered");
                add.accept("accountRef", uid);
                add.accept("mac", ps.mac);
                add.accept("ip", ps.ip);
            }
            default -> {
                add.accept("event", "healthcheck");
                add.accept("service", pick(r, new String[]{"api", "worker", "scheduler", "gateway"}));
                add.accept("version", NearMisses.version(r));
                add.accept("requestId", NearMisses.uuid(r));
            }
        }
        return f;
    }

    // ------------------------------------------------------------------ logs
    static final String[] MON = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static final String[] UA_PLAIN = {"Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
            "curl/8.4.0", "okhttp/4.12.0"};
    static final String[] PATHS = {"/nl/contact", "/fr/contact", "/en/contact", "/nl/prijzen", "/fr/tarifs", "/en/pricing",
            "/assets/app.css", "/assets/app.js", "/api/v2/orders", "/login", "/account/profile", "/favicon.ico",
            "/nl/vacatures", "/fr/emplois", "/robots.txt", "/sitemap.xml"};

    static LocalDateTime startClock(Random r) {
        return LocalDateTime.of(2023, 1, 1, 0, 0).plusSeconds((long) (r.nextDouble() * 730 * 86400));
    }

    static String iso(LocalDateTime t) {
        return t.getYear() + "-" + pad(t.getMonthValue(), 2) + "-" + pad(t.getDayOfMonth(), 2) + "T" + pad(t.getHour(), 2)
                + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2) + "Z";
    }

    static String syslogTs(LocalDateTime t) {
        String day = t.getDayOfMonth() < 10 ? " " + t.getDayOfMonth() : Integer.toString(t.getDayOfMonth());
        return MON[t.getMonthValue() - 1] + " " + day + " " + pad(t.getHour(), 2) + ":" + pad(t.getMinute(), 2) + ":"
                + pad(t.getSecond(), 2);
    }

    static String clfTs(LocalDateTime t) {
        return "[" + pad(t.getDayOfMonth(), 2) + "/" + MON[t.getMonthValue() - 1] + "/" + t.getYear() + ":" + pad(t.getHour(), 2)
                + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2) + " +0200]";
    }

    static String appTs(LocalDateTime t, Random r) {
        return t.getYear() + "-" + pad(t.getMonthValue(), 2) + "-" + pad(t.getDayOfMonth(), 2) + " " + pad(t.getHour(), 2)
                + ":" + pad(t.getMinute(), 2) + ":" + pad(t.getSecond(), 2) + "," + pad(r.nextInt(1000), 3);
    }

    static Value colonMac(Value mac) { return new Value("mac_address", mac.normalized(), mac.normalized()); }

    static Value ciscoMac(Value mac) {
        String hex = mac.normalized().replace(":", "");
        String s = hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
        return new Value("mac_address", s, mac.normalized());
    }

    static void log(Ctx c) {
        Random r = c.r;
        LocalDateTime clock = startClock(r);
        String host = pick(r, new String[]{"gw01", "fw-edge", "web01", "srv-files", "ap-kantoor"});
        // a small pool of clients so that the same IP/MAC recurs, as in real logs
        Person[] pool = new Person[4 + r.nextInt(8)];
        for (int i = 0; i < pool.length; i++) pool[i] = c.person(c.pickNl());
        do {
            clock = clock.plusSeconds(r.nextInt(r.nextInt(10) == 0 ? 3600 : 40));
            Person p = pool[r.nextInt(pool.length)];
            if (c.q.has() && r.nextInt(c.dense() ? 4 : 12) == 0) {
                quotaLogLine(c, clock, c.q.take(r));
                continue;
            }
            switch (c.plan.kind()) {
                case LOG_ACCESS -> accessLine(c, clock, p);
                case LOG_SYS -> sysLine(c, clock, host, p, r.nextDouble() < (c.dense() ? 0.6 : 0.03));
                default -> appLine(c, clock, p, r.nextDouble() < (c.dense() ? 0.55 : 0.03));
            }
        } while (!c.full());
        while (c.q.has()) {
            clock = clock.plusSeconds(r.nextInt(40));
            quotaLogLine(c, clock, c.q.take(r));
        }
    }

    static void accessLine(Ctx c, LocalDateTime ts, Person p) {
        Random r = c.r;
        String path = pick(r, PATHS);
        Object pathPart = path;
        if (r.nextInt(12) == 0) pathPart = new Object[]{"/img/", nearMiss(r, "email_file")};
        int status = pick(r, new Integer[]{200, 200, 200, 200, 304, 301, 404, 302});
        String ref = r.nextBoolean() ? "-" : pick(r, new String[]{"https://www.google.be/", "https://www.google.nl/",
                "https://www.bing.com/", "https://duckduckgo.com/"});
        List<Object> parts = new ArrayList<>();
        parts.add(p.ip);
        parts.add(" - - " + clfTs(ts) + " \"" + pick(r, new String[]{"GET", "GET", "GET", "POST"}) + " ");
        if (pathPart instanceof Object[] a) parts.addAll(Arrays.asList(a)); else parts.add(pathPart);
        parts.add(" HTTP/1.1\" " + status + " " + (status == 304 ? 0 : 200 + r.nextInt(40000)) + " \"" + ref + "\" \"");
        if (r.nextInt(3) == 0) {
            parts.add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/");
            parts.add(NearMisses.versionLikeIpInUserAgent(r));
            parts.add(" Safari/537.36");
        } else {
            parts.add(pick(r, UA_PLAIN));
        }
        parts.add("\"");
        c.d.line(parts.toArray());
    }

    static void sysLine(Ctx c, LocalDateTime ts, String host, Person p, boolean withId) {
        Random r = c.r;
        String pfx = syslogTs(ts) + " " + host + " ";
        int pid = 300 + r.nextInt(30000);
        if (withId) {
            switch (r.nextInt(9)) {
                case 0 -> c.d.line(t(pfx + "dhcpd[" + pid + "]: DHCPACK on {} to {} (" + pick(r, HOSTS) + ") via eth0",
                        ipv4Of(c, p), colonMac(p.mac)));
                case 1 -> c.d.line(t(pfx + "dhcpd[" + pid + "]: DHCPREQUEST for {} from {} via eth0", ipv4Of(c, p), colonMac(p.mac)));
                case 2 -> c.d.line(t(pfx + "dhcpd[" + pid + "]: DHCPDISCOVER from {} via eth0", colonMac(p.mac)));
                case 3 -> c.d.line(t(pfx + "sshd[" + pid + "]: Connection closed by {} port " + (30000 + r.nextInt(35000)) + " [preauth]", p.ip));
                case 4 -> c.d.line(t(pfx + "sshd[" + pid + "]: Received disconnect from {} port " + (30000 + r.nextInt(35000))
                        + ":11: disconnected by user", p.ip));
                case 5 -> c.d.line(t(pfx + "kernel: [" + (1000 + r.nextInt(900000)) + "." + pad(r.nextInt(1000000), 6)
                        + "] [UFW BLOCK] IN=eth0 OUT= SRC={} DST={} LEN=60 TOS=0x00 PREC=0x00 TTL=" + (40 + r.nextInt(80))
                        + " PROTO=TCP SPT=" + (1024 + r.nextInt(60000)) + " DPT=" + pick(r, new Integer[]{22, 443, 3389, 445})
                        + " WINDOW=64240 RES=0x00 SYN URGP=0", ValidValues.ipv4(r), ipv4Of(c, p)));
                case 6 -> c.d.line(t(pfx + "%SW_MATM-4-MACFLAP_NOTIF: Host {} in vlan " + (10 + r.nextInt(40))
                        + " is flapping between port Gi1/0/" + (1 + r.nextInt(24)) + " and port Gi1/0/" + (1 + r.nextInt(24)), ciscoMac(p.mac)));
                case 7 -> c.d.line(t(pfx + "arpwatch: new station {} {} eth0", ipv4Of(c, p), colonMac(p.mac)));
                default -> c.d.line(t(pfx + "hostapd: wlan0: STA {} IEEE 802.11: associated (aid " + (1 + r.nextInt(30)) + ")",
                        colonMac(p.mac)));
            }
            return;
        }
        switch (r.nextInt(12)) {
            case 0 -> c.d.line(pfx + "CRON[" + pid + "]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)");
            case 1 -> c.d.line(pfx + "systemd[1]: Starting Daily apt download activities...");
            case 2 -> c.d.line(pfx + "systemd[1]: logrotate.service: Succeeded.");
            case 3 -> c.d.line(pfx + "kernel: [" + (1000 + r.nextInt(900000)) + "." + pad(r.nextInt(1000000), 6)
                    + "] EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro");
            case 4 -> c.d.line(pfx + "ntpd[" + pid + "]: kernel reports TIME_ERROR: 0x41: Clock Unsynchronized");
            case 5 -> c.d.line(t(pfx + "backupd[" + pid + "]: snapshot {} verified", NearMisses.colonTimestamp(r)));
            case 6 -> c.d.line(t(pfx + "kernel: br0: received packet on eth1 with own address as source address (addr:{}, vlan:0)",
                    NearMisses.badMac(r)));
            case 7 -> c.d.line(t(pfx + "apt[" + pid + "]: upgraded linux-image to {}", NearMisses.version(r)));
            case 8 -> c.d.line(t(pfx + "aide[" + pid + "]: /etc/passwd sha256 {}", new NearMiss("mac_address", NearMisses.hex(r, 64), "sha256 hex")));
            case 9 -> c.d.line(pfx + "dhcpd[" + pid + "]: Wrote " + r.nextInt(200) + " leases to leases file.");
            case 10 -> c.d.line(pfx + "postfix/qmgr[" + pid + "]: " + NearMisses.hex(r, 10).toUpperCase(Locale.ROOT) + ": removed");
            default -> c.d.line(pfx + "systemd[1]: Started Session " + r.nextInt(9000) + " of the system.");
        }
    }

    static final String[] HOSTS = {"laptop-hr", "android-tablet", "printer-2nd-floor", "macbook-pro", "iphone", "desktop-boekhouding",
            "nas-backup", "voip-phone"};

    /** LAN address of the person's device for DHCP / firewall / arpwatch lines (private, stable per MAC). */
    static Value ipv4Of(Ctx c, Person p) {
        int h = Math.floorMod(p.mac.normalized().hashCode(), 250);
        String ip = "192.168." + (h % 3) + "." + (2 + h);
        return new Value("ip_address", ip, ip);
    }

    static final String[] THREADS = {"http-nio-8080-exec-1", "http-nio-8080-exec-4", "scheduler-1", "main", "worker-3"};

    static void appLine(Ctx c, LocalDateTime ts, Person p, boolean withId) {
        Random r = c.r;
        String thread = pick(r, THREADS);
        java.util.function.Function<String, String> pf = lvl -> appTs(ts, r) + " " + lvl + " [" + thread + "] ";
        if (withId) {
            switch (r.nextInt(6)) {
                case 0, 1 -> c.d.line(t(pf.apply("INFO ") + "be.demo.web.AuthController - login ok username={} ip={}", p.login, p.ip));
                case 2 -> c.d.line(t(pf.apply("WARN ") + "be.demo.web.AuthController - login failed username={} ip={}", p.login, p.ip));
                case 3 -> c.d.line(t(pf.apply("INFO ") + "be.demo.account.ResetService - password reset requested email={}", p.email));
                case 4 -> c.d.line(t(pf.apply("DEBUG") + "be.demo.crm.ProfileService - profile updated phone={} email={}", p.phone, p.email));
                default -> c.d.line(t(pf.apply("DEBUG") + "be.demo.billing.MandateService - mandate created iban={}", c.pair(p.iban)));
            }
            return;
        }
        switch (r.nextInt(9)) {
            case 0 -> c.d.line(t(pf.apply("INFO ") + "be.demo.web.RequestLog - request_id={} GET /api/orders took " + r.nextInt(900) + " ms",
                    NearMisses.uuid(r)));
            case 1 -> c.d.line(t(pf.apply("INFO ") + "be.demo.Application - starting build {} (commit {})", NearMisses.version(r),
                    new NearMiss("mac_address", NearMisses.hex(r, 40), "sha1 hex")));
            case 2 -> c.d.line(t(pf.apply("INFO ") + "be.demo.backup.Snapshot - snapshot {} verified sha256={}",
                    NearMisses.colonTimestamp(r), new NearMiss("mac_address", NearMisses.hex(r, 64), "sha256 hex")));
            case 3 -> c.d.line(t(pf.apply("WARN ") + "be.demo.mail.Sender - delivery to {} deferred", nearMiss(r, "email_local")));
            case 4 -> c.d.line(pf.apply("INFO ") + "be.demo.cache.Stats - hits=" + r.nextInt(90000) + " misses=" + r.nextInt(900));
            case 5 -> c.d.line(t(pf.apply("INFO ") + "be.demo.billing.InvoiceJob - generated {}", NearMisses.invoiceNumber(r)));
            case 6 -> c.d.line(t(pf.apply("INFO ") + "be.demo.shop.OrderService - order {} shipped", NearMisses.orderNumber(r)));
            case 7 -> c.d.line(pf.apply("DEBUG") + "be.demo.db.Pool - active=" + r.nextInt(20) + " idle=" + r.nextInt(20));
            default -> c.d.line(pf.apply("INFO ") + "be.demo.scheduler.Jobs - nightly export finished");
        }
    }

    /** A log line carrying a near miss for a checksum type. */
    static void quotaLogLine(Ctx c, LocalDateTime ts, String type) {
        Random r = c.r;
        String pfx = c.plan.kind() == Kind.LOG_APP ? appTs(ts, r) + " WARN  [import-1] " : syslogTs(ts) + " srv-app importer[" + (300 + r.nextInt(30000)) + "]: ";
        int row = 2 + r.nextInt(5000);
        if (c.plan.kind() == Kind.LOG_ACCESS) pfx = "# " + iso(ts) + " importer: ";
        String kind = nearKindFor(r, type);
        NearMiss n = nearMiss(r, kind);
        String msg = switch (kind) {
            case "iban" -> "row " + row + " rejected: invalid IBAN {}";
            case "oldacct_bad" -> "row " + row + " rejected: legacy account {} fails check";
            case "ogm" -> "payment matched on structured reference {}";
            case "card_luhn" -> "row " + row + " rejected: card number {} fails Luhn";
            case "card_noiin" -> "loyalty card {} scanned";
            case "rrn_bad" -> "row " + row + " rejected: national number {} invalid";
            case "enterprise" -> "supplier enterprise number {} synced";
            case "bsn_bad" -> "row " + row + " rejected: BSN {} fails 11-proof";
            case "kvk" -> "supplier KvK {} synced";
            default -> throw new IllegalArgumentException(kind);
        };
        c.d.line(t(pfx + msg, n));
    }
}
