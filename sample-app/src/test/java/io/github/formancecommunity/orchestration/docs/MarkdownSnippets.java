package io.github.formancecommunity.orchestration.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the code blocks of the repository's Markdown files against the code they show.
 *
 * <p>The convention: a fenced {@code java} block is preceded (on the nearest non-blank line) by a marker naming
 * the source it shows, as a path from the repository root and one or more regions separated by commas:
 *
 * <pre>
 * &lt;!-- snippet: sample-app/src/test/java/io/github/formancecommunity/orchestration/docs/Payouts.java#quick-start-service --&gt;
 * </pre>
 *
 * A region is the lines between {@code // tag::name[]} and {@code // end::name[]} in that file, without the tag
 * lines of other regions, with their common indentation removed. Several regions are shown one after the other,
 * separated by one blank line. The block must equal them, line for line (trailing spaces aside), once its own
 * indentation (that of its fence, in a list item) is removed.
 *
 * <p>Also checked: no {@code java} block without a marker, no marker without a {@code java} block after it, and
 * no {@code <version>} on a dependency of this project in an {@code xml} block other than the BOM's import, so
 * that every dependency snippet works with the BOM imported once.
 */
final class MarkdownSnippets {

    static final String GROUP_ID = "io.github.formancecommunity";
    static final String BOM = "orchestration-bom";

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+?)#(\\S+)\\s*-->\\s*$");
    private static final Pattern ANY_MARKER = Pattern.compile("^\\s*<!--\\s*snippet:.*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+)\\s*([\\w+-]*).*$");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([\\w.-]+)\\[]\\s*$");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git", ".mvn", ".idea");

    private final Path root;

    MarkdownSnippets(Path root) {
        this.root = root;
    }

    /** The repository root: the nearest directory, from the working directory up, holding the Maven wrapper. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no directory with mvnw and pom.xml above " + Path.of("").toAbsolutePath());
    }

    /** Every Markdown file under the root, outside build output and hidden directories. */
    List<Path> markdownFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !inSkippedDirectory(root.relativize(file)))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSkippedDirectory(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String directory = relative.getName(i).toString();
            if (SKIPPED_DIRECTORIES.contains(directory) || directory.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong in one Markdown file, one message per problem; empty when nothing is. */
    List<String> problems(Path markdown) {
        List<String> lines = read(markdown);
        String name = root.relativize(markdown).toString();
        List<String> problems = new ArrayList<>();
        String pendingMarker = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String indent = fence.group(1);
                String language = fence.group(3);
                int end = closingFence(lines, i, fence.group(2));
                if (end < 0) {
                    problems.add(name + ":" + (i + 1) + ": the code block is never closed");
                    return problems;
                }
                List<String> block = dedent(lines.subList(i + 1, end), indent.length());
                if (language.equals("java")) {
                    if (pendingMarker == null) {
                        problems.add(name + ":" + (i + 1) + ": java block without a '<!-- snippet: path#region -->'"
                                + " marker before it");
                    }
                    else {
                        problems.addAll(compare(name, i + 1, pendingMarker, block));
                    }
                }
                else {
                    if (pendingMarker != null) {
                        problems.add(name + ":" + pendingLine + ": snippet marker not followed by a java block");
                    }
                    if (language.equals("xml")) {
                        problems.addAll(versionedDependencies(name, i + 1, block));
                    }
                }
                pendingMarker = null;
                i = end;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (pendingMarker != null) {
                problems.add(name + ":" + pendingLine + ": snippet marker not followed by a java block");
                pendingMarker = null;
            }
            if (MARKER.matcher(line).matches()) {
                pendingMarker = line;
                pendingLine = i + 1;
            }
            else if (ANY_MARKER.matcher(line).matches()) {
                problems.add(name + ":" + (i + 1) + ": malformed snippet marker, expected"
                        + " '<!-- snippet: path/from/root/File.java#region[,region] -->'");
            }
        }
        if (pendingMarker != null) {
            problems.add(name + ":" + pendingLine + ": snippet marker not followed by a java block");
        }
        return problems;
    }

    private List<String> compare(String name, int fenceLine, String marker, List<String> block) {
        Matcher matcher = MARKER.matcher(marker);
        matcher.matches();
        String source = matcher.group(1);
        Path file = root.resolve(source).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return List.of(name + ":" + fenceLine + ": the snippet's source " + source + " does not exist");
        }
        List<String> expected = new ArrayList<>();
        for (String region : matcher.group(2).split(",")) {
            List<String> lines;
            try {
                lines = region(read(file), region);
            }
            catch (IllegalArgumentException e) {
                return List.of(name + ":" + fenceLine + ": " + source + ": " + e.getMessage());
            }
            if (!expected.isEmpty()) {
                expected.add("");
            }
            expected.addAll(lines);
        }
        List<String> actual = block.stream().map(MarkdownSnippets::stripTrailing).toList();
        if (actual.equals(expected)) {
            return List.of();
        }
        return List.of(name + ":" + fenceLine + ": the java block differs from " + source + "#" + matcher.group(2)
                + " " + firstDifference(actual, expected));
    }

    /** The lines of one tagged region of a source file, without nested tag lines and common indentation. */
    static List<String> region(List<String> source, String region) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < source.size(); i++) {
            Matcher tag = TAG.matcher(source.get(i));
            if (tag.matches() && tag.group(2).equals(region)) {
                if (tag.group(1).equals("tag")) {
                    if (start >= 0) {
                        throw new IllegalArgumentException("region '" + region + "' is opened twice");
                    }
                    start = i;
                }
                else {
                    if (start < 0 || end >= 0) {
                        throw new IllegalArgumentException("region '" + region + "' is closed without being opened");
                    }
                    end = i;
                }
            }
        }
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("no region '" + region + "' (// tag::" + region + "[] ... // end::"
                    + region + "[])");
        }
        List<String> lines = source.subList(start + 1, end).stream()
                .filter(line -> !TAG.matcher(line).matches())
                .map(MarkdownSnippets::stripTrailing)
                .toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return dedent(lines, indent);
    }

    private static List<String> versionedDependencies(String name, int fenceLine, List<String> block) {
        List<String> problems = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(String.join("\n", block));
        while (dependency.find()) {
            String body = dependency.group(1);
            if (body.contains("<groupId>" + GROUP_ID + "</groupId>") && body.contains("<version>")
                    && !body.contains("<artifactId>" + BOM + "</artifactId>")) {
                problems.add(name + ":" + fenceLine + ": a dependency of this project with a <version>: import "
                        + BOM + " once and leave the versions to it");
            }
        }
        return problems;
    }

    private static int closingFence(List<String> lines, int open, String ticks) {
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(ticks)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> dedent(List<String> lines, int indent) {
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            int spaces = 0;
            while (spaces < indent && spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            result.add(stripTrailing(line.substring(spaces)));
        }
        return result;
    }

    private static String firstDifference(List<String> actual, List<String> expected) {
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            String shown = i < actual.size() ? actual.get(i) : "(end of block)";
            String source = i < expected.size() ? expected.get(i) : "(end of region)";
            if (!shown.equals(source)) {
                return "at its line " + (i + 1) + ":\n    doc:    " + shown + "\n    source: " + source;
            }
        }
        return "";
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
