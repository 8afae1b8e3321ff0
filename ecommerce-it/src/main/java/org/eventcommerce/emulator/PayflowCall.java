package org.eventcommerce.emulator;

/**
 * One authenticated Payflow request ready for processing: its parameters, the merchant account it
 * logged in to, and its {@code X-VPS-REQUEST-ID} (paypal-protocols.md §1.2).
 */
record PayflowCall(NvpRequest request, MerchantAccount account, String requestId) {

    String vendor() {
        return account.vendor();
    }

    String trxType() {
        return request.value("TRXTYPE");
    }
}
