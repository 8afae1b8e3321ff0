package org.eventcommerce.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void absentBlankAndEmptyObjectAreTheSameRequest() {
        assertEquals("{}", Json.canonical(null));
        assertEquals("{}", Json.canonical(""));
        assertEquals("{}", Json.canonical(" \n"));
        assertEquals("{}", Json.canonical("{ }"));
    }

    @Test
    void whiteSpaceDoesNotMatterButValuesDo() {
        String a = Json.canonical("{\"amount\": {\"amount\": \"5.00\", \"currency\": \"USD\"}}");
        assertEquals("{\"amount\":{\"amount\":\"5.00\",\"currency\":\"USD\"}}", a);
        assertEquals(a, Json.canonical("{ \"amount\" :\n{\"amount\":\"5.00\",  \"currency\":\"USD\"} }"));
        assertNotEquals(a, Json.canonical("{\"amount\": {\"amount\": \"5.0\", \"currency\": \"USD\"}}"));
    }

    @Test
    void memberOrderDoesNotMatterButArrayOrderDoes() {
        // Fresh-user trial (issue 5): the same card body with its members reordered was an idempotency conflict.
        String a = Json.canonical("{\"card\": {\"number\": \"4111111111111111\", \"expiry\": \"1230\", "
                + "\"cvv\": \"123\", \"holder\": \"Ann\"}}");
        assertEquals(a, Json.canonical("{\"card\": {\"holder\": \"Ann\", \"cvv\": \"123\", "
                + "\"number\": \"4111111111111111\", \"expiry\": \"1230\"}}"));
        assertEquals("{\"card\":{\"cvv\":\"123\",\"expiry\":\"1230\",\"holder\":\"Ann\","
                + "\"number\":\"4111111111111111\"}}", a);
        assertNotEquals(Json.canonical("{\"codes\": [\"A\", \"B\"]}"), Json.canonical("{\"codes\": [\"B\", \"A\"]}"));
        assertEquals(Json.canonical("[{\"b\": 1, \"a\": 2}]"), Json.canonical("[{\"a\": 2, \"b\": 1}]"));
    }

    @Test
    void textThatIsNotJsonIsKeptAsItIs() {
        assertEquals("{amount", Json.canonical("{amount"));
    }

    @Test
    void nestingDeeperThanTheParsersLimitIsKeptAsItIs() {
        // FuzzIT: Parsson refuses more than 1000 levels with a bare RuntimeException ("Input is too deeply nested"),
        // not a JsonException; the payment, refund, capture and void writes answered 500 before their body was read.
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(deep, Json.canonical(deep));
        String deepField = "{\"amount\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertEquals(deepField, Json.canonical(deepField));
    }
}
