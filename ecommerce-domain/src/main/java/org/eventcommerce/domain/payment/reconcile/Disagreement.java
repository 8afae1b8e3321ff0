package org.eventcommerce.domain.payment.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * One way a provider's answer disagrees with our record of a transaction (issue 5: "Every inquiry that disagrees with
 * our record (amount, currency, PNREF, status we had recorded as final) creates an alert row").
 *
 * @param kind   what disagrees
 * @param ours   our value, as text (e.g. {@code 25.00 USD}, a PNREF, {@code DECLINED})
 * @param theirs the provider's value, as text ({@code (none)} when the answer had none)
 */
public record Disagreement(Kind kind, String ours, String theirs) {

    /** What disagrees. */
    public enum Kind {
        /** A Payflow {@code DUPLICATE=1} answer that does not match the attempt (DESIGN.md step 4). */
        DUPLICATE_MISMATCH,
        /** The amount the provider reports is not ours (or it reports none for money that moved). */
        AMOUNT,
        /** The currency the provider reports is not ours. */
        CURRENCY,
        /** The provider found another transaction (PNREF, PayPal transaction id) than the one we recorded. */
        REFERENCE,
        /** The provider's status contradicts a status we had recorded as final (APPROVED, DECLINED, NOT_SENT). */
        STATUS;

        /**
         * True when the disagreement forbids settling from the answer: another amount, currency or transaction may be
         * someone else's money. A contradicted final status does not: the provider's state is the truth, it is
         * recorded, and the administrator is told.
         */
        public boolean blocksSettlement() {
            return this != STATUS;
        }
    }

    /** Our record, as far as an inquiry can contradict it. */
    public record Ours(TransactionKind kind, Money amount, String reference, PaymentStatus status) {
    }

    /**
     * What a provider reports about a transaction, compared with {@code ours}:
     * <ul>
     *   <li>CURRENCY when the answer names a currency ({@code CURRENCY} for Payflow, {@code CURRENCYCODE} for classic
     *       NVP) other than ours;</li>
     *   <li>AMOUNT when money moved or is held ({@code found} APPROVED or HELD) and the answer's amount is absent or
     *       not ours (a CREDIT's without regard to its sign); not for a VOID, whose inquiry reports the original's
     *       amount or none;</li>
     *   <li>REFERENCE when we recorded a reference and the answer found another;</li>
     *   <li>STATUS when our status is final and the answer's is another.</li>
     * </ul>
     *
     * @param found           the status of the transaction found, or null when it is not known
     * @param foundReference  the reference of the transaction found, or null
     * @param foundAmount     the amount reported (connectors parse it in the request's currency), or null
     * @param fields          the answer's fields (for the currency), may be empty
     */
    public static List<Disagreement> between(Ours ours, PaymentStatus found, String foundReference, Money foundAmount,
                                             Map<String, String> fields) {
        List<Disagreement> out = new ArrayList<>();
        String code = ours.amount().currency().getCurrencyCode();
        String currency = firstPresent(fields, "CURRENCY", "CURRENCYCODE");
        if (currency == null && foundAmount != null) {
            currency = foundAmount.currency().getCurrencyCode();
        }
        boolean otherCurrency = currency != null && !currency.equalsIgnoreCase(code);
        if (otherCurrency) {
            out.add(new Disagreement(Kind.CURRENCY, code, currency.toUpperCase(java.util.Locale.ROOT)));
        }
        boolean moved = found == PaymentStatus.APPROVED || found == PaymentStatus.HELD;
        if (moved && !otherCurrency && ours.kind() != TransactionKind.VOID
                && (foundAmount == null || !sameAmount(ours.kind(), foundAmount, ours.amount()))) {
            out.add(new Disagreement(Kind.AMOUNT, ours.amount().toString(),
                    foundAmount == null ? "(none)" : foundAmount.toString()));
        }
        if (ours.reference() != null && foundReference != null && !foundReference.equals(ours.reference())) {
            out.add(new Disagreement(Kind.REFERENCE, ours.reference(), foundReference));
        }
        if (found != null && found != PaymentStatus.UNKNOWN && ours.status() != null && ours.status().isFinal()
                && found != ours.status()) {
            out.add(new Disagreement(Kind.STATUS, ours.status().name(), found.name()));
        }
        return out;
    }

    /** True when one of {@code disagreements} {@link Kind#blocksSettlement() blocks} settling. */
    public static boolean blocking(List<Disagreement> disagreements) {
        return disagreements.stream().anyMatch(d -> d.kind().blocksSettlement());
    }

    /** "amount: ours 25.00 USD, PayPal's 99.00 USD; ..." for a reason or a log line. */
    public static String describe(List<Disagreement> disagreements) {
        return String.join("; ", disagreements.stream()
                .map(d -> d.kind().name().toLowerCase(java.util.Locale.ROOT) + ": ours " + d.ours() + ", the provider's "
                        + d.theirs()).toList());
    }

    /**
     * Equal amounts; for a CREDIT without regard to the sign (PayPal may report a refund transaction's AMT as negative).
     */
    private static boolean sameAmount(TransactionKind kind, Money found, Money ours) {
        return kind == TransactionKind.CREDIT ? found.amount().abs().compareTo(ours.amount().abs()) == 0
                : found.compareTo(ours) == 0;
    }

    private static String firstPresent(Map<String, String> fields, String... names) {
        if (fields == null) {
            return null;
        }
        for (String name : names) {
            String v = fields.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
