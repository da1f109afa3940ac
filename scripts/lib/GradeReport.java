// Prints the score table of scripts/grade from Maven Surefire's XML reports.
// Run: java scripts/lib/GradeReport.java REPORTS_DIR   (Java 17 or newer, no dependencies)
// Exit code: 0 when every exercise passes, 1 when one fails, 2 when no grader ran, 64 on bad
// arguments.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the reports the graders of every chapter leave, and scores each exercise: one point per
 * test that passed.
 *
 * <p>A report file is named after its test class ({@code TEST-<class>.xml}), and a grader class
 * after its exercise: {@code ch01.Ex01aBilledDurationTest} grades ex01a of chapter 01. The
 * exercise's title and the tests' names are the {@code @DisplayName}s Surefire writes in the
 * report. Reports of other test classes are left out.
 */
public final class GradeReport {

    private static final Pattern REPORT_FILE = Pattern.compile("TEST-(.+)\\.xml");
    private static final Pattern GRADER = Pattern.compile("Ex(\\d\\d)([a-z])([A-Za-z0-9]*)Test");
    private static final int MESSAGE_WIDTH = 90;

    /** How one test ended: {@code failure} is empty when it passed. */
    record TestResult(String name, Optional<String> failure) {

        boolean passed() {
            return failure.isEmpty();
        }
    }

    /** One exercise's tests, in the order they ran. */
    record Exercise(String id, String chapter, String title, List<TestResult> tests) {

        long earned() {
            return tests.stream().filter(TestResult::passed).count();
        }

        boolean passed() {
            return !tests.isEmpty() && earned() == tests.size();
        }

        Optional<TestResult> firstFailure() {
            return tests.stream().filter(t -> !t.passed()).findFirst();
        }
    }

    /**
     * Prints the table for one folder of reports and exits with the grade's code.
     *
     * @param args the folder of Surefire's XML reports
     * @throws Exception if a report cannot be read or parsed
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java GradeReport.java REPORTS_DIR");
            System.exit(64);
        }
        Path dir = Path.of(args[0]);
        List<Exercise> exercises = Files.isDirectory(dir) ? readAll(dir) : List.of();
        if (exercises.isEmpty()) {
            System.out.println("No grader ran: no grader report in " + dir + ".");
            System.exit(2);
        }
        print(exercises);
        System.exit(exercises.stream().allMatch(Exercise::passed) ? 0 : 1);
    }

    /**
     * Reads every grader's report. An exercise may have several graders, such as
     * {@code Ex02aKeepAliveTest} and {@code Ex02aKeepAliveOnThePlatformTest}: the one with the
     * shortest name gives the title and its tests come first, the others' follow.
     */
    static List<Exercise> readAll(Path dir) throws Exception {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted(Comparator.comparingInt((Path f) -> f.toString().length())
                    .thenComparing(Comparator.naturalOrder())).toList();
        }
        Map<String, Exercise> byId = new TreeMap<>();
        for (Path file : files) {
            read(file).ifPresent(e -> byId.merge(e.id(), e, GradeReport::join));
        }
        return new ArrayList<>(byId.values());
    }

    private static Exercise join(Exercise first, Exercise more) {
        List<TestResult> tests = new ArrayList<>(first.tests());
        tests.addAll(more.tests());
        return new Exercise(first.id(), first.chapter(), first.title(), tests);
    }

    static Optional<Exercise> read(Path file) throws Exception {
        Matcher report = REPORT_FILE.matcher(file.getFileName().toString());
        if (!report.matches()) return Optional.empty();
        String className = report.group(1);
        Matcher grader = GRADER.matcher(className.substring(className.lastIndexOf('.') + 1));
        if (!grader.matches()) return Optional.empty();

        String id = "ex" + grader.group(1) + grader.group(2);
        Element suite = parse(file);
        String title = titleOf(suite.getAttribute("name"), id, grader.group(3));
        return Optional.of(new Exercise(id, grader.group(1), title, testsOf(suite)));
    }

    private static Element parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    /** "ex01a: billed duration and GB-seconds" gives "billed duration and GB-seconds". */
    private static String titleOf(String suiteName, String id, String subject) {
        String prefix = id + ":";
        if (suiteName.startsWith(prefix)) return suiteName.substring(prefix.length()).strip();
        return subject;
    }

    private static List<TestResult> testsOf(Element suite) {
        List<TestResult> tests = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            tests.add(new TestResult(testCase.getAttribute("name"), failureOf(testCase)));
        }
        return tests;
    }

    /** The reason a test did not pass, on one line; empty when it passed. */
    private static Optional<String> failureOf(Element testCase) {
        for (String kind : List.of("failure", "error", "skipped")) {
            NodeList found = testCase.getElementsByTagName(kind);
            if (found.getLength() > 0) {
                return Optional.of(describe(kind, (Element) found.item(0)));
            }
        }
        return Optional.empty();
    }

    private static String describe(String kind, Element problem) {
        String message = oneLine(problem.getAttribute("message"));
        if (kind.equals("skipped")) return "skipped" + (message.isEmpty() ? "" : ": " + message);
        if (kind.equals("failure")) return message.isEmpty() ? "assertion failed" : message;

        // An error is an exception the test did not expect: its type says as much as its text.
        String type = problem.getAttribute("type");
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        return message.isEmpty() ? simpleType : simpleType + ": " + message;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static void print(List<Exercise> exercises) {
        int titleWidth = exercises.stream().mapToInt(e -> e.title().length()).max().orElse(0);
        String chapter = "";
        for (Exercise exercise : exercises) {
            if (!exercise.chapter().equals(chapter)) {
                chapter = exercise.chapter();
                System.out.println("Chapter " + chapter);
            }
            printRow(exercise, titleWidth);
        }
        printTotal(exercises);
    }

    private static void printRow(Exercise exercise, int titleWidth) {
        String points = exercise.earned() + "/" + exercise.tests().size();
        String result = exercise.passed() ? "PASS" : "FAIL";
        System.out.printf("  %-6s %-" + titleWidth + "s  %6s  %s%n", exercise.id(),
                exercise.title(), points, result);
        exercise.firstFailure().ifPresent(test -> {
            System.out.println("         first failure: " + cut(test.name()));
            System.out.println("         " + cut(test.failure().get()));
        });
    }

    private static void printTotal(List<Exercise> exercises) {
        long earned = exercises.stream().mapToLong(Exercise::earned).sum();
        long possible = exercises.stream().mapToLong(e -> e.tests().size()).sum();
        long passed = exercises.stream().filter(Exercise::passed).count();
        System.out.printf("Total: %d/%d points; %d of %d exercises pass%n", earned, possible,
                passed, exercises.size());
    }

    private static String cut(String line) {
        return line.length() <= MESSAGE_WIDTH ? line : line.substring(0, MESSAGE_WIDTH - 3) + "...";
    }

    private GradeReport() {
    }
}
