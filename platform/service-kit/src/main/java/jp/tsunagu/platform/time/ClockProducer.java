package jp.tsunagu.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The services' clock, for rules that turn on time passing (an agency's access ending 30 days after
 * a referral closed, a respond-by time passing). Tests move it ({@code QuarkusMock}) instead of sleeping.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
