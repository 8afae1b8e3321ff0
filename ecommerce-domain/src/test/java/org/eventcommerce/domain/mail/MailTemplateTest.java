package org.eventcommerce.domain.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** The promotion-code e-mail template: variables, escaping, defaults and the editor's rules (issue 3). */
class MailTemplateTest {

    private static final Map<String, String> VALUES = MailTemplate.values("Ana Pop", "SPRING26", "15%",
            "12/31/2026", "Acme Training", "help@acme.example");

    @Test
    void everyVariableIsReplaced() {
        String t = "%AttendeeName%|%PromotionCode%|%Discount%|%ExpirationDate%|%MerchantName%|%SupportInfo%";
        assertThat(MailTemplate.render(t, VALUES, false))
                .isEqualTo("Ana Pop|SPRING26|15%|12/31/2026|Acme Training|help@acme.example");
        assertThat(MailTemplate.render(t, VALUES, true))
                .isEqualTo("Ana Pop|SPRING26|15%|12/31/2026|Acme Training|help@acme.example");
    }

    @Test
    void aVariableUsedTwiceIsReplacedTwice() {
        assertThat(MailTemplate.render("%PromotionCode% = %PromotionCode%", VALUES, false))
                .isEqualTo("SPRING26 = SPRING26");
    }

    @Test
    void htmlPartEscapesValuesAndTextPartDoesNot() {
        Map<String, String> v = MailTemplate.values("<script>alert(\"x\")</script>", "C0DE", "10%", "1/1/2027",
                "O'Brien & Sons <sales>", "a\"b'c");
        String template = "<p>%AttendeeName%</p><p>%MerchantName%</p><a title=\"%SupportInfo%\">x</a>";
        assertThat(MailTemplate.render(template, v, true)).isEqualTo(
                "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>"
                        + "<p>O&#39;Brien &amp; Sons &lt;sales&gt;</p><a title=\"a&quot;b&#39;c\">x</a>");
        assertThat(MailTemplate.render("%AttendeeName% / %MerchantName%", v, false))
                .isEqualTo("<script>alert(\"x\")</script> / O'Brien & Sons <sales>");
    }

    @Test
    void theTemplateItselfIsNeverEscaped() {
        assertThat(MailTemplate.render("<b>&nbsp;%PromotionCode%</b>", VALUES, true))
                .isEqualTo("<b>&nbsp;SPRING26</b>");
    }

    @Test
    void unknownVariablesAndLonePercentSignsAreKept() {
        assertThat(MailTemplate.render("%Foo% 100% off %attendeename% %PromotionCode", VALUES, false))
                .isEqualTo("%Foo% 100% off %attendeename% %PromotionCode");
        // the closing % of an unknown word may open a real variable
        assertThat(MailTemplate.render("%Foo%PromotionCode%", VALUES, false)).isEqualTo("%FooSPRING26");
        assertThat(MailTemplate.render("50%%Discount%", VALUES, false)).isEqualTo("50%15%");
        assertThat(MailTemplate.render("%", VALUES, false)).isEqualTo("%");
        assertThat(MailTemplate.render("%%", VALUES, false)).isEqualTo("%%");
        assertThat(MailTemplate.render("", VALUES, false)).isEmpty();
        assertThat(MailTemplate.render(null, VALUES, false)).isEmpty();
    }

    @Test
    void valuesAreNotExpandedAgain() {
        Map<String, String> v = MailTemplate.values("%PromotionCode%", "SECRET", "", "", "", "");
        assertThat(MailTemplate.render("%AttendeeName% %PromotionCode%", v, false))
                .isEqualTo("%PromotionCode% SECRET");
    }

    @Test
    void nullValuesRenderEmpty() {
        Map<String, String> v = new HashMap<>();
        v.put("AttendeeName", null);
        assertThat(MailTemplate.render("[%AttendeeName%]", v, false)).isEqualTo("[]");
        assertThat(MailTemplate.render("[%AttendeeName%]", v, true)).isEqualTo("[]");
        assertThat(MailTemplate.values(null, null, null, null, null, null)).containsOnlyKeys(MailTemplate.VARIABLES)
                .allSatisfy((k, val) -> assertThat(val).isEmpty());
    }

    @Test
    void eachMessageCarriesOnlyItsOwnRecipientsValues() {
        MailTemplate t = MailTemplate.DEFAULT;
        MailMessage ana = t.toMessage("ana@example.com", MailTemplate.values("Ana", "AAAA1111", "5%", "d", "M", "S"));
        MailMessage bob = t.toMessage("bob@example.com", MailTemplate.values("Bob", "BBBB2222", "5%", "d", "M", "S"));
        assertThat(ana.to()).isEqualTo("ana@example.com");
        assertThat(ana.text() + ana.html() + ana.subject()).contains("Ana", "AAAA1111").doesNotContain("Bob",
                "BBBB2222");
        assertThat(bob.text() + bob.html() + bob.subject()).contains("Bob", "BBBB2222").doesNotContain("Ana",
                "AAAA1111");
    }

    @Test
    void subjectIsPlainTextOnOneLine() {
        MailTemplate t = new MailTemplate("Code for %AttendeeName% from %MerchantName%", "%PromotionCode%",
                "%PromotionCode%");
        MailMessage m = t.toMessage("x@example.com", MailTemplate.values("Ann\r\nBcc: evil@example.com", "C", "",
                "", "O'Brien & Sons <sales>", ""));
        assertThat(m.subject()).isEqualTo("Code for Ann  Bcc: evil@example.com from O'Brien & Sons <sales>")
                .doesNotContain("\r", "\n");
    }

