package org.eventcommerce.emulator;

import java.math.BigDecimal;

/**
 * The RESULT the pilot server gives a sale or authorization by its amount
 * (paypal-protocols.md §1.10; PFP-2009 ch.5 Tables 5.3/5.4):
 * <ul>
 *   <li>0.00-1000.00: 0 Approved;</li>
 *   <li>1001.00-1999.99: the whole-dollar amount minus 1000 when a processor can return that code
 *       (1012 → 12, 1013 → 13, 1104 → 104, 1126 → 126), otherwise 12; the gap 1000.01-1000.99 gives 12;</li>
 *   <li>2000.00: 1000 Generic host error (Table 5.4);</li>
 *   <li>above 2000.00: 12 Declined.</li>
 * </ul>
 */
public final class PilotAmountRules {

    private static final BigDecimal ONE_THOUSAND = new BigDecimal("1000.00");
    private static final BigDecimal TWO_THOUSAND = new BigDecimal("2000.00");

    /** The simulated processor RESULT for this amount. */
    public int resultFor(BigDecimal amount) {
        if (amount.compareTo(ONE_THOUSAND) <= 0) {
            return PayflowResult.APPROVED;
        }
        int compareToTwoThousand = amount.compareTo(TWO_THOUSAND);
        if (compareToTwoThousand == 0) {
            return PayflowResult.GENERIC_HOST_ERROR;
        }
        if (compareToTwoThousand > 0) {
            return PayflowResult.DECLINED;
        }
        int code = amount.intValue() - 1000;
        return code > 0 && PayflowResult.isProcessorCode(code) ? code : PayflowResult.DECLINED;
    }
}
