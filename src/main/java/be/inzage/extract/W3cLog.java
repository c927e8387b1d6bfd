package be.inzage.extract;

import be.inzage.detect.DetectionEngine;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * W3C extended log (IIS): the latest "#Fields:" header names the space-separated fields of the
 * lines after it (it can change mid-file); "-" is empty, spaces inside values are written "+",
 * date and time are UTC. One instance per file.
 */
final class W3cLog {

    private Map<String, Integer> fields;
    private int count;

    /** A "#..." directive; returns true when it was one. */
    boolean directive(String line) {
        if (!line.startsWith("#")) {
            return false;
        }
        if (line.startsWith("#Fields:")) {
            String[] names = line.substring(8).strip().split("\\s+");
            fields = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                fields.put(names[i].toLowerCase(Locale.ROOT), i);
            }
            count = names.length;
        }
        return true;
    }

    /** @return false when the line does not fit the current #Fields (or there is none yet) */
    boolean parse(String line, DetectionEngine engine, WebLogFields.Sink out) {
        if (fields == null) {
            return false;
        }
        String[] v = line.split(" ", -1);
        if (v.length != count) {
            return false;
        }
        out.time(time(get(v, "date"), get(v, "time")));
        String client = get(v, "c-ip");
        if (client != null) {
            WebLogFields.ip(client, "c-ip", out);
        }
        String xff = first(v, "cs(x-forwarded-for)", "x-forwarded-for");
        if (xff != null) {
            WebLogFields.ipChain(xff.replace('+', ' '), "x_forwarded_for", out);
        }
        WebLogFields.login(get(v, "cs-username"), "cs-username", out);
        String stem = get(v, "cs-uri-stem");
        String query = get(v, "cs-uri-query");
        WebLogFields.target(stem == null ? null : stem + (query == null ? "" : "?" + query), engine, out);
        String referer = get(v, "cs(referer)");
        if (referer != null) {
            WebLogFields.referrer(referer, engine, out);
        }
        String cookie = get(v, "cs(cookie)");
        if (cookie != null) {
            WebLogFields.cookies(cookie.replace('+', ' '), out);
        }
        if (WebLogFields.leadinfo(stem) || WebLogFields.leadinfo(referer) || WebLogFields.leadinfo(get(v, "cs-host"))) {
            WebLogFields.leadinfoVisitor(client, out);
        }
        return true;
    }

    private String get(String[] v, String name) {
        Integer i = fields.get(name);
        if (i == null || v[i].equals("-") || v[i].isEmpty()) {
            return null;
        }
        return v[i];
    }

    private String first(String[] v, String... names) {
        for (String n : names) {
            String s = get(v, n);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static long time(String date, String time) {
        if (date == null || time == null) {
            return 0;
        }
        try {
            return LocalDateTime.parse(date + "T" + time).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
