package be.inzage.serve;

import be.inzage.source.SourceUri;

/**
 * Checks a configured source URI at start-up. A share or log folder that is missing now (an
 * unmounted share), or a log pattern that matches no file yet, is not a configuration error: its
 * runs fail with the reason instead.
 */
public final class SourceCheck {

    private SourceCheck() {
    }

    /** Checks the URI and returns its display form (never with a password). */
    static String syntax(String uri, String key) {
        try {
            return SourceUri.parse(uri).display();
        } catch (SourceUri.BadSource e) {
            String m = e.getMessage();
            if (!m.startsWith("source not found") && !m.startsWith("source not readable") && !m.startsWith("no file matches")) {
                throw new ServerConfig.ConfigError(key + ": " + m);
            }
            return withoutPassword(uri);
        }
    }

    /** The display form of a source the server may run; a URI that does not parse is shown without its password. */
    public static String display(String uri) {
        try {
            return SourceUri.parse(uri).display();
        } catch (SourceUri.BadSource e) {
            return withoutPassword(uri);
        }
    }

    private static String withoutPassword(String uri) {
        return uri.replaceAll("//([^:/@]*):[^@/]*@", "//$1@");
    }
}
