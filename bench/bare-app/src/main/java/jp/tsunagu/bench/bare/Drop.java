package jp.tsunagu.bench.bare;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The one Kafka consumer, so that the connector starts as in a service; what it receives is dropped. */
@ApplicationScoped
public class Drop {

    @Incoming("bare-events")
    public void drop(String event) {
        // nothing: the bench measures the framework, not a consumer's work
    }
}
