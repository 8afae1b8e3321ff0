package org.eventcommerce.emulator;

import java.util.Map;
import java.util.Set;

/**
 * The RESULT codes the emulator answers, with PayPal's RESPMSG wording.
 *
 * <p>Positive codes come from the RESULT table of the Payflow Pro Developer's Guide
 * (PFP-2009 Table 6.9, pp.58-64; paypal-protocols.md §1.6); negative codes from PFP-2009 Table 6.10
 * and the Payflow SDK error table (§1.3, §1.6). Code 126 uses the wording the pilot server sends
 * ("Under review by Fraud Service").
 */
public final class PayflowResult {

    public static final int APPROVED = 0;
    public static final int USER_AUTHENTICATION_FAILED = 1;
    public static final int INVALID_TENDER = 2;
    public static final int INVALID_TRANSACTION_TYPE = 3;
    public static final int INVALID_AMOUNT = 4;
    public static final int INVALID_CURRENCY = 6;
    public static final int FIELD_FORMAT_ERROR = 7;
    public static final int DECLINED = 12;
    public static final int REFERRAL = 13;
    public static final int ORIGINAL_NOT_FOUND = 19;
    public static final int CUSTOMER_REFERENCE_NOT_FOUND = 20;
    public static final int INVALID_ACCOUNT_NUMBER = 23;
    public static final int INVALID_EXPIRATION_DATE = 24;
    public static final int TIMEOUT_VALUE_TOO_SMALL = 101;
    public static final int CREDIT_ERROR = 105;
    public static final int VOID_ERROR = 108;
    public static final int CAPTURE_ERROR = 111;
    public static final int REFERENCE_TO_FAILED_TRANSACTION = 120;
    public static final int UNDER_FRAUD_REVIEW = 126;
    /** Secure token already used: a successful transaction, or 3 tries (§1.6). */
    public static final int SECURE_TOKEN_USED = 160;
    /** A transaction with this secure token is already in progress (§1.6). */
    public static final int SECURE_TOKEN_IN_PROGRESS = 161;
    /** Secure token expired (§1.6, §1.7). */
    public static final int SECURE_TOKEN_EXPIRED = 162;
    public static final int GENERIC_HOST_ERROR = 1000;

