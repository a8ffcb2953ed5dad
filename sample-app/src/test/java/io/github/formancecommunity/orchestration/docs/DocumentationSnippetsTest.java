package io.github.formancecommunity.orchestration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of the repository's Markdown files equals the compiled, tested code it names, and every
 * dependency snippet works with the BOM imported once (see {@link MarkdownSnippets} for the convention).
 */
class DocumentationSnippetsTest {

    private final MarkdownSnippets snippets = new MarkdownSnippets(MarkdownSnippets.repositoryRoot());

    @Test
    void everyJavaSnippetEqualsTheSourceItNames() {
        List<Path> files = snippets.markdownFiles();
        assertThat(files).extracting(file -> MarkdownSnippets.repositoryRoot().relativize(file).toString())
                .contains("README.md", "CONTRIBUTING.md", "docs/testing.md");

        List<String> problems = files.stream().flatMap(file -> snippets.problems(file).stream()).toList();

        assertThat(problems).as("documentation snippets").isEmpty();
    }
}
