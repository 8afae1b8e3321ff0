package org.eventcommerce.emulator.express;

/**
 * One classic API error as PayPal writes it: {@code L_ERRORCODE0}, {@code L_SHORTMESSAGE0}, {@code L_LONGMESSAGE0},
 * {@code L_SEVERITYCODE0} (§3.4). The constants carry PayPal's texts where a source gives them (cited); the others are
 * the emulator's wording for PayPal's code, marked "(emulator text)".
 */
public record ApiError(String code, String shortMessage, String longMessage) {

    static final String INVALID_ARGUMENT =
            "Transaction refused because of an invalid argument. See additional error messages for details.";

    /** Wrong USER/PWD/SIGNATURE (django-oscar-paypal unit test, §5.2; PayPal help "Why did I get API error code 10002?"). */
    public static final ApiError SECURITY_HEADER = new ApiError("10002", "Security error", "Security header is not valid");
    /** SUBJECT never granted permission (ActiveMerchant {@code response_with_errors}; merchant-sdk-php#126; §3.2). */
    public static final ApiError NO_PERMISSION = new ApiError("10002", "Authentication/Authorization Failed",
            "You do not have permissions to make this API call");
    /** Internal error (DEV errors page). */
    public static final ApiError INTERNAL = new ApiError("10001", "Internal Error", "Internal Error");
    /** Unknown METHOD. */
    public static final ApiError UNKNOWN_METHOD = new ApiError("81002", "Unspecified Method",
            "Method Specified is not Supported");
    /** Order total missing (emulator text for PayPal's code). */
    public static final ApiError ORDER_TOTAL_MISSING = new ApiError("10400", INVALID_ARGUMENT, "Order total is missing.");
    /** Order total malformed, or decimals on JPY/HUF/TWD (§3.6). */
    public static final ApiError ORDER_TOTAL_INVALID = new ApiError("10401", INVALID_ARGUMENT, "Order total is invalid.");
    /** Express Checkout token missing. */
    public static final ApiError TOKEN_MISSING = new ApiError("10408", "Express Checkout token is missing.",
            "Express Checkout token is missing.");
    /** Another merchant's token (merchant-sdk-php#101; DEV troubleshooting/10409). */
    public static final ApiError TOKEN_OTHER_MERCHANT = new ApiError("10409", "You're not authorized to access this info.",
            "Express Checkout token was issued for a merchant account other than yours.");
    /** Unknown token (DEV troubleshooting/10410). */
    public static final ApiError INVALID_TOKEN = new ApiError("10410", "Invalid token", "Invalid token.");
    /** Expired token (DEV troubleshooting/10411; §5.5 GetExpressCheckoutDetails_Timeout fixture). */
    public static final ApiError SESSION_EXPIRED = new ApiError("10411",
            "This Express Checkout session has expired.",
            "This Express Checkout session has expired.  Token value is no longer valid.");
    /** Item totals do not add up (DEV troubleshooting/10413; PayPal blog "INVALID_CART_TOTAL"). */
    public static final ApiError TOTALS_MISMATCH = new ApiError("10413", INVALID_ARGUMENT,
            "The totals of the cart item amounts do not match order amounts.");
    /** Token already used for a successful payment (DEV troubleshooting/10415). */
    public static final ApiError ALREADY_COMPLETED = new ApiError("10415", INVALID_ARGUMENT,
            "A successful transaction has already been completed for this token.");
    /** PAYERID missing. */
    public static final ApiError PAYER_ID_MISSING = new ApiError("10419", "Express Checkout PayerID is missing.",
            "Express Checkout PayerID is missing.");
    /** PAYERID is not the buyer who approved. */
    public static final ApiError PAYER_ID_INVALID = new ApiError("10406", INVALID_ARGUMENT,
            "The PayerID value is invalid.");
    /** Item amount malformed (emulator text for PayPal's code). */
    public static final ApiError ITEM_AMOUNT_INVALID = new ApiError("10431", INVALID_ARGUMENT, "Item amount is invalid.");
    /** Currency differs from SetExpressCheckout (§3.4, §6 item 8). */
    public static final ApiError CURRENCY_CHANGED = new ApiError("10444", INVALID_ARGUMENT,
            "The transaction currency specified must be the same as previously specified.");
    /** RETURNURL missing (emulator text for PayPal's code). */
    public static final ApiError RETURN_URL_MISSING = new ApiError("10471", INVALID_ARGUMENT, "ReturnURL is missing.");
    /** CANCELURL missing (emulator text for PayPal's code). */
    public static final ApiError CANCEL_URL_MISSING = new ApiError("10472", INVALID_ARGUMENT, "CancelURL is missing.");
    /** The buyer did not approve (§3.4 10485). */
    public static final ApiError NOT_APPROVED = new ApiError("10485", "Payment not authorized",
            "Payment has not been authorized by the user.");
    /** Funding failure (DEV archive ht-ec-fundingfailure10486; §3.4). */
    public static final ApiError FUNDING_FAILURE = new ApiError("10486", "This transaction couldn't be completed.",
            "This transaction couldn't be completed. Please redirect your customer to PayPal.");
    /** Zero amount (omnipay fixture ExpressPurchaseFailure, §3.4). */
    public static final ApiError ZERO_AMOUNT = new ApiError("10525", INVALID_ARGUMENT,
            "This transaction cannot be processed. The amount to be charged is zero.");
    /** Authorization voided. */
    public static final ApiError AUTHORIZATION_VOIDED = new ApiError("10600", "Authorization voided.",
            "Authorization is voided.");
    /** Authorization completed. */
    public static final ApiError AUTHORIZATION_COMPLETED = new ApiError("10602", "Authorization completed.",
            "Authorization has already been completed.");
    /** Currency not allowed for this product/merchant (§3.6). */
    public static final ApiError CURRENCY_NOT_SUPPORTED = new ApiError("10605", INVALID_ARGUMENT,
            "Currency is not supported.");
    /** Unknown authorization. */
    public static final ApiError TRANSACTION_ID_INVALID = new ApiError("10609", "Transaction id is invalid.",
            "Transaction id is invalid.");
    /** Capture above what remains. */
    public static final ApiError AMOUNT_OVER_LIMIT = new ApiError("10610", "Amount limit exceeded.",
            "Amount specified exceeds allowable limit.");
    /** Capture in another currency (§3.3, §6 item 8). */
    public static final ApiError CAPTURE_CURRENCY = new ApiError("10613", "Currency mismatch.",
            "Currency of capture must be the same as currency of authorization.");
    /** Duplicate request, sent with ACK=SuccessWithWarning (DEV troubleshooting/11607; §3.4, §3.5). */
    public static final ApiError DUPLICATE_REQUEST = new ApiError("11607", "Duplicate Request",
            "A successful transaction has already been completed for this token.");

    /** 10004, invalid argument, with a long message. */
    public static ApiError invalidArgument(String longMessage) {
        return new ApiError("10004", INVALID_ARGUMENT, longMessage);
    }

    /** 10009, refund refused, with a long message. */
    public static ApiError refundRefused(String longMessage) {
        return new ApiError("10009", "Transaction refused", longMessage);
    }
}
