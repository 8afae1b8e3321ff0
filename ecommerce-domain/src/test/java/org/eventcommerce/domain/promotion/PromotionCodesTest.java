package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromotionCodesTest {

    @Test
    void normalizeStripsUnicodeSpacesAndUpperCases() {
        assertThat(PromotionCodes.normalize("\u00A0spring26\u202F")).isEqualTo("SPRING26");
        assertThat(PromotionCodes.normalize("\u2007\uFEFF Spring26\t\r\n\u00A0")).isEqualTo("SPRING26");
        assertThat(PromotionCodes.normalize("\u200Bsummer\u2060")).isEqualTo("SUMMER");
        assertThat(PromotionCodes.normalize("\u2003\u3000abc9\u205F")).isEqualTo("ABC9");
        assertThat(PromotionCodes.normalize("SPRING26")).isEqualTo("SPRING26");
    }

    @Test
    void normalizeKeepsInnerCharacters() {
        assertThat(PromotionCodes.normalize(" spring\u00A026 ")).isEqualTo("SPRING\u00A026");
        assertThat(PromotionCodes.normalize("spring-26")).isEqualTo("SPRING-26");
    }

    @Test
    void normalizeOfNullAndBlank() {
        assertThat(PromotionCodes.normalize(null)).isNull();
        assertThat(PromotionCodes.normalize("")).isEmpty();
        assertThat(PromotionCodes.normalize(" \u00A0\u202F\uFEFF ")).isEmpty();
    }

    @Test
    void normalizeDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(PromotionCodes.normalize("winter1")).isEqualTo("WINTER1");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void normalizedFormsOfTheSameCodeAreEqual() {
        assertThat(PromotionCodes.normalize("\u00A0spring26 ")).isEqualTo(PromotionCodes.normalize("SPRING26"))
                .isEqualTo(PromotionCodes.normalize("Spring26\u202F"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPRING26", "ABCD", "2026", "A1B2", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "OIL01"})
    void validCustomCodes(String code) {
        assertThat(PromotionCodes.isValidCustom(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB1", "ABC", "", "SPRÎNG", "SPRING-26", "SPRING 26", "SPRING_26", "spring26",
            "ŞTEFAN26", "SPRİNG", "ＡＢＣＤ", "١٢٣٤"})
    void invalidCustomCodes(String code) {
        assertThat(PromotionCodes.isValidCustom(code)).isFalse();
    }

    @Test
    void customCodeLengthLimits() {
        assertThat(PromotionCodes.isValidCustom("A".repeat(PromotionCodes.MAX_LENGTH))).isTrue();
        assertThat(PromotionCodes.isValidCustom("A".repeat(33))).isFalse();
        assertThat(PromotionCodes.isValidCustom("A".repeat(PromotionCodes.MIN_LENGTH))).isTrue();
        assertThat(PromotionCodes.isValidCustom(PromotionCodes.normalize("ab1"))).isFalse();
        assertThat(PromotionCodes.isValidCustom(null)).isFalse();
    }

    @Test
    void requireCustomNormalizesOrRefusesOnTheField() {
        assertThat(PromotionCodes.requireCustom("\u00A0spring26 ")).isEqualTo("SPRING26");
        assertThatThrownBy(() -> PromotionCodes.requireCustom("sprîng")).isInstanceOfSatisfying(
                ValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.field()).isEqualTo("customCode");
                        assertThat(err.key()).isEqualTo("validation.promotionCode.custom");
                        assertThat(err.message(Locale.ENGLISH)).contains("4 to 32");
                        assertThat(err.message(Locale.forLanguageTag("ro"))).contains("4 până la 32");
                    });
                });
        assertThatThrownBy(() -> PromotionCodes.requireCustom(" \u00A0")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.errors().get(0).key()).isEqualTo("validation.required"));
        assertThatThrownBy(() -> PromotionCodes.requireCustom(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void alphabetHasNoLookAlikes() {
        assertThat(PromotionCodes.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(PromotionCodes.ALPHABET.chars().distinct().count()).isEqualTo(31);
        assertThat(PromotionCodes.ALPHABET).matches("[A-Z2-9]+");
        assertThat(PromotionCodes.isValidCustom(PromotionCodes.ALPHABET)).isTrue();
    }
}
