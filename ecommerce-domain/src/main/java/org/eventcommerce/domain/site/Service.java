package org.eventcommerce.domain.site;

/** The platform services e-commerce is switched on for (MISSION.md M1). */
public enum Service {
    EVENTS, TRAINING
}
