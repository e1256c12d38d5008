package jp.tsunagu.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Maven put the artifacts we run as processes: the lists are generated at build time by
 * maven-dependency-plugin (see this module's pom).
 */
public final class InfraArtifacts {

    private InfraArtifacts() {
    }

    /** The Kafka broker's classpath: jars in the local Maven repository. */
    public static String kafkaBrokerClasspath() {
        return read("kafka-broker.classpath");
    }

    /** The Keycloak distribution zip in the local Maven repository. */
    public static Path keycloakDistribution() {
        Path zip = Path.of(read("keycloak-dist.path"));
        if (!Files.isRegularFile(zip)) {
            throw new InfraException("Keycloak distribution not found at " + zip + "; run the build again");
        }
        return zip;
    }

    /** GreenMail standalone (SMTP and IMAP in one self-contained jar) in the local Maven repository. */
    public static Path greenmailStandaloneJar() {
        Path jar = Path.of(read("greenmail-standalone.path"));
        if (!Files.isRegularFile(jar)) {
            throw new InfraException("GreenMail not found at " + jar + "; run the build again");
        }
        return jar;
    }

    private static String read(String name) {
        try (InputStream in = InfraArtifacts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new InfraException(name + " missing: build platform/infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InfraException("could not read " + name, e);
        }
    }
}
