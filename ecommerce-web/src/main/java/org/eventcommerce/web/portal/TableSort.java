package org.eventcommerce.web.portal;

import java.util.Map;
import java.util.function.BiFunction;
import org.primefaces.model.SortMeta;

/** A lazy PrimeFaces table's sort as a report's database sort, whose fields are a whitelist enum. */
public final class TableSort {

    private TableSort() {
    }

    /**
     * The first sorted column of {@code sortBy} as {@code make(field, ascending)}, its {@code field} attribute naming a
     * constant of {@code fields}; {@code fallback} when nothing is sorted or the column names no constant.
     */
    public static <F extends Enum<F>, S> S of(Map<String, SortMeta> sortBy, Class<F> fields,
                                             BiFunction<F, Boolean, S> make, S fallback) {
        if (sortBy == null || sortBy.isEmpty()) {
            return fallback;
        }
        SortMeta m = sortBy.values().iterator().next();
        if (m.getOrder() == null || m.getOrder().isUnsorted() || m.getField() == null) {
            return fallback;
        }
        try {
            return make.apply(Enum.valueOf(fields, m.getField()), m.getOrder().isAscending());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