    @Test
    void romanianNamesSurviveBothParts() {
        MailMessage m = MailTemplate.DEFAULT.toMessage("stefan@example.ro",
                MailTemplate.values("Ștefan Țurcanu", "ROMANIA26", "10%", "31.12.2026", "Școala Ăîâșț",
                        "0721 000 000"));
        assertThat(m.text()).contains("Hello Ștefan Țurcanu,", "ROMANIA26", "Școala Ăîâșț");
        assertThat(m.html()).contains("Hello Ștefan Țurcanu,", "ROMANIA26");
        assertThat(m.subject()).isEqualTo("Your promotion code from Școala Ăîâșț");
    }

    @Test
    void defaultsUseEveryVariableAndPassTheirOwnRules() {
        for (String v : MailTemplate.VARIABLES) {
            assertThat(MailTemplate.DEFAULT_TEXT).contains("%" + v + "%");
            assertThat(MailTemplate.DEFAULT_HTML).contains("%" + v + "%");
        }
        assertThat(MailTemplate.validate(MailTemplate.DEFAULT_SUBJECT, MailTemplate.DEFAULT_TEXT,
                MailTemplate.DEFAULT_HTML)).isEmpty();
        MailMessage m = MailTemplate.DEFAULT.toMessage("a@example.com", VALUES);
        assertThat(m.text() + m.html() + m.subject()).doesNotContain("%AttendeeName%", "%PromotionCode%",
                "%Discount%", "%ExpirationDate%", "%MerchantName%", "%SupportInfo%");
    }

    @Test
    void ofFillsBlankPartsWithTheDefaults() {
        assertThat(MailTemplate.of(null, " ", null)).isEqualTo(MailTemplate.DEFAULT);
        MailTemplate custom = MailTemplate.of("S %PromotionCode%", null, "<p>%PromotionCode%</p>");
        assertThat(custom.subject()).isEqualTo("S %PromotionCode%");
        assertThat(custom.text()).isEqualTo(MailTemplate.DEFAULT_TEXT);
        assertThat(custom.html()).isEqualTo("<p>%PromotionCode%</p>");
        assertThatThrownBy(() -> new MailTemplate(null, "", "")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void blankPartsAreRequired() {
        assertThat(keys(MailTemplate.validate(" ", "", null))).containsExactly(
                "mail.subject=validation.mail.subject.required", "mail.text=validation.mail.text.required",
                "mail.html=validation.mail.html.required");
    }

    @Test
    void lengthsAreLimited() {
        String code = "%PromotionCode%";
        assertThat(MailTemplate.validate("s".repeat(300), code + "t".repeat(10_000 - code.length()),
                code + "h".repeat(20_000 - code.length()))).isEmpty();
        List<FieldError> errors = MailTemplate.validate("s".repeat(301), code + "t".repeat(10_001 - code.length()),
                code + "h".repeat(20_001 - code.length()));
        assertThat(keys(errors)).containsExactly("mail.subject=validation.mail.subject.length",
                "mail.text=validation.mail.text.length", "mail.html=validation.mail.html.length");
        assertThat(errors).extracting(e -> e.args()[0]).containsExactly(300, 10_000, 20_000);
        assertThat(errors.get(1).message(Locale.ENGLISH)).contains("10,000");
        assertThat(errors.get(1).message(Locale.forLanguageTag("ro"))).contains("10.000");
    }

    @Test
    void textAndHtmlMustEachHoldThePromotionCode() {
        assertThat(keys(MailTemplate.validate("Subject", "Hello %AttendeeName%", "<p>%PromotionCode%</p>")))
                .containsExactly("mail.text=validation.mail.promotionCodeMissing");
        assertThat(keys(MailTemplate.validate("Subject", "%PromotionCode%", "<p>%promotioncode%</p>")))
                .containsExactly("mail.html=validation.mail.promotionCodeMissing",
                        "mail.html=validation.mail.unknownVariable");
        // the subject need not hold the code
        assertThat(MailTemplate.validate("Subject", "%PromotionCode%", "%PromotionCode%")).isEmpty();
    }

    @Test
    void misspelledVariablesAreReported() {
        List<FieldError> errors = MailTemplate.validate("Hi %AtendeeName%", "%PromotionCode% %Discont%",
                "%PromotionCode% <a href=\"https://x.example/?q=%EF%BB%BF\">100%</a> 50%Off");
        assertThat(keys(errors)).containsExactly("mail.subject=validation.mail.unknownVariable",
                "mail.text=validation.mail.unknownVariable");
        assertThat(errors).extracting(e -> e.args()[0]).containsExactly("%AtendeeName%", "%Discont%");
        assertThat(errors.get(0).message(Locale.ENGLISH)).startsWith("%AtendeeName% is not a variable");
    }

    @Test
    void redirectIsEmptyOrOneAddress() {
        assertThat(MailTemplate.validateRedirect(null)).isEmpty();
        assertThat(MailTemplate.validateRedirect("  ")).isEmpty();
        assertThat(MailTemplate.validateRedirect("qa+promo@example.com")).isEmpty();
        assertThat(keys(MailTemplate.validateRedirect("a@example.com, b@example.com")))
                .containsExactly("mail.testRedirect=validation.mail.testRedirect");
    }

    @Test
    void escapeHtmlCoversTheFiveCharacters() {
        assertThat(MailTemplate.escapeHtml("&<>\"'x")).isEqualTo("&amp;&lt;&gt;&quot;&#39;x");
        assertThat(MailTemplate.escapeHtml(null)).isEmpty();
    }

    private static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + "=" + e.key()).toList();
    }
}
