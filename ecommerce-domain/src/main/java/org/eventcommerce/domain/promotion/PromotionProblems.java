package org.eventcommerce.domain.promotion;

import org.eventcommerce.domain.common.BusinessException;

/** The promotion-code problems of API.md (422 unless said otherwise). */
public final class PromotionProblems {

    private PromotionProblems() {
    }

    public static BusinessException disabled() {
        return of("promotion-codes-disabled", "error.promotion.disabled", "Promotion codes are not enabled");
    }

    public static BusinessException unknown() {
        return of("promotion-code-unknown", "error.promotion.unknown", "No such promotion code");
    }

    public static BusinessException expired(String code) {
        return of("promotion-code-expired", "error.promotion.expired", "The promotion code has expired", code);
    }

    public static BusinessException usedUp(String code) {
        return of("promotion-code-used-up", "error.promotion.usedUp", "The promotion code is used up", code);
    }

    public static BusinessException deleted(String code) {
        return of("promotion-code-deleted", "error.promotion.deleted", "The promotion code was deleted", code);
    }

    public static BusinessException notApplicable(String code) {
        return of("promotion-code-not-applicable", "error.promotion.notApplicable",
                "The promotion code does not apply to this offering", code);
    }

    public static BusinessException currencyMismatch(String code, String codeCurrency, String priceCurrency) {
        return of("promotion-code-currency-mismatch", "error.promotion.currencyMismatch",
                "The promotion code's discount is in another currency", code, codeCurrency, priceCurrency);
    }

    private static BusinessException of(String type, String key, String detail, Object... args) {
        return new BusinessException("/problems/" + type, 422, key, detail, args);
    }
}
