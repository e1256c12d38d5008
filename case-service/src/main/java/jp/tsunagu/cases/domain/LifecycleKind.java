package jp.tsunagu.cases.domain;

/** The acts that end or resume a case's support. */
public enum LifecycleKind {
    HOME_VISITS_ENDED, CLOSED, REOPENED
}
