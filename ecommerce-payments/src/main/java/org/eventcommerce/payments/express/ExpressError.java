package org.eventcommerce.payments.express;

import java.util.Locale;

/**
 * The classic Express Checkout errors the caller must act on, from {@code L_ERRORCODE0} [§3.4 table; DEV
 * troubleshooting/&lt;code&gt;]. Anything else is {@link #OTHER}; no error at all is {@link #NONE}.
 */
public enum ExpressError {
    /** No error code in the answer. */
    NONE("", "no error"),
    /**
     * 10486 (also 10417, 10422): the buyer's funding failed. Send the buyer back to PayPal with the <b>same</b>
     * token ({@link ExpressCheckoutConnector#redirectUrl(String)}); they come back to the same RETURNURL, then
     * complete again [DEV archive ht-ec-fundingfailure10486; §3.4].
     */
    REDIRECT_BUYER("10486", "send the buyer back to PayPal with the same token"),
    /** 10411: the checkout session expired (3 hours by default): start again with a new SetExpressCheckout. */
    TOKEN_EXPIRED("10411", "checkout session expired: start again"),
    /** 10410: the token is not valid (typo, or a crawler on the return URL): start again. */
    INVALID_TOKEN("10410", "invalid token: start again"),
    /**
     * 10002 with "You do not have permissions to make this API call": the merchant (SUBJECT) has not granted the
     * platform API permission for this operation [§3.2].
     */
    NO_PERMISSION("10002", "the merchant has not granted API permission"),
    /** 10002 "Security header is not valid" (and 10008): the platform's API credentials are wrong for this mode. */
    BAD_CREDENTIALS("10002", "the platform's API credentials were refused"),
    /**
     * 11607 (ACK=SuccessWithWarning): a duplicate request; PayPal did not process it again and returned the
     * original PAYMENTINFO_0_* fields, so the outcome is the original one [DEV troubleshooting/11607; §3.4, §3.5].
     */
    DUPLICATE_REQUEST("11607", "duplicate request: the original outcome was returned"),
    /**
     * 10415: a successful payment was already made with this token. The payment exists: reconcile with
     * GetExpressCheckoutDetails / GetTransactionDetails, never pay again [DEV troubleshooting/10415].
     */
    ALREADY_COMPLETED("10415", "already paid with this token: reconcile"),
    /** 10413: item totals do not add up to the order amounts. */
    TOTALS_MISMATCH("10413", "item totals do not match the order amount"),
    /** 10444 / 10613: the currency differs from the one set up or authorized. */
    CURRENCY_MISMATCH("10444", "currency differs from the original"),
    /** 11610: payment pending review by Fraud Management Filters (ACK=SuccessWithWarning). */
    FRAUD_REVIEW("11610", "pending review by fraud filters"),
    /** Any other code. */
    OTHER("", "other error");

    private final String code;
    private final String meaning;

    ExpressError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The main L_ERRORCODE of this error ("" for NONE and OTHER). */
    public String code() {
        return code;
    }

    /** What it means for the caller, in words. */
    public String meaning() {
        return meaning;
    }

    /**
     * Classifies an error.
     *
     * @param errorCode   L_ERRORCODE0, may be null
     * @param longMessage L_LONGMESSAGE0, used only to split 10002 into NO_PERMISSION and BAD_CREDENTIALS
     * @return NONE for a null or blank code
     */
    public static ExpressError of(String errorCode, String longMessage) {
        if (errorCode == null || errorCode.isBlank()) {
            return NONE;
        }
        return switch (errorCode.strip()) {
            case "10486", "10417", "10422" -> REDIRECT_BUYER;
            case "10411" -> TOKEN_EXPIRED;
            case "10410" -> INVALID_TOKEN;
            case "10002" -> longMessage != null && longMessage.toLowerCase(Locale.ROOT).contains("permission")
                    ? NO_PERMISSION : BAD_CREDENTIALS;
            case "10008" -> BAD_CREDENTIALS;
            case "11607" -> DUPLICATE_REQUEST;
            case "10415" -> ALREADY_COMPLETED;
            case "10413" -> TOTALS_MISMATCH;
            case "10444", "10613" -> CURRENCY_MISMATCH;
            case "11610" -> FRAUD_REVIEW;
            default -> OTHER;
        };
    }
}
