package org.eventcommerce.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pilot-server rules of paypal-protocols.md §1.10 as plain units. */
class PilotRulesTest {

    @ParameterizedTest
    @CsvSource({"0.00, 0", "1000.00, 0", "1000.99, 12", "1012.00, 12", "1013.00, 13", "1104.00, 104",
        "1126.00, 126", "1114.00, 114", "1002.00, 12", "1999.99, 12", "2000.00, 1000", "2000.01, 12", "2100.00, 12"})
    void amountRules(String amount, int result) {
        assertThat(new PilotAmountRules().resultFor(new BigDecimal(amount))).isEqualTo(result);
    }

    @ParameterizedTest
    @CsvSource({"1126, 2, ", "34.00, 2, 34.00", "0.00, 2, 0.00", "1199.95, 2, 1199.95", "34, 0, 34.00",
        "34.00, 0, 34.00", "34.50, 0, ", "34, 2, ", "-1.00, 2, ", "+1.00, 2, ", "1 199.95, 2, ", "9999999999.99, 2, 9999999999.99"})
    void amountFormat(String amt, int decimals, String expected) {
        assertThat(AmountFormat.parse(amt, decimals).map(BigDecimal::toPlainString).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0298, false", "0626, true", "0526, false", "1299, false", "1245, true", "1247, false",
        "0026, false", "1326, false", "626, false"})
    void expiryDates(String expdate, boolean valid) {
        Clock june2026 = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

        assertThat(new ExpiryDate(june2026).isValid(expdate)).isEqualTo(valid);
    }

    @Test
    void avsWithoutAStreetIsNotChecked() {
        assertThat(new AvsSimulator().check(null, "12345")).isEqualTo(new AvsSimulator.Avs("X", "X"));
        assertThat(new AvsSimulator().check("100 Main", null)).isEqualTo(new AvsSimulator.Avs("Y", "X"));
    }

    @Test
    void cvv2NotSentGivesNoMatchField() {
        assertThat(new Cvv2Simulator().check(null)).isNull();
        assertThat(new Cvv2Simulator().check("12")).isEqualTo("X");
    }

    @Test
    void pnrefsAreTwelveAlphanumerics() {
        ReferenceGenerator generator = new ReferenceGenerator();
        for (int i = 0; i < 1000; i++) {
            assertThat(generator.pnref()).matches("[A-Z][A-Z0-9]{11}");
        }
        assertThat(generator.authCode()).matches("[0-9]{6}");
    }
}
