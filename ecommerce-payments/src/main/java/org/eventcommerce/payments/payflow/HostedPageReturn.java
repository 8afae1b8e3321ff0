package org.eventcommerce.payments.payflow;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import org.eventcommerce.payments.PaymentResult;
import org.eventcommerce.payments.PaymentStatus;
import org.eventcommerce.payments.TransactionKind;
import org.eventcommerce.payments.money.Money;

/**
 * What PayPal's hosted checkout page reported for a Secure Token, checked against what we asked for.
 *
 * <p>PayPal reports the transaction made on its page twice: in the browser's return to RETURNURL / ERRORURL and in
 * the server-to-server Silent POST to SILENTPOSTURL [§1.7 step 3]. Both carry the transaction's response fields
 * (RESULT, PNREF, RESPMSG, AUTHCODE, AVSADDR, AVSZIP, CVV2MATCH, AMT, …) and echo SECURETOKEN and SECURETOKENID;
 * the field set seen in a real silent post is e.g. {@code ACCT=9990 AMT=1.01 AUTHCODE=111111 PNREF=B73P7D8BB233
 * RESPMSG=Approved RESULT=0 SECURETOKENID=DB034C3E-… TENDER=CC TRXTYPE=S TYPE=S} (WebService::PayflowPro test
 * fixture). Browser parameters can be forged by the buyer; the silent post comes from PayPal, but neither is
 * authenticated, so an approved answer is trusted only when it matches the attempt.
 *
 * <p>{@link #verify} rules, in order:
 * <ol>
 *   <li>RESULT missing or not an integer → {@link Verification#INCOMPLETE};</li>
 *   <li>SECURETOKENID absent or different from the attempt's → {@link Verification#SECURE_TOKEN_ID_MISMATCH};</li>
 *   <li>for an approved or held RESULT (0, 126, 127): AMT absent, unreadable or different from the amount asked →
 *       {@link Verification#AMOUNT_MISMATCH}; CURRENCY (or CURRENCYCODE), <em>when present</em>, different →
 *       {@link Verification#CURRENCY_MISMATCH} (PayPal's silent post does not always echo the currency; the token
 *       fixes it, "the data sent with the token cannot be changed", §1.7);</li>
 *   <li>otherwise {@link Verification#MATCHED}.</li>
 * </ol>
 * Anything but MATCHED gives a {@link PaymentResult} with status {@link PaymentStatus#UNKNOWN} and a message that
 * starts with {@value #NOT_PAID_PREFIX}: such an answer is <em>never</em> treated as paid; settle it by an
 * inquiry on the attempt's CUSTREF (§1.8). A MATCHED answer is mapped like any Payflow answer
 * ({@link PayflowResultMapper#status(int)}): 0 APPROVED, 126/127 HELD, 12 and others DECLINED.
 *
 * @param verification how the parameters compare with the attempt
 * @param result       the outcome to record; reference = PNREF, amount = AMT, fields = all parameters, scrubbed
 *                     (SECURETOKEN, ACCT … filtered)
 */
public record HostedPageReturn(Verification verification, PaymentResult result) {

    /** Start of the message of every answer that does not match the attempt. */
    public static final String NOT_PAID_PREFIX = "not treated as paid: ";

    /** How the returned parameters compare with the attempt. */
    public enum Verification {
        /** Token id, amount and currency match: the result may be trusted. */
        MATCHED,
        /** No usable RESULT. */
        INCOMPLETE,
        /** SECURETOKENID absent or another attempt's. */
        SECURE_TOKEN_ID_MISMATCH,
        /** An approval for another amount, or without AMT. */
        AMOUNT_MISMATCH,
        /** An approval in another currency. */
        CURRENCY_MISMATCH
    }

    public HostedPageReturn {
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(result, "result");
    }

    /** True only for a MATCHED answer whose status is APPROVED. */
    public boolean isPaid() {
        return verification == Verification.MATCHED && result.status() == PaymentStatus.APPROVED;
    }

    /**
     * Checks {@code parameters} from PayPal against the attempt (rules in the class comment).
     *
     * @param expectedSecureTokenId the SECURETOKENID of the attempt
     * @param kind                  SALE or AUTHORIZATION, as requested (not checked against TRXTYPE/TYPE)
     * @param expectedAmount        the amount and currency the token was created for
     * @param parameters            the decoded query or form parameters (names as PayPal sends them, upper case)
     * @return the verification and the result to record; never throws for bad input
     */
    public static HostedPageReturn verify(String expectedSecureTokenId, TransactionKind kind, Money expectedAmount,
                                          Map<String, String> parameters) {
        Objects.requireNonNull(expectedSecureTokenId, "expectedSecureTokenId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expectedAmount, "expectedAmount");
        Objects.requireNonNull(parameters, "parameters");
        PaymentResult mapped = PayflowResultMapper.fromAnswer(kind, expectedAmount, false, parameters);
        Integer result = parseInt(parameters.get("RESULT"));
        if (result == null) {
            return mismatch(Verification.INCOMPLETE, "answer without a usable RESULT", mapped);
        }
        String tokenId = parameters.get("SECURETOKENID");
        if (tokenId == null || !tokenId.strip().equals(expectedSecureTokenId)) {
            return mismatch(Verification.SECURE_TOKEN_ID_MISMATCH, "SECURETOKENID does not match this attempt", mapped);
        }
        PaymentStatus status = PayflowResultMapper.status(result);
        if (status == PaymentStatus.APPROVED || status == PaymentStatus.HELD) {
            BigDecimal amt = parseDecimal(parameters.get("AMT"));
            if (amt == null || amt.compareTo(expectedAmount.amount()) != 0) {
                return mismatch(Verification.AMOUNT_MISMATCH, "AMT " + parameters.get("AMT") + " is not the "
                        + expectedAmount.toPlainString() + " asked for", mapped);
            }
            String currency = parameters.get("CURRENCY");
            if (currency == null) {
                currency = parameters.get("CURRENCYCODE");
            }
            if (currency != null && !currency.strip().equals(expectedAmount.currency().getCurrencyCode())) {
                return mismatch(Verification.CURRENCY_MISMATCH, "CURRENCY " + currency.strip() + " is not the "
                        + expectedAmount.currency().getCurrencyCode() + " asked for", mapped);
            }
        }
        return new HostedPageReturn(Verification.MATCHED, mapped);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body or query string (the Silent POST body), UTF-8,
     * first value of a repeated name kept.
     *
     * @param encoded e.g. {@code RESULT=0&PNREF=B73P7D8BB233&SECURETOKENID=…}; null or empty gives an empty map
     * @return name → value in order, unmodifiable
     */
    public static SequencedMap<String, String> parseForm(String encoded) {
        SequencedMap<String, String> out = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            }
        }
        return Collections.unmodifiableSequencedMap(out);
    }

    private static HostedPageReturn mismatch(Verification verification, String why, PaymentResult mapped) {
        PaymentResult unknown = new PaymentResult(PaymentStatus.UNKNOWN, mapped.resultCode(),
                NOT_PAID_PREFIX + why + " (RESULT " + mapped.resultCode() + ", " + mapped.message() + ")",
                mapped.reference(), mapped.authCode(), mapped.amount(), false, null, mapped.fields());
        return new HostedPageReturn(verification, unknown);
    }

    private static Integer parseInt(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal parseDecimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Shows the verification and status only. */
    @Override
    public String toString() {
        return "HostedPageReturn[" + verification + " " + result.status() + " RESULT=" + result.resultCode() + "]";
    }
}
