package jp.tsunagu.testkit;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration a service starts with, built as Quarkus builds it from the same files (every
 * {@code META-INF/microprofile-config.properties} on the classpath, the service's
 * {@code application.properties}) with its {@code @ConfigMapping}s, so that a test can prove that a
 * setting none of them knows fails the start. Extra settings come as system properties (ordinal
 * 400) or environment variables (300).
 */
public final class TypedConfig {

    private final List<Class<?>> mappings;
    private final Map<String, String> system = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private TypedConfig(List<Class<?>> mappings) {
        this.mappings = mappings;
    }

    public static TypedConfig of(Class<?>... mappings) {
        return new TypedConfig(List.of(mappings));
    }

    /** A setting as a system property ({@code -Dkey=value}). */
    public TypedConfig with(String key, String value) {
        system.put(key, value);
        return this;
    }

    /** A setting as an environment variable. */
    public TypedConfig withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Builds and validates it; throws {@link io.smallrye.config.ConfigValidationException} as a start would fail. */
    public SmallRyeConfig build() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(system, "system properties", 400))
                .withSources(new EnvConfigSource(environment, 300));
        try {
            for (String file : List.of("META-INF/microprofile-config.properties", "application.properties")) {
                int ordinal = file.startsWith("META-INF") ? 100 : 250;
                for (URL url : Collections.list(Thread.currentThread().getContextClassLoader().getResources(file))) {
                    builder.withSources(new PropertiesConfigSource(url, ordinal));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new ArrayList<>(mappings).forEach(builder::withMapping);
        return builder.build();
    }
}
