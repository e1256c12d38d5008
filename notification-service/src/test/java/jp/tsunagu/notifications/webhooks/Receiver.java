package jp.tsunagu.notifications.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A partner agency's webhook receiver: a real HTTP server on this machine, answering what the test says. */
public final class Receiver implements AutoCloseable {

    private final WireMockServer server;

    private Receiver(WireMockServer server) {
        this.server = server;
    }

    public static Receiver start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return new Receiver(server);
    }

    public String url(String path) {
        return server.baseUrl() + path;
    }

    /** Every POST to the path gets this answer. */
    public void answers(String path, ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo(path)).willReturn(answer));
    }

    public void answers(String path, int status) {
        answers(path, aResponse().withStatus(status));
    }

    /** The POSTs to the path get these answers in turn, the last one from then on. */
    public void answersInTurn(String path, ResponseDefinitionBuilder... answers) {
        String scenario = "turns of " + path;
        for (int i = 0; i < answers.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "turn " + i;
            var stub = post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state).willReturn(answers[i]);
            if (i + 1 < answers.length) {
                stub = stub.willSetStateTo("turn " + (i + 1));
            }
            server.stubFor(stub);
        }
    }

    /** The POSTs the path received, oldest first. */
    public List<LoggedRequest> requests(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
