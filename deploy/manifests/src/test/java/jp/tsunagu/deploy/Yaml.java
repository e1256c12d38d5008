package jp.tsunagu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** YAML read as JSON trees: every document of a stream, anchors and merge keys resolved. */
final class Yaml {

    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : parser().loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode document(String text) {
        return JSON.valueToTree(Objects.requireNonNull(parser().load(text), "an empty YAML document"));
    }

    private static org.yaml.snakeyaml.Yaml parser() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
