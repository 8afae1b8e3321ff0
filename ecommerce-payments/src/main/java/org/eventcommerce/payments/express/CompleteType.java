package org.eventcommerce.payments.express;

/**
 * DoCapture {@code COMPLETETYPE} (required): {@code Complete} is the last capture and voids whatever remains of
 * the authorization; {@code NotComplete} leaves it open for more captures [DEV do-capture-nvp; NVP-2013
 * "DoCapture Request Fields"].
 */
public enum CompleteType {
    /** The last capture. */
    COMPLETE("Complete"),
    /** More captures will follow. */
    NOT_COMPLETE("NotComplete");

    private final String wire;

    CompleteType(String wire) {
        this.wire = wire;
    }

    /** The value sent on the wire. */
    public String wire() {
        return wire;
    }
}
