package org.eventcommerce.web.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.eventcommerce.domain.payment.reconcile.Disagreement;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation alerts as the Romanian page shows them (a fresh user's trial found {@code 25.00 USD} in "Our
 * record" next to {@code 25,00 USD} in the Amount column, and the DUPLICATE=1 explanation in English only).
 */
class ReconciliationViewTest {

    private static final Locale RO = Locale.forLanguageTag("ro");

    @Test
    void amountsInOurRecordAndTheAnswerAreFormattedAsTheAmountColumn() {
        assertThat(ReconciliationView.localized("25.00 USD, CUSTREF C123", RO)).isEqualTo("25,00 USD, CUSTREF C123");
        assertThat(ReconciliationView.localized("1234.50 USD, PNREF A10B2C3", RO))
                .isEqualTo("1.234,50 USD, PNREF A10B2C3");
        assertThat(ReconciliationView.localized("-25.00 GBP", RO)).isEqualTo("-25,00 GBP");
        assertThat(ReconciliationView.localized("1234.50 USD", Locale.ENGLISH)).isEqualTo("1,234.50 USD");
        assertThat(ReconciliationView.localized("(none)", RO)).isEqualTo("nicio sumă");
        assertThat(ReconciliationView.localized("no AMT, PNREF A1", RO)).isEqualTo("nicio sumă, PNREF A1");
        assertThat(ReconciliationView.localized("APPROVED (0)", RO)).isEqualTo("APPROVED (0)");
        assertThat(ReconciliationView.localized("USD", RO)).isEqualTo("USD");
        assertThat(ReconciliationView.localized(null, RO)).isNull();
    }

    @Test
    void theDuplicateExplanationComesFromTheBundle() {
        assertThat(ReconciliationView.detail(Disagreement.Kind.DUPLICATE_MISMATCH, "req-1", "English text", RO))
                .startsWith("Payflow a răspuns la cererea cu id-ul req-1 cu DUPLICATE=1");
        assertThat(ReconciliationView.detail(Disagreement.Kind.DUPLICATE_MISMATCH, "req-1", "English text",
                Locale.ENGLISH)).isEqualTo("Payflow answered request id req-1 with DUPLICATE=1 for another "
                + "transaction; not recorded as this attempt's answer, settled by an inquiry on its CUSTREF.");
        assertThat(ReconciliationView.detail(Disagreement.Kind.AMOUNT, "req-1", "Approved", RO)).isEqualTo("Approved");
    }
}
