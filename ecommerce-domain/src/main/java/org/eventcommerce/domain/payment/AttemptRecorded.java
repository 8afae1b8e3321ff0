package org.eventcommerce.domain.payment;

/**
 * Fired (synchronously, inside the recording transaction) when the intent of a provider call is recorded: a PENDING
 * sale, authorization, credit, void or capture, before the call is made (DESIGN.md "The payment lifecycle"). Observers
 * run in the same transaction, so what they write is committed with the intent or not at all.
 *
 * @param transactionId the new transaction's database id
 */
public record AttemptRecorded(long transactionId) {
}
