package jp.tsunagu.cases;

import jp.tsunagu.testkit.ArchitectureContract;

/** case-service keeps the walls of architecture.md like every service. */
class ArchitectureTest extends ArchitectureContract {
    @Override
    protected String servicePackage() {
        return "jp.tsunagu.cases";
    }
}
