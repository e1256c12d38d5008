package jp.tsunagu.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The configuration files inside a jar (properties and YAML), by entry name. */
final class JarConfig {

    private JarConfig() {
    }

    static Map<String, String> entries(byte[] jar) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (!entry.isDirectory() && (name.endsWith(".properties") || name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    found.put(name, new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return found;
    }
}
