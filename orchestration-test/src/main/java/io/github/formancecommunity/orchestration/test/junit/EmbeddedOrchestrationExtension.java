package io.github.formancecommunity.orchestration.test.junit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.github.formancecommunity.orchestration.client.OrchestrationClientBuilder;
import io.github.formancecommunity.orchestration.client.OrchestrationV1;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;
import io.github.formancecommunity.orchestration.test.EmbeddedOrchestrationServer;

/**
 * The JUnit Jupiter extension behind {@link EmbeddedOrchestration}: starts one {@link EmbeddedOrchestrationServer}
 * per annotated test class, resets it before each test, resolves server and client parameters, and closes both
 * when the class is done. An {@link OrchestrationV1} or {@link OrchestrationV1Client} parameter is the plain client
 * (no retries, no circuit breaker: an injected fault reaches the test as an exception); an
 * {@link OrchestrationClientBuilder} parameter is a new builder pointed at the server, to build a decorated client
 * (retries, breaker, metrics) that the test closes itself. Usable directly with {@code @ExtendWith}, in which case the annotation's defaults apply.
 */
public final class EmbeddedOrchestrationExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedOrchestrationExtension.class);

    /** Creates the extension; JUnit does this when it meets {@link EmbeddedOrchestration}. */
    public EmbeddedOrchestrationExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ServerResources resources = resources(context);
        if (resources.settings().resetBetweenTests()) {
            resources.server().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedOrchestrationServer.class || type == OrchestrationV1.class
                || type == OrchestrationV1Client.class || type == OrchestrationClientBuilder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ServerResources resources = resources(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == EmbeddedOrchestrationServer.class) {
            return resources.server();
        }
        if (type == OrchestrationV1.class || type == OrchestrationV1Client.class) {
            return resources.client();
        }
        if (type == OrchestrationClientBuilder.class) {
            return resources.server().newClientBuilder();
        }
        throw new ParameterResolutionException("cannot resolve a parameter of type " + type.getName());
    }

    private static ServerResources resources(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        EmbeddedOrchestration settings = owner.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, EmbeddedOrchestration.class))
                .orElse(Defaults.SETTINGS);
        return owner.getStore(NAMESPACE).computeIfAbsent(ServerResources.class,
                key -> ServerResources.start(settings), ServerResources.class);
    }

    /** The context of the innermost enclosing class that carries the annotation, else the outermost class. */
    private static ExtensionContext owner(ExtensionContext context) {
        ExtensionContext outermostClass = context;
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            Optional<Class<?>> element = current.getElement()
                    .filter(Class.class::isInstance)
                    .map(Class.class::cast);
            if (element.isPresent()) {
                if (AnnotationSupport.isAnnotated(element.get(), EmbeddedOrchestration.class)) {
                    return current;
                }
                outermostClass = current;
            }
        }
        return outermostClass;
    }

    /** The server and client of one test class; JUnit closes them with the class's store. */
    private record ServerResources(EmbeddedOrchestration settings, EmbeddedOrchestrationServer server,
            OrchestrationV1Client client) implements AutoCloseable {

        static ServerResources start(EmbeddedOrchestration settings) {
            EmbeddedOrchestrationServer.Builder builder = EmbeddedOrchestrationServer.builder()
                    .pathPrefix(settings.pathPrefix())
                    .tokenTtl(duration(settings.tokenTtl(), "tokenTtl"));
            if (settings.auth()) {
                builder.client(settings.clientId(), settings.clientSecret());
            }
            if (!settings.maxDelay().isEmpty()) {
                builder.maxDelay(duration(settings.maxDelay(), "maxDelay"));
            }
            EmbeddedOrchestrationServer server = builder.start();
            return new ServerResources(settings, server, server.newClient());
        }

        @Override
        public void close() throws Exception {
            try {
                client.close();
            }
            finally {
                server.close();
            }
        }

        private static Duration duration(String value, String attribute) {
            try {
                return Duration.parse(value);
            }
            catch (DateTimeParseException ex) {
                throw new ExtensionConfigurationException("@EmbeddedOrchestration(" + attribute + " = \"" + value
                        + "\") is not an ISO-8601 duration such as PT1H", ex);
            }
        }
    }

    @EmbeddedOrchestration
    private static final class Defaults {
        static final EmbeddedOrchestration SETTINGS = Defaults.class.getAnnotation(EmbeddedOrchestration.class);
    }
}
