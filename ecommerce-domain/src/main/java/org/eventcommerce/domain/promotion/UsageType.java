package org.eventcommerce.domain.promotion;

/** How often a code may be used until it expires (MISSION.md M8 "usage"). */
public enum UsageType {
    ONCE, LIMITED, UNLIMITED
}
