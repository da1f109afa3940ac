package dev.aiworkbook.runtime.scaling;

import dev.aiworkbook.runtime.function.Durations;
import dev.aiworkbook.runtime.instance.InstanceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keep-alive policies by name, as {@code faas simulate --policy} and deploy settings
 * write them.
 *
 * <table>
 *   <caption>Accepted names</caption>
 *   <tr><th>name</th><th>policy</th></tr>
 *   <tr><td>{@code fixed}</td><td>the function's own configured keep-alive</td></tr>
 *   <tr><td>{@code fixed:10m}</td><td>a fixed keep-alive of 10 minutes for every function
 *       ({@code ms}, {@code s}, {@code m}, {@code h} or {@code d})</td></tr>
 *   <tr><td>{@code aws}</td><td>fixed 10 minutes, as observed on AWS Lambda</td></tr>
 *   <tr><td>{@code azure}</td><td>fixed 20 minutes, Azure Functions' consumption plan</td></tr>
 *   <tr><td>{@code hybrid}</td><td>{@link HybridHistogramPolicy} with the paper's
 *       settings</td></tr>
 *   <tr><td>{@code none}</td><td>{@link NeverUnload}</td></tr>
 * </table>
 * The 10 and 20 minutes are what "Serverless in the Wild" (USENIX ATC 2020) reports as the
 * providers' fixed keep-alives; neither provider publishes a guarantee.
 */
public final class KeepAlivePolicies {

    /** The forms {@link #parse} accepts, for error messages and usage lines. */
    public static final List<String> ACCEPTED =
            List.of("fixed", "fixed:<duration> (fixed:10m)", "aws", "azure", "hybrid", "none");

    /** AWS Lambda's keep-alive as observed in the paper. */
    public static final Duration AWS = Duration.ofMinutes(10);

    /** Azure Functions' keep-alive on the consumption plan. */
    public static final Duration AZURE = Duration.ofMinutes(20);

    private static final Pattern FIXED = Pattern.compile("fixed:(.+)");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,6})\\s*d");

    private KeepAlivePolicies() {
    }

    /**
     * Makes a fresh policy from its name; each call returns a new object, so a stateful
     * policy (hybrid) starts with no history.
     *
     * @param text a name from {@link #ACCEPTED}, in any case, surrounding blanks ignored
     * @return the policy; its {@code toString()} gives the name back
     * @throws IllegalArgumentException naming the value and the accepted forms otherwise
     */
    public static KeepAlivePolicy parse(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "fixed": return new Configured();
            case "aws": return fixed(AWS);
            case "azure": return fixed(AZURE);
            case "hybrid": return HybridHistogramPolicy.paper();
            case "none": return new NeverUnload();
            default: break;
        }
        Matcher fixed = FIXED.matcher(name);
        if (fixed.matches()) return fixed(duration(fixed.group(1), text));
        throw new IllegalArgumentException("policy must be one of " + ACCEPTED + ", was: "
                + (text == null ? "null" : "\"" + text + "\""));
    }

    /**
     * A fixed keep-alive that replaces every function's configured one.
     *
     * @param keepAlive how long an idle instance stays; zero or more
     * @return the policy, named {@code fixed:<keepAlive>}
     * @throws IllegalArgumentException if {@code keepAlive} is null or negative
     */
    public static KeepAlivePolicy fixed(Duration keepAlive) {
        if (keepAlive == null || keepAlive.isNegative()) {
            throw new IllegalArgumentException("keepAlive must be zero or more, was: "
                    + keepAlive);
        }
        return new Fixed(keepAlive);
    }

    private static Duration duration(String value, String text) {
        Matcher days = DAYS.matcher(value.trim());
        if (days.matches()) return Duration.ofDays(Long.parseLong(days.group(1)));
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy \"" + text + "\": the keep-alive after"
                    + " 'fixed:' must be a whole number with a unit, ms, s, m, h or d (fixed:10m),"
                    + " was: \"" + value + "\"; policies accepted: " + ACCEPTED, e);
        }
    }

    /** {@link FixedKeepAlive} with the function's own keep-alive. */
    private static final class Configured implements KeepAlivePolicy {
        private final FixedKeepAlive rule = new FixedKeepAlive();

        @Override
        public KeepAliveWindows windows(String function, Instant now, Duration configured) {
            return rule.windows(function, now, configured);
        }

        @Override
        public List<String> reclaimable(List<InstanceView> instances, Instant now,
                Duration keepAlive, int minInstances) {
            return rule.reclaimable(instances, now, keepAlive, minInstances);
        }

        @Override
        public String toString() {
            return "fixed";
        }
    }

    /** {@link FixedKeepAlive} with one keep-alive for every function, whatever it configured. */
    private static final class Fixed implements KeepAlivePolicy {
        private final FixedKeepAlive rule = new FixedKeepAlive();
        private final Duration keepAlive;
        private final KeepAliveWindows windows;

        Fixed(Duration keepAlive) {
            this.keepAlive = Objects.requireNonNull(keepAlive);
            this.windows = KeepAliveWindows.fixed(keepAlive);
        }

        @Override
        public KeepAliveWindows windows(String function, Instant now, Duration configured) {
            return windows;
        }

        @Override
        public List<String> reclaimable(List<InstanceView> instances, Instant now,
                Duration configured, int minInstances) {
            return rule.reclaimable(instances, now, keepAlive, minInstances);
        }

        @Override
        public String toString() {
            return "fixed:" + Durations.format(keepAlive);
        }
    }
}
