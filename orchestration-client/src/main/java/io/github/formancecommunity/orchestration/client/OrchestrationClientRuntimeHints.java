package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * The GraalVM native-image hints of the client, registered for Spring AOT in {@code META-INF/spring/aot.factories}
 * (Spring is an optional dependency of the client: this class is only loaded by Spring's AOT processing).
 *
 * <ul>
 *   <li>every type of the {@code model} package, nested types included, found by scanning the package when the
 *       hints are registered: Jackson 3 calls their constructors, canonical constructors, {@code @JsonCreator}
 *       factories and accessors, and reads their fields' annotations;</li>
 *   <li>the {@code {"data": ...}} envelope record the success bodies are decoded into;</li>
 *   <li>the Feign wire interface {@link OrchestrationV1Api}: a JDK proxy, and its methods read for their
 *       annotations and generic types;</li>
 *   <li>every {@link OrchestrationException} type of this package (their getters, for applications that render
 *       exceptions reflectively, e.g. as JSON error bodies);</li>
 *   <li>the resources Apache HttpClient 5 reads when the client builds its connection pool: the public suffix
 *       list of the TLS host name check and the version files of the default {@code User-Agent}.</li>
 * </ul>
 *
 * <p>The client jar also carries the same hints as GraalVM reachability metadata
 * ({@code META-INF/native-image/io.github.formancecommunity/orchestration-client/reachability-metadata.json}) for
 * applications built without Spring AOT.
 */
final class OrchestrationClientRuntimeHints implements RuntimeHintsRegistrar {

    /** The package whose types Jackson binds. */
    static final String MODEL_PACKAGE = Workflow.class.getPackageName();

    /** The resources read at run time by the HTTP transport. */
    static final Set<String> RESOURCES = Set.of(
            "org/publicsuffix/list/effective_tld_names.dat",
            "org/apache/hc/client5/version.properties",
            "org/apache/hc/core5/version.properties");

    private static final MemberCategory[] BINDING = {
            MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
            MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
            MemberCategory.INVOKE_PUBLIC_METHODS,
            MemberCategory.INVOKE_DECLARED_METHODS,
            MemberCategory.ACCESS_DECLARED_FIELDS };

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        ClassLoader loader = classLoader != null ? classLoader : getClass().getClassLoader();
        for (String name : classNamesIn(MODEL_PACKAGE, loader)) {
            hints.reflection().registerTypeIfPresent(loader, name, BINDING);
        }
        hints.reflection().registerType(DataEnvelope.class, BINDING);
        hints.proxies().registerJdkProxy(OrchestrationV1Api.class);
        hints.reflection().registerType(OrchestrationV1Api.class, MemberCategory.INVOKE_PUBLIC_METHODS);
        for (String name : classNamesIn(OrchestrationException.class.getPackageName(), loader)) {
            Class<?> type = load(name, loader);
            if (type != null && OrchestrationException.class.isAssignableFrom(type)) {
                hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
                        MemberCategory.INVOKE_PUBLIC_METHODS);
            }
        }
        RESOURCES.forEach(hints.resources()::registerPattern);
    }

    /**
     * The binary names of the classes of one package (not its sub-packages), nested classes included, anonymous
     * and local classes left out, as the class loader sees them.
     */
    static Set<String> classNamesIn(String packageName, ClassLoader loader) {
        String path = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:" + path + "/*.class");
            for (Resource resource : resources) {
                String file = resource.getFilename();
                if (file == null || file.equals("package-info.class") || file.equals("module-info.class")) {
                    continue;
                }
                String simple = file.substring(0, file.length() - ".class".length());
                if (!isAnonymousOrLocal(simple)) {
                    names.add(packageName + "." + simple);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not list the classes of " + packageName, ex);
        }
        return names;
    }

    /** {@code Outer$1} or {@code Outer$1Local}: a segment after a {@code $} that starts with a digit. */
    private static boolean isAnonymousOrLocal(String simpleName) {
        int dollar = simpleName.indexOf('$');
        while (dollar >= 0 && dollar + 1 < simpleName.length()) {
            if (Character.isDigit(simpleName.charAt(dollar + 1))) {
                return true;
            }
            dollar = simpleName.indexOf('$', dollar + 1);
        }
        return false;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return ClassUtils.forName(name, loader);
        }
        catch (ClassNotFoundException | LinkageError ex) {
            return null;
        }
    }
}
