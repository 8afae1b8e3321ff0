package org.eventcommerce.domain.config;

import java.nio.file.Path;
import java.util.Optional;

/** Builds an {@link AppConfig} without a CDI container by setting its package-private fields. */
public final class TestAppConfigs {

    private TestAppConfigs() {
    }

    public static AppConfig of(Optional<String> secretKey, Path dataDir, boolean demo) {
        AppConfig c = new AppConfig();
        c.secretKey = secretKey;
        c.dataDir = dataDir.toString();
        c.demo = demo;
        c.publicUrl = "http://localhost:8080";
        c.payflowTestUrl = Optional.empty();
        c.payflowProductionUrl = Optional.empty();
        c.payflowTimeoutSeconds = 45;
        return c;
    }
}
