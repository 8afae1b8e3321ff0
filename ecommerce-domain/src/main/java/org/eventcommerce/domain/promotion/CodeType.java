package org.eventcommerce.domain.promotion;

/** How a code's string was chosen (MISSION.md M8 "code type"). */
public enum CodeType {
    /** Made by {@link CodeGenerator}, a quantity at a time. */
    GENERATED,
    /** Typed by the administrator: one code, mailed to every recipient. */
    CUSTOM
}
