package org.eventcommerce.emulator;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Adds the fields {@code VERBOSITY=HIGH} returns (paypal-protocols.md §1.4, §1.5; PFP-2009 Appendix D):
 * AMT, ACCT (last four digits only), TRANSTIME ({@code yyyy-MM-dd HH:mm:ss}), CARDTYPE, and the CUSTREF echo.
 * LOW (the default) and MEDIUM add nothing here.
 */
final class VerbosityFields {

    private static final DateTimeFormatter TRANSTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    VerbosityFields(Clock clock) {
        this.zone = clock.getZone();
    }

    static boolean isHigh(String verbosity) {
        return verbosity != null && "HIGH".equals(verbosity.toUpperCase(Locale.ROOT));
    }

    void addTo(NvpResponse.Builder response, Transaction t) {
        if (t.amount != null) {
            response.add("AMT", AmountFormat.format(t.amount));
        }
        if (t.acctLastFour != null && !t.acctLastFour.isEmpty()) {
            response.add("ACCT", t.acctLastFour);
        }
        response.add("TRANSTIME", TRANSTIME.format(t.time.atZone(zone)));
        if (t.cardType != null) {
            response.add("CARDTYPE", t.cardType.code());
        }
        response.add("CUSTREF", t.custref);
    }
}
