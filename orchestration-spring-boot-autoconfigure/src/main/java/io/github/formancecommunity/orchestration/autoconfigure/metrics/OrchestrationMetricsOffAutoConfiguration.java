package io.github.formancecommunity.orchestration.autoconfigure.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.formancecommunity.orchestration.autoconfigure.OrchestrationProperties;
import io.github.formancecommunity.orchestration.client.observation.DefaultOrchestrationObservationConvention;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * {@code formance.orchestration.metrics.enabled=false}: the calls may still be observed (and traced), but Boot's
 * meter handler would time them; a {@link MeterFilter} denies the request timer
 * {@value DefaultOrchestrationObservationConvention#NAME} and its {@code .active} long-task timer.
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
@ConditionalOnBooleanProperty(name = OrchestrationProperties.PREFIX + ".metrics.enabled", havingValue = false)
public final class OrchestrationMetricsOffAutoConfiguration {

    /** Name of the meter filter bean. */
    public static final String METER_FILTER_BEAN_NAME = "orchestrationRequestsMeterFilter";

    @Bean(name = METER_FILTER_BEAN_NAME)
    @ConditionalOnMissingBean(name = METER_FILTER_BEAN_NAME)
    MeterFilter orchestrationRequestsMeterFilter() {
        return MeterFilter.denyNameStartsWith(DefaultOrchestrationObservationConvention.NAME);
    }
}
