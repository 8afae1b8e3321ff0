package org.eventcommerce.payments.payflow;

/**
 * A Payflow NVP body that does not follow the syntax of [WPPPF-2009 pp.14-15 "PARMLIST Syntax Guidelines"]
 * (§1.3): a pair without {@code =}, an empty name, a length tag that is not a number or that runs past the end
 * of the body, a tagged value not followed by {@code &}, or a name given twice.
 *
 * <p>The message names the problem and the character offset only; it never quotes the body, which may hold
 * secrets.
 */
public final class NvpFormatException extends RuntimeException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** Zero-based offset of the problem in the body. */
    private final int offset;

    /**
     * A syntax error at {@code offset}; the message becomes {@code "<message> (at offset <offset>)"}.
     *
     * @param message what is wrong, without any value taken from the body
     * @param offset  zero-based character offset in the body where the problem was found
     */
    public NvpFormatException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /**
     * Where the problem was found.
     *
     * @return zero-based character offset in the body
     */
    public int offset() {
        return offset;
    }
}
