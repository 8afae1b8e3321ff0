package org.eventcommerce.domain.site;

import java.util.Currency;

/**
 * Fired by {@link SettingsService} inside the settings update's transaction when the payment currency changes
 * (a new provider or a new currency): unpaid orders priced in another currency can no longer be paid, so an
 * observer cancels them (issue 4: "Changing provider or currency while unpaid orders exist is handled
 * explicitly ... never silently") and counts them here; it may refuse the change by throwing
 * {@link org.eventcommerce.domain.common.ValidationException}, which rolls the whole update back.
 */
public final class CurrencyChanged {

    private final long siteId;
    private final Currency from;
    private final Currency to;
    private int cancelledOrders;

    public CurrencyChanged(long siteId, Currency from, Currency to) {
        this.siteId = siteId;
        this.from = from;
        this.to = to;
    }

    public long siteId() {
        return siteId;
    }

    public Currency from() {
        return from;
    }

    public Currency to() {
        return to;
    }

    /** Records that {@code n} more unpaid orders were cancelled. */
    public void cancelled(int n) {
        cancelledOrders += n;
    }

    /** How many unpaid orders the change cancelled. */
    public int cancelledOrders() {
        return cancelledOrders;
    }
}
