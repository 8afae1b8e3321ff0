package org.eventcommerce.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

class PagingTest {

    enum Field { CREATED_AT, AMOUNT }

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void fieldNamesInAnyCaseWithOrWithoutUnderscores() {
        // A fresh-user trial sent sort=createdAt,desc and got a 400: only CREATED_AT was understood.
        for (String raw : List.of("createdAt,desc", "created_at,desc", "CREATED_AT,DESC", " CreatedAt , desc ")) {
            Optional<Paging.SortParam<Field>> p = Paging.sortParam(raw, Field.class, errors);
            assertEquals(Field.CREATED_AT, p.orElseThrow().field(), raw);
            assertFalse(p.get().ascending(), raw);
        }
        assertTrue(errors.isEmpty());
    }

    @Test
    void directionDefaultsToAscending() {
        assertTrue(Paging.sortParam("amount", Field.class, errors).orElseThrow().ascending());
    }

    @Test
    void absentIsEmptyWithoutError() {
        assertTrue(Paging.sortParam(null, Field.class, errors).isEmpty());
        assertTrue(Paging.sortParam(" ", Field.class, errors).isEmpty());
        assertTrue(errors.isEmpty());
    }

    @Test
    void unknownFieldOrDirectionIsAnErrorOnSortListingTheFields() {
        assertTrue(Paging.sortParam("price,asc", Field.class, errors).isEmpty());
        assertTrue(Paging.sortParam("amount,upwards", Field.class, errors).isEmpty());
        assertEquals(2, errors.size());
        assertEquals("sort", errors.get(0).field());
        assertEquals("CREATED_AT, AMOUNT (then ,asc or ,desc)", errors.get(0).args()[0]);
    }

    @Test
    void pageThatIsNotANumberIsAnErrorOnItsField() {
        assertEquals(50, Paging.intParam("size", "ten", 50, errors));
        assertEquals("size", errors.get(0).field());
        assertEquals("validation.type.integer", errors.get(0).key());
    }
}
