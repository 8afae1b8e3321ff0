package org.eventcommerce.emulator;

/**
 * What happens to one Payflow answer after its transaction was processed and recorded
 * (DESIGN.md, "The PayPal emulator": delay or hold an answer, drop the connection after processing).
 * Applied in this order: wait {@code delayMillis}, wait for release if {@code hold}, then close the
 * connection without answering if {@code drop}, else answer.
 */
public record AnswerPlan(long delayMillis, boolean hold, boolean drop) {

    /** Answer at once. */
    public static final AnswerPlan IMMEDIATE = new AnswerPlan(0, false, false);
}
