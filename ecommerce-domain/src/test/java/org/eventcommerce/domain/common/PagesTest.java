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

    @Test
    void aPageWhoseFirstRowIsPastTheLargestIntIsAnErrorOnPage() {
        // Fresh-user trial (issue 5): page=42949673&size=50 overflowed to a negative first row (a 500), and
        // page=2147483647&size=50 on the reconciliation view wrapped to the first page.
        for (int[] ps : new int[][] {{42_949_673, 50}, {Integer.MAX_VALUE, 50}, {Integer.MAX_VALUE, 2}}) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> Pages.first(ps[0], ps[1], 500));
            assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("page");
            assertThat(e.errors().getFirst().key()).isEqualTo("validation.page.tooFar");
        }
        assertThat(Pages.first(42_949_672, 50, 500)).isEqualTo(2_147_483_600);
        assertThat(Pages.first(Integer.MAX_VALUE, 1, 500)).isEqualTo(Integer.MAX_VALUE);
    }
}
