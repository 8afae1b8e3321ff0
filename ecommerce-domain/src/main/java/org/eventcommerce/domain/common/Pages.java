package org.eventcommerce.domain.common;

/** The paging rule every report shares: {@code page} from 0, {@code size} from 1 to a report's maximum. */
public final class Pages {

    private Pages() {
    }

    /**
     * @throws ValidationException {@code validation.page} on the field that is wrong: {@code page} when it is
     *                             negative, else {@code size} when it is outside 1..{@code maxSize}
     */
    public static void check(int page, int size, int maxSize) {
        if (page < 0) {
            throw ValidationException.of("page", "validation.page", maxSize);
        }
        if (size < 1 || size > maxSize) {
            throw ValidationException.of("size", "validation.page", maxSize);
        }
    }
}
