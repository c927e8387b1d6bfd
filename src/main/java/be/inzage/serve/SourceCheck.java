package be.inzage.serve;

import be.inzage.source.SourceUri;

/**
 * Checks a configured source URI at start-up. A share or log folder that is missing now (an
 * unmounted share) is not a configuration error: its runs fail with the reason instead.
 */
final class SourceCheck {

    private SourceCheck() {
    }

    static void syntax(String uri, String key) {
        try {
            SourceUri.parse(uri);
        } catch (SourceUri.BadSource e) {
            String m = e.getMessage();
            if (!m.startsWith("source not found") && !m.startsWith("source not readable")) {
                throw new ServerConfig.ConfigError(key + ": " + m);
            }
        }
    }
}
