package jp.tsunagu.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** An OCI image archive read as a registry or a runtime would: index, manifest, config, and each layer's files. */
final class OciArchive {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file of a layer, with its owner, mode and (for regular files) content. */
    record LayerFile(String layer, String path, int mode, long uid, long gid, boolean directory, boolean symlink,
                     byte[] content) {

        boolean executable() {
            return (mode & 0111) != 0;
        }

        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    final String reference;
    final JsonNode config;
    final List<LayerFile> files = new ArrayList<>();

    OciArchive(Path tarball) throws IOException {
        Map<String, byte[]> blobs = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile()) {
                    blobs.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(blobs.get("index.json"));
        JsonNode descriptor = index.path("manifests").get(0);
        reference = descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText();
        JsonNode manifest = JSON.readTree(blob(blobs, descriptor.path("digest").asText()));
        config = JSON.readTree(blob(blobs, manifest.path("config").path("digest").asText()));
        int n = 0;
        for (JsonNode layer : manifest.path("layers")) {
            String name = "layer " + n++ + " (" + layer.path("digest").asText() + ")";
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(blob(blobs, layer.path("digest").asText())));
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
                    files.add(new LayerFile(name, path, entry.getMode() & 07777, entry.getLongUserId(), entry.getLongGroupId(),
                            entry.isDirectory(), entry.isSymbolicLink(), entry.isFile() ? tar.readAllBytes() : new byte[0]));
                }
            }
        }
    }

    /** The command the image starts with. */
    List<String> entrypoint() {
        return strings(config.path("config").path("Entrypoint"));
    }

    /** The user (uid:gid) it runs as. */
    String user() {
        return config.path("config").path("User").asText();
    }

    /** Its environment, {@code NAME=value} each. */
    List<String> environment() {
        return strings(config.path("config").path("Env"));
    }

    /** The ports it says it listens on, e.g. {@code 8080/tcp}. */
    List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        config.path("config").path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        return ports;
    }

    String label(String name) {
        return config.path("config").path("Labels").path(name).asText();
    }

    /** The strings of a JSON array. */
    static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    /** The files at that path, in layer order (a later layer's shadows an earlier one's). */
    List<LayerFile> at(String path) {
        return files.stream().filter(f -> f.path().equals(path)).toList();
    }

    private static byte[] blob(Map<String, byte[]> blobs, String digest) {
        byte[] blob = blobs.get("blobs/" + digest.replace(':', '/'));
        if (blob == null) {
            throw new IllegalStateException("the archive lacks blob " + digest);
        }
        return blob;
    }
}
