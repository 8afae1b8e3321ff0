package org.eventcommerce.domain.promotion;

/** A code's status in reports: the first that applies of DELETED, USED_UP, EXPIRED, ACTIVE (API.md). */
public enum CodeStatus {
    ACTIVE, EXPIRED, USED_UP, DELETED
}
