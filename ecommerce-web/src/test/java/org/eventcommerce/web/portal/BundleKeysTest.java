package org.eventcommerce.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's bundles: English and Romanian hold the same keys, each once (two branches that both append keys at
 * the end of a bundle have produced duplicates and one-sided keys before).
 */
class BundleKeysTest {

    private static final Pattern KEY = Pattern.compile("^([^#!\\s][^=:]*?)\\s*[=:]");

    private static List<String> keys(String name) throws IOException {
        try (InputStream in = BundleKeysTest.class.getResourceAsStream("/org/eventcommerce/web/i18n/" + name)) {
            List<String> keys = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = KEY.matcher(line);
                if (m.find()) {
                    keys.add(m.group(1));
                }
            }
            return keys;
        }
    }

    @Test
    void englishAndRomanianHaveTheSameKeysEachOnce() throws IOException {
        List<String> en = keys("messages.properties");
        List<String> ro = keys("messages_ro.properties");
        assertTrue(en.size() > 100, "the English bundle was read");
        assertEquals(Set.of(), duplicates(en), "keys twice in messages.properties");
        assertEquals(Set.of(), duplicates(ro), "keys twice in messages_ro.properties");
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ro);
        Set<String> onlyRo = new TreeSet<>(ro);
        onlyRo.removeAll(en);
        assertEquals(Set.of(), onlyEn, "keys missing in Romanian");
        assertEquals(Set.of(), onlyRo, "keys missing in English");
    }

    private static Set<String> duplicates(List<String> keys) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (String k : keys) {
            if (!seen.add(k)) {
                twice.add(k);
            }
        }
        return twice;
    }
}
