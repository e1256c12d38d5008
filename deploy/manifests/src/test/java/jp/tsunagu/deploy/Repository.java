package jp.tsunagu.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the module's directory (the one holding {@code tsunagu}). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("tsunagu"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Tsunagu repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
