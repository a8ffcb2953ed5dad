package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.io.InterruptedIOException;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;

/**
 * Sends one request on the wire interface and turns whatever Feign, the transport or the JSON mapper throws into
 * the client's exceptions: nothing a server sends ends a call in an untyped exception. A class of its own so that
 * the client's class refers to none of Feign's exceptions, which are loaded with the wire.
 */
final class WireFailures {

    private WireFailures() {
    }

    static <T> T send(OrchestrationOperation operation, OrchestrationV1Api api, Call<T> call) {
        try {
            return call.send(api);
        }
        catch (OrchestrationException ex) {
            throw ex;
        }
        catch (DecodeException ex) {
            if (ex.getCause() instanceof OrchestrationException cause) {
                throw cause;
            }
            throw new OrchestrationResponseException(operation, ex.status(),
                    operation.operationId() + ": HTTP " + ex.status() + " with an unreadable body: "
                            + BodyExcerpt.truncate(ex.getMessage(), 300), ex);
        }
        catch (EncodeException ex) {
            throw new IllegalArgumentException(operation.operationId() + ": " + ex.getMessage(), ex);
        }
        catch (RetryableException ex) {
            throw transportFailure(operation, ex.getCause() != null ? ex.getCause() : ex);
        }
        catch (FeignException ex) {
            if (ex.getCause() instanceof IOException io) {
                throw transportFailure(operation, io);
            }
            throw new OrchestrationTransportException(operation,
                    operation.operationId() + " failed: " + BodyExcerpt.truncate(ex.getMessage(), 300), ex);
        }
        catch (RuntimeException ex) {
            // nothing a server sends may end a call in an untyped exception
            throw new OrchestrationTransportException(operation, operation.operationId() + " failed: "
                    + ex.getClass().getSimpleName() + ": " + BodyExcerpt.truncate(ex.getMessage(), 300), ex);
        }
    }

    private static OrchestrationTransportException transportFailure(OrchestrationOperation operation,
            Throwable cause) {
        String reason = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + BodyExcerpt.truncate(cause.getMessage(), 300));
        if (cause instanceof InterruptedIOException) {
            return new OrchestrationTimeoutException(operation,
                    operation.operationId() + " timed out (" + reason + ")", cause);
        }
        if (cause instanceof ProxyRefusedException refused) {
            return new OrchestrationProxyException(operation,
                    operation.operationId() + " failed: " + refused.getMessage(), refused.status(), cause);
        }
        String tls = TlsFailures.explain(cause, TlsFailures.API_SETTING);
        if (tls != null) {
            return new OrchestrationTransportException(operation, operation.operationId() + " failed: " + tls,
                    cause);
        }
        return new OrchestrationTransportException(operation,
                operation.operationId() + " failed: no usable response (" + reason + ")", cause);
    }

    /** One request on the wire interface. */
    @FunctionalInterface
    interface Call<T> {

        T send(OrchestrationV1Api api);
    }
}
