package org.eventcommerce.domain.offering;

/** What a host sells (DESIGN.md "Domain vocabulary"). */
public enum OfferingType {
    LIVE_EVENT, TRAINING_SESSION, RECORDING, PROGRAM
}
