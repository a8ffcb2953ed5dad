package io.github.formancecommunity.orchestration.autoconfigure;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Validates {@link OrchestrationProperties} right after they are bound, before any bean receives them, so that a
 * wrong value stops the start with {@link InvalidOrchestrationPropertyException} whichever bean asks first.
 */
final class OrchestrationPropertiesValidation implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof OrchestrationProperties properties) {
            OrchestrationPropertiesValidator.validate(properties);
        }
        return bean;
    }
}
