package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** A body with the same key twice is refused; a problem lists at most fifty field errors. */
class ProblemValidationTest {

    @Test
    void anObjectWithTheSameKeyTwiceIsRefused() {
        assertThatThrownBy(() -> JsonBody.parse("{\"offering\": \"live-keynote\", \"offering\": \"java-workshop\"}",
                Set.of("offering"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::key).containsExactly("validation.body.duplicate"));
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
