package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay of deploy/k8s with {@code kubectl kustomize}: the kubectl named by
 * {@code TSUNAGU_KUBECTL} (deploy/install-kubectl.sh installs a pinned one and {@code ./tsunagu test}
 * sets it), else the one on the PATH.
 */
final class Kustomize {

    private Kustomize() {
    }

    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Path dir = Repository.path("deploy/k8s/overlays/" + overlay);
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
        try {
            Process kubectl;
            try {
                kubectl = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            } catch (IOException notThere) {
                throw new IllegalStateException("no kubectl (" + kubectl() + "): run deploy/install-kubectl.sh and set"
                        + " TSUNAGU_KUBECTL to the path it prints, or run ./tsunagu test, which does both", notThere);
            }
            if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 2 minutes");
            }
            if (kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(errors));
            }
            return Yaml.documents(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static String kubectl() {
        String named = System.getenv("TSUNAGU_KUBECTL");
        if (named != null && !named.isBlank()) {
            return named;
        }
        return "kubectl";
    }
}
