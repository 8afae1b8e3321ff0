package org.eventcommerce.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void aNegativePageIsAnErrorOnPage() {
        // The fresh-user trial sent page=-1 and was told about "size".
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Pages.check(-1, 50, 500));
        assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("page");
    }

    @Test
    void aSizeOutsideTheRangeIsAnErrorOnSize() {
        for (int size : new int[] {0, 501}) {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> Pages.check(0, size, 500));
            assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("size");
        }
    }

    @Test
    void theEdgesAreAllowed() {
        assertThatCode(() -> Pages.check(0, 1, 500)).doesNotThrowAnyException();
        assertThatCode(() -> Pages.check(7, 500, 500)).doesNotThrowAnyException();
    }
}
