package org.eventcommerce.domain.promotion;

import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.site.Service;

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

    /**
     * The same problem type as {@link #usedUp} for a code whose remaining uses are all held by orders awaiting
     * payment: it may come back (a fresh-user trial saw ACTIVE in the report and "used as many times as allowed" in
     * the quote).
     */
    public static BusinessException allReserved(String code) {
        return of("promotion-code-used-up", "error.promotion.allReserved",
                "Every remaining use of the promotion code is held by an order awaiting payment", code);
    }

    public static BusinessException deleted(String code) {
        return of("promotion-code-deleted", "error.promotion.deleted", "The promotion code was deleted", code);
    }

    /** The code is for the other service (Events / Training): the message names both. */
    public static BusinessException forOtherService(String code, Service codeService) {
        String key = switch (codeService) { // whole literals, so that MessagesTest finds each key in both bundles
            case EVENTS -> "error.promotion.notApplicable.EVENTS";
            case TRAINING -> "error.promotion.notApplicable.TRAINING";
        };
        return of("promotion-code-not-applicable", key,
                "The promotion code is for " + label(codeService) + " offerings only, and this offering belongs to "
                        + label(codeService == Service.EVENTS ? Service.TRAINING : Service.EVENTS), code);
    }

    /** The code applies to one offering type ({@code appliesTo}, never ALL) and this offering is of another. */
    public static BusinessException forOtherType(String code, AppliesTo appliesTo) {
        String key = switch (appliesTo) {
            case LIVE_EVENT -> "error.promotion.notApplicable.LIVE_EVENT";
            case TRAINING_SESSION -> "error.promotion.notApplicable.TRAINING_SESSION";
            case RECORDING -> "error.promotion.notApplicable.RECORDING";
            case PROGRAM -> "error.promotion.notApplicable.PROGRAM";
            case ALL -> throw new IllegalArgumentException("a code for every offering type applies to all");
        };
        return of("promotion-code-not-applicable", key,
                "The promotion code applies to " + appliesTo.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + "s only", code);
    }

    private static String label(Service s) {
        return s == Service.EVENTS ? "Events" : "Training";
    }

    public static BusinessException currencyMismatch(String code, String codeCurrency, String priceCurrency) {
        return of("promotion-code-currency-mismatch", "error.promotion.currencyMismatch",
                "The promotion code's discount is in another currency", code, codeCurrency, priceCurrency);
    }

    private static BusinessException of(String type, String key, String detail, Object... args) {
        return new BusinessException("/problems/" + type, 422, key, detail, args);
    }
}
