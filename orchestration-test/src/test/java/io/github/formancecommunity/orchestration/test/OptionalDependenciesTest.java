package io.github.formancecommunity.orchestration.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * JUnit, spring-test and spring-boot-test are optional dependencies of this module: an application that starts the
 * embedded server (like the sample app) has none of them. This runs the server in a class loader without them.
 */
class OptionalDependenciesTest {

    private static final Pattern TEST_ONLY = Pattern.compile(
            ".*(junit-|opentest4j|spring-test-|spring-boot-test|test-classes|assertj|awaitility|mockito).*");

    @Test
    void theServerRunsWithoutJunitOrSpringTestOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!TEST_ONLY.matcher(entry.replace('\\', '/')).matches()) {
                urls.add(toUrl(entry));
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.junit.jupiter.api.Test", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("org.springframework.test.context.ContextCustomizer", false,
                    isolated)).isInstanceOf(ClassNotFoundException.class);

            Class<?> serverType = Class.forName(EmbeddedOrchestrationServer.class.getName(), true, isolated);
            assertThat(serverType.getClassLoader()).isSameAs(isolated);
            try (AutoCloseable server = (AutoCloseable) serverType.getMethod("startDefault").invoke(null);
                 AutoCloseable client = (AutoCloseable) serverType.getMethod("newClient").invoke(server)) {
                Object workflows = client.getClass().getMethod("listWorkflows").invoke(client);
                assertThat(workflows).isInstanceOf(List.class).asList().isEmpty();
            }
        }
    }

    private static URL toUrl(String entry) {
        try {
            return new File(entry).toURI().toURL();
        }
        catch (MalformedURLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
