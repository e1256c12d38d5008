package jp.tsunagu.referrals.domain;

import jp.tsunagu.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where webhooks may go and what a Standard Webhooks secret is, table by table. */
class WebhookRulesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            https://agency.example.jp/hooks,          true
            https://agency.example.jp:8443/a?b=c,     true
            HTTPS://AGENCY.EXAMPLE.JP/hooks,          true
            http://127.0.0.1:9000/hooks,              true
            http://localhost/hooks,                   true
            http://[::1]:9000/hooks,                  true
            http://agency.example.jp/hooks,           false
            http://127.0.0.2/hooks,                   false
            http://localhost.example.jp/hooks,        false
            ftp://agency.example.jp/hooks,            false
            https://user:secret@agency.example.jp/h,  false
            https://agency.example.jp/h#part,         false
            https:///no-host,                         false
            /relative/path,                           false
            https://例え.jp/h,                         false
            'https://agency.example.jp/a b',          false
            javascript:alert(1),                      false
            """)
    void webhookEndpoints(String url, boolean allowed) {
        if (allowed) {
            assertThat(WebhookEndpoint.validated(url, "webhook.url")).isEqualTo(url);
        } else {
            assertThatThrownBy(() -> WebhookEndpoint.validated(url, "webhook.url"))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("webhook.url")));
        }
    }

    @ParameterizedTest(name = "{0} bytes: {1}")
    @CsvSource(textBlock = """
            0,  false
            23, false
            24, true
            32, true
            64, true
            65, false
            """)
    void secretLengths(int bytes, boolean allowed) {
        String secret = WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(new byte[bytes]);
        if (allowed) {
            assertThat(WebhookSecret.parse(secret, "s").reveal()).isEqualTo(secret);
        } else {
            assertThatThrownBy(() -> WebhookSecret.parse(secret, "s")).isInstanceOf(InvalidRequestException.class);
        }
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
            whsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
            whsec_AAAAAAAAAAAAAAAA!AAAAAAAAAAAAAAAAAAAAAAAAAA=
            whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-_
            """)
    void secretShapes(String secret) {
        assertThatThrownBy(() -> WebhookSecret.parse(secret, "s")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aGeneratedSecretIsAValidOneOf32BytesAndNeverPrinted() {
        WebhookSecret secret = WebhookSecret.generate();
        assertThatNoException().isThrownBy(() -> WebhookSecret.parse(secret.reveal(), "s"));
        assertThat(Base64.getDecoder().decode(secret.reveal().substring(WebhookSecret.PREFIX.length()))).hasSize(32);
        assertThat(secret.toString()).doesNotContain(secret.reveal().substring(WebhookSecret.PREFIX.length()));
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }
}
