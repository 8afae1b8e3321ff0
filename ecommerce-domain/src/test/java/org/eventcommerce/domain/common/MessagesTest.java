package org.eventcommerce.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code validation.*} / {@code error.*} key the domain code uses must exist in the English and the
 * Romanian bundle, with the same {@code {n}} placeholders, and be a well-formed MessageFormat pattern.
 */
class MessagesTest {

    private static final String EN = "/org/eventcommerce/domain/messages.properties";
    private static final String RO = "/org/eventcommerce/domain/messages_ro.properties";
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:validation|error)\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static String enText;
    private static String roText;
    private static Properties en;
    private static Properties ro;
    private static Map<String, List<Path>> usedKeys;

    @BeforeAll
    static void load() throws IOException {
        enText = readStrictUtf8(EN);
        roText = readStrictUtf8(RO);
        en = parse(enText);
        ro = parse(roText);
        usedKeys = scanSources(mainSources());
    }

    private static Path mainSources() {
        Path base = Path.of(System.getProperty("basedir", "."));
        return base.resolve("src/main/java");
    }

    /** Decodes a bundle as strict UTF-8: ResourceBundle silently falls back to ISO-8859-1 on bad bytes. */
    private static String readStrictUtf8(String resource) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("bundle " + resource + " on the classpath").isNotNull();
            byte[] bytes = in.readAllBytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError(resource + " is not valid UTF-8", e);
            }
        }
    }

    private static Properties parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    private static Map<String, List<Path>> scanSources(Path root) throws IOException {
        assertThat(root).as("main sources").isDirectory();
        Map<String, List<Path>> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(root.relativize(f));
                }
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Map<String, List<Path>> missingFrom(Properties bundle) {
        Map<String, List<Path>> missing = new TreeMap<>();
        usedKeys.forEach((k, where) -> {
            if (bundle.getProperty(k) == null || bundle.getProperty(k).isBlank()) {
                missing.put(k, where);
            }
        });
        return missing;
    }

    @Test
    void theScanFindsTheKnownKeys() {
        // guards the scan itself: these keys are certainly used by the domain code
        assertThat(usedKeys).containsKeys("error.validation", "validation.card.number", "validation.card.cvv",
                "validation.length.max", "validation.required");
    }

    @Test
    void everyUsedKeyIsInTheEnglishBundle() {
        assertThat(missingFrom(en)).as("keys used in src/main/java but missing or blank in messages.properties")
                .isEmpty();
    }

    @Test
    void everyUsedKeyIsInTheRomanianBundle() {
        assertThat(missingFrom(ro)).as("keys used in src/main/java but missing or blank in messages_ro.properties")
                .isEmpty();
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(ro.stringPropertyNames());
        Set<String> onlyRo = new TreeSet<>(ro.stringPropertyNames());
        onlyRo.removeAll(en.stringPropertyNames());
        assertThat(onlyEn).as("keys only in messages.properties").isEmpty();
        assertThat(onlyRo).as("keys only in messages_ro.properties").isEmpty();
    }

    @Test
    void placeholdersMatchBetweenLanguages() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String k : en.stringPropertyNames()) {
            String r = ro.getProperty(k);
            if (r != null && !placeholders(en.getProperty(k)).equals(placeholders(r))) {
                mismatches.put(k, "en " + placeholders(en.getProperty(k)) + " vs ro " + placeholders(r));
            }
        }
        assertThat(mismatches).as("keys whose {n} placeholders differ").isEmpty();
    }

    @Test
    void placeholdersAreNumberedFromZeroWithoutGaps() {
        Map<String, Set<String>> gaps = new TreeMap<>();
        for (Properties p : List.of(en, ro)) {
            for (String k : p.stringPropertyNames()) {
                Set<String> ph = placeholders(p.getProperty(k));
                for (int i = 0; i < ph.size(); i++) {
                    if (!ph.contains(String.valueOf(i))) {
                        gaps.put(k, ph);
                    }
                }
            }
        }
        assertThat(gaps).isEmpty();
    }

    /**
     * Messages formats a pattern with MessageFormat only when arguments are given: a pattern with
     * placeholders must double its apostrophes, a pattern without must not.
     */
    @Test
    void apostrophesFollowTheMessageFormatRule() {
        List<String> bad = new ArrayList<>();
        Pattern loneApostrophe = Pattern.compile("(?<!')'(?!')");
        for (Map.Entry<String, Properties> b : Map.of("en", en, "ro", ro).entrySet()) {
            for (String k : b.getValue().stringPropertyNames()) {
                String v = b.getValue().getProperty(k);
                boolean formatted = !placeholders(v).isEmpty();
                if (formatted && loneApostrophe.matcher(v).find()) {
                    bad.add(b.getKey() + " " + k + ": single ' is swallowed by MessageFormat");
                }
                if (!formatted && v.contains("''")) {
                    bad.add(b.getKey() + " " + k + ": '' is shown doubled (no arguments, no MessageFormat)");
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() {
        for (Map.Entry<String, String> file : Map.of("messages.properties", enText, "messages_ro.properties", roText)
                .entrySet()) {
            Set<String> seen = new HashSet<>();
            Set<String> dup = new TreeSet<>();
            boolean continuation = false;
            for (String line : file.getValue().split("\\R")) {
                String t = line.strip();
                boolean wasContinuation = continuation;
                continuation = t.endsWith("\\") && !t.endsWith("\\\\");
                if (wasContinuation || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                    continue;
                }
                String key = t.split("\\s*[=:]\\s*|\\s+", 2)[0];
                if (!seen.add(key)) {
                    dup.add(key);
                }
            }
            assertThat(dup).as("keys defined twice in " + file.getKey()).isEmpty();
        }
    }

    @Test
    void romanianIsATranslationForMostKeys() {
        List<String> same = en.stringPropertyNames().stream().filter(k -> en.getProperty(k).equals(ro.getProperty(k)))
                .sorted().toList();
        assertThat(en.stringPropertyNames()).isNotEmpty();
        assertThat(same.size()).as("keys whose Romanian text equals the English one: " + same)
                .isLessThanOrEqualTo(en.stringPropertyNames().size() / 10);
    }

    @Test
    void romanianUsesCommaBelowLettersNotCedillas() {
        assertThat(roText).doesNotContain("ş", "ţ", "Ş", "Ţ").contains("ă", "ț");
    }

    @Test
    void messagesFormatReadsTheBundlesPerLocale() {
        String key = "validation.card.expired";
        assertThat(Messages.format(Locale.ENGLISH, key)).isEqualTo(en.getProperty(key));
        assertThat(Messages.format(Locale.forLanguageTag("ro"), key)).isEqualTo(ro.getProperty(key));
        assertThat(Messages.format(Locale.forLanguageTag("ro-RO"), key)).isEqualTo(ro.getProperty(key));
        // no German bundle: English, never the JVM's default locale
        assertThat(Messages.format(Locale.GERMANY, key)).isEqualTo(en.getProperty(key));
        assertThat(Messages.format(null, key)).isEqualTo(en.getProperty(key));
        // diacritics survive the ResourceBundle decoding
        assertThat(Messages.format(Locale.forLanguageTag("ro"), "error.validation")).isEqualTo(
                ro.getProperty("error.validation"));
    }

    @Test
    void messagesFormatFillsArguments() {
        String en4 = Messages.format(Locale.ENGLISH, "validation.card.cvv", 4);
        assertThat(en4).contains("4").doesNotContain("{0}");
        String ro60 = Messages.format(Locale.forLanguageTag("ro"), "validation.length.max", 60);
        assertThat(ro60).contains("60").doesNotContain("{0}");
        String two = Messages.format(Locale.ENGLISH, "error.currencyNotSupported", "HUF", "PAYFLOW");
        assertThat(two).contains("HUF", "PAYFLOW").doesNotContain("{0}", "{1}");
    }

    @Test
    void unknownKeyComesBackAsTheKey() {
        assertThat(Messages.format(Locale.ENGLISH, "validation.no.such.key")).isEqualTo("validation.no.such.key");
        assertThat(Messages.format(Locale.forLanguageTag("ro"), "error.no.such.key", 1)).isEqualTo("error.no.such.key");
    }

    @org.junit.jupiter.api.Test
    void daysInMessagesAreWrittenTheReadersWayWithTheFullYear() {
        java.time.LocalDate d = java.time.LocalDate.of(2026, 11, 30);
        org.assertj.core.api.Assertions.assertThat(Messages.format(java.util.Locale.ENGLISH,
                "validation.promotion.expiresInPast", d)).contains("(11/30/2026 in the site's time zone)");
        org.assertj.core.api.Assertions.assertThat(Messages.format(java.util.Locale.forLanguageTag("ro"),
                "validation.promotion.expiresInPast", d)).contains("(30.11.2026 în fusul");
        org.assertj.core.api.Assertions.assertThat(Messages.day(java.time.LocalDate.of(2027, 2, 3),
                java.util.Locale.US)).isEqualTo("2/3/2027");
    }
}
