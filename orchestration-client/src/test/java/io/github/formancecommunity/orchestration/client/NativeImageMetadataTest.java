package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.nativex.FileNativeConfigurationWriter;

import io.github.formancecommunity.orchestration.client.model.Workflow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraalVM reachability metadata the client jar ships for applications built without Spring AOT
 * ({@value #LOCATION}) holds exactly what {@link OrchestrationClientRuntimeHints} registers, and every type of the
 * model package (listed from the class files).
 *
 * <p>When a model type is added, the file is out of date and this test fails; regenerate it with
 * {@code ./mvnw -B -o -pl orchestration-client test -Dtest=NativeImageMetadataTest
 * -Dorchestration.native-metadata.write=true}.
 */
class NativeImageMetadataTest {

    static final String GROUP = "io.github.formancecommunity";
    static final String ARTIFACT = "orchestration-client";
    static final String LOCATION = "META-INF/native-image/" + GROUP + "/" + ARTIFACT + "/reachability-metadata.json";
    private static final String WRITE_FLAG = "orchestration.native-metadata.write";

    @Test
    void theShippedMetadataIsWhatTheRuntimeHintsRegister(@TempDir Path generated) throws IOException {
        RuntimeHints hints = new RuntimeHints();
        new OrchestrationClientRuntimeHints().registerHints(hints, withoutTestClasses(getClass().getClassLoader()));
        new FileNativeConfigurationWriter(generated, GROUP, ARTIFACT).write(hints);
        Path expected = generated.resolve(LOCATION);

        if (Boolean.getBoolean(WRITE_FLAG)) {
            Path source = Path.of("src/main/resources").resolve(LOCATION);
            Files.createDirectories(source.getParent());
            Files.copy(expected, source, StandardCopyOption.REPLACE_EXISTING);
        }

        JsonNode shipped = shipped();
        assertThat(shipped)
                .as("%s is out of date: regenerate it with ./mvnw -B -o -pl orchestration-client test"
                        + " -Dtest=NativeImageMetadataTest -D%s=true", LOCATION, WRITE_FLAG)
                .isEqualTo(withoutComment(OrchestrationJson.mapper().readTree(expected.toFile())));
    }

    @Test
    void theShippedMetadataNamesEveryModelTypeTheProxyAndTheResources() throws IOException {
        JsonNode shipped = shipped();
        Set<String> reflected = new HashSet<>();
        Set<String> proxies = new HashSet<>();
        for (JsonNode entry : shipped.path("reflection")) {
            JsonNode type = entry.path("type");
            if (type.isString()) {
                reflected.add(type.stringValue());
            }
            else {
                type.path("proxy").forEach(proxy -> proxies.add(proxy.stringValue()));
            }
        }
        Set<String> modelTypes = new HashSet<>();
        for (Class<?> type : ModelPackage.modelTypes()) {
            assertThat(reflected).as("%s in %s", type.getName(), LOCATION).contains(type.getName());
            modelTypes.add(type.getName());
        }
        assertThat(reflected).as("model types of %s that are not in the client's main classes", LOCATION)
                .filteredOn(name -> name.startsWith(OrchestrationClientRuntimeHints.MODEL_PACKAGE + "."))
                .isSubsetOf(modelTypes);
        assertThat(reflected).contains(Workflow.class.getName(), DataEnvelope.class.getName());
        assertThat(proxies).contains(OrchestrationV1Api.class.getName());
        Set<String> resources = new HashSet<>();
        shipped.path("resources").forEach(resource -> resources.add(resource.path("glob").stringValue()));
        assertThat(resources).containsAll(OrchestrationClientRuntimeHints.RESOURCES);
    }

    /**
     * The test class path as an application's class path would be: without this module's test classes, which share
     * the model package and must not be named in the shipped metadata.
     */
    private static ClassLoader withoutTestClasses(ClassLoader testClassPath) {
        return new ClassLoader(testClassPath) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = new ArrayList<>();
                for (URL url : Collections.list(super.getResources(name))) {
                    if (!url.getPath().contains("/test-classes/")) {
                        urls.add(url);
                    }
                }
                return Collections.enumeration(urls);
            }
        };
    }

    private JsonNode shipped() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LOCATION)) {
            assertThat(in).as("%s on the class path", LOCATION).isNotNull();
            return withoutComment(OrchestrationJson.mapper().readTree(in));
        }
    }

    /** The writer's comment names the Spring version that wrote the file, which is not a hint. */
    private static JsonNode withoutComment(JsonNode metadata) {
        ((ObjectNode) metadata).remove("comment");
        return metadata;
    }
}
