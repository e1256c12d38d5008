package jp.tsunagu.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import jp.tsunagu.infra.InfraException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo page ({@code clients/demo-page}), served as it is from the repository on its own origin
 * with the JDK's file server, and beside it {@code config.json}: where this layout's Keycloak and
 * services are. The smallest web frontend, and what the browser test drives.
 */
public final class DemoPage implements AutoCloseable {

    /** The realm's public client that web and mobile frontends log in with (PKCE). */
    public static final String CLIENT_ID = "tsunagu-app";

    private final HttpServer server;

    private DemoPage(HttpServer server) {
        this.server = server;
    }

    public static DemoPage serve(Layout layout) {
        Path folder = layout.repository().resolve("clients/demo-page");
        byte[] config = config(layout);
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), layout.demoPagePort()), 0);
            server.createContext("/", SimpleFileServer.createFileHandler(folder));
            server.createContext("/config.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, config.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(config);
                }
            });
            server.start();
            return new DemoPage(server);
        } catch (IOException e) {
            throw new InfraException("cannot serve the demo page on port " + layout.demoPagePort(), e);
        }
    }

    static byte[] config(Layout layout) {
        Map<String, Object> config = Map.of("issuer", layout.issuer(), "clientId", CLIENT_ID,
                "services", Map.of("case", layout.serviceUrl(Service.CASE), "visit", layout.serviceUrl(Service.VISIT),
                        "notification", layout.serviceUrl(Service.NOTIFICATION)));
        try {
            return new ObjectMapper().writeValueAsBytes(config);
        } catch (IOException e) {
            throw new InfraException("cannot write the demo page's configuration", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
