// Checks the workbook, not a learner's work: read-only. exercises/README.md explains when it
// runs.
package dev.aiworkbook.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that every grader, in every chapter, fails on the stub it grades: a grader that passed
 * on a stub would hand out points for no work.
 *
 * <p>It holds only while the stubs are as shipped, so it runs in the default build (the root
 * {@code mvn test}) and never in the profile {@code grade} that {@code scripts/grade} uses.
 * Once a learner solves an exercise, this check fails on purpose, naming the graders that
 * passed.
 */
class GradersFailOnStubsTest {

    private static final String EXERCISES = "dev.aiworkbook.exercises";
    // Ex01aBilledDurationTest in package ...ch01 grades exercise ex01a, tagged "ex01a".
    private static final Pattern GRADER = Pattern.compile("Ex(\\d\\d)([a-z])[A-Za-z0-9]*Test");

    private static Recorder run;

    @BeforeAll
    static void runEveryGrader() {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(EXERCISES))
                .filters(excludeClassNamePatterns(
                        Pattern.quote(GradersFailOnStubsTest.class.getName()) + ".*"))
                .build();
        run = new Recorder();
        LauncherFactory.create().execute(request, run);
    }

    @Test
    @DisplayName("graders are found")
    void gradersAreFound() {
        assertThat(run.tests()).as("grader tests found under " + EXERCISES).isNotEmpty();
    }

    @Test
    @DisplayName("each grader is named after its exercise and tagged with it")
    void gradersAreNamedAndTaggedAfterTheirExercise() {
        List<String> problems = new ArrayList<>();
        for (TestIdentifier test : run.tests()) {
            naming(test).ifPresent(problems::add);
        }

        assertThat(problems).as("graders whose name, package or tag disagree").isEmpty();
    }

    @Test
    @DisplayName("every grader test runs and fails on the stub, which names its exercise")
    void everyGraderTestFailsOnItsStub() {
        List<String> problems = new ArrayList<>();
        for (TestIdentifier test : run.tests()) {
            outcome(test).ifPresent(problems::add);
        }

        assertThat(problems)
                .as("grader tests that did not fail on their stub (this check holds only for"
                        + " untouched stubs: grade your own work with scripts/grade)")
                .isEmpty();
    }

    private static Optional<String> naming(TestIdentifier test) {
        MethodSource source = sourceOf(test);
        String simpleName = source.getJavaClass().getSimpleName();
        Matcher name = GRADER.matcher(simpleName);
        if (!name.matches()) {
            return Optional.of(source.getClassName() + " is not named ExNNxSubjectTest");
        }
        String exercise = exerciseOf(name);
        String chapterPackage = EXERCISES + ".ch" + name.group(1);
        if (!source.getJavaClass().getPackageName().equals(chapterPackage)) {
            return Optional.of(source.getClassName() + " is not in package " + chapterPackage);
        }
        List<String> tags = test.getTags().stream().map(TestTag::getName).toList();
        if (!tags.equals(List.of(exercise))) {
            return Optional.of(label(test) + " must carry exactly the tag \"" + exercise
                    + "\", has: " + tags);
        }
        return Optional.empty();
    }

    private static Optional<String> outcome(TestIdentifier test) {
        TestExecutionResult result = run.results().get(test);
        if (result == null) {
            return Optional.of(label(test) + " did not run");
        }
        if (result.getStatus() != TestExecutionResult.Status.FAILED) {
            return Optional.of(label(test) + " ended " + result.getStatus() + ", not FAILED");
        }
        Matcher name = GRADER.matcher(sourceOf(test).getJavaClass().getSimpleName());
        String exercise = name.matches() ? exerciseOf(name) : "ex??";
        Throwable failure = result.getThrowable().orElse(null);
        if (!hasStubException(failure, exercise)) {
            return Optional.of(label(test) + " failed without an UnsupportedOperationException"
                    + " naming " + exercise + " in its causes: " + failure);
        }
        return Optional.empty();
    }

    private static boolean hasStubException(Throwable failure, String exercise) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().contains(exercise)) {
                return true;
            }
        }
        return false;
    }

    private static String exerciseOf(Matcher graderName) {
        return "ex" + graderName.group(1) + graderName.group(2);
    }

    private static MethodSource sourceOf(TestIdentifier test) {
        return (MethodSource) test.getSource().orElseThrow();
    }

    private static String label(TestIdentifier test) {
        MethodSource source = sourceOf(test);
        return source.getJavaClass().getSimpleName() + "." + source.getMethodName();
    }

    /** Collects every test of the plan and how each one ended. */
    private static final class Recorder implements TestExecutionListener {

        private final List<TestIdentifier> tests = new ArrayList<>();
        private final Map<TestIdentifier, TestExecutionResult> results = new LinkedHashMap<>();

        @Override
        public void testPlanExecutionStarted(TestPlan plan) {
            for (TestIdentifier root : plan.getRoots()) {
                plan.getDescendants(root).stream().filter(TestIdentifier::isTest)
                        .forEach(tests::add);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                results.put(id, result);
            }
        }

        List<TestIdentifier> tests() {
            return tests;
        }

        Map<TestIdentifier, TestExecutionResult> results() {
            return results;
        }
    }
}
