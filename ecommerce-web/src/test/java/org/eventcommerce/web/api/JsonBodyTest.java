package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** Control characters in JSON bodies are refused on the field's path; huge error lists are cut. */
class JsonBodyTest {

    @Test
    void aControlCharacterInANestedStringIsRefusedOnItsPath() {
        assertThatThrownBy(() -> JsonBody.parse("{\"attendee\": {\"name\": \"A\\u0000B\"}}", Set.of("attendee")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::key)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("attendee.name",
                                "validation.controlCharacters")));
        assertThatThrownBy(() -> JsonBody.parse("{\"codes\": [\"OK\", \"ESC\\u001b\"]}", Set.of("codes")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("codes[1]"));
        assertThatThrownBy(() -> JsonBody.parse("{\"a\\u0007\": 1}", Set.of("a")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field())
                        .isEqualTo("body"));
    }

    @Test
    void anObjectWithTheSameKeyTwiceIsRefused() {
        assertThatThrownBy(() -> JsonBody.parse("{\"offering\": \"live-keynote\", \"offering\": \"java-workshop\"}",
                Set.of("offering"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::key).containsExactly("validation.body.json"));
    }

    @Test
    void tabsAndLineBreaksAreText() {
        JsonBody b = JsonBody.parse("{\"footer\": \"Line one\\r\\nLine\\ttwo\"}", Set.of("footer"));
        assertThat(b.string("footer", true)).isEqualTo("Line one\r\nLine\ttwo");
        b.finish();
    }

    @Test
    void aProblemListsAtMostFiftyFieldErrorsAndSaysHowManyThereWere() {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            errors.add(new FieldError("f" + i, "validation.field.unknown"));
        }
        String body = Problem.validationJson(errors);
        assertThat(body).contains("\"f49\"").doesNotContain("\"f50\"")
                .contains("200000 fields are invalid; the first 50 are listed");
        assertThat(body.length()).isLessThan(10_000);
    }
}
