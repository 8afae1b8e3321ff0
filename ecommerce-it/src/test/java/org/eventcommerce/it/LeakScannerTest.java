package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What LeakScanIT counts as a leak, and what it does not. */
class LeakScannerTest {

    private final LeakScanner scanner = new LeakScanner().card("4111111111111111").card("378282246310005")
            .secret("the password", "Leak-Pw-x1");

    @Test
    void aCardNumberIsFoundPlainSpacedDashedAndInItsBrandsGrouping() {
        assertThat(scanner.scan("log", "paid with 4111111111111111.")).containsExactly("card 4111…1111 in log at 10",
                "a Luhn-valid card number 4111…1111 in log at 10");
        assertThat(scanner.scan("log", "number 4111 1111 1111 1111 typed")).anyMatch(h -> h.startsWith(
                "card 4111…1111 (groups of 4, ' ')"));
        assertThat(scanner.scan("log", "x=4111-1111-1111-1111")).anyMatch(h -> h.contains("(groups of 4, '-')"));
        assertThat(scanner.scan("log", "amex 3782-822463-10005")).anyMatch(h -> h.contains("(4-6-5, '-')"));
    }

    @Test
    void anyLuhnValidNumberWithABrandsPrefixIsFound() {
        // Not one of the numbers the test used: a Visa test card nobody told the scanner about.
        assertThat(scanner.scan("db", "holder: 4012 8888 8888 1881")).containsExactly(
                "a Luhn-valid card number 4012…1881 in db at 8");
        // The same digits with the last one changed fail Luhn; a Luhn-valid run without a brand's prefix is no card.
        assertThat(scanner.scan("db", "4012888888881882 and 1796031494028 and 0000000000000000")).isEmpty();
        // Digits glued to letters are an id (a hash, a PNREF), not a card typed by a person.
        assertThat(scanner.scan("db", "a4012888888881881b")).isEmpty();
    }

    @Test
    void payflowAndNvpSecretsCountUnlessFiltered() {
        assertThat(scanner.scan("log", "TRXTYPE=S&ACCT[10]=[FILTERED]&CVV2[10]=[FILTERED]&PWD=[FILTERED]")).isEmpty();
        assertThat(scanner.scan("log", "TRXTYPE=S&ACCT=5105105105105100&EXPDATE=1230")).anyMatch(h ->
                h.startsWith("an ACCT value in log"));
        assertThat(scanner.scan("log", "CVV2[3]=123&CVV2MATCH=Y")).anyMatch(h -> h.startsWith("a CVV2 value"));
        assertThat(scanner.scan("log", "CVV2MATCH=Y&ACCTTYPE=0")).isEmpty();
        assertThat(scanner.scan("log", "USER=u&PWD=Leak-Pw-x1&SIGNATURE=abc")).contains("the password in log at 11")
                .anyMatch(h -> h.startsWith("a PWD value")).anyMatch(h -> h.startsWith("a SIGNATURE value"));
        assertThat(scanner.scan("api", "{\"card\": {\"cvv\": \"123\"}}")).anyMatch(h -> h.startsWith(
                "a CVV in JSON or a form"));
    }

    @Test
    void aCardFieldRenderedWithItsValueCountsButAnEmptyOneDoesNot() {
        assertThat(scanner.scan("page", "<input id=\"payment:cardCvv\" name=\"payment:cardCvv\" type=\"text\" "
                + "value=\"321\" />")).anyMatch(h -> h.startsWith("a card field shown with its value"));
        assertThat(scanner.scan("page", "<input id=\"payment:cardNumber\" name=\"payment:cardNumber\" type=\"text\" "
                + "autocomplete=\"cc-number\" />")).isEmpty();
    }

    @Test
    void theViewStateOfAPageIsNotCardData() {
        String page = "<input type=\"hidden\" name=\"jakarta.faces.ViewState\" id=\"j_id1:jakarta.faces.ViewState:0\""
                + " value=\"-2701583924852768719:-5383519488409440544\" autocomplete=\"off\" />"
                + "<update id=\"j_id1:jakarta.faces.ViewState:0\"><![CDATA[-2701583924852768719:-1]]></update>";
        assertThat(scanner.scan("page", page)).isNotEmpty();
        assertThat(scanner.scanPage("page", page)).isEmpty();
        assertThat(scanner.scanPage("page", page + " 4111 1111 1111 1111")).isNotEmpty();
    }
}
