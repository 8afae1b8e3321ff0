package org.eventcommerce.payments;

/**
 * Kinds of provider call, named as in the field; the Payflow TRXTYPE letter is given for each
 * [PFP-2009 Table 4.1 "TRXTYPE"].
 */
public enum TransactionKind {
    /** TRXTYPE=S: authorize and capture at once. */
    SALE("S"),
    /** TRXTYPE=A: hold funds; capture later. */
    AUTHORIZATION("A"),
    /** TRXTYPE=D: delayed capture of an authorization. */
    CAPTURE("D"),
    /** TRXTYPE=V: cancel an authorization or an unsettled sale. */
    VOID("V"),
    /** TRXTYPE=C: refund (credit) against an earlier transaction. */
    CREDIT("C"),
    /** TRXTYPE=I: ask for the state of an earlier transaction. */
    INQUIRY("I");

    private final String payflowTrxType;

    TransactionKind(String payflowTrxType) {
        this.payflowTrxType = payflowTrxType;
    }

    /** The Payflow TRXTYPE value. */
    public String payflowTrxType() {
        return payflowTrxType;
    }
}
