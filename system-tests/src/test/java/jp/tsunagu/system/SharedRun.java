package jp.tsunagu.system;

/** The one marked run the privacy scan and the audit completeness check both look at, made once per test JVM. */
final class SharedRun {

    private static MarkedRun run;

    private SharedRun() {
    }

    static synchronized MarkedRun get() {
        if (run == null) {
            run = MarkedRun.drive();
        }
        return run;
    }
}
