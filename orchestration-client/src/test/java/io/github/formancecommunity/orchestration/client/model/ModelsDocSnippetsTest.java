package io.github.formancecommunity.orchestration.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.formancecommunity.orchestration.client.OrchestrationApiException;
import io.github.formancecommunity.orchestration.client.OrchestrationJson;
import io.github.formancecommunity.orchestration.client.OrchestrationOperation;
import tools.jackson.databind.json.JsonMapper;

/** Runs the snippets of {@code docs/models.md} and checks that the page shows them as they are compiled. */
class ModelsDocSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/io/github/formancecommunity/orchestration/client/model/"
            + "ModelsDocSnippets.java");
    private static final Path PAGE = Path.of("../docs/models.md");

    private final JsonMapper mapper = OrchestrationJson.mapper();

    @Test
    void everyJavaBlockOfThePageIsARegionOfTheSnippetSource() throws IOException {
        String source = Files.readString(SOURCE);
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        while (block.find()) {
            blocks.add(block.group(1).strip());
        }
        List<String> regions = new ArrayList<>();
        Matcher region = Pattern.compile("// tag::([\\w-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL)
                .matcher(source);
        while (region.find()) {
            regions.add(dedent(region.group(2)));
        }

        assertThat(blocks).hasSize(7).allSatisfy(shown -> assertThat(regions).contains(shown));
    }

    @Test
    void theSnippetsDoWhatThePageSays() {
        Workflow typed = workflow(ModelsDocSnippets.typedStages());
        assertThat(ModelsDocSnippets.readTyped(typed)).contains("EUR/2");
        assertThat(typed.config().stages().get(2).delay().orElseThrow().duration()).isEqualTo("30s");

        Workflow variable = workflow(ModelsDocSnippets.placeholders());
        assertThat(ModelsDocSnippets.readPlaceholder(variable)).isEqualTo("${amount}");
        assertThat(ModelsDocSnippets.readPlaceholder(typed)).isEqualTo("100");

        Workflow odd = mapper.readValue("{\"id\":\"w\",\"config\":{\"stages\":[{\"a\":1,\"b\":2},{\"delay\":{}}]}}",
                Workflow.class);
        assertThat(ModelsDocSnippets.unrecognised(odd)).containsExactly("{\"a\":1,\"b\":2}");

        assertThat(ModelsDocSnippets.durations()).containsExactly("1h30m0s", "250ms", "${wait}", "PT1.5S");
        assertThatIllegalArgumentException().isThrownBy(() -> StageDelay.ofDuration("PT1S"))
                .withMessageStartingWith("delay duration \"PT1S\" is not a Go duration (such as 90s, 1h30m, 1.5s or 250ms;");

        assertThat(ModelsDocSnippets.openEnums(failure(ErrorCode.of("VALIDATION")))).isEqualTo("fix the request");
        assertThat(ModelsDocSnippets.openEnums(failure(ErrorCode.of("CONFLICT"))))
                .isEqualTo("a code this client does not list: CONFLICT");
        assertThat(ModelsDocSnippets.openEnums(failure(null))).isEqualTo("no API error body");
    }

    /** The workflow as the server would echo it: the config written and read back. */
    private Workflow workflow(WorkflowConfig config) {
        return mapper.readValue("{\"id\":\"w\",\"config\":" + mapper.writeValueAsString(config) + "}", Workflow.class);
    }

    private static OrchestrationApiException failure(ErrorCode code) {
        return new OrchestrationApiException(OrchestrationOperation.GET_WORKFLOW, 400, code, "m", null, null, "m");
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().toList();
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList())
                .strip();
    }
}
