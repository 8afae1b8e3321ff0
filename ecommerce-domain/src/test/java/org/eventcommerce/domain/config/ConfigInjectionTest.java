package org.eventcommerce.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every field of the domain that names a MicroProfile Config property is injected: without {@code @Inject} CDI
 * leaves it at Java's default and the property and its default are silently ignored
 * ({@code ecommerce.idempotency.abandon-after-seconds} was 0 instead of 300, so a request repeating a key still in
 * flight took the claim over; fresh-user trial, issue 5).
 */
class ConfigInjectionTest {

    @Test
    void everyConfigPropertyFieldIsInjected() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AppConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                for (Field field : Class.forName(name, false, getClass().getClassLoader()).getDeclaredFields()) {
                    if (field.isAnnotationPresent(ConfigProperty.class)) {
                        seen++;
                        if (!field.isAnnotationPresent(Inject.class)) {
                            missing.add(name + "." + field.getName());
                        }
                    }
                }
            }
        }
        assertThat(seen).as("config fields found").isGreaterThan(10);
        assertThat(missing).isEmpty();
    }
}
