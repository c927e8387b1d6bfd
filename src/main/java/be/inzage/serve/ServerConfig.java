package be.inzage.serve;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's YAML configuration (see inzage.example.yaml): data directory, port, HMAC key,
 * scan limits, sources with a cron schedule each, users. Strict: an unknown key, a wrong type, a
 * bad cron expression or an unknown role stops start-up with one line naming the key (and the
 * line when the YAML parser knows it). Secrets may come from the environment as ${VAR} or
 * ${VAR:-default} inside uri, password_hash and hmac_key.
 */
public record ServerConfig(Path data, String host, int port, Path hmacKey, Path rules, ScanLimits scan, List<SourceConfig> sources,
        List<UserConfig> users) {

    /** A configuration problem; the message is the one line shown to the operator. */
    public static final class ConfigError extends RuntimeException {
        public ConfigError(String message) {
            super(message);
        }
    }

    public record ScanLimits(int extractThreads, int maxQueued) {
    }

    /**
     * {@code display}: the URI as shown (no password), worked out once at start-up. {@code retention}: how
     * long the source may keep data (ISO-8601 period such as P13M), or null.
     */
    public record SourceConfig(String name, String uri, String display, String schedule, Cron cron, java.time.Period retention) {
    }

    public record UserConfig(String name, String role, String passwordHash) {
    }

    static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    // ---- the YAML shape, bound strictly ------------------------------------------------------

    record RawConfig(@JsonProperty("data") String data, @JsonProperty("host") String host, @JsonProperty("port") Integer port,
            @JsonProperty("hmac_key") String hmacKey, @JsonProperty("rules") String rules,
            @JsonProperty("scan") RawScan scan, @JsonProperty("sources") List<RawSource> sources,
            @JsonProperty("users") List<RawUser> users) {
    }

    record RawScan(@JsonProperty("extract_threads") Integer extractThreads, @JsonProperty("max_queued") Integer maxQueued) {
    }

    record RawSource(@JsonProperty("name") String name, @JsonProperty("uri") String uri,
            @JsonProperty("schedule") String schedule, @JsonProperty("retention") String retention) {
    }

    record RawUser(@JsonProperty("name") String name, @JsonProperty("role") String role,
            @JsonProperty("password_hash") String passwordHash) {
    }

    public static ServerConfig load(Path file) {
        return load(file, System::getenv);
    }

    static ServerConfig load(Path file, Function<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigError(file + ": config file not found");
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot read the config file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file.toString(), text, env, file.toAbsolutePath().getParent());
    }

    public static ServerConfig parse(String name, String yaml, Function<String, String> env, Path base) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        RawConfig raw;
        try {
            raw = mapper.readValue(yaml, RawConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigError(name + keyLine(yaml, String.valueOf(e.getPropertyName()), e) + ": unknown key '" + path(e) + "'"
                    + " (known here: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            throw new ConfigError(name + keyLine(yaml, lastField(e), e) + ": wrong value for '" + path(e) + "': "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new ConfigError(name + where(e.getLocation()) + ": not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
        }
        if (raw == null) {
            throw new ConfigError(name + ": the config file is empty");
        }
        Path data = raw.data() == null ? null : base.resolve(raw.data());
        int port = raw.port() == null ? 8080 : raw.port();
        if (port < 0 || port > 65535) {
            throw new ConfigError(name + ": 'port' must be between 0 and 65535, not " + port);
        }
        Path hmac = raw.hmacKey() == null ? null : base.resolve(expand(raw.hmacKey(), "hmac_key", name, env));
        Path rules = raw.rules() == null ? null : base.resolve(raw.rules());
        int threads = raw.scan() == null || raw.scan().extractThreads() == null ? 0 : raw.scan().extractThreads();
        int queued = raw.scan() == null || raw.scan().maxQueued() == null ? 20 : raw.scan().maxQueued();
        if (threads < 0 || threads > 64) {
            throw new ConfigError(name + ": 'scan.extract_threads' must be between 1 and 64, not " + threads);
        }
        if (queued < 1) {
            throw new ConfigError(name + ": 'scan.max_queued' must be at least 1, not " + queued);
        }
        List<SourceConfig> sources = new java.util.ArrayList<>();
        Set<String> names = new HashSet<>();
        List<RawSource> rawSources = raw.sources() == null ? List.of() : raw.sources();
        for (int i = 0; i < rawSources.size(); i++) {
            RawSource s = rawSources.get(i);
            String key = "sources[" + i + "]";
            if (s == null) {
                throw new ConfigError(name + ": '" + key + "' is empty");
            }
            if (s.name() == null || !NAME.matcher(s.name()).matches()) {
                throw new ConfigError(name + ": '" + key + ".name' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!names.add(s.name())) {
                throw new ConfigError(name + ": '" + key + ".name' repeats the source name '" + s.name() + "'");
            }
            if (s.uri() == null || s.uri().isBlank()) {
                throw new ConfigError(name + ": '" + key + ".uri' is missing");
            }
            String uri = expand(s.uri(), key + ".uri", name, env);
            String display = SourceCheck.syntax(uri, name + ": '" + key + ".uri'");
            Cron cron = null;
            if (s.schedule() != null && !s.schedule().isBlank()) {
                try {
                    cron = CRON.parse(s.schedule());
                    cron.validate();
                } catch (IllegalArgumentException e) {
                    throw new ConfigError(name + ": '" + key + ".schedule' is not a cron expression (minute hour day month weekday): '"
                            + s.schedule() + "'");
                }
            }
            java.time.Period retention = null;
            if (s.retention() != null && !s.retention().isBlank()) {
                try {
                    retention = java.time.Period.parse(s.retention().trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ConfigError(name + ": '" + key + ".retention' is not an ISO-8601 period such as P13M or P5Y: '"
                            + s.retention() + "'");
                }
                if (retention.isNegative() || retention.isZero()) {
                    throw new ConfigError(name + ": '" + key + ".retention' must be longer than zero");
                }
            }
            sources.add(new SourceConfig(s.name(), uri, display, s.schedule(), cron, retention));
        }
        List<UserConfig> users = new java.util.ArrayList<>();
        Set<String> userNames = new HashSet<>();
        List<RawUser> rawUsers = raw.users() == null ? List.of() : raw.users();
        for (int i = 0; i < rawUsers.size(); i++) {
            RawUser u = rawUsers.get(i);
            String key = "users[" + i + "]";
            if (u == null || u.name() == null || !NAME.matcher(u.name()).matches()) {
                throw new ConfigError(name + ": '" + key + ".name' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!userNames.add(u.name())) {
                throw new ConfigError(name + ": '" + key + ".name' repeats the user name '" + u.name() + "'");
            }
            if (!Roles.ALL.contains(String.valueOf(u.role()))) {
                throw new ConfigError(name + ": '" + key + ".role' must be one of " + Roles.ALL + ", not '" + u.role() + "'");
            }
            if (u.passwordHash() == null) {
                throw new ConfigError(name + ": '" + key + ".password_hash' is missing (make one with `inzage hash-password`)");
            }
            String hash = expand(u.passwordHash(), key + ".password_hash", name, env);
            if (!PasswordHasher.isHash(hash)) {
                throw new ConfigError(name + ": '" + key + ".password_hash' is not a hash made by `inzage hash-password`"
                        + " (plaintext passwords are not accepted)");
            }
            users.add(new UserConfig(u.name(), u.role(), hash));
        }
        String host = raw.host() == null || raw.host().isBlank() ? "127.0.0.1" : raw.host().trim();
        return new ServerConfig(data, host, port, hmac, rules, new ScanLimits(threads, queued), List.copyOf(sources), List.copyOf(users));
    }

    /** A configuration with no sources and no users, for `serve` without --config. */
    public static ServerConfig empty() {
        return new ServerConfig(null, "127.0.0.1", 8080, null, null, new ScanLimits(0, 20), List.of(), List.of());
    }

    public SourceConfig source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public Map<String, UserConfig> usersByName() {
        Map<String, UserConfig> m = new java.util.HashMap<>();
        users.forEach(u -> m.put(u.name(), u));
        return m;
    }

    private static String expand(String value, String key, String file, Function<String, String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null || v.isEmpty()) {
                v = m.group(2);
            }
            if (v == null) {
                throw new ConfigError(file + ": '" + key + "' needs the environment variable " + m.group(1) + ", which is not set");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * ":LINE" of the first line where {@code key} is written as a mapping key. Records are bound
     * through their constructor, so Jackson reports the end of the enclosing object, not the key.
     */
    private static String keyLine(String yaml, String key, JsonMappingException e) {
        if (key != null) {
            Pattern p = Pattern.compile("^[\\s-]*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
            String[] lines = yaml.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (p.matcher(lines[i]).find()) {
                    return ":" + (i + 1);
                }
            }
        }
        return where(e.getLocation());
    }

    private static String lastField(JsonMappingException e) {
        String f = null;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                f = r.getFieldName();
            }
        }
        return f;
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
