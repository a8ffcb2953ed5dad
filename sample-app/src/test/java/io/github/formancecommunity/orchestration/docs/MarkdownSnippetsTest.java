package io.github.formancecommunity.orchestration.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet check catches what it must: a changed snippet, a missing marker, region or file, a versioned dependency. */
class MarkdownSnippetsTest {

    private static final String SOURCE = """
            package demo;

            // tag::all[]
            import java.util.List;

            class Demo {
                // tag::body[]
                List<String> names() {
                    return List.of("a");
                }
                // end::body[]
            }
            // end::all[]
            """;

    @TempDir
    Path root;

    private MarkdownSnippets snippets;

    @BeforeEach
    void source() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Demo.java"), SOURCE);
        snippets = new MarkdownSnippets(root);
    }

    @Test
    void aSnippetEqualToItsRegionPasses() throws IOException {
        assertThat(problems("""
                # Demo

                <!-- snippet: src/Demo.java#all -->
                ```java
                import java.util.List;

                class Demo {
                    List<String> names() {
                        return List.of("a");
                    }
                }
                ```
                """)).isEmpty();
    }

    @Test
    void anIndentedSnippetOfSeveralRegionsPasses() throws IOException {
        assertThat(problems("""
                1. In a list:

                   <!-- snippet: src/Demo.java#body,body -->
                   ```java
                   List<String> names() {
                       return List.of("a");
                   }

                   List<String> names() {
                       return List.of("a");
                   }
                   ```
                """)).isEmpty();
    }

    @Test
    void aSnippetThatDiffersFromItsSourceFailsNamingTheLine() throws IOException {
        assertThat(problems("""
                <!-- snippet: src/Demo.java#body -->
                ```java
                List<String> names() {
                    return List.of("b");
                }
                ```
                """)).singleElement().asString()
                .startsWith("doc.md:2: the java block differs from src/Demo.java#body at its line 2")
                .contains("return List.of(\"b\");", "return List.of(\"a\");");
    }

    @Test
    void aJavaBlockWithoutMarkerFails() throws IOException {
        assertThat(problems("""
                ```java
                class Demo {}
                ```
                """)).containsExactly("doc.md:1: java block without a '<!-- snippet: path#region -->' marker before it");
    }

    @Test
    void aMissingFileOrRegionFails() throws IOException {
        assertThat(problems("""
                <!-- snippet: src/Other.java#all -->
                ```java
                class Demo {}
                ```

                <!-- snippet: src/Demo.java#nowhere -->
                ```java
                class Demo {}
                ```
                """)).containsExactly("doc.md:2: the snippet's source src/Other.java does not exist",
                        "doc.md:7: src/Demo.java: no region 'nowhere' (// tag::nowhere[] ... // end::nowhere[])");
    }

    @Test
    void aMarkerWithoutJavaBlockFails() throws IOException {
        assertThat(problems("""
                <!-- snippet: src/Demo.java#all -->
                Some text.
                """)).containsExactly("doc.md:1: snippet marker not followed by a java block");
    }

    @Test
    void otherLanguagesNeedNoMarker() throws IOException {
        assertThat(problems("""
                ```bash
                ./mvnw -B verify
                ```
                """)).isEmpty();
    }

    @Test
    void aVersionedDependencyOfThisProjectFailsButTheBomImportDoesNot() throws IOException {
        assertThat(problems("""
                ```xml
                <dependency>
                  <groupId>io.github.formancecommunity</groupId>
                  <artifactId>orchestration-bom</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <type>pom</type>
                  <scope>import</scope>
                </dependency>
                <dependency>
                  <groupId>io.github.formancecommunity</groupId>
                  <artifactId>orchestration-test</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>other</artifactId>
                  <version>1.0</version>
                </dependency>
                ```
                """)).singleElement().asString().startsWith("doc.md:1: a dependency of this project with a <version>");
    }

    @Test
    void aRegionOpenedTwiceIsRefused() {
        assertThatThrownBy(() -> MarkdownSnippets.region(List.of("// tag::a[]", "// tag::a[]", "// end::a[]"), "a"))
                .hasMessage("region 'a' is opened twice");
    }

    @Test
    void markdownFilesUnderBuildOutputAndHiddenDirectoriesAreNotRead() throws IOException {
        for (String path : List.of("README.md", "docs/a.md", "target/b.md", "module/target/c.md", ".git/d.md")) {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), "text\n");
        }

        assertThat(snippets.markdownFiles()).extracting(file -> root.relativize(file).toString())
                .containsExactly("README.md", "docs/a.md");
    }

    private List<String> problems(String markdown) throws IOException {
        Path file = root.resolve("doc.md");
        Files.writeString(file, markdown);
        return snippets.problems(file);
    }
}
