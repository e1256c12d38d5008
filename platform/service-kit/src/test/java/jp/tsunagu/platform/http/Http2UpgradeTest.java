package jp.tsunagu.platform.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that speaks HTTP/2 (Java's own HttpClient, many mobile stacks) upgrades a plain
 * connection and sends a POST without a body as headers alone: the body limit must not read such a
 * request to its end, or the REST layer refuses it (it answered 500, "Request has already been
 * read", to a consent's withdrawal).
 */
@QuarkusTest
class Http2UpgradeTest {

    @TestHTTPResource("/test/bodiless")
    URI bodiless;

    @Test
    void aPostWithoutABodyThatUpgradesTheConnectionIsServed() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            for (int i = 0; i < 3; i++) { // the upgrading request, then requests on the upgraded connection
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(bodiless)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
            }
        }
    }
}
