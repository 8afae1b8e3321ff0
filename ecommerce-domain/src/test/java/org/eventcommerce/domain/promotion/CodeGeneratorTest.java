package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeGeneratorTest {

    /** A stub source: fills every request with the bytes given, cycling, and counts the requests. */
    private static final class ScriptedRandom extends SecureRandom {
        private final int[] bytes;
        private int next;
        private final AtomicInteger calls = new AtomicInteger();

        ScriptedRandom(int... bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            calls.incrementAndGet();
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) bytes[next++ % bytes.length];
            }
        }
    }

    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(seed);
        return r;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 8, 12, 31, 32})
    void nextHasExactlyTheLengthAndOnlyAlphabetCharacters(int length) {
        CodeGenerator g = new CodeGenerator();
        for (int i = 0; i < 200; i++) {
            assertThat(g.next(length)).hasSize(length).matches("[" + PromotionCodes.ALPHABET + "]+");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 33, 100})
    void lengthOutOfRangeIsRefused(int length) {
        CodeGenerator g = new CodeGenerator();
        assertThatThrownBy(() -> g.next(length)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 to 32");
        assertThatThrownBy(() -> g.generate(1, length, c -> false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenThousandCodesOfLength8CheckedWhole() {
        List<String> codes = new CodeGenerator().generate(10_000, 8, c -> false);
        assertThat(codes).hasSize(10_000).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).hasSize(8).matches("[" + PromotionCodes.ALPHABET + "]{8}"));
        // every character of the alphabet about equally often: 80,000 draws, 2,580.6 expected each (σ ≈ 50)
        int[] counts = new int[128];
        codes.forEach(c -> c.chars().forEach(ch -> counts[ch]++));
        for (char ch : PromotionCodes.ALPHABET.toCharArray()) {
            assertThat(counts[ch]).as("occurrences of " + ch).isBetween(2_300, 2_870);
        }
        for (char ch : "01OIL".toCharArray()) {
            assertThat(counts[ch]).isZero();
        }
    }

    @Test
    void usesTheInjectedSource() {
        ScriptedRandom stub = new ScriptedRandom(0, 1, 2, 3, 4, 5, 6, 7);
        CodeGenerator g = new CodeGenerator(stub);
        assertThat(g.next(8)).isEqualTo("ABCDEFGH");
        assertThat(stub.calls.get()).isPositive();
        // byte 31 wraps to the first character, 30 is the last ('9'); 248..255 are rejected for uniformity
        assertThat(new CodeGenerator(new ScriptedRandom(31, 30, 255, 248, 62, 247)).next(4)).isEqualTo("A9A9");
    }

    @Test
    void aSeededSourceGivesTheSameCodes() throws NoSuchAlgorithmException {
        List<String> a = new CodeGenerator(seeded(42)).generate(50, 10, c -> false);
        List<String> b = new CodeGenerator(seeded(42)).generate(50, 10, c -> false);
        List<String> c = new CodeGenerator(seeded(43)).generate(50, 10, x -> false);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void takenCodesAreSkipped() throws NoSuchAlgorithmException {
        List<String> first = new CodeGenerator(seeded(7)).generate(30, 6, c -> false);
        Set<String> taken = new HashSet<>(first.subList(0, 10));
        List<String> again = new CodeGenerator(seeded(7)).generate(20, 6, taken::contains);
        assertThat(again).hasSize(20).doesNotContainAnyElementsOf(taken).isEqualTo(first.subList(10, 30));
    }

    @Test
    void collisionsAreRetried() {
        // the source repeats "AAAA" three times before giving "BBBB" and "CCCC"
        ScriptedRandom stub = new ScriptedRandom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        CodeGenerator g = new CodeGenerator(new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
                // hand out exactly 4 bytes per code so that the script lines up with the codes
                byte[] four = new byte[4];
                stub.nextBytes(four);
                for (int i = 0; i < out.length; i++) {
                    out[i] = i < 4 ? four[i] : (byte) 255;
                }
            }
        });
        Set<String> asked = new HashSet<>();
        List<String> codes = g.generate(2, 4, c -> {
            asked.add(c);
            return c.equals("AAAA");
        });
        assertThat(codes).containsExactly("BBBB", "CCCC");
        assertThat(asked).contains("AAAA");
    }

    @Test
    void repeatsWithinTheBatchAreRetried() {
        // "AAAA", "AAAA", "BBBB": the second AAAA is a repeat of the batch, not a new code
        CodeGenerator g = new CodeGenerator(new ScriptedRandom(0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0,
                255, 255, 255, 255, 1, 1, 1, 1, 255, 255, 255, 255));
        assertThat(g.generate(2, 4, c -> false)).containsExactly("AAAA", "BBBB");
    }

    @Test
    void failsClearlyWhenEveryCodeIsTaken() {
        AtomicInteger asked = new AtomicInteger();
        CodeGenerator g = new CodeGenerator();
        assertThatThrownBy(() -> g.generate(5, 4, c -> asked.incrementAndGet() > 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("length 4")
                .hasMessageContaining("20 random codes in a row")
                .hasMessageContaining("Use a longer code length");
        assertThat(asked.get()).isEqualTo(CodeGenerator.MAX_CONSECUTIVE_COLLISIONS);
    }

    @Test
    void aStuckSourceFailsInsteadOfLooping() {
        CodeGenerator g = new CodeGenerator(new ScriptedRandom(5));
        assertThat(g.generate(1, 4, c -> false)).containsExactly("FFFF");
        assertThatThrownBy(() -> g.generate(2, 4, c -> false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after 1 new codes");
    }

    @Test
    void moreCodesThanTheLengthAllowsFailsAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        // 31^4 = 923,521 codes of length 4 exist
        assertThatThrownBy(() -> new CodeGenerator().generate(1_000_000, 4, c -> asked.incrementAndGet() < 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1000000")
                .hasMessageContaining("923521")
                .hasMessageContaining("Use a longer code length");
        assertThat(asked.get()).isZero();
    }

    @Test
    void mostOfAShortSpaceTakenFailsClearly() {
        // all but two of the 923,521 codes of length 4 are taken: the generator gives up instead of searching
        Set<String> free = Set.of("ABCD", "EFGH");
        CodeGenerator g = new CodeGenerator();
        assertThatThrownBy(() -> g.generate(100, 4, c -> !free.contains(c))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("running out");
    }

    @Test
    void zeroCodesAndArguments() {
        CodeGenerator g = new CodeGenerator();
        assertThat(g.generate(0, 8, c -> false)).isEmpty();
        assertThatThrownBy(() -> g.generate(-1, 8, c -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.generate(1, 8, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CodeGenerator(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theResultIsUnmodifiable() {
        List<String> codes = new CodeGenerator().generate(3, 8, c -> false);
        assertThatThrownBy(() -> codes.add("X")).isInstanceOf(UnsupportedOperationException.class);
    }
}
