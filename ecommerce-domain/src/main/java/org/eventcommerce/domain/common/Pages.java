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
        first(page, size, maxSize);
    }

    /**
     * The index of the page's first row, {@code page * size}, after {@link #check}.
     *
     * @throws ValidationException as {@link #check}, and {@code validation.page.tooFar} on {@code page} when the
     *                             first row would be past {@link Integer#MAX_VALUE} (a query's first result is an
     *                             int: {@code page=42949673&size=50} overflowed to a negative start, a 500, and on
     *                             another report wrapped silently to the first page)
     */
    public static int first(int page, int size, int maxSize) {
        if (page < 0) {
            throw ValidationException.of("page", "validation.page", maxSize);
        }
        if (size < 1 || size > maxSize) {
            throw ValidationException.of("size", "validation.page", maxSize);
        }
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            throw ValidationException.of("page", "validation.page.tooFar", Integer.MAX_VALUE / size);
        }
        return (int) first;
    }
}