    /** Table 6.10: "Parameter list format error: &amp; in name". */
    public static final int PARAMETER_AMPERSAND_IN_NAME = -6;
    /** Table 6.10: "Parameter list format error: invalid [] name length clause". */
    public static final int PARAMETER_INVALID_LENGTH_CLAUSE = -7;
    /** Table 6.10: "Parameter list format error: name". */
    public static final int PARAMETER_NAME_ERROR = -28;
    /** Table 6.10: "Invalid timeout value". */
    public static final int INVALID_TIMEOUT = -30;
    /** Table 6.10: "Required Request ID not found in request". */
    public static final int MISSING_REQUEST_ID = -41;
    /** Table 6.10: "Parameter list cannot be empty". */
    public static final int EMPTY_PARAMETER_LIST = -100;
    /** Table 6.10: "Invalid name value pair request". */
    public static final int INVALID_NVP_REQUEST = -105;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(0, "Approved"),
            Map.entry(1, "User authentication failed"),
            Map.entry(2, "Invalid tender"),
            Map.entry(3, "Invalid transaction type"),
            Map.entry(4, "Invalid amount"),
            Map.entry(5, "Invalid merchant information"),
            Map.entry(6, "Invalid or unsupported currency code"),
            Map.entry(7, "Field format error"),
            Map.entry(8, "Not a transaction server"),
            Map.entry(9, "Too many parameters or invalid stream"),
            Map.entry(10, "Too many line items"),
            Map.entry(11, "Client time-out waiting for response"),
            Map.entry(12, "Declined"),
            Map.entry(13, "Referral"),
            Map.entry(19, "Original transaction ID not found"),
            Map.entry(20, "Cannot find the customer reference number"),
            Map.entry(22, "Invalid ABA number"),
            Map.entry(23, "Invalid account number"),
            Map.entry(24, "Invalid expiration date"),
            Map.entry(25, "Invalid Host Mapping"),
            Map.entry(26, "Invalid vendor account"),
            Map.entry(27, "Insufficient partner permissions"),
            Map.entry(28, "Insufficient user permissions"),
            Map.entry(29, "Invalid XML document"),
            Map.entry(30, "Duplicate transaction"),
            Map.entry(50, "Insufficient funds available in account"),
            Map.entry(51, "Exceeds per transaction limit"),
            Map.entry(99, "General error"),
            Map.entry(100, "Transaction type not supported by host"),
            Map.entry(101, "Time-out value too small"),
            Map.entry(102, "Processor not available"),
            Map.entry(103, "Error reading response from host"),
            Map.entry(104, "Timeout waiting for processor response"),
            Map.entry(105, "Credit error"),
            Map.entry(106, "Host not available"),
            Map.entry(107, "Duplicate suppression time-out"),
            Map.entry(108, "Void error"),
            Map.entry(109, "Time-out waiting for host response"),
            Map.entry(110, "Referenced auth (against order) Error"),
            Map.entry(111, "Capture error"),
            Map.entry(112, "Failed AVS check"),
            Map.entry(113, "Merchant sale total will exceed the sales cap with current transaction"),
            Map.entry(114, "Card Security Code (CSC) Mismatch"),
            Map.entry(115, "System busy, try again later"),
            Map.entry(116, "Failed to lock terminal number"),
            Map.entry(117, "Failed merchant rule check"),
            Map.entry(118, "Invalid keywords found in string fields"),
            Map.entry(120, "Attempt to reference a failed transaction"),
            Map.entry(121, "Not enabled for feature"),
            Map.entry(122, "Merchant sale total will exceed the credit cap with current transaction"),
            Map.entry(125, "Fraud Protection Services Filter - Declined by filters"),
            Map.entry(126, "Under review by Fraud Service"),
            Map.entry(127, "Fraud Protection Services Filter - Not processed by filters"),
            Map.entry(128, "Fraud Protection Services Filter - Declined by merchant after being flagged for review by filters"),
            Map.entry(132, "Card has not been submitted for update"),
            Map.entry(133, "Data mismatch in HTTP retry request"),
            Map.entry(150, "Issuing bank timed out"),
            Map.entry(151, "Issuing bank unavailable"),
            Map.entry(160, "Secure Token already been used"),
            Map.entry(161, "Transaction using secure token is already in progress"),
            Map.entry(162, "Secure Token Expired"),
            Map.entry(200, "Reauth error"),
            Map.entry(201, "Order error"),
            Map.entry(1000, "Generic host error"),
            Map.entry(-6, "Parameter list format error: & in name"),
            Map.entry(-7, "Parameter list format error: invalid [] name length clause"),
            Map.entry(-28, "Parameter list format error: name"),
            Map.entry(-30, "Invalid timeout value"),
            Map.entry(-41, "Required Request ID not found in request"),
            Map.entry(-100, "Parameter list cannot be empty"),
            Map.entry(-105, "Invalid name value pair request"));

    /**
     * Codes a processor behind the pilot server can return for an amount of 1000 + code
     * (PFP-2009 ch.5 Tables 5.3/5.4; §1.10). Codes that only the gateway itself produces
     * (credentials, syntax, references) are excluded, so such amounts fall back to 12.
     */
    private static final Set<Integer> PROCESSOR_CODES = Set.of(
            4, 5, 12, 13, 22, 23, 24, 30, 50, 51, 99, 100, 102, 103, 104, 106, 107, 109,
            112, 114, 115, 116, 117, 125, 126, 127, 128, 150, 151, 200, 201);

    private PayflowResult() {
    }

    /** PayPal's RESPMSG text for a RESULT code (a generic text for codes outside the table). */
    public static String message(int result) {
        String message = MESSAGES.get(result);
        if (message != null) {
            return message;
        }
        return result < 0 ? "Communication error" : "General error";
    }

    /** Whether the pilot server can answer this code when the amount is 1000 + code (§1.10). */
    public static boolean isProcessorCode(int result) {
        return PROCESSOR_CODES.contains(result);
    }

    /** RESULT 0 and 126 leave an authorized transaction behind (§1.6: 126 is "authorized but requires review"). */
    public static boolean leavesAuthorization(int result) {
        return result == APPROVED || result == UNDER_FRAUD_REVIEW;
    }
}
