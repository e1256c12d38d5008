package jp.tsunagu.local;

import jp.tsunagu.infra.InfraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The PostgreSQL password of one running system: generated on its first start, kept in
 * {@code secrets/postgres.password} under the layout's folder, readable by its owner only, and
 * given to the services; nobody without it connects, not even as {@code postgres}.
 */
public final class DatabasePassword {

    private DatabasePassword() {
    }

    public static Path file(Layout layout) {
        return layout.home().resolve("secrets/postgres.password");
    }

    /** The password, made the first time it is asked for. */
    public static synchronized String of(Layout layout) {
        Path file = file(layout);
        try {
            if (!Files.exists(file)) {
                Path folder = Files.createDirectories(file.getParent());
                ownerOnly(folder, "rwx------");
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                Path draft = Files.createTempFile(folder, "postgres", ".new");
                ownerOnly(draft, "rw-------");
                Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                Files.move(draft, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new InfraException("cannot keep the database password in " + file, e);
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
