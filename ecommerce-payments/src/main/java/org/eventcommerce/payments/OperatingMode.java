package org.eventcommerce.payments;

/**
 * The site's operating mode (MISSION.md M3). It chooses the provider endpoints and the credential set;
 * Test mode never moves real money (PayPal's pilot/sandbox servers).
 */
public enum OperatingMode {
    TEST, PRODUCTION
}
