package org.eventcommerce.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The diff of two field maps: only changed fields, in order, with null as "no value"; secrets never as values. */
class FieldChangeTest {

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void onlyChangedFieldsInTheOrderOfTheNewValues() {
        assertThat(FieldChange.diff(map("a", "1", "b", "2", "c", "3"), map("a", "1", "b", "20", "c", "30"), Set.of()))
                .containsExactly(new FieldChange("b", "2", "20"), new FieldChange("c", "3", "30"));
    }

    @Test
    void nullIsNoValueAndAValueAppearingOrGoingIsAChange() {
        Map<String, String> before = new HashMap<>();
        before.put("merchantName", null);
        before.put("supportInfo", "help@example.com");
        before.put("paymentPage.footer", null);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("merchantName", "Acme");
        after.put("supportInfo", null);
        after.put("paymentPage.footer", null);
        assertThat(FieldChange.diff(before, after, Set.of())).containsExactly(
                new FieldChange("merchantName", null, "Acme"), new FieldChange("supportInfo", "help@example.com", null));
    }

    @Test
    void nothingChangedIsEmpty() {
        assertThat(FieldChange.diff(map("a", "1"), map("a", "1"), Set.of("a"))).isEmpty();
    }

    @Test
    void aSecretIsWrittenOnlyAsChangedWhateverItsStoredForm() {
        assertThat(FieldChange.diff(map("pw", null), map("pw", "cipher-1"), Set.of("pw")))
                .containsExactly(new FieldChange("pw", "(not set)", "(changed)"));
        assertThat(FieldChange.diff(map("pw", "cipher-1", "user", "u"), map("pw", "cipher-2", "user", "v"),
                Set.of("pw"))).containsExactly(new FieldChange("pw", "(set)", "(changed)"),
                new FieldChange("user", "u", "v"));
        assertThat(FieldChange.diff(map("pw", "cipher-1"), map("pw", null), Set.of("pw")))
                .containsExactly(new FieldChange("pw", "(set)", "(not set)"));
        assertThat(FieldChange.diff(map("pw", "cipher-1"), map("pw", "cipher-2"), Set.of("pw")).toString())
                .doesNotContain("cipher");
    }

    @Test
    void aFieldOnlyTheOldMapHasComesLast() {
        assertThat(FieldChange.diff(map("gone", "x", "a", "1"), map("a", "2"), Set.of()))
                .containsExactly(new FieldChange("a", "1", "2"), new FieldChange("gone", "x", null));
    }
}
