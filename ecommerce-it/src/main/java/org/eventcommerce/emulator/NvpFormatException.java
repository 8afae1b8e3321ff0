package org.eventcommerce.emulator;

/**
 * A request the gateway refuses before any transaction is attempted; it carries the negative
 * (or request-level) RESULT to answer.
 *
 * <p>Negative RESULTs mean "no transaction was attempted" (paypal-protocols.md §1.5, §1.6;
 * PFP-2009 Table 6.10).
 */
public final class NvpFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int result;

    public NvpFormatException(int result) {
        this(result, PayflowResult.message(result));
    }

    public NvpFormatException(int result, String respmsg) {
        super(respmsg);
        this.result = result;
    }

    /** The RESULT code to answer. */
    public int result() {
        return result;
    }

    /** The RESPMSG to answer. */
    public String respmsg() {
        return getMessage();
    }
}
