package dev.aiworkbook.runtime.function;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML file that says which functions to deploy and how, in the spirit of serverless.yml
 * and AWS SAM (chapter 01):
 *
 * <pre>{@code
 * service: samples
 * defaults: {memoryMb: 512, timeout: 3s}
 * functions:
 *   hello:
 *     handler: dev.aiworkbook.functions.samples.Hello
 *     package: samples/target/functions-samples-1.0-SNAPSHOT.jar   # relative to this file
 *     memoryMb: 256
 *     timeout: 10s
 *     triggers: [ {http: {path: /fn/hello}} ]
 *     autoscaling: {scaler: kpa, stableWindow: 60s, activatorCapacity: 100}
 * }</pre>
 *
 * <p>{@code autoscaling} holds the knobs of {@link AutoscalingSpec} (chapter 03); under
 * {@code defaults} it sets them for every function, and a function's own mapping overrides
 * them key by key.
 *
 * <p>Every function key may also appear under {@code defaults}, except {@code handler},
 * {@code package} and {@code triggers}. Durations take a unit: {@code 300ms}, {@code 10s},
 * {@code 10m}, {@code 1h}. A function without {@code package} is loaded from the classpath.
 * Unknown keys are refused, so a typo never falls back silently to a default.
 *
 * <p>Simplification: the gateway serves every function at {@code /fn/{name}}, so an http
 * trigger's path must be that one or lie below it; other trigger kinds are refused for now.
 */
public final class DeployDescriptor {

    private static final Set<String> TOP_KEYS = Set.of("service", "defaults", "functions");
    private static final List<String> SETTING_KEYS = List.of("memoryMb", "timeout",
            "maxConcurrency", "minInstances", "maxInstances", "keepAlive", "autoscaling");
    private static final List<String> FUNCTION_KEYS = concat(List.of("handler", "package"),
            SETTING_KEYS, List.of("triggers"));
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path file;
    private final String service;
    private final List<DeclaredFunction> functions;

    private DeployDescriptor(Path file, String service, List<DeclaredFunction> functions) {
        this.file = file;
        this.service = service;
        this.functions = List.copyOf(functions);
    }

