package io.github.formancecommunity.orchestration.cloud;

import java.net.URI;

import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.openfeign.FeignClientBuilder;
import org.springframework.cloud.openfeign.FeignClientFactoryBean;
import org.springframework.cloud.openfeign.FeignClientProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import feign.Feign;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTarget;
import io.github.formancecommunity.orchestration.client.OrchestrationFeignTargetFactory;

/**
 * Creates the client's Feign target with Spring Cloud OpenFeign's {@link FeignClientBuilder}, as the client named
 * {@code formance-orchestration} (its context id): Spring Cloud applies its per-client configuration, load
 * balancing and HTTP client, then the client's own parts are put on the builder last
 * ({@link OrchestrationFeignTarget#configure(Feign.Builder)}).
 *
 * <p>An {@code lb://service-id} base URL becomes the Feign client name, so that Spring Cloud LoadBalancer resolves
 * every request; an http(s) base URL is the client's URL unless
 * {@code spring.cloud.openfeign.client.config.formance-orchestration.url} is set, which then wins.
 */
final class SpringCloudFeignTargetFactory implements OrchestrationFeignTargetFactory {

    static final String LOAD_BALANCER_CLASS =
            "org.springframework.cloud.loadbalancer.blocking.client.BlockingLoadBalancerClient";

    static final String MISSING_LOAD_BALANCER = "needs Spring Cloud LoadBalancer: add "
            + "org.springframework.cloud:spring-cloud-starter-loadbalancer to the application";

    private final ApplicationContext context;
    private final String clientName;

    SpringCloudFeignTargetFactory(ApplicationContext context, String clientName) {
        this.context = context;
        this.clientName = clientName;
    }

    @Override
    public void checkBaseUrl(URI baseUrl) {
        if (!isLoadBalanced(baseUrl)) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, or lb://service-id, "
                    + "got a '" + baseUrl.getScheme() + "' URL");
        }
        if (!ClassUtils.isPresent(LOAD_BALANCER_CLASS, context.getClassLoader())) {
            throw new IllegalArgumentException("baseUrl " + baseUrl + " is a load-balanced service id, which "
                    + MISSING_LOAD_BALANCER);
        }
        if (context.getBeanNamesForType(LoadBalancerClient.class, false, false).length == 0) {
            throw new IllegalArgumentException("baseUrl " + baseUrl + " is a load-balanced service id, but the "
                    + "application has no LoadBalancerClient (is spring.cloud.loadbalancer.enabled false?)");
        }
    }

    @Override
    public <T> T create(OrchestrationFeignTarget<T> target) {
        return TargetInCreation.with(target, () -> build(target));
    }

    private <T> T build(OrchestrationFeignTarget<T> target) {
        URI base = URI.create(target.baseUrl());
        boolean loadBalanced = isLoadBalanced(base);
        String name = loadBalanced ? base.getHost() : clientName;
        String path = (loadBalanced && base.getRawPath() != null ? base.getRawPath() : "") + target.pathPrefix();
        FeignClientBuilder.Builder<T> builder = new FeignClientBuilder(context)
                .forType(target.type(), new FeignClientFactoryBean(), name)
                .contextId(clientName)
                .path(path)
                .customize(feign -> finish(feign, target));
        if (!loadBalanced && !hasConfiguredUrl()) {
            builder.url(target.baseUrl());
        }
        return builder.build();
    }

    private void finish(Feign.Builder feign, OrchestrationFeignTarget<?> target) {
        if (!(feign instanceof OrchestrationFeignBuilder ours)) {
            throw new IllegalStateException("The Feign client '" + clientName + "' got a " + feign.getClass().getName()
                    + " from its context instead of the Orchestration client's builder: a Feign.Builder bean of the "
                    + "Spring Cloud OpenFeign default configuration replaced it; make that bean "
                    + "@ConditionalOnMissingBean, or set formance.orchestration.spring-cloud.enabled=false");
        }
        if (!ours.hasClient()) {
            ours.client(target.defaultClient());
        }
        ours.keepClientErrorHandling();
        target.configure(ours);
    }

    private boolean hasConfiguredUrl() {
        FeignClientProperties properties = context.getBeanProvider(FeignClientProperties.class).getIfAvailable();
        if (properties == null) {
            return false;
        }
        FeignClientProperties.FeignClientConfiguration config = properties.getConfig().get(clientName);
        return config != null && StringUtils.hasText(config.getUrl());
    }

    private static boolean isLoadBalanced(URI uri) {
        return "lb".equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public String toString() {
        return "SpringCloudFeignTargetFactory[client=" + clientName + "]";
    }
}
