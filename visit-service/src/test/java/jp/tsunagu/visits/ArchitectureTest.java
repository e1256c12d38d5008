package jp.tsunagu.visits;

import jp.tsunagu.testkit.ArchitectureContract;

/** visit-service keeps the walls of architecture.md (a plain unit test over its compiled classes). */
class ArchitectureTest extends ArchitectureContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.visits";
    }
}
