package io.github.formancecommunity.orchestration.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import com.fasterxml.jackson.annotation.JsonCreator;

import io.github.formancecommunity.orchestration.client.model.ErrorCode;
import io.github.formancecommunity.orchestration.client.model.Subject;
import io.github.formancecommunity.orchestration.client.model.Workflow;

/**
 * The client's runtime hints, as Spring AOT loads them from {@code META-INF/spring/aot.factories}: one hint per
 * model type (listed from the class files, so a model added without a hint fails here), the Feign proxy, the
 * exceptions and the transport's resources.
 */
class OrchestrationClientRuntimeHintsTest {

    private static final RuntimeHints hints = new RuntimeHints();

    @BeforeAll
    static void registerAsSpringAotDoes() {
        ClassLoader loader = OrchestrationClientRuntimeHintsTest.class.getClassLoader();
        List<RuntimeHintsRegistrar> registrars = AotServices.factories(loader).load(RuntimeHintsRegistrar.class)
                .asList();
        assertThat(registrars).hasAtLeastOneElementOfType(OrchestrationClientRuntimeHints.class);
        registrars.forEach(registrar -> registrar.registerHints(hints, loader));
    }

    static List<Class<?>> modelTypes() {
        return ModelPackage.modelTypes();
    }

    @Test
    void theModelPackageListingFindsTheModelsAndTheirNestedTypes() {
        assertThat(modelTypes()).hasSizeGreaterThan(50)
                .contains(Workflow.class, ErrorCode.class, Subject.class, Subject.Deserializer.class)
                .noneMatch(type -> type.isAnonymousClass() || type.isLocalClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelTypes")
    void everyModelTypeIsRegisteredForJacksonBinding(Class<?> type) {
        assertThat(RuntimeHintsPredicates.reflection().onType(type)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                        MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS))
                .accepts(hints);
        if (type.isRecord()) {
            Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(declaredConstructor(type,
                    components))).accepts(hints);
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                        .as(component.getAccessor().toString()).accepts(hints);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(JsonCreator.class)) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
                        .accepts(hints);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelTypes")
    void aHintSetWithoutTheClientRegistrarMissesEveryModelType(Class<?> type) {
        Predicate<RuntimeHints> registered = RuntimeHintsPredicates.reflection().onType(type)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
        assertThat(registered).rejects(new RuntimeHints());
    }

    @Test
    void theSuccessEnvelopeIsRegisteredForJacksonBinding() {
        assertThat(RuntimeHintsPredicates.reflection().onType(DataEnvelope.class)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                        MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
    }

    @Test
    void theFeignWireInterfaceIsAJdkProxyWithItsMethodsReadable() {
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(OrchestrationV1Api.class)).accepts(hints);
        for (Method method : OrchestrationV1Api.class.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.toString())
                        .accepts(hints);
            }
        }
    }

    @Test
    void everyExceptionTypeOfTheClientIsRegistered() {
        List<Class<?>> exceptions = ModelPackage.typesOf(OrchestrationException.class.getPackageName()).stream()
                .filter(OrchestrationException.class::isAssignableFrom).toList();
        assertThat(exceptions).contains(OrchestrationException.class, OrchestrationApiException.class,
                OrchestrationTimeoutException.class);
        for (Class<?> exception : exceptions) {
            assertThat(RuntimeHintsPredicates.reflection().onType(exception)
                    .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).as(exception.getName())
                    .accepts(hints);
        }
    }

    @Test
    void theResourcesTheTransportReadsAreRegisteredAndExist() {
        assertThat(OrchestrationClientRuntimeHints.RESOURCES).isNotEmpty();
        for (String resource : OrchestrationClientRuntimeHints.RESOURCES) {
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
            assertThat(RuntimeHintsPredicates.resource().forResource(resource)).as(resource).accepts(hints);
        }
    }

    private static java.lang.reflect.Constructor<?> declaredConstructor(Class<?> type, Class<?>[] parameters) {
        try {
            return type.getDeclaredConstructor(parameters);
        }
        catch (NoSuchMethodException ex) {
            throw new AssertionError(ex);
        }
    }
}
