package io.github.formancecommunity.orchestration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code spring-boot:test-run}, the README's command that runs the sample, needs exactly one main class among the
 * sample's test classes: with a second one it stops with "Unable to find a single main class".
 */
class TestRunMainClassTest {

    @Test
    void theDevelopmentTimeMainIsTheOnlyMainClassOfTheTestClasses() throws Exception {
        Path testClasses = Path.of(TestSampleApplication.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> mains;
        try (Stream<Path> files = Files.walk(testClasses)) {
            mains = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> testClasses.relativize(file).toString().replace('/', '.').replace(".class", ""))
                    .filter(TestRunMainClassTest::hasMain)
                    .toList();
        }

        assertThat(mains).containsExactly(TestSampleApplication.class.getName());
    }

    private static boolean hasMain(String className) {
        try {
            Method main = Class.forName(className, false, TestRunMainClassTest.class.getClassLoader())
                    .getDeclaredMethod("main", String[].class);
            return Modifier.isPublic(main.getModifiers()) && Modifier.isStatic(main.getModifiers());
        }
        catch (NoSuchMethodException | ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }
}
