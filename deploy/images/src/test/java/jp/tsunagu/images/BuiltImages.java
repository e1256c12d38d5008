package jp.tsunagu.images;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The four images, built once per test JVM with {@link ServiceImages} (as the release builds them). */
final class BuiltImages {

    static final String VERSION = System.getProperty("tsunagu.version", "0.1.0-SNAPSHOT");
    static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    static final Path OUTPUT = Path.of("target/test-images").toAbsolutePath();

    private static Map<String, Path> tarballs;

    private BuiltImages() {
    }

    /** Each service's OCI tarball. */
    static synchronized Map<String, Path> tarballs() throws Exception {
        if (tarballs == null) {
            Map<String, Path> built = new LinkedHashMap<>();
            for (ServiceImages.Built image : ServiceImages.build(REPOSITORY, OUTPUT, VERSION, ServiceImages.REGISTRY)) {
                built.put(image.service(), image.tarball());
            }
            tarballs = Map.copyOf(built);
        }
        return tarballs;
    }
}
