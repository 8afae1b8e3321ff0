package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.site.Service;
import org.junit.jupiter.api.Test;

/**
 * A code that does not apply says why (fresh-user trial of issue 5: "does not apply to this offering" left the
 * reason to guess): the other service, or the one offering type it is for, in English and Romanian.
 */
class PromotionProblemsTest {

    @Test
    void aCodeForTheOtherServiceNamesBothServices() {
        BusinessException e = PromotionProblems.forOtherService("SPRING26", Service.TRAINING);
        assertThat(e.problemType()).isEqualTo("/problems/promotion-code-not-applicable");
        assertThat(e.status()).isEqualTo(422);
        assertThat(text(e, Locale.ENGLISH)).isEqualTo(
                "The promotion code SPRING26 is for Training offerings only, and this offering belongs to Events.");
        assertThat(text(e, Locale.forLanguageTag("ro"))).isEqualTo("Codul promoțional SPRING26 este doar pentru"
                + " ofertele din Instruire, iar această ofertă ține de Evenimente.");
        assertThat(e.getMessage()).isEqualTo(
                "The promotion code is for Training offerings only, and this offering belongs to Events");
        assertThat(text(PromotionProblems.forOtherService("X", Service.EVENTS), Locale.ENGLISH))
                .isEqualTo("The promotion code X is for Events offerings only, and this offering belongs to Training.");
    }

    @Test
    void aCodeForOneOfferingTypeNamesIt() {
        assertThat(text(PromotionProblems.forOtherType("REC50", AppliesTo.RECORDING), Locale.ENGLISH))
                .isEqualTo("The promotion code REC50 applies to recordings only.");
        assertThat(text(PromotionProblems.forOtherType("LIVE", AppliesTo.LIVE_EVENT), Locale.forLanguageTag("ro")))
                .isEqualTo("Codul promoțional LIVE se aplică doar evenimentelor live.");
        for (AppliesTo a : AppliesTo.values()) {
            if (a == AppliesTo.ALL) {
                continue;
            }
            BusinessException e = PromotionProblems.forOtherType("C", a);
            for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("ro")}) {
                assertThat(text(e, l)).as(a + " " + l).startsWith(l == Locale.ENGLISH ? "The promotion code C "
                        : "Codul promoțional C ").doesNotContain(e.messageKey());
            }
        }
        assertThat(PromotionProblems.forOtherType("C", AppliesTo.TRAINING_SESSION).getMessage())
                .isEqualTo("The promotion code applies to training sessions only");
    }

    private static String text(BusinessException e, Locale locale) {
        return Messages.format(locale, e.messageKey(), e.arguments());
    }
}
