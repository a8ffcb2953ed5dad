package io.github.formancecommunity.orchestration.test;

import java.io.IOException;
import java.net.InetSocketAddress;

import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.github.formancecommunity.orchestration.test.tls.EmbeddedTls;

/** Creates the embedded server's listener: plain HTTP, or HTTPS with the {@link EmbeddedTls} set-up. */
final class HttpsListener {

    private HttpsListener() {
    }

    static HttpServer create(InetSocketAddress address, int backlog, EmbeddedTls tls) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        boolean mutual = tls.clientCertificateRequired();
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverSslContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(mutual);
                params.setSSLParameters(parameters);
            }
        });
        return server;
    }
}
