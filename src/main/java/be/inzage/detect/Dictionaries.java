package be.inzage.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Word lists from rules/dictionaries/: names, particles, towns, job titles. Lower-case, accent-free keys. */
public final class Dictionaries {

    private final Set<String> firstNames;
    private final Set<String> surnames;
    private final Set<String> particles;
    private final Set<String> notNames;
    private final Set<String> towns;
    private final Set<String> jobTitles;

    public Dictionaries(Set<String> firstNames, Set<String> surnames, Set<String> particles, Set<String> notNames,
                        Set<String> towns, Set<String> jobTitles) {
        this.firstNames = firstNames;
        this.surnames = surnames;
        this.particles = particles;
        this.notNames = notNames;
        this.towns = towns;
        this.jobTitles = jobTitles;
    }

    public static Dictionaries load(Path dir) {
        Set<String> towns = new HashSet<>();
        towns.addAll(read(dir.resolve("towns-be.txt")));
        towns.addAll(read(dir.resolve("towns-nl.txt")));
        towns.addAll(read(dir.resolve("towns-fr.txt")));
        return new Dictionaries(read(dir.resolve("first-names.txt")), read(dir.resolve("surnames.txt")),
                read(dir.resolve("name-particles.txt")), read(dir.resolve("not-names.txt")), towns,
                read(dir.resolve("job-titles.txt")));
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
                    out.add(Normalize.text(t));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + file, e);
        }
        return out;
    }

    public boolean isFirstName(String word) {
        String k = Normalize.text(word);
        return firstNames.contains(k) && !notNames.contains(k);
    }

    public boolean isFirstNameIgnoringCommonWords(String word) {
        return firstNames.contains(Normalize.text(word));
    }

    public boolean isSurname(String word) {
        return surnames.contains(Normalize.text(word));
    }

    public boolean isParticle(String word) {
        return particles.contains(Normalize.text(word));
    }

    public boolean isNotName(String word) {
        return notNames.contains(Normalize.text(word));
    }

    public boolean isTown(String word) {
        return towns.contains(Normalize.text(word));
    }

    public boolean isJobTitle(String phrase) {
        return jobTitles.contains(Normalize.text(phrase));
    }
}
