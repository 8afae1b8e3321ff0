package org.eventcommerce.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

/** Query and path parameters with control characters are refused by name (FuzzIT). */
class TextParametersFilterTest {

    private static MultivaluedMap<String, String> params(String... nameValue) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.add(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void namesEachParameterWithControlCharacters() {
        List<FieldError> errors = TextParametersFilter.errors(
                params("attendee", "a\u0000b", "from", "2026-01-01", "code", "ok", "code", "esc\u001b"),
                params("id", "x\u007f"));
        assertThat(errors).extracting(FieldError::field).containsExactly("attendee", "code", "id");
        assertThat(errors).extracting(FieldError::key).containsOnly("validation.parameter.control");
        assertThat(errors.getFirst().message(java.util.Locale.ENGLISH)).isEqualTo("Remove the control characters "
                + "(such as NUL or escape) from this parameter; characters outside ASCII must be percent-encoded "
                + "in UTF-8 (for example %C8%99 for \u0219).");
    }

    @Test
    void textIsLeftToTheResources() {
        assertThat(TextParametersFilter.errors(params("recipient", "Ünïcødé 😀", "code", "' OR '1'='1'; --",
                "attendee", "<script>alert(1)</script>"), params("id", "2026-13-01"))).isEmpty();
    }

    @Test
    void aParameterNameThatIsNotTextIsReportedAsTheQuery() {
        assertThat(TextParametersFilter.errors(params("a\u0000", "1"), params()))
                .extracting(FieldError::field).containsExactly("query");
    }
}
