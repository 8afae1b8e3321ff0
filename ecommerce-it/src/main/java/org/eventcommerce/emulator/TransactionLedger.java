package org.eventcommerce.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every transaction the emulator recorded, in order. Thread-safe: one lock guards recording and every
 * state change, so a capture, void or credit checks and updates its original atomically.
 *
 * <p>Lookups are per merchant (VENDOR). Inquiries are recorded but cannot be referenced. A search by
 * CUSTREF returns only the last transaction with it (paypal-protocols.md §1.8, PFP-2009 pp.38-40).
 */
public final class TransactionLedger {

    private final List<Transaction> transactions = new ArrayList<>();
    private final Map<String, Transaction> byPnref = new HashMap<>();

    /** Runs {@code work} under the ledger lock; it may read and change transactions and record new ones. */
    synchronized <T> T atomically(Function<TransactionLedger, T> work) {
        return work.apply(this);
    }

    synchronized boolean isPnrefTaken(String pnref) {
        return byPnref.containsKey(pnref);
    }

    synchronized void record(Transaction transaction) {
        if (byPnref.putIfAbsent(transaction.pnref, transaction) != null) {
            throw new IllegalStateException("PNREF already used: " + transaction.pnref);
        }
        transactions.add(transaction);
    }

    /** A transaction of this merchant that other transactions may reference. */
    synchronized Optional<Transaction> referenceable(String vendor, String pnref) {
        Transaction t = byPnref.get(pnref);
        if (t == null || !t.vendor.equals(vendor) || "I".equals(t.trxType)) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    /** The last referenceable transaction of this merchant with this CUSTREF. */
    synchronized Optional<Transaction> lastWithCustref(String vendor, String custref) {
        for (int i = transactions.size() - 1; i >= 0; i--) {
            Transaction t = transactions.get(i);
            if (t.vendor.equals(vendor) && custref.equals(t.custref) && !"I".equals(t.trxType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The merchant accepts a transaction held for review (RESULT 126) in PayPal Manager, as PFP-2009 Table 6.9 says
     * ("requires you to review and manually accept … before it will be allowed to settle"): an Inquiry then reports
     * it settled (TRANSSTATE 8) while its ORIGRESULT stays 126.
     *
     * @return false when no such transaction is held (unknown PNREF, another RESULT, or voided)
     */
    public synchronized boolean acceptReview(String pnref) {
        Transaction t = byPnref.get(pnref);
        if (t == null || t.result != PayflowResult.UNDER_FRAUD_REVIEW || t.voided) {
            return false;
        }
        t.reviewAccepted = true;
        return true;
    }

    /** Marks every approved sale, capture and credit as settled: they can no longer be voided. */
    public synchronized int settleAll() {
        int count = 0;
        for (Transaction t : transactions) {
            if (!t.settled && t.leftAuthorization() && !"A".equals(t.trxType) && !"I".equals(t.trxType)
                    && !"V".equals(t.trxType)) {
                t.settled = true;
                count++;
            }
        }
        return count;
    }

    /** Read-only copies of all transactions, in the order recorded. */
    public synchronized List<TransactionRecord> snapshot() {
        return transactions.stream().map(Transaction::snapshot).toList();
    }

    /** A read-only copy of one transaction. */
    public synchronized Optional<TransactionRecord> find(String pnref) {
        return Optional.ofNullable(byPnref.get(pnref)).map(Transaction::snapshot);
    }

    /** How many transactions were recorded. */
    public synchronized int size() {
        return transactions.size();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        transactions.clear();
        byPnref.clear();
    }
}
