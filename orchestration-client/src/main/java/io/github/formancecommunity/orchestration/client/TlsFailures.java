package io.github.formancecommunity.orchestration.client;

import java.io.IOException;
import java.net.SocketException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Explains a failed TLS exchange in words a user can act on: which check failed (unknown CA, expired certificate,
 * certificate for another host, client certificate missing or refused) and which setting to look at. Used for the
 * API calls, the OAuth2 token requests and the health check alike.
 */
public final class TlsFailures {

    /** Where the trust and key material of the API calls is set. */
    static final String API_SETTING = "formance.orchestration.ssl.bundle (or the builder's sslContext)";

    private TlsFailures() {
    }

    /**
     * The explanation of {@code failure} when it (or one of its causes) is a TLS failure, {@code null} otherwise.
     *
     * @param failure the failure of an exchange
     * @param setting the setting that holds the trust and key material, e.g.
     *                {@code formance.orchestration.ssl.bundle}
     * @return e.g. "TLS failed: the server's certificate is not issued by a trusted certificate authority (...);
     *         check formance.orchestration.ssl.bundle", or {@code null}
     */
    public static String explain(Throwable failure, String setting) {
        SSLException ssl = null;
        String what = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (ssl == null && cause instanceof SSLException found) {
                ssl = found;
            }
            if (what == null) {
                what = check(cause);
            }
        }
        if (ssl == null) {
            return null;
        }
        if (what == null) {
            what = "the TLS exchange failed (a server that requires a client certificate for mutual TLS also ends"
                    + " it like this)";
        }
        String detail = ssl.getClass().getSimpleName() + (ssl.getMessage() == null ? ""
                : ": " + BodyExcerpt.truncate(ssl.getMessage(), 200));
        return "TLS failed: " + what + " (" + detail + "); check " + setting;
    }

    /**
     * The same failure with a hint added to its message: over https, a connection the server resets or closes
     * while the client writes is also how a server that requires a client certificate turns away a client without
     * one (the TLS alert does not always reach the client).
     */
    static IOException closedOverTls(IOException failure) {
        String message = failure.getMessage() + "; over https this is also how a server that requires a client"
                + " certificate (mutual TLS) refuses a client without one: check " + API_SETTING;
        IOException hinted = failure instanceof NoHttpResponseException ? new NoHttpResponseException(message)
                : new SocketException(message);
        hinted.initCause(failure);
        return hinted;
    }

    private static String check(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (cause instanceof CertificateExpiredException) {
            return "the server's certificate has expired";
        }
        if (cause instanceof CertificateNotYetValidException) {
            return "the server's certificate is not valid yet";
        }
        if (cause instanceof CertPathValidatorException validation
                && validation.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return "the server's certificate (or one of its issuers) has expired";
        }
        if (cause instanceof CertPathValidatorException validation
                && validation.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "the server's certificate (or one of its issuers) is not valid yet";
        }
        if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                || message.contains("unable to find valid certification path")) {
            return "the server's certificate is not issued by a certificate authority this client trusts";
        }
        if (cause instanceof SSLPeerUnverifiedException || message.contains("no subject alternative")
                || message.contains("no name matching") || message.contains("doesn't match")) {
            return "the server's certificate is not valid for the host name in the URL (hostname verification"
                    + " is always on)";
        }
        if (message.contains("certificate_required") || message.contains("bad_certificate")
                || message.contains("unknown_ca") || message.contains("certificate_unknown")) {
            return "the server refused the connection for want of a client certificate it trusts (mutual TLS"
                    + " needs key material)";
        }
        return null;
    }
}
