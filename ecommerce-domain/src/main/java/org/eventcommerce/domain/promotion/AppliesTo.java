package org.eventcommerce.domain.promotion;

import org.eventcommerce.domain.offering.OfferingType;

/** What a code applies to: every offering, or one offering type (MISSION.md M8 "applies to"). */
public enum AppliesTo {
    ALL, LIVE_EVENT, TRAINING_SESSION, RECORDING, PROGRAM;

    /** True when a code with this scope may be used for an offering of {@code type}. */
    public boolean covers(OfferingType type) {
        return this == ALL || name().equals(type.name());
    }
}
