package org.eventcommerce.domain.promotion;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes system-generated promotion codes (issue 3, "Creating codes": unique, exactly the requested length,
 * from an alphabet without look-alike characters, from a cryptographically secure random source).
 *
 * <p>Characters are drawn uniformly from {@link PromotionCodes#ALPHABET} (31 characters) with bytes of the
 * {@link SecureRandom} given to the constructor: a byte {@code b < 248} (8 × 31) picks
 * {@code ALPHABET[b % 31]}, a larger byte is thrown away, so no character is more likely than another.
 * A code of length 8 is one of 31<sup>8</sup> ≈ 8.5 × 10<sup>11</sup>.
 *
 * <p>Thread-safe when the random source is (a {@link SecureRandom} is).
 */
public final class CodeGenerator {

    /**
     * How many random codes in a row may be already taken (or already in the batch) before
     * {@link #generate(int, int, Predicate)} gives up: with codes of a sensible length a single collision is
     * already rare, 20 in a row means the codes of that length are running out.
     */
    public static final int MAX_CONSECUTIVE_COLLISIONS = 20;

    private static final int ALPHABET_SIZE = PromotionCodes.ALPHABET.length();
    /** Largest multiple of the alphabet size that fits in a byte: bytes from here on are rejected. */
    private static final int BYTE_LIMIT = 256 / ALPHABET_SIZE * ALPHABET_SIZE;

    private final SecureRandom random;

    /** A generator over a new {@link SecureRandom} (the platform's default strong-enough source). */
    public CodeGenerator() {
        this(new SecureRandom());
    }

    /**
     * A generator over {@code random} (tests pass a seeded or stub source).
     *
     * @throws NullPointerException when {@code random} is null
     */
    public CodeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * One random code.
     *
     * @param length the number of characters, {@value PromotionCodes#MIN_LENGTH}–{@value PromotionCodes#MAX_LENGTH}
     * @return exactly {@code length} characters of {@link PromotionCodes#ALPHABET}
     * @throws IllegalArgumentException when {@code length} is out of range
     */
    public String next(int length) {
        checkLength(length);
        char[] code = new char[length];
        byte[] buffer = new byte[length + 4];
        int used = buffer.length;
        for (int i = 0; i < length; ) {
            if (used == buffer.length) {
                random.nextBytes(buffer);
                used = 0;
            }
            int b = buffer[used++] & 0xFF;
            if (b < BYTE_LIMIT) {
                code[i++] = PromotionCodes.ALPHABET.charAt(b % ALPHABET_SIZE);
            }
        }
        return new String(code);
    }

    /**
     * {@code count} distinct random codes, none of which {@code taken} accepts. A collision (a code already
     * taken, or already drawn for this batch) is retried with a new random code; after
     * {@value #MAX_CONSECUTIVE_COLLISIONS} collisions in a row the batch is abandoned.
     *
     * @param count how many codes, ≥ 0
     * @param length the length of each code, {@value PromotionCodes#MIN_LENGTH}–{@value PromotionCodes#MAX_LENGTH}
     * @param taken accepts the codes that exist already (in the site, including deleted codes, which are never
     *        reused); called once per candidate, so it may be a set lookup or a query
     * @return the codes, in the order drawn, unmodifiable
     * @throws IllegalArgumentException when {@code count} is negative or {@code length} out of range
     * @throws NullPointerException when {@code taken} is null
     * @throws IllegalStateException when there are fewer possible codes of {@code length} than {@code count},
     *         or when {@value #MAX_CONSECUTIVE_COLLISIONS} candidates in a row collide: the message says how
     *         many codes were found and asks for a longer code length
     */
    public List<String> generate(int count, int length, Predicate<String> taken) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more, was " + count);
        }
        checkLength(length);
        Objects.requireNonNull(taken, "taken");
        BigInteger possible = BigInteger.valueOf(ALPHABET_SIZE).pow(length);
        if (possible.compareTo(BigInteger.valueOf(count)) < 0) {
            throw new IllegalStateException("Cannot generate " + count + " distinct promotion codes of length "
                    + length + ": only " + possible + " codes of that length exist. Use a longer code length.");
        }
        Set<String> codes = new LinkedHashSet<>(Math.max(16, count * 4 / 3 + 1));
        while (codes.size() < count) {
            int collisions = 0;
            while (true) {
                String candidate = next(length);
                if (!codes.contains(candidate) && !taken.test(candidate)) {
                    codes.add(candidate);
                    break;
                }
                if (++collisions >= MAX_CONSECUTIVE_COLLISIONS) {
                    throw new IllegalStateException("Could not generate " + count + " distinct promotion codes of "
                            + "length " + length + ": after " + codes.size() + " new codes, "
                            + MAX_CONSECUTIVE_COLLISIONS + " random codes in a row were already taken or repeated, "
                            + "so the codes of this length (" + possible + " possible) are running out. "
                            + "Use a longer code length.");
                }
            }
        }
        return List.copyOf(codes);
    }

    private static void checkLength(int length) {
        if (length < PromotionCodes.MIN_LENGTH || length > PromotionCodes.MAX_LENGTH) {
            throw new IllegalArgumentException("A promotion code has " + PromotionCodes.MIN_LENGTH + " to "
                    + PromotionCodes.MAX_LENGTH + " characters, not " + length);
        }
    }
}
