package be.inzage.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Word lists from rules/dictionaries/: names, particles, towns, job titles. Lower-case, accent-free keys. */
public final class Dictionaries {

    private final Set<String> firstNames;
    private final Set<String> surnames;
    private final Set<String> particles;
    private final Set<String> notNames;
    private final Set<String> towns;
    private final Set<String> jobTitles;
    private final List<Ending> surnameEndings;
    private final Set<String> addressees;
    private final Set<String> streetBefore;
    private final Set<String> streetAfter;
    private final WordSet firstNameSlices;

    public Dictionaries(Set<String> firstNames, Set<String> surnames, Set<String> particles, Set<String> notNames,
                        Set<String> towns, Set<String> jobTitles) {
        this(Map.of("first-names", firstNames, "surnames", surnames, "name-particles", particles, "not-names", notNames,
                "towns", towns, "job-titles", jobTitles));
    }

    /** The lists by their file's name without ".txt" (towns: the three town lists together); a missing list is empty. */
    Dictionaries(Map<String, Set<String>> lists) {
        this.firstNames = lists.getOrDefault("first-names", Set.of());
        this.surnames = lists.getOrDefault("surnames", Set.of());
        this.particles = lists.getOrDefault("name-particles", Set.of());
        this.notNames = lists.getOrDefault("not-names", Set.of());
        this.towns = lists.getOrDefault("towns", Set.of());
        this.jobTitles = lists.getOrDefault("job-titles", Set.of());
        this.surnameEndings = endings(lists.getOrDefault("surname-endings", Set.of()));
        this.addressees = lists.getOrDefault("addressees", Set.of());
        this.streetBefore = lists.getOrDefault("street-before", Set.of());
        this.streetAfter = lists.getOrDefault("street-after", Set.of());
        this.firstNameSlices = new WordSet(firstNames);
    }

    /** Fast pre-check for the name finder: could text[s, e) be a first name (common words included)? */
    boolean mayBeFirstName(CharSequence text, int s, int e) {
        return firstNameSlices.contains(text, s, e);
    }

    /** The lists {@link #load} reads, each from rules/dictionaries/NAME.txt. */
    private static final List<String> LISTS = List.of("first-names", "surnames", "name-particles", "not-names", "job-titles",
            "surname-endings", "addressees", "street-before", "street-after");

    public static Dictionaries load(Path dir) {
        Map<String, Set<String>> lists = new HashMap<>();
        for (String name : LISTS) {
            lists.put(name, read(dir.resolve(name + ".txt")));
        }
        Set<String> towns = new HashSet<>();
        for (String country : List.of("be", "nl", "fr")) {
            towns.addAll(read(dir.resolve("towns-" + country + ".txt")));
        }
        lists.put("towns", towns);
        return new Dictionaries(lists);
    }

    /** A surname ending and the shortest word it marks as a surname. */
    private record Ending(String suffix, int minLength) {
    }

    /** Lines "ova 7" (the ending, the shortest surname it marks; without a number, the ending plus 3 letters). */
    private static List<Ending> endings(Set<String> lines) {
        List<Ending> out = new ArrayList<>();
        for (String line : lines) {
            String[] p = line.split(" ");
            try {
                out.add(new Ending(p[0], p.length > 1 ? Integer.parseInt(p[1]) : p[0].length() + 3));
            } catch (NumberFormatException e) {
                throw new RuleException("rules/dictionaries/surname-endings.txt: '" + line + "' is not 'ending [shortest length]'");
            }
        }
        out.sort(Comparator.comparing(Ending::suffix));
        return List.copyOf(out);
    }

    private static Set<String> read(Path file) {
        Set<String> out = new HashSet<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(key(t));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + file, e);
        }
        return out;
    }

    public boolean isFirstName(String word) {
        String k = key(word);
        return firstNames.contains(k) && !notNames.contains(k);
    }

    /**
     * Lookup key: lower case without accents, through {@link Fold}'s table (this runs for every
     * capitalised word of every text, so no regex and no Unicode normaliser here).
     */
    static String key(String s) {
        String f = Fold.fold(s.strip());
        return f.indexOf("  ") >= 0 || f.indexOf('\t') >= 0 ? f.replaceAll("\\s+", " ") : f;
    }

    public boolean isFirstNameIgnoringCommonWords(String word) {
        return firstNames.contains(key(word));
    }

    public boolean isSurname(String word) {
        return surnames.contains(key(word));
    }

    /**
     * Whether the word text[s, e) ends like the family names of a naming tradition ("Kowalski", "Nováková",
     * "Jónsdóttir", "Janković", "Ivanov"), long enough that the ending is not just an English word's
     * (rules/dictionaries/surname-endings.txt). Folded char by char, no allocation: it runs for capitalised word pairs.
     */
    boolean hasSurnameEnding(CharSequence text, int s, int e) {
        int n = e - s;
        for (Ending end : surnameEndings) {
            String suffix = end.suffix();
            if (n < end.minLength()) {
                continue;
            }
            int k = suffix.length() - 1;
            int q = e - 1;
            while (k >= 0 && Fold.fold(text.charAt(q)) == suffix.charAt(k)) {
                k--;
                q--;
            }
            if (k < 0) {
                return true;
            }
        }
        return false;
    }

    /** A word that opens a street's name ("Rue" of "Rue Victor Hugo"). */
    public boolean isStreetBefore(String word) {
        return streetBefore.contains(key(word));
    }

    /** A word that ends a street's name ("Terrace" of "Gordon Terrace"). */
    public boolean isStreetAfter(String word) {
        return streetAfter.contains(key(word));
    }

    /** A word a greeting addresses that is no name ("Dear Customer,"). */
    public boolean isAddressee(String word) {
        return addressees.contains(key(word));
    }

    public boolean isParticle(String word) {
        return particles.contains(key(word));
    }

    public boolean isNotName(String word) {
        return notNames.contains(key(word));
    }

    public boolean isTown(String word) {
        return towns.contains(key(word));
    }

    public boolean isJobTitle(String phrase) {
        return jobTitles.contains(key(phrase));
    }
}
