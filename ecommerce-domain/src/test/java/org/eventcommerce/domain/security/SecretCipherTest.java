package org.eventcommerce.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.eventcommerce.domain.config.TestAppConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String KEY_B = Base64.getEncoder().encodeToString(bytes(32, 2));

    @TempDir
    Path dataDir;

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private SecretCipher cipher(Optional<String> key, Path dir, boolean demo) {
        SecretCipher c = new SecretCipher();
        c.config = TestAppConfigs.of(key, dir, demo);
        c.init();
        return c;
    }

    private SecretCipher withKey(String key) {
        return cipher(Optional.of(key), dataDir, false);
    }

    @Test
    void roundTrip() {
        SecretCipher c = withKey(KEY_A);
        for (String plain : new String[] {"s3cr3tPwd", "", " ", "Parolă cu diacritice: ăâîșț ĂÂÎȘȚ", "日本語パスワード",
                "emoji \uD83D\uDD10 & = % +", "x".repeat(5000)}) {
            assertThat(c.decrypt(c.encrypt(plain))).isEqualTo(plain);
        }
    }

    @Test
    void storedFormIsBase64OfIvCiphertextAndTag() {
        SecretCipher c = withKey(KEY_A);
        String plain = "Parolă";
        String stored = c.encrypt(plain);
        assertThat(stored).doesNotContain(plain);
        byte[] raw = Base64.getDecoder().decode(stored);
        assertThat(raw).hasSize(12 + plain.getBytes(StandardCharsets.UTF_8).length + 16);
        // base64 of 12+10+16 bytes fits the 512-character password_enc column many times over
        assertThat(withKey(KEY_A).encrypt("p".repeat(32)).length()).isLessThan(512);
    }

    @Test
    void twoEncryptionsOfTheSameTextDiffer() {
        SecretCipher c = withKey(KEY_A);
        String a = c.encrypt("same");
        String b = c.encrypt("same");
        assertThat(a).isNotEqualTo(b);
        byte[] ivA = java.util.Arrays.copyOf(Base64.getDecoder().decode(a), 12);
        byte[] ivB = java.util.Arrays.copyOf(Base64.getDecoder().decode(b), 12);
        assertThat(ivA).isNotEqualTo(ivB);
        assertThat(c.decrypt(a)).isEqualTo("same");
        assertThat(c.decrypt(b)).isEqualTo("same");
    }

    @Test
    void anotherInstanceWithTheSameKeyDecrypts() {
        String stored = withKey(KEY_A).encrypt("shared by the cluster");
        assertThat(withKey(KEY_A).decrypt(stored)).isEqualTo("shared by the cluster");
        assertThat(cipher(Optional.of("  " + KEY_A + "\n"), dataDir, false).decrypt(stored))
                .as("the configured key is stripped").isEqualTo("shared by the cluster");
    }

    @Test
    void tamperedValuesAreRefused() {
        SecretCipher c = withKey(KEY_A);
        byte[] raw = Base64.getDecoder().decode(c.encrypt("s3cr3tPwd"));
        for (int pos : new int[] {0, 11, 12, 12 + 4, raw.length - 1}) { // IV, ciphertext, tag
            byte[] t = raw.clone();
            t[pos] ^= 0x01;
            String tampered = Base64.getEncoder().encodeToString(t);
            assertThatThrownBy(() -> c.decrypt(tampered)).as("byte " + pos).isInstanceOf(IllegalStateException.class);
        }
        String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1));
        assertThatThrownBy(() -> c.decrypt(truncated)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.decrypt("AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.decrypt("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.decrypt("not base64 %%%")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongKeyIsRefused() {
        String stored = withKey(KEY_A).encrypt("s3cr3tPwd");
        assertThatThrownBy(() -> withKey(KEY_B).decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong key");
    }

    @Test
    void macIsDeterministicPerPurposeAndKey() {
        SecretCipher c = withKey(KEY_A);
        String m = c.mac("payment-link", "order-42");
        assertThat(m).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, unpadded base64url
        assertThat(c.mac("payment-link", "order-42")).isEqualTo(m);
        assertThat(withKey(KEY_A).mac("payment-link", "order-42")).as("same key, other instance").isEqualTo(m);
        assertThat(c.mac("unsubscribe", "order-42")).as("other purpose").isNotEqualTo(m);
        assertThat(c.mac("payment-link", "order-43")).as("other data").isNotEqualTo(m);
        assertThat(withKey(KEY_B).mac("payment-link", "order-42")).as("other key").isNotEqualTo(m);
        assertThat(c.mac("payment-link", "Ăîș")).isEqualTo(c.mac("payment-link", "Ăîș"));
    }

    @Test
    void withoutAKeyEverythingIsRefusedAndNoFileIsCreated() {
        SecretCipher c = cipher(Optional.empty(), dataDir, false);
        assertThatThrownBy(() -> c.encrypt("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ecommerce.secret-key");
        assertThatThrownBy(() -> c.decrypt("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.mac("p", "d")).isInstanceOf(IllegalStateException.class);
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
    }

    @Test
    void blankConfiguredKeyCountsAsAbsent() {
        SecretCipher c = cipher(Optional.of("   "), dataDir, false);
        assertThatThrownBy(() -> c.encrypt("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyOfTheWrongLengthIsRefused() {
        String shortKey = Base64.getEncoder().encodeToString(bytes(16, 3));
        assertThatThrownBy(() -> withKey(shortKey)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void malformedConfiguredKeyFailsAtStartUp() {
        // not base64: Base64.Decoder's IllegalArgumentException escapes init() as is
        assertThatThrownBy(() -> withKey("not base64!")).isInstanceOfAny(IllegalArgumentException.class,
                IllegalStateException.class);
    }

    @Test
    void demoCreatesTheKeyFileAndASecondInstanceReusesIt() throws Exception {
        Path dir = dataDir.resolve("nested/data");
        SecretCipher first = cipher(Optional.empty(), dir, true);
        Path file = dir.resolve("secret.key");
        assertThat(file).isRegularFile();
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(content).hasSize(44);
        assertThat(Base64.getDecoder().decode(content.strip())).hasSize(32);

        String stored = first.encrypt("demo password");
        SecretCipher second = cipher(Optional.empty(), dir, true);
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).as("not regenerated").isEqualTo(content);
        assertThat(second.decrypt(stored)).isEqualTo("demo password");
        assertThat(second.mac("p", "d")).isEqualTo(first.mac("p", "d"));

        // outside the demo, an existing file is used too
        SecretCipher third = cipher(Optional.empty(), dir, false);
        assertThat(third.decrypt(stored)).isEqualTo("demo password");
    }

    @Test
    void keyFileIsReadWithSurroundingWhitespace() throws Exception {
        Files.writeString(dataDir.resolve("secret.key"), KEY_A + "\n", StandardCharsets.US_ASCII);
        String stored = withKey(KEY_A).encrypt("from file");
        assertThat(cipher(Optional.empty(), dataDir, false).decrypt(stored)).isEqualTo("from file");
    }

    @Test
    void configuredKeyWinsOverTheFile() throws Exception {
        Files.writeString(dataDir.resolve("secret.key"), KEY_B, StandardCharsets.US_ASCII);
        SecretCipher c = cipher(Optional.of(KEY_A), dataDir, true);
        String stored = withKey(KEY_A).encrypt("configured");
        assertThat(c.decrypt(stored)).isEqualTo("configured");
        assertThat(Files.readString(dataDir.resolve("secret.key"), StandardCharsets.US_ASCII)).isEqualTo(KEY_B);
    }
}
