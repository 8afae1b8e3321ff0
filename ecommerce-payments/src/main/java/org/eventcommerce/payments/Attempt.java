package org.eventcommerce.payments;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identifiers of one attempt at a provider call, generated and recorded before the call, and reused
 * unchanged when the same attempt is resent (DESIGN.md "The payment lifecycle").
 *
 * @param requestId Payflow {@code X-VPS-REQUEST-ID}: 1–32 printable characters, unique per attempt
 *                  [Gateway guide 2014 pp.157-159]; here 32 lowercase hex digits
 * @param custRef   Payflow {@code CUSTREF}: at most 12 characters, unique per attempt so an inquiry by
 *                  CUSTREF finds exactly this attempt [PFP-2009 pp.38-40]
 */
public record Attempt(String requestId, String custRef) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REF_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    public Attempt {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(custRef, "custRef");
        if (requestId.isEmpty() || requestId.length() > 32) {
            throw new IllegalArgumentException("requestId must be 1-32 characters");
        }
        if (custRef.isEmpty() || custRef.length() > 12) {
            throw new IllegalArgumentException("custRef must be 1-12 characters");
        }
    }

    /** A fresh attempt with random identifiers from a secure source. */
    public static Attempt newAttempt() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        StringBuilder ref = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            ref.append(REF_ALPHABET[RANDOM.nextInt(REF_ALPHABET.length)]);
        }
        return new Attempt(HexFormat.of().formatHex(id), ref.toString());
    }
}
