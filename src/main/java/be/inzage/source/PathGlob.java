package be.inzage.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * A source path with wildcards ({@code log:///var/log/nginx/access.log*}): the folder to walk (the
 * path up to its first segment with a wildcard), the files to take from it, and how deep files can
 * sit below that folder (a {@code **} pattern has no limit), so the walk does not enter folders
 * that cannot hold a match. Wildcards are those of {@link java.nio.file.FileSystem#getPathMatcher}'s
 * glob syntax: {@code *} within a segment, {@code **} across segments, {@code ?}, {@code [..]} and
 * {@code {a,b}}.
 *
 * A {@code /**}{@code /} also matches a single slash, as in shells with globstar: {@code logs/**}{@code /access.log}
 * takes {@code logs/access.log} too (Java's glob wants a folder there).
 *
 * @param depth path segments a matching file has below {@code root}, or -1 (any)
 */
public record PathGlob(Path root, String pattern, PathMatcher matcher, PathMatcher shallow, int depth) {

    /** Whether {@code s} holds a wildcard. */
    public static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /** The glob of an absolute, normalised path that holds a wildcard. */
    public static PathGlob of(Path absolute) {
        Path root = absolute.getRoot();
        int first = 0;
        // a folder whose name only looks like a pattern ("app[2024]") and exists is taken as it is
        while (first < absolute.getNameCount() - 1 && (!isGlob(absolute.getName(first).toString())
                || java.nio.file.Files.isDirectory(root.resolve(absolute.getName(first))))) {
            root = root.resolve(absolute.getName(first));
            first++;
        }
        String rest = absolute.subpath(first, absolute.getNameCount()).toString();
        int depth = rest.contains("**") ? -1 : absolute.getNameCount() - first;
        // the folder part is taken literally: a backslash or brace in a folder name is not a wildcard there
        String literalRoot = root.toString().replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
        String glob = literalRoot + (literalRoot.endsWith("/") ? "" : "/") + rest;
        var fs = FileSystems.getDefault();
        return new PathGlob(root, absolute.toString(), fs.getPathMatcher("glob:" + glob),
                fs.getPathMatcher("glob:" + glob.replace("/**/", "/")), depth);
    }

    /** Whether a file found by the walk belongs to the source. */
    public boolean matches(Path file) {
        return matcher.matches(file) || shallow.matches(file);
    }

    /** Whether the walk should enter a folder {@code levels} segments below the root (it may hold a match). */
    public boolean mayHold(int levels) {
        return depth < 0 || levels < depth;
    }
}
