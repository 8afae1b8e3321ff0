package org.eventcommerce.payments.express;

import java.net.URI;
import java.time.Duration;

/**
 * Shared fixtures. The canned answers follow PayPal's published examples; each names its source. Where a guide's
 * example predates the {@code PAYMENTREQUEST_n_}/{@code PAYMENTINFO_n_} names (API 63.0), its values are kept and
 * the field names are today's [DEV do-express-checkout-payment-nvp].
 */
final class ExpressTestData {

    static final String PASSWORD = "Pw&d=Secr3t+1";
    static final String SIGNATURE = "A1b2C3d4-SignatureWith/Slash=";
    static final ExpressCredentials CREDENTIALS = new ExpressCredentials("platform_api1.events.example", PASSWORD,
            SIGNATURE);
    static final String MERCHANT = "host+events@merchant.example";
    static final String MSGSUBID = "0123456789abcdef0123456789abcdef";

    /** The credential part every request starts with, URL-encoded. */
    static final String HEADER_TAIL = "&VERSION=124.0&USER=platform_api1.events.example&PWD=Pw%26d%3DSecr3t%2B1"
            + "&SIGNATURE=A1b2C3d4-SignatureWith%2FSlash%3D&SUBJECT=host%2Bevents%40merchant.example";

    /** Success header of the Sandbox User Guide (April 2012) p.39 example answer. */
    static final String GUIDE_SUCCESS_HEADER = "TIMESTAMP=2007%2d04%2d05T23%3a30%3a16Z&CORRELATIONID=333fb808bb23"
            + "&ACK=Success&VERSION=2%2e300000&BUILD=1%2e0006";

    /**
     * SetExpressCheckout answer: the token of the NVP API Developer Guide (April 2007) Example 2.1 "Starting the
     * Checkout" ({@code TOKEN=EC-3DJ78083ES565113B}) with the success header above, URL-encoded as PayPal does.
     */
    static final String GUIDE_SET_EC = "TOKEN=EC%2d3DJ78083ES565113B&" + GUIDE_SUCCESS_HEADER;

    /**
     * DoExpressCheckoutPayment answer of the Sandbox User Guide (April 2012) p.39, step 7 (an authorization:
     * PAYMENTSTATUS Pending, PENDINGREASON authorization), field names as PAYMENTINFO_0_*.
     */
    static final String GUIDE_DO_EC_AUTHORIZATION = GUIDE_SUCCESS_HEADER + "&TOKEN=EC%2d1NK66318YB717835M"
            + "&PAYMENTINFO_0_TRANSACTIONID=043144440L487742J&PAYMENTINFO_0_TRANSACTIONTYPE=expresscheckout"
            + "&PAYMENTINFO_0_PAYMENTTYPE=instant&PAYMENTINFO_0_ORDERTIME=2007%2d04%2d05T23%3a30%3a14Z"
            + "&PAYMENTINFO_0_AMT=19%2e95&PAYMENTINFO_0_CURRENCYCODE=USD&PAYMENTINFO_0_TAXAMT=0%2e00"
            + "&PAYMENTINFO_0_PAYMENTSTATUS=Pending&PAYMENTINFO_0_PENDINGREASON=authorization"
            + "&PAYMENTINFO_0_REASONCODE=None&PAYMENTINFO_0_ACK=Success";

    /** The same payment as a completed Sale (PAYMENTSTATUS Completed, PENDINGREASON None). */
    static final String GUIDE_DO_EC_COMPLETED = GUIDE_DO_EC_AUTHORIZATION
            .replace("PAYMENTSTATUS=Pending", "PAYMENTSTATUS=Completed")
            .replace("PENDINGREASON=authorization", "PENDINGREASON=None");

    /**
     * 10002 for a merchant who granted no permission: the texts of ActiveMerchant's
     * {@code paypal_express_test.rb#response_with_errors} and of paypal/merchant-sdk-php#126 (§3.2).
     */
    static final String NO_PERMISSION = "TIMESTAMP=2026%2d03%2d02T10%3a00%3a00Z&CORRELATIONID=1b2c3d4e5f6a7"
            + "&ACK=Failure&VERSION=124%2e0&BUILD=18316154&L_ERRORCODE0=10002"
            + "&L_SHORTMESSAGE0=Authentication%2fAuthorization%20Failed"
            + "&L_LONGMESSAGE0=You%20do%20not%20have%20permissions%20to%20make%20this%20API%20call"
            + "&L_SEVERITYCODE0=Error";

