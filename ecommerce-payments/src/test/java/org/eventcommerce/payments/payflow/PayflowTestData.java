package org.eventcommerce.payments.payflow;

import java.net.URI;
import java.time.Duration;
import org.eventcommerce.payments.Attempt;
import org.eventcommerce.payments.Card;
import org.eventcommerce.payments.PaymentRequest;
import org.eventcommerce.payments.money.Money;

/** Shared fixtures: one account, one card, one sale whose exact wire form several tests assert. */
final class PayflowTestData {

    static final String PAN = "4111111111111111"; // PFP-2009 ch.5 Visa test card (§1.10)
    static final String CVV = "123";
    static final String PASSWORD = "s3cr3tPwd";

    static final PayflowCredentials CREDENTIALS = new PayflowCredentials("PayPal", "acmeevents", null, PASSWORD);

    static final Attempt SALE_ATTEMPT = new Attempt("0123456789abcdef0123456789abcdef", "CR7QX2M4KP9A");

    static final Money USD_1234_50 = Money.of("1234.5", "USD");

    /** Holder with '&' and '=' that need the length tags [WPPPF-2009 p.15 "Ruff & Johnson" example]. */
    static final Card CARD = Card.of("4111 1111 1111 1111", "1229", CVV, "Ruff & Johnson=Co");

    /** The sale of {@link #CARD} for 1234.50 USD with a quoted comment. */
    static final PaymentRequest SALE = PaymentRequest.sale(SALE_ATTEMPT, USD_1234_50, CARD,
            "Reservation \"VIP\" #42", "INV-1001");

    /** {@link #SALE} exactly as it must go on the wire. */
    static final String SALE_BODY = "TRXTYPE[1]=S&TENDER[1]=C&PARTNER[6]=PayPal&VENDOR[10]=acmeevents"
            + "&USER[10]=acmeevents&PWD[9]=s3cr3tPwd&ACCT[16]=4111111111111111&EXPDATE[4]=1229&CVV2[3]=123"
            + "&BILLTOFIRSTNAME[6]=Ruff &&BILLTOLASTNAME[10]=Johnson=Co&AMT[7]=1234.50&CURRENCY[3]=USD"
            + "&CUSTREF[12]=CR7QX2M4KP9A&VERBOSITY[4]=HIGH&COMMENT1[19]=Reservation VIP #42&INVNUM[8]=INV-1001";

    /** The approved answer printed in [PFP-2009 ch.6 "Response message example"; §1.5]. */
    static final String GUIDE_APPROVED =
            "RESULT=0&PNREF=EFHP0D426A53&RESPMSG=APPROVED&AUTHCODE=25TEST&AVSADDR=Y&AVSZIP=N&CVV2MATCH=Y";

    private PayflowTestData() {
    }

    static PayflowConfig config(URI endpoint, Duration clientTimeout) {
        return new PayflowConfig(endpoint, CREDENTIALS, clientTimeout);
    }
}
