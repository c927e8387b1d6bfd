package be.inzage.detect;

import be.inzage.detect.validate.Validator;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One detector as written in rules/detectors/*.yaml, compiled. Everything a rule does is data;
 * only the validator and the engine are named pieces of code.
 *
 * @param triggers     the cheap pre-filter that finds candidate spans before any regex runs
 * @param minDigits    a digit cluster triggers the rule only with at least this many digits ...
 * @param maxDigits    ... and at most this many
 * @param clusterHas   flags of {@link Candidates}: a digit cluster must hold one of these separators
 * @param clusterPattern a digit cluster (with {@code clusterReach} characters around it) or a colon run triggers the rule only
 *                     when this is found in it: IPv4 needs dots, a MAC address hex pairs
 * @param clusterReach how far around a digit cluster its cluster pattern looks (0 by default: the digits and
 *                     separators themselves, lookarounds seeing past them; a MAC address needs the hex letters around)
 * @param clusterRun   a digit cluster must sit in a run of hex digits and - . : at least this long (0: no check), a
 *                     cheap test before the cluster pattern (a MAC address is such a run of 14 or 17)
 * @param beforeTrigger the word just before a digit cluster, with the spaces after it, must match this entirely
 * @param afterTrigger the text just after a digit cluster must start like this, e.g. "rue"
 * @param before       how far before a trigger a match may start (IBAN country code, "+32 ")
 * @param after        how far after a trigger a match may end
 * @param inToken      a match holds no whitespace, so the window around an @ stops at the whitespace around it:
 *                     an e-mail's regex then tries the positions of one word, not of 64 characters of prose
 * @param context      ids in the engine's {@link KeywordIndex} of the rule's context words
 * @param requireContext the match counts only with a context word or a field-name hint
 * @param excludeBefore  a match is dropped when the text just before it matches this (a version prefix, say)
 * @param excludeMatch   a match is dropped when its own text matches this entirely (a company number)
 */
public record Rule(
        String id,
        String file,
        String type,
        Engine engine,
        Set<Trigger> triggers,
        int minDigits,
        int maxDigits,
        int clusterHas,
        Pattern clusterPattern,
        int clusterReach,
        int clusterRun,
        Pattern beforeTrigger,
        Pattern afterTrigger,
        int before,
        int after,
        boolean inToken,
        Pattern pattern,
        int group,
        Validator validator,
        double confidence,
        BitSet context,
        int contextWindow,
        double contextBoost,
        boolean requireContext,
        List<String> fieldHints,
        BitSet keywords,
        Pattern excludeBefore,
        Pattern excludeMatch,
        List<String> excludeFields,
        List<String> regions,
        List<String> mustMatch,
        List<String> mustNotMatch) {

    public enum Engine { REGEX, PHONE, NAME, FIELD }

    public enum Trigger { DIGIT, AT, COLON, COUNTRY_CODE, KEYWORD }

    /** Whether values of this field are never this rule's type ("version": "1.10.27.177" is no IP address). */
    public boolean excludedBy(FieldName field) {
        if (field == null) {
            return false;
        }
        for (String f : excludeFields) {
            if (field.has(f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field name (CSV header, JSON key, column) is one of this rule's hints. */
    public boolean hintedBy(FieldName field) {
        if (field == null) {
            return false;
        }
        for (String h : fieldHints) {
            if (field.has(h)) {
                return true;
            }
        }
        return false;
    }
}
