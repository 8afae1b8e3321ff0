package org.eventcommerce.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import org.eventcommerce.domain.account.Account;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.offering.Offering;
import org.eventcommerce.domain.offering.OfferingService;
import org.eventcommerce.domain.offering.OfferingType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.payments.money.PayPalCurrencies;
import org.eventcommerce.web.security.CurrentUser;

/**
 * A host's offerings ({@code /host/offerings.xhtml}, MISSION.md M2): each row shows the offering and its
 * current fee, and lets the host set a fee in the site's currency or remove it ("no fee").
 */
@Named
@ViewScoped
public class HostOfferings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The value of the currency choice that removes the fee. */
    public static final String NO_FEE = "NONE";

    @Inject
    OfferingService offerings;

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser currentUser;

    private List<Row> rows;
    private String siteCurrency;
    private String zone;

    @PostConstruct
    void load() {
        Account host = currentUser.account();
        siteCurrency = settings.get(host.getSite().getId()).getCurrency().getCurrencyCode();
        zone = host.getSite().getTimeZone().getId();
        rows = offerings.ofHost(host).stream().map(o -> new Row(o, siteCurrency)).toList();
    }

    /**
     * Saves the fee of the row at {@code index}: the amount in the chosen currency, or no fee. Broken rules
     * show next to the row's amount or currency.
     */
    public void save(Row row, int index) {
        String amountId = "offerings:" + index + ":fee";
        String currencyId = "offerings:" + index + ":currency";
        Money fee = null;
        if (row.currency != null && !NO_FEE.equals(row.currency)) {
            if (row.amount == null) {
                PageMessages.field(amountId, FacesMessage.SEVERITY_ERROR, Bundle.text("validation.amount.required"));
                return;
            }
            Currency currency = Currency.getInstance(row.currency);
            if (row.amount.stripTrailingZeros().scale() > PayPalCurrencies.decimals(currency)) {
                PageMessages.field(amountId, FacesMessage.SEVERITY_ERROR,
                        Bundle.text("validation.amount.decimals", PayPalCurrencies.decimals(currency)));
                return;
            }
            fee = new Money(row.amount, currency);
        }
        try {
            Offering saved = offerings.changeFee(currentUser.account(), row.externalId, fee);
            row.showFee(saved, siteCurrency);
            PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text(fee == null ? "message.fee.removed"
                    : "message.fee.saved", row.title));
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> switch (field) {
                case "fee", "fee.amount" -> amountId;
                case "fee.currency" -> currencyId;
                default -> null;
            });
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
        }
    }

    /** The row's current fee, formatted, or "No fee". */
    public String currentFee(Row row) {
        return row.feeAmount == null ? Bundle.text("label.noFee")
                : Formats.money(row.feeAmount, Currency.getInstance(row.feeCurrency), Bundle.locale());
    }

    /** The row's start in the site's time zone, or "On demand" when it has none (recordings). */
    public String startsAt(Row row) {
        return row.startsAt == null ? Bundle.text("label.onDemand")
                : Formats.dateTime(row.startsAt, ZoneId.of(zone), Bundle.locale());
    }

    /** The value of the "no fee" choice. */
    public String getNoFee() {
        return NO_FEE;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** The currency the site's provider takes: the one currency a fee may be set in. */
    public String getSiteCurrency() {
        return siteCurrency;
    }

    /** Decimals the site's currency takes (for the amount converter). */
    public int getDecimals() {
        return PayPalCurrencies.decimals(Currency.getInstance(siteCurrency));
    }

    /** One offering of the table, with the fee being edited. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String externalId;
        private final String title;
        private final OfferingType type;
        private final Service service;
        private final Instant startsAt;
        private BigDecimal feeAmount;
        private String feeCurrency;
        private BigDecimal amount;
        private String currency;

        Row(Offering o, String siteCurrency) {
            externalId = o.getExternalId();
            title = o.getTitle();
            type = o.getType();
            service = o.getService();
            startsAt = o.getStartsAt();
            showFee(o, siteCurrency);
        }

        void showFee(Offering o, String siteCurrency) {
            feeAmount = o.getFee().map(Money::amount).orElse(null);
            feeCurrency = o.getFee().map(m -> m.currency().getCurrencyCode()).orElse(null);
            amount = siteCurrency.equals(feeCurrency) ? feeAmount : null;
            currency = siteCurrency;
        }

        public String getExternalId() {
            return externalId;
        }

        public String getTitle() {
            return title;
        }

        public OfferingType getType() {
            return type;
        }

        public Service getService() {
            return service;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }
    }
}
