package jp.tsunagu.platform.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryValuesRedactedTest {

    @Test
    void everyValueIsRedactedAndOnlyPlainNamesStay() {
        assertThat(QueryValuesRedacted.redact("nameKana=サトウ&page=2")).isEqualTo("nameKana=REDACTED&page=REDACTED");
        assertThat(QueryValuesRedacted.redact("assignedTo=me&flag")).isEqualTo("assignedTo=REDACTED&flag");
        assertThat(QueryValuesRedacted.redact("佐藤&a b=c")).isEqualTo("REDACTED&REDACTED");
        assertThat(QueryValuesRedacted.redact("")).isEqualTo("");
    }
}
