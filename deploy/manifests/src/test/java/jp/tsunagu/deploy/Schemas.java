package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schemas of deploy/schemas (sources in its SOURCES.md), found by a resource's apiVersion
 * and kind: an operator's kind under {@code crds/<group>/<kind>_<version>.json}, a Kubernetes kind
 * under {@code kubernetes/<release>/<kind>[-<group>]-<version>.json} (yannh's names).
 */
final class Schemas {

    static final String KUBERNETES = "kubernetes/v1.35.0-standalone-strict";

    private final Path root = Repository.path("deploy/schemas");
    private final Map<Path, JsonSchema> loaded = new HashMap<>();
    // yannh's files name "http://json-schema.org/schema#", no draft in particular: read as draft-07
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
            .metaSchema(JsonMetaSchema.builder("http://json-schema.org/schema#", JsonMetaSchema.getV7()).build()));

    /** The schema file of a resource's kind, if the repository keeps one. */
    Optional<Path> forResource(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText().toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Path crd = root.resolve("crds").resolve(group).resolve(kind + "_" + version + ".json");
        if (!group.isEmpty() && Files.isRegularFile(crd)) {
            return Optional.of(crd);
        }
        String groupPart = group.isEmpty() ? "" : "-" + group.split("\\.")[0];
        Path core = root.resolve(KUBERNETES).resolve(kind + groupPart + "-" + version + ".json");
        return Files.isRegularFile(core) ? Optional.of(core) : Optional.empty();
    }

    /** What the schema finds wrong with the document (none: valid). */
    List<String> problems(Path schemaFile, JsonNode document) {
        JsonSchema schema = loaded.computeIfAbsent(schemaFile, this::load);
        return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    private JsonSchema load(Path file) {
        try {
            return factory.getSchema(SchemaLocation.of(file.toUri().toString()), Yaml.JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
