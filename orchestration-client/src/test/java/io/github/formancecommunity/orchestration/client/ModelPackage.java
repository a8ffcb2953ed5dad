package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * The types of a package of this module, listed from the compiled class files on disk (independently of the
 * Spring scan the hints use), nested types included, anonymous and local classes left out.
 */
final class ModelPackage {

    private static final Pattern ANONYMOUS_OR_LOCAL = Pattern.compile(".*\\$\\d.*");

    private ModelPackage() {
    }

    /** Every type of the model package. */
    static List<Class<?>> modelTypes() {
        return typesOf(Workflow.class.getPackageName());
    }

    /** Every type of one package of this module's main classes. */
    static List<Class<?>> typesOf(String packageName) {
        try {
            Path classes = Path.of(Workflow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path directory = classes.resolve(packageName.replace('.', '/'));
            try (Stream<Path> files = Files.list(directory)) {
                return files.map(file -> file.getFileName().toString())
                        .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                        .map(name -> name.substring(0, name.length() - ".class".length()))
                        .filter(name -> !ANONYMOUS_OR_LOCAL.matcher(name).matches())
                        .sorted()
                        .<Class<?>>map(name -> load(packageName + "." + name))
                        .toList();
            }
        }
        catch (IOException | URISyntaxException ex) {
            throw new IllegalStateException("Could not list the classes of " + packageName, ex);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ModelPackage.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
