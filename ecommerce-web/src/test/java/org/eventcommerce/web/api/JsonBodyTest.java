package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonValue;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** Strings of a request body: control characters are refused on their field (FuzzIT). */
class JsonBodyTest {

    @Test
    void aStringWithAControlCharacterIsAnErrorOnItsField() {
        JsonBody b = JsonBody.parse("{\"title\": \"Demo\\u0000Talk\", \"attendee\": {\"name\": \"esc\\u001b\"},"
                + " \"ok\": \"line\\nbreak\\ttab\"}", Set.of("title", "attendee", "ok"));
        assertThat(b.string("title", true)).isNull();
        assertThat(b.object("attendee", Set.of("name"), true).string("name", false)).isNull();
        assertThat(b.string("ok", true)).isEqualTo("line\nbreak\ttab");
        assertThatThrownBy(b::finish).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field, FieldError::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("title", "validation.text.control"),
                        org.assertj.core.groups.Tuple.tuple("attendee.name", "validation.text.control")));
    }

    @Test
    void anArrayItemIsReadUnderTheFieldItIsGiven() {
        JsonBody b = JsonBody.parse("{\"codes\": [\"SPRING26\", 7, \"a\\ud800\"]}", Set.of("codes"));
        var codes = b.raw("codes").asJsonArray();
        assertThat(b.text("codes[0]", codes.get(0))).isEqualTo("SPRING26");
        assertThat(b.text("codes[1]", codes.get(1))).isNull();
        assertThat(b.text("codes[2]", codes.get(2))).isNull();
        assertThat(b.text("codes[3]", JsonValue.NULL)).isNull();
        assertThatThrownBy(b::finish).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field, FieldError::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("codes[1]", "validation.type.string"),
                        org.assertj.core.groups.Tuple.tuple("codes[2]", "validation.text.control")));
    }

    @Test
    void aBodyIsOneJsonValueAndNothingAfterIt() {
        // FuzzIT: a reader stops after the first value, so "{...} {}" and "{...}\0\0" passed as "{...}".
        for (String body : new String[] {"{\"codes\": []} {}", "{\"codes\": []}\u0000\u0000", "{\"codes\": []},",
                "[".repeat(2000) + "]".repeat(2000), "{\"codes\": " + "[".repeat(1001) + "]".repeat(1001) + "}"}) {
            assertThatThrownBy(() -> JsonBody.parse(body, Set.of("codes"))).as(body.length() > 40 ? "deep" : body)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::key).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("body", "validation.body.json")));
        }
        assertThat(JsonBody.parse(" {\"codes\": []} \r\n\t", Set.of("codes")).keys()).containsExactly("codes");
    }

    @Test
    void aFieldNamedTwiceIsRefusedAtAnyDepth() {
        for (String body : new String[] {"{\"amount\": 1, \"amount\": 2}",
                "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"USD\", \"amount\": \"1000.00\"}}"}) {
            assertThatThrownBy(() -> JsonBody.parse(body, Set.of("amount"))).as(body)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field, FieldError::key).containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("body", "validation.body.duplicate")));
        }
    }

    @Test
    void anAmountWithTooManyDigitsIsToldSoNotToWriteItPlainly() {
        // Fresh-user trial (issue 5): "99999999999999999999.00" was answered "write the amount as a plain number".
        JsonBody b = JsonBody.parse("{\"fee\": {\"amount\": \"99999999999999999999.00\", \"currency\": \"USD\"},"
                + " \"other\": {\"amount\": \"12,50\", \"currency\": \"USD\"}}", Set.of("fee", "other"));
        assertThat(b.money("fee", true)).isNull();
        assertThat(b.money("other", true)).isNull();
        assertThatThrownBy(b::finish).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field, FieldError::key).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fee.amount", "validation.amount.digits"),
                        org.assertj.core.groups.Tuple.tuple("other.amount", "validation.amount.format")));
    }
}