    /** 10002 for wrong API credentials, text as in django-oscar-paypal's unit test (§5.2). */
    static final String SECURITY_HEADER = "ACK=Failure&L_ERRORCODE0=10002&L_SHORTMESSAGE0=Security+error"
            + "&L_LONGMESSAGE0=Security+header+is+not+valid&L_SEVERITYCODE0=Error&CORRELATIONID=8c9d0e1f2a3b4"
            + "&TIMESTAMP=2026-03-02T10%3A00%3A00Z&VERSION=124.0&BUILD=18316154";

    /** 10486, long message of DEV archive "ht-ec-fundingfailure10486" (§3.4). */
    static final String FUNDING_FAILURE = "TIMESTAMP=2026%2d03%2d02T10%3a00%3a00Z&CORRELATIONID=5e6f7a8b9c0d1"
            + "&ACK=Failure&VERSION=124%2e0&BUILD=18316154&L_ERRORCODE0=10486"
            + "&L_SHORTMESSAGE0=This%20transaction%20couldn%27t%20be%20completed%2e"
            + "&L_LONGMESSAGE0=This%20transaction%20couldn%27t%20be%20completed%2e%20Please%20redirect%20your%20"
            + "customer%20to%20PayPal%2e&L_SEVERITYCODE0=Error";

    /** 10411, as in DEV troubleshooting/10411 and the GetExpressCheckoutDetails "Timeout" fixture of §5.5. */
    static final String SESSION_EXPIRED = "TIMESTAMP=2026%2d03%2d02T10%3a00%3a00Z&CORRELATIONID=7a8b9c0d1e2f3"
            + "&ACK=Failure&VERSION=124%2e0&BUILD=18316154&L_ERRORCODE0=10411"
            + "&L_SHORTMESSAGE0=This%20Express%20Checkout%20session%20has%20expired%2e"
            + "&L_LONGMESSAGE0=This%20Express%20Checkout%20session%20has%20expired%2e%20%20Token%20value%20is%20no"
            + "%20longer%20valid%2e&L_SEVERITYCODE0=Error";

    /** 10413, long message of DEV troubleshooting/10413 and the PayPal blog on INVALID_CART_TOTAL. */
    static final String TOTALS_MISMATCH = "ACK=Failure&L_ERRORCODE0=10413"
            + "&L_SHORTMESSAGE0=Transaction%20refused%20because%20of%20an%20invalid%20argument%2e%20See%20additional"
            + "%20error%20messages%20for%20details%2e"
            + "&L_LONGMESSAGE0=The%20totals%20of%20the%20cart%20item%20amounts%20do%20not%20match%20order%20amounts%2e"
            + "&L_SEVERITYCODE0=Error&CORRELATIONID=9c0d1e2f3a4b5&VERSION=124%2e0&BUILD=18316154";

    /**
     * 11607: ACK=SuccessWithWarning with the original PAYMENTINFO_0_* [DEV troubleshooting/11607 "Along with the
     * error code, PayPal returns the result parameters of the original request"; §3.4 Wikimedia fixture].
     */
    static final String DUPLICATE_11607 = GUIDE_DO_EC_COMPLETED.replace("ACK=Success&", "ACK=SuccessWithWarning&")
            + "&L_ERRORCODE0=11607&L_SHORTMESSAGE0=Duplicate%20Request"
            + "&L_LONGMESSAGE0=A%20successful%20transaction%20has%20already%20been%20completed%20for%20this%20token%2e"
            + "&L_SEVERITYCODE0=Warning";

    /** 10415 [DEV troubleshooting/10415]. */
    static final String ALREADY_COMPLETED = "ACK=Failure&L_ERRORCODE0=10415"
            + "&L_SHORTMESSAGE0=Transaction%20refused%20because%20of%20an%20invalid%20argument%2e%20See%20additional"
            + "%20error%20messages%20for%20details%2e"
            + "&L_LONGMESSAGE0=A%20successful%20transaction%20has%20already%20been%20completed%20for%20this%20token%2e"
            + "&L_SEVERITYCODE0=Error&CORRELATIONID=ab12cd34ef567&VERSION=124%2e0&BUILD=18316154";

    private ExpressTestData() {
    }

    static ExpressCheckoutConfig config(URI endpoint, Duration timeout) {
        return new ExpressCheckoutConfig(endpoint, ExpressCheckoutConfig.SANDBOX_REDIRECT, CREDENTIALS, MERCHANT,
                timeout);
    }
}
