package org.eventcommerce.domain.site;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.eventcommerce.payments.CardBrand;
import org.eventcommerce.payments.OperatingMode;

/**
 * Everything the E-Commerce page (and {@code PUT /api/v1/settings}) can change, before validation.
 *
 * @param credentials   per mode; a null password in a set keeps the stored one (passwords are write-only)
 * @param paymentAction Sale or Authorization; null means Sale
 */
public record SettingsUpdate(boolean eventsEnabled, boolean trainingEnabled, OperatingMode mode, ZoneId timeZone,
                             String merchantName, String supportInfo, String pageHeader, String pageFooter,
                             boolean promotionCodesEnabled, ProviderType providerType, AccountType accountType,
                             Set<CardBrand> acceptedCards, boolean expressCheckout, String paypalEmail,
                             String currency, Map<OperatingMode, CredentialsInput> credentials,
                             PaymentAction paymentAction) {

    public SettingsUpdate {
        acceptedCards = acceptedCards == null ? Set.of() : Set.copyOf(acceptedCards);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        paymentAction = paymentAction == null ? PaymentAction.SALE : paymentAction;
    }

    /** This update with {@code credentials} instead of its own. */
    public SettingsUpdate withCredentials(Map<OperatingMode, CredentialsInput> credentials) {
        return new SettingsUpdate(eventsEnabled, trainingEnabled, mode, timeZone, merchantName, supportInfo, pageHeader,
                pageFooter, promotionCodesEnabled, providerType, accountType, acceptedCards, expressCheckout,
                paypalEmail, currency, credentials, paymentAction);
    }

    /** One mode's Payflow credentials as typed; {@code password} null or empty keeps the stored one. */
    public record CredentialsInput(String partnerId, String vendor, String user, String password) {
        @Override
        public String toString() {
            return "CredentialsInput[partnerId=" + partnerId + ", vendor=" + vendor + ", user=" + user
                    + ", password=" + (password == null || password.isEmpty() ? "(unchanged)" : "****") + "]";
        }
    }

    /** The current state of {@code c} as an update (passwords unchanged), to edit and save back. */
    public static SettingsUpdate from(CommerceConfiguration c) {
        return new SettingsUpdate(c.isEnabled(Service.EVENTS), c.isEnabled(Service.TRAINING), c.getMode(),
                c.getSite().getTimeZone(), c.getMerchantName(), c.getSupportInfo(), c.getPageHeader(),
                c.getPageFooter(), c.isPromotionCodesEnabled(), c.getProviderType(), c.getAccountType(),
                Set.copyOf(c.getAcceptedCards()), c.isExpressCheckout(), c.getPaypalEmail(),
                c.getCurrency().getCurrencyCode(), Map.of(
                        OperatingMode.TEST, input(c.credentials(OperatingMode.TEST)),
                        OperatingMode.PRODUCTION, input(c.credentials(OperatingMode.PRODUCTION))),
                c.getPaymentAction());
    }

    private static CredentialsInput input(ProviderCredentials p) {
        return new CredentialsInput(p.getPartnerId(), p.getVendor(), p.getUser(), null);
    }
}
