package be.inzage.source;

import be.inzage.inventory.Finding;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A source as the user writes it: a path or file:///path (file share), postgres://, mysql://,
 * log:///path. The display form never carries a password. A log path may hold wildcards
 * ({@code log:///var/log/nginx/access.log*}): then {@code path} is the folder walked and
 * {@code glob} picks the files.
 */
public record SourceUri(Kind kind, String display, Path path, URI uri, PathGlob glob) {

    public SourceUri(Kind kind, String display, Path path, URI uri) {
        this(kind, display, path, uri, null);
    }

    public enum Kind { FILE, POSTGRES, MYSQL, LOG }

    /** A source that cannot be used; the message is the one line printed to the user. */
    public static final class BadSource extends RuntimeException {
        public BadSource(String message) {
            super(message);
        }
    }

    public static SourceUri parse(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://") || lower.startsWith("mysql://")
                || lower.startsWith("mariadb://")) {
            URI u = uri(s);
            String shown = u.getScheme() + "://" + (u.getUserInfo() == null ? "" : u.getUserInfo().split(":")[0] + "@")
                    + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath();
            return new SourceUri(lower.startsWith("postgres") ? Kind.POSTGRES : Kind.MYSQL, shown, null, u);
        }
        if (lower.startsWith("log://")) {
            URI u = uri(pathEscaped(s));
            Path p = Path.of(u.getPath()).toAbsolutePath().normalize();
            // a path that exists is that path, even when its name looks like a pattern ("app[2024]")
            PathGlob glob = PathGlob.isGlob(p.toString()) && !Files.exists(p) ? PathGlob.of(p) : null;
            SourceUri log = new SourceUri(Kind.LOG, "log://" + p, glob == null ? p : glob.root(), u, glob);
            try {
                // first: a wrong format is a mistake in the URI, whether or not the logs are there now
                be.inzage.extract.LogFormat.parse(log.param("format"));
            } catch (IllegalArgumentException e) {
                throw new BadSource(e.getMessage());
            }
            if (glob != null) {
                matchesSomething(glob);
            } else if (!Files.exists(p)) {
                throw new BadSource("source not found: " + p);
            }
            return log;
        }
        Path p;
        if (lower.startsWith("file:")) {
            p = Path.of(uri(s));
        } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new BadSource("unknown source scheme in '" + s.substring(0, s.indexOf(':')) + "://...'"
                    + " (use a path, file://, postgres://, mysql:// or log://)");
        } else {
            p = Path.of(s);
        }
        Path abs = p.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new BadSource("source not found: " + abs);
        }
        if (!Files.isReadable(abs)) {
            throw new BadSource("source not readable: " + abs);
        }
        return new SourceUri(Kind.FILE, abs.toUri().toString(), abs, abs.toUri());
    }

    /** A pattern that matches nothing now is most likely a typo: said at once rather than scanned as an empty source. */
    private static void matchesSomething(PathGlob glob) {
        if (!Files.isDirectory(glob.root())) {
            throw new BadSource("source not found: " + glob.root());
        }
        try (FileWalker w = new FileWalker(glob.root(), glob)) {
            if (w.next(1).isEmpty()) {
                throw new BadSource("no file matches " + glob.pattern());
            }
        }
    }

    /**
     * A log URI with the characters a URI path may not hold escaped ({@code [ ] { }}, spaces): patterns
     * such as {@code log:///var/log/nginx/access.log.[12]} or {@code {access,error}.log} are typed as
     * they are. A {@code ?} is a wildcard ({@code access.log.?}) unless a {@code key=} follows it: that one
     * starts the query ({@code ?format=combined}). A {@code %} already there is left as it is.
     */
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("\\?[A-Za-z_][A-Za-z0-9_]*=");

    static String pathEscaped(String s) {
        java.util.regex.Matcher query = QUERY.matcher(s);
        int q = query.find() ? query.start() : -1;
        String path = q < 0 ? s : s.substring(0, q);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : path.toCharArray()) {
            switch (c) {
                case '[' -> b.append("%5B");
                case ']' -> b.append("%5D");
                case '{' -> b.append("%7B");
                case '}' -> b.append("%7D");
                case ' ' -> b.append("%20");
                case '?' -> b.append("%3F");
                default -> b.append(c);
            }
        }
        return q < 0 ? b.toString() : b.append(s, q, s.length()).toString();
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new BadSource("not a valid source URI (" + e.getReason() + ")");
        }
    }

    /** A query parameter of the URI (log:///var/log/nginx?format=json), or null. */
    public String param(String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Stable id of the source: findings of a rescan replace those of the previous scan. */
    public String id() {
        return Finding.sha256(kind + ":" + display);
    }
}
