package jp.tsunagu.events;

import java.net.URI;

import jp.tsunagu.events.cases.CaseAccessScope;

/**
 * The answers one Tsunagu service gives another over HTTP whose shape is a contract like an
 * event's: one record here, its JSON Schema beside the events' ones, used by the answering
 * service, by its clients and by the test stubs that play it.
 */
public enum ServiceAnswer {
    /** case-service's {@code GET /api/v1/cases/{id}/access-scope}. */
    CASE_ACCESS_SCOPE("case.access-scope.v1", CaseAccessScope.class);

    private static final String SCHEMA_FOLDER = "/jp/tsunagu/events/schemas/answers/";
    private static final String SCHEMA_ID_BASE = "https://tsunagu.jp/schemas/answers/";

    private final String name;
    private final Class<? extends Record> answerClass;

    ServiceAnswer(String name, Class<? extends Record> answerClass) {
        this.name = name;
        this.answerClass = answerClass;
    }

    /** The contract's name with its version suffix, e.g. {@code case.access-scope.v1}. */
    public String contractName() {
        return name;
    }

    /** The record that is the answer's body. */
    public Class<? extends Record> answerClass() {
        return answerClass;
    }

    /** The classpath path of the body's JSON Schema. */
    public String schemaResource() {
        return SCHEMA_FOLDER + name + ".json";
    }

    /** The {@code $id} of the body's JSON Schema. */
    public URI schemaId() {
        return URI.create(SCHEMA_ID_BASE + name + ".json");
    }
}
