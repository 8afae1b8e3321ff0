package org.eventcommerce.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void titleIsTheLastSegmentInWords() {
        assertEquals("Order state", Problem.titleOf("/problems/order-state"));
        assertEquals("Too many attempts", Problem.titleOf("/problems/too-many-attempts"));
    }

    @Test
    void eCommerceKeepsItsHyphen() {
        // A fresh-user trial read "E commerce disabled" in a problem title.
        assertEquals("E-commerce disabled", Problem.titleOf("/problems/e-commerce-disabled"));
    }

    @Test
    void emptySegmentIsError() {
        assertEquals("Error", Problem.titleOf("/problems/"));
    }
}
