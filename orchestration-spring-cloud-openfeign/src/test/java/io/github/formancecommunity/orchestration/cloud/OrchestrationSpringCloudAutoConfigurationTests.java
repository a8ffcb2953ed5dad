package io.github.formancecommunity.orchestration.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.core.NestedExceptionUtils;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationAutoConfiguration;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTargetFactory;
import io.github.formancecommunity.orchestration.client.OrchestrationV1Client;

/**
 * When the Spring Cloud OpenFeign integration applies, and that without Spring Cloud OpenFeign the application
 * gets exactly the beans it gets without this module and no Spring Cloud class is loaded.
 */
class OrchestrationSpringCloudAutoConfigurationTests {

    private static final String SPECIFICATION = "formance-orchestration.FeignClientSpecification";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FeignAutoConfiguration.class,
                    OrchestrationSpringCloudAutoConfiguration.class, OrchestrationAutoConfiguration.class))
            .withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:9",
                    "formance.orchestration.initialization=lazy");

    @Test
    void withSpringCloudOpenFeignTheClientIsTheFeignClientFormanceOrchestration() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OrchestrationFeignTargetFactory.class).hasBean(SPECIFICATION);
            context.getBean(OrchestrationV1Client.class).warmUp();
            assertThat(context.getBean(FeignClientFactory.class).getContextNames())
                    .containsExactly(OrchestrationSpringCloudAutoConfiguration.CLIENT_NAME);
        });
    }

    @Test
    void springCloudEnabledFalseKeepsTheClientsOwnFeignTarget() {
        runner.withPropertyValues("formance.orchestration.spring-cloud.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(OrchestrationFeignTargetFactory.class).doesNotHaveBean(SPECIFICATION);
            context.getBean(OrchestrationV1Client.class).warmUp();
            assertThat(context.getBean(FeignClientFactory.class).getContextNames()).isEmpty();
        });
    }

    @Test
    void aDisabledStarterRegistersNothing() {
        runner.withPropertyValues("formance.orchestration.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(OrchestrationFeignTargetFactory.class)
                .doesNotHaveBean(SPECIFICATION)
                .doesNotHaveBean(OrchestrationV1Client.class));
    }

    @Test
    void aTargetFactoryOfTheApplicationIsKept() {
        OrchestrationFeignTargetFactory own = new OrchestrationFeignTargetFactory() {
            @Override
            public <T> T create(io.github.formancecommunity.orchestration.client.OrchestrationFeignTarget<T> target) {
                throw new UnsupportedOperationException();
            }
        };
        runner.withBean(OrchestrationFeignTargetFactory.class, () -> own)
                .run(context -> assertThat(context.getBean(OrchestrationFeignTargetFactory.class)).isSameAs(own));
    }

    @Test
    void withoutSpringCloudOpenFeignTheBeansAreTheSameAndNoSpringCloudClassIsLoaded() {
        Set<String> asked = ConcurrentHashMap.newKeySet();
        FilteredClassLoader withoutSpringCloud = new FilteredClassLoader(name -> {
            if (name.startsWith("org.springframework.cloud.")) {
                asked.add(name);
                return true;
            }
            return false;
        });
        ApplicationContextRunner plain = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrchestrationAutoConfiguration.class))
                .withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:9");
        ApplicationContextRunner withModule = new ApplicationContextRunner()
                .withClassLoader(withoutSpringCloud)
                .withConfiguration(AutoConfigurations.of(OrchestrationSpringCloudAutoConfiguration.class,
                        OrchestrationAutoConfiguration.class))
                .withPropertyValues("formance.orchestration.base-url=http://127.0.0.1:9");

        plain.run(expected -> withModule.run(actual -> {
            assertThat(actual).hasNotFailed().doesNotHaveBean(OrchestrationFeignTargetFactory.class);
            assertThat(Set.of(actual.getBeanDefinitionNames()))
                    .isEqualTo(Set.of(expected.getBeanDefinitionNames()));
            actual.getBean(OrchestrationV1Client.class).warmUp();
        }));
        // Only the presence check of the activation condition asked for a Spring Cloud class.
        assertThat(asked).containsExactly(FeignClientFactory.class.getName());
    }

    @Test
    void anLbUrlWithoutLoadBalancerFailsTheStartNamingTheDependency() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.cloud.loadbalancer"))
                .withPropertyValues("formance.orchestration.base-url=lb://orchestration")
                .run(context -> assertThat(rootMessage(context.getStartupFailure()))
                        .contains("lb://orchestration", "spring-cloud-starter-loadbalancer"));
    }

    @Test
    void anLbUrlWithoutTheIntegrationFailsTheStart() {
        runner.withPropertyValues("formance.orchestration.base-url=lb://orchestration",
                "formance.orchestration.spring-cloud.enabled=false")
                .run(context -> assertThat(rootMessage(context.getStartupFailure()))
                        .contains("lb://orchestration", "needs the Spring Cloud OpenFeign integration"));
        runner.withClassLoader(new FilteredClassLoader(FeignClientFactory.class))
                .withPropertyValues("formance.orchestration.base-url=lb://orchestration")
                .run(context -> assertThat(rootMessage(context.getStartupFailure()))
                        .contains("needs the Spring Cloud OpenFeign integration"));
    }

    @Test
    void anLbUrlNeedsAnAbsoluteTokenUrl() {
        runner.withPropertyValues("formance.orchestration.base-url=lb://orchestration",
                "formance.orchestration.auth.client-id=app", "formance.orchestration.auth.client-secret=s3cret")
                .run(context -> assertThat(rootMessage(context.getStartupFailure()))
                        .contains("formance.orchestration.auth.token-url", "absolute")
                        .doesNotContain("s3cret"));
    }

    @Test
    void anLbUrlWithTheIntegrationAndLoadBalancerIsAccepted() {
        runner.withConfiguration(AutoConfigurations.of(
                org.springframework.cloud.client.loadbalancer.LoadBalancerAutoConfiguration.class,
                org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration.class,
                org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration.class,
                org.springframework.cloud.openfeign.loadbalancer.FeignLoadBalancerAutoConfiguration.class))
                .withPropertyValues("formance.orchestration.base-url=lb://orchestration")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OrchestrationV1Client.class));
    }

    private static String rootMessage(Throwable failure) {
        assertThat(failure).as("start-up failure").isNotNull();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getMessage();
    }
}
