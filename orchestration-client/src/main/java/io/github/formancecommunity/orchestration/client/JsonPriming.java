package io.github.formancecommunity.orchestration.client;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

import feign.Param;
import feign.Request;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a mapper build, and cache, the deserializer of every response type and the serializer of every request
 * body of {@link OrchestrationV1Api}, so that the first call of each operation does not pay for introspecting the
 * records. Part of {@link OrchestrationV1Client#warmUp()}; reads no data and sends nothing.
 */
final class JsonPriming {

    private JsonPriming() {
    }

    static void prime(JsonMapper mapper) {
        for (Method method : OrchestrationV1Api.class.getMethods()) {
            if (method.getReturnType() != void.class) {
                mapper.readerFor(mapper.constructType(method.getGenericReturnType()));
            }
            Type[] parameters = method.getGenericParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                if (isBody(method, i)) {
                    mapper.writerFor(mapper.constructType(parameters[i]));
                }
            }
        }
    }

    /** A parameter without {@link Param} that is not the per-call {@link Request.Options} is the request body. */
    private static boolean isBody(Method method, int index) {
        if (method.getParameterTypes()[index] == Request.Options.class) {
            return false;
        }
        for (var annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof Param) {
                return false;
            }
        }
        return true;
    }
}