    /**
     * Reads and checks a descriptor; packages are resolved against the file's folder.
     *
     * @param file the YAML file
     * @return the descriptor, every function validated and its code found
     * @throws InvalidDescriptorException naming the file, function, field, rule and value
     */
    public static DeployDescriptor load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDescriptorException(file, null, "file", "no such file; give the"
                    + " path of a deploy descriptor such as functions/serverless.yml", null);
        }
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new InvalidDescriptorException(file, null, "file", "cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks descriptor text, as if it were stored at {@code file}.
     *
     * @param file where packages are resolved from, and what messages name
     * @param yaml the descriptor's text
     * @return the descriptor
     * @throws InvalidDescriptorException naming the file, function, field, rule and value
     */
    public static DeployDescriptor parse(Path file, String yaml) {
        JsonNode root = readYaml(file, yaml);
        Reader top = new Reader(file, null);
        if (root == null || !root.isObject()) {
            throw top.fail("file", "must be a YAML mapping with 'functions' (and optionally"
                    + " 'service' and 'defaults'), was: " + describe(root));
        }
        top.onlyKeys(root, TOP_KEYS, "");
        String service = root.has("service") ? top.text(root, "service") : fileStem(file);
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) {
            top.requireObject(defaults, "defaults");
            top.onlyKeys(defaults, Set.copyOf(SETTING_KEYS), "defaults.");
        }
        JsonNode list = root.path("functions");
        if (!list.isObject() || list.isEmpty()) {
            throw top.fail("functions", "functions must map at least one function name to its"
                    + " settings (handler: pkg.Class), was: " + describe(root.get("functions")));
        }
        List<DeclaredFunction> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> fn : list.properties()) {
            functions.add(function(file, fn.getKey(), fn.getValue(), defaults));
        }
        return new DeployDescriptor(file, service, functions);
    }

    /** @return the file it was read from */
    public Path file() {
        return file;
    }

    /** @return the service's name, or the file's name without extension if it gives none */
    public String service() {
        return service;
    }

    /** @return the functions in the order the file lists them */
    public List<DeclaredFunction> functions() {
        return functions;
    }

    private static DeclaredFunction function(Path file, String name, JsonNode node,
            JsonNode defaults) {
        Reader in = new Reader(file, name);
        in.requireObject(node, "functions." + name);
        in.onlyKeys(node, Set.copyOf(FUNCTION_KEYS), "");
        if (!node.has("handler")) {
            throw in.fail("handler", "handler is required: the class (pkg.Class) or method"
                    + " (pkg.Class::method) to run");
        }
        String handler = in.text(node, "handler");
        FunctionSpec spec = spec(in, name, handler, node, defaults);
        FunctionCode code = code(in, file, node, spec);
        return new DeclaredFunction(spec, code, httpPaths(in, name, node.path("triggers")));
    }

    private static FunctionSpec spec(Reader in, String name, String handler, JsonNode node,
            JsonNode defaults) {
        FunctionSpec base = in.valid(() -> FunctionSpec.of(name, handler));
        int memoryMb = in.integer(node, defaults, "memoryMb", base.memoryMb());
        Duration timeout = in.duration(node, defaults, "timeout", base.timeout());
        int maxConcurrency = in.integer(node, defaults, "maxConcurrency", base.maxConcurrency());
        int minInstances = in.integer(node, defaults, "minInstances", base.minInstances());
        int maxInstances = in.integer(node, defaults, "maxInstances", base.maxInstances());
        Duration keepAlive = in.duration(node, defaults, "keepAlive", base.keepAlive());
        AutoscalingSpec autoscaling = autoscaling(in, node.path("autoscaling"),
                defaults.path("autoscaling"));
        return in.valid(() -> new FunctionSpec(name, handler, memoryMb, timeout, maxConcurrency,
                minInstances, maxInstances, keepAlive, autoscaling));
    }

    private static AutoscalingSpec autoscaling(Reader in, JsonNode own, JsonNode defaults) {
        Reader knobs = in.under("autoscaling.");
        for (JsonNode node : List.of(own, defaults)) {
            if (node.isMissingNode()) continue;
            in.requireObject(node, "autoscaling");
            in.onlyKeys(node, Set.copyOf(AutoscalingSpec.KEYS), "autoscaling.");
        }
        JsonNode node = own.isMissingNode() ? YAML.createObjectNode() : own;
        JsonNode fallback = defaults.isMissingNode() ? YAML.createObjectNode() : defaults;
        AutoscalingSpec d = AutoscalingSpec.defaults();
        String scalerName = knobs.optionalText(node, fallback, "scaler", d.scaler().label());
        AutoscalingSpec.Scaler scaler = knobs.validScaler(scalerName);
        double target = knobs.number(node, fallback, "targetConcurrency", d.targetConcurrency());
        double utilization = knobs.number(node, fallback, "targetUtilization",
                d.targetUtilization());
        Duration stable = knobs.duration(node, fallback, "stableWindow", d.stableWindow());
        double panicPercent = knobs.number(node, fallback, "panicWindowPercent",
                d.panicWindowPercent());
        double threshold = knobs.number(node, fallback, "panicThreshold", d.panicThreshold());
        double up = knobs.number(node, fallback, "maxScaleUpRate", d.maxScaleUpRate());
        double down = knobs.number(node, fallback, "maxScaleDownRate", d.maxScaleDownRate());
        Duration grace = knobs.duration(node, fallback, "scaleToZeroGrace",
                d.scaleToZeroGrace());
        Duration tick = knobs.duration(node, fallback, "tick", d.tick());
        int capacity = knobs.integer(node, fallback, "activatorCapacity",
                d.activatorCapacity());
        Duration wait = knobs.duration(node, fallback, "activatorTimeout", d.activatorTimeout());
        int burst = knobs.integer(node, fallback, "burstLimit", d.burstLimit());
        String policy = knobs.optionalText(node, fallback, "keepAlivePolicy",
                d.keepAlivePolicy());
        return knobs.validAutoscaling(() -> new AutoscalingSpec(scaler, target, utilization,
                stable, panicPercent, threshold, up, down, grace, tick, capacity, wait, burst,
                policy));
    }

    private static FunctionCode code(Reader in, Path file, JsonNode node, FunctionSpec spec) {
        String classFile = spec.handlerClass().replace('.', '/') + ".class";
        if (!node.has("package")) {
            ClassLoader loader = DeployDescriptor.class.getClassLoader();
            if (loader.getResource(classFile) == null) {
                throw in.fail("handler", "handler class \"" + spec.handlerClass() + "\" is not"
                        + " on the classpath; give a package (a jar or classes folder)");
            }
            return FunctionCode.ofClasspath(spec.handlerClass(), loader);
        }
        String given = in.text(node, "package");
        Path location = file.toAbsolutePath().getParent().resolve(given).normalize();
        if (!Files.exists(location)) {
            throw in.fail("package", "package must be an existing jar or classes folder,"
                    + " relative to the descriptor, was: \"" + given + "\" (" + location
                    + "); build it first (mvn package) or fix the path");
        }
        FunctionCode code = FunctionCode.ofPackage(location);
        if (!contains(code, classFile)) {
            throw in.fail("handler", "handler class \"" + spec.handlerClass() + "\" is not in"
                    + " package \"" + given + "\"; check the class name or rebuild the package");
        }
        return code;
    }

    private static List<String> httpPaths(Reader in, String name, JsonNode triggers) {
        if (triggers.isMissingNode() || triggers.isNull()) return List.of();
        if (!triggers.isArray()) {
            throw in.fail("triggers", "triggers must be a list such as [ {http: {path: /fn/"
                    + name + "}} ], was: " + describe(triggers));
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode trigger : triggers) {
            if (!trigger.isObject() || trigger.size() != 1 || !trigger.has("http")) {
                throw in.fail("triggers", "each trigger must be {http: {path: /fn/" + name + "}};"
                        + " only http triggers are served so far, was: " + describe(trigger));
            }
            paths.add(httpPath(in, name, trigger.get("http")));
        }
        return paths;
    }

    private static String httpPath(Reader in, String name, JsonNode http) {
        in.requireObject(http, "triggers.http");
        in.onlyKeys(http, Set.of("path"), "triggers.http.");
        String path = in.text(http, "path");
        String served = "/fn/" + name;
        if (!path.equals(served) && !path.startsWith(served + "/")) {
            throw in.fail("triggers.http.path", "triggers.http.path must be \"" + served + "\""
                    + " or below it, since the gateway serves each function at /fn/{name},"
                    + " was: \"" + path + "\"");
        }
        return path;
    }

    private static boolean contains(FunctionCode code, String resource) {
        try (URLClassLoader probe = new URLClassLoader(code.urls().toArray(URL[]::new), null)) {
            return probe.findResource(resource) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode readYaml(Path file, String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr();
            throw new InvalidDescriptorException(file, null, "file", "not valid YAML" + where
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String fileStem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isTextual()) return "\"" + node.asText() + "\"";
        return node.toString();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) all.addAll(list);
        return List.copyOf(all);
    }

    /** Reads typed values of one function (or of the file), failing with its context. */
    private static final class Reader {
        private final Path file;
        private final String function;
        private final String prefix;

        Reader(Path file, String function) {
            this(file, function, "");
        }

        private Reader(Path file, String function, String prefix) {
            this.file = file;
            this.function = function;
            this.prefix = prefix;
        }

        /** @return a reader of a nested mapping, whose fields are named with the prefix */
        Reader under(String nested) {
            return new Reader(file, function, prefix + nested);
        }

        InvalidDescriptorException fail(String field, String problem) {
            return new InvalidDescriptorException(file, function, prefix + field,
                    problem.startsWith(field) ? prefix + problem : problem, null);
        }

        AutoscalingSpec validAutoscaling(java.util.function.Supplier<AutoscalingSpec> build) {
            try {
                return build.get();
            } catch (InvalidSpecException e) {
                throw new InvalidDescriptorException(file, function, prefix + e.field(),
                        e.getMessage(), e);
            }
        }

        AutoscalingSpec.Scaler validScaler(String name) {
            try {
                return AutoscalingSpec.Scaler.parse(name);
            } catch (InvalidSpecException e) {
                throw new InvalidDescriptorException(file, function, prefix + e.field(),
                        e.getMessage(), e);
            }
        }

        String optionalText(JsonNode node, JsonNode defaults, String field, String fallback) {
            JsonNode value = node.has(field) ? node.get(field) : defaults.get(field);
            if (value == null) return fallback;
            if (!value.isTextual() || value.asText().isBlank()) {
                throw fail(field, field + " must be a non-empty text, was: " + describe(value));
            }
            return value.asText().trim();
        }

        double number(JsonNode node, JsonNode defaults, String field, double fallback) {
            JsonNode value = node.has(field) ? node.get(field) : defaults.get(field);
            if (value == null) return fallback;
            if (!value.isNumber()) {
                throw fail(field, field + " must be a number, was: " + describe(value));
            }
            return value.asDouble();
        }

        FunctionSpec valid(java.util.function.Supplier<FunctionSpec> build) {
            try {
                return build.get();
            } catch (InvalidSpecException e) {
                throw new InvalidDescriptorException(file, function, e.field(), e.getMessage(), e);
            }
        }

        void requireObject(JsonNode node, String field) {
            if (!node.isObject()) {
                throw fail(field, field + " must be a mapping of keys to values, was: "
                        + describe(node));
            }
        }

        void onlyKeys(JsonNode node, Set<String> accepted, String prefix) {
            for (String key : iterable(node)) {
                if (accepted.contains(key)) continue;
                throw fail(prefix + key, "unknown key \"" + prefix + key + "\"" + suggestion(key,
                        accepted) + "; the accepted keys are " + String.join(", ",
                        ordered(accepted)));
            }
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw fail(field, field + " must be a non-empty text, was: " + describe(value));
            }
            return value.asText().trim();
        }

        int integer(JsonNode node, JsonNode defaults, String field, int fallback) {
            JsonNode value = node.has(field) ? node.get(field) : defaults.get(field);
            if (value == null) return fallback;
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw fail(field, field + " must be a whole number, was: " + describe(value));
            }
            return value.asInt();
        }

        Duration duration(JsonNode node, JsonNode defaults, String field, Duration fallback) {
            JsonNode value = node.has(field) ? node.get(field) : defaults.get(field);
            if (value == null) return fallback;
            String rule = field + " must be a duration with a unit (300ms, 10s, 10m, 1h), was: "
                    + describe(value);
            if (value.isNumber()) {
                throw fail(field, rule + "; write " + value.asText() + "s for " + value.asText()
                        + " seconds");
            }
            try {
                return Durations.parse(value.isTextual() ? value.asText() : value.toString());
            } catch (IllegalArgumentException e) {
                throw fail(field, rule);
            }
        }

        private static Iterable<String> iterable(JsonNode node) {
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) keys.add(entry.getKey());
            return keys;
        }

        private static List<String> ordered(Set<String> accepted) {
            Set<String> order = new LinkedHashSet<>(FUNCTION_KEYS);
            order.addAll(List.of("service", "defaults", "functions", "path"));
            order.addAll(AutoscalingSpec.KEYS);
            return order.stream().filter(accepted::contains).toList();
        }

        private static String suggestion(String key, Set<String> accepted) {
            return accepted.stream().filter(a -> distance(a.toLowerCase(), key.toLowerCase()) <= 2
                    || a.toLowerCase().startsWith(key.toLowerCase()))
                    .findFirst().map(a -> " (did you mean \"" + a + "\"?)").orElse("");
        }

        /** Edit distance, to suggest the key a typo meant. */
        private static int distance(String a, String b) {
            int[] row = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) row[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int above = row[j];
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                    diagonal = above;
                }
            }
            return row[b.length()];
        }
    }
}
