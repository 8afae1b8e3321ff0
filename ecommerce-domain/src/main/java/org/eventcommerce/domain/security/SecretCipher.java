package org.eventcommerce.domain.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eventcommerce.domain.config.AppConfig;

/**
 * Encrypts provider passwords at rest with AES-256-GCM (12-byte random IV, 128-bit tag). Stored form:
 * base64 of {@code iv || ciphertext+tag}.
 *
 * <p>The key (32 bytes, base64) comes from configuration {@code ecommerce.secret-key}; failing that from the
 * file {@code <data-dir>/secret.key}, which the demo creates when missing. Every instance of a cluster must
 * get the same key.
 *
 * @throws IllegalStateException from {@link #encrypt}/{@link #decrypt} when no key is configured
 */
@ApplicationScoped
public class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AppConfig config;

    private volatile SecretKeySpec key;

    @PostConstruct
    void init() {
        config.secretKey().ifPresent(k -> key = toKey(Base64.getDecoder().decode(k.strip())));
        if (key == null) {
            Path file = config.dataDir().resolve("secret.key");
            try {
                if (Files.exists(file)) {
                    key = toKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
                } else if (config.demo()) {
                    byte[] fresh = new byte[32];
                    RANDOM.nextBytes(fresh);
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                    key = toKey(fresh);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read or create the secret key file " + file, e);
            }
        }
    }

    /** Encrypts {@code plain} (UTF-8) and returns the stored form. */
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** Decrypts a stored form made by {@link #encrypt}; @throws IllegalStateException when tampered or keyless. */
    public String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Decryption failed (wrong key or damaged value)", e);
        }
    }

    /**
     * HMAC-SHA256 of {@code data} under a key derived from the secret key for {@code purpose} (so a MAC made
     * for one purpose is worthless for another), as unpadded base64url.
     */
    public String mac(String purpose, String data) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(requireKey().getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MAC failed", e);
        }
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new IllegalStateException(
                    "No secret key: set ecommerce.secret-key (base64 of 32 bytes) or create <data-dir>/secret.key");
        }
        return key;
    }

    private static SecretKeySpec toKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The secret key must be 32 bytes (base64), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
