package org.eventcommerce.domain.security;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.eventcommerce.domain.config.TestAppConfigs;

/** Builds a {@link SecretCipher} without a CDI container, for tests of other packages. */
public final class TestCiphers {

    private TestCiphers() {
    }

    /** A cipher with a fixed 32-byte key made of {@code seed}. */
    public static SecretCipher withKey(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + seed);
        }
        SecretCipher c = new SecretCipher();
        c.config = TestAppConfigs.of(Optional.of(Base64.getEncoder().encodeToString(key)),
                Path.of(System.getProperty("java.io.tmpdir")), false);
        c.init();
        return c;
    }
}
