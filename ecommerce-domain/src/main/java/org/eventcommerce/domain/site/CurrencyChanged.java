package org.eventcommerce.domain.site;

import java.util.Currency;

/**
 * Fired by {@link SettingsService} inside the settings update's transaction when the payment currency changes
 * (a new provider or a new currency): unpaid orders priced in another currency can no longer be paid, so an
 * observer cancels them (issue 4: "Changing provider or currency while unpaid orders exist is handled
 * explicitly ... never silently") and counts them here, and the orders it keeps because their payment is
 * under way.
 */
public final class CurrencyChanged {

    private final long siteId;
    private final Currency from;
    private final Currency to;
    private int cancelledOrders;
    private int keptOrders;

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

    /** Records that {@code n} unpaid orders in the old currency were kept: their payment is under way. */
    public void kept(int n) {
        keptOrders += n;
    }

    /** How many unpaid orders in the old currency were kept because their payment is under way. */
    public int keptOrders() {
        return keptOrders;
    }

    /** How many unpaid orders the change cancelled. */
    public int cancelledOrders() {
        return cancelledOrders;
    }
}
