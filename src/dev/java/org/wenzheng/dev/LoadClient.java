package org.wenzheng.dev;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The benchmark's HTTP client: blocking HTTP/1.1 with kept-alive connections, each request sent and read on the
 * client's own thread. The load runs on the same two cores as the server it measures, so every processor cycle the
 * client spends is taken from the server: the JDK's {@code java.net.http} client hands each request to a selector
 * thread and back, and cost 0.22 ms of processor time per page here, a tenth of the whole machine's work per rendered
 * search page. Clients of a real board are on other machines.
 */
final class LoadClient implements AutoCloseable {

    /** One request: method, absolute URL, headers as name, value pairs, and a JSON body or null. */
    record Call(String method, String url, String[] headers, String json) {

        static Call get(String url, String... headers) {
            return new Call("GET", url, headers, null);
        }

        static Call postJson(String url, String json, String... headers) {
            return new Call("POST", url, headers, json);
        }

        /** The same call to a server on another port (the compared build's). */
        Call toPort(int from, int to) {
            return new Call(method, url.replaceFirst(":" + from + "/", ":" + to + "/"), headers, json);
        }
    }

    private final CloseableHttpClient http;

    LoadClient(int connections) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections);
        pool.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                .setSocketTimeout(Timeout.ofMinutes(2)).build());
        // Requests exactly as given, as the JDK client sent them: no cookies kept, no redirect followed, no retry,
        // and no compression asked for (the server would spend time compressing that the measurement did not ask).
        http = HttpClients.custom().setConnectionManager(pool).disableCookieManagement().disableRedirectHandling()
                .disableAutomaticRetries().disableContentCompression().build();
    }

    /** Sends the call, reads and drops the body, and answers the status code. */
    int send(Call call) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), URI.create(call.url()));
        for (int i = 0; i + 1 < call.headers().length; i += 2) {
            request.addHeader(call.headers()[i], call.headers()[i + 1]);
        }
        if (call.json() != null) {
            request.setEntity(new StringEntity(call.json(), ContentType.APPLICATION_JSON));
        }
        return http.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
