package org.eventcommerce.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Malformed inputs for FuzzIT, all drawn from one seeded {@link Random} so a run can be repeated: JSON bodies made
 * from a valid template with one change (a field replaced by a value of the wrong type, null, a huge or
 * control-character string, a script tag, invalid UTF-8, deep nesting, a number as a string or the reverse; a field
 * removed; an unknown field added), whole bodies that are not what was asked (not JSON, another encoding, random
 * bytes, nesting a hundred thousand deep), junk query values, and recipient files.
 */
final class FuzzInputs {

    /** A JSON body with what was done to it, the field it concerns (API naming: {@code a.b[0].c}) or null. */
    record Body(String description, byte[] bytes, String field) {
    }

    /** A junk value: a short name for messages, and its JSON text (may be invalid JSON). */
    record Junk(String name, String json) {
        /**
         * Whether a body holding this value is no JSON at all (a bare word, a raw control character, single quotes,
         * or nesting deeper than the parser's limit of 1000): the refusal then names the body, not the field.
         */
        boolean breaksJson() {
            return name.startsWith("not JSON") || name.startsWith("deep nesting");
        }
    }

    /** Stands for invalid UTF-8 inside a text until it is turned into bytes. */
    private static final String BAD_UTF8 = "\uE000bad-utf8\uE000";
    private static final byte[] BAD_UTF8_BYTES = {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80};
    static final String SCRIPT = "<script>alert('fuzz')</script>";

    private final Random random;

    FuzzInputs(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    /** One value of a wrong or hostile kind, as JSON text. */
    Junk junk() {
        return switch (random.nextInt(30)) {
            case 0 -> new Junk("null", "null");
            case 1 -> new Junk("true", "true");
            case 2 -> new Junk("0", "0");
            case 3 -> new Junk("-1", "-1");
            case 4 -> new Junk("1.5", "1.5");
            case 5 -> new Junk("2147483647", "2147483647");
            case 6 -> new Junk("huge integer", "123456789012345678901234567890");
            case 7 -> new Junk("1e400", "1e400");
            case 8 -> new Junk("empty string", "\"\"");
            case 9 -> new Junk("blank string", "\" \\t \"");
            case 10 -> new Junk("control characters", quote(controls(1 + random.nextInt(40))));
            case 11 -> new Junk("100 kB string", quote("x".repeat(100_000)));
            case 12 -> new Junk("script tag", quote(SCRIPT));
            case 13 -> new Junk("markup", quote("\"><img src=x onerror=alert(1)>&amp;"));
            case 14 -> new Junk("SQL", quote("' OR '1'='1'; drop table site; --"));
            case 15 -> new Junk("unicode", quote("ünïcødé ✓ 😀 \u202e mirrored \u0301"));
            case 16 -> new Junk("lone surrogate", "\"a\\ud800b\"");
            case 17 -> new Junk("invalid UTF-8", "\"a" + BAD_UTF8 + "b\"");
            case 18 -> new Junk("number as string", quote(List.of("12", "1e3", "-0", "0x1F", "NaN", "25.00")
                    .get(random.nextInt(6))));
            case 19 -> new Junk("empty array", "[]");
            case 20 -> new Junk("empty object", "{}");
            case 21 -> new Junk("array of strings", "[\"x\", \"y\"]");
            case 22 -> new Junk("nested", "{\"a\": [{\"b\": [1, {\"c\": null}]}]}");
            case 23 -> new Junk("deep nesting 2000", "[".repeat(2000) + "]".repeat(2000));
            case 24 -> new Junk("not JSON: bare word", "tru");
            case 25 -> new Junk("not JSON: raw control character", "\"a\u0000\u0001\nb\"");
            case 26 -> new Junk("not JSON: single quotes", "'x'");
            case 27 -> new Junk("long string 5000", quote(randomText(5000)));
            case 28 -> new Junk("random text", quote(randomText(1 + random.nextInt(80))));
            default -> new Junk("NUL", "\"\\u0000\"");
        };
    }

    /** A junk text (no JSON quoting) for form fields and query values. */
    Junk junkText() {
        return switch (random.nextInt(16)) {
            case 0 -> new Junk("empty", "");
            case 1 -> new Junk("blank", "   \t ");
            case 2 -> new Junk("control characters", controls(1 + random.nextInt(40)));
            case 3 -> new Junk("100 kB string", "x".repeat(100_000));
            case 4 -> new Junk("script tag", SCRIPT);
            case 5 -> new Junk("markup", "\"><img src=x onerror=alert(1)>&amp;");
            case 6 -> new Junk("SQL", "' OR '1'='1'; drop table site; --");
            case 7 -> new Junk("unicode", "ünïcødé ✓ 😀 \u202e mirrored \u0301");
            case 8 -> new Junk("number", List.of("-1", "0", "1e400", "2147483648", "99999999999999999999", "NaN")
                    .get(random.nextInt(6)));
            case 9 -> new Junk("long string 5000", randomText(5000));
            case 10 -> new Junk("date-like", List.of("2026-02-30", "31/12/2026", "2026-13-01", "0000-00-00",
                    "9999-99-99", "2026-1-1T00:00").get(random.nextInt(6)));
            case 11 -> new Junk("percent and ampersand", "%00&x=1&%zz;=");
            case 12 -> new Junk("line breaks", "a\r\nb\nc\rd");
            case 13 -> new Junk("NUL", "a\u0000b");
            case 14 -> new Junk("random text", randomText(1 + random.nextInt(80)));
            default -> new Junk("long 2000", "9".repeat(2000));
        };
    }

    /**
     * A body from {@code template} with one change, or a whole body that is junk (one time in five). Fields in
     * {@code keep} are never removed (their absence would be a valid request that changes what the test relies on).
     */
    @SuppressWarnings("unchecked")
    Body body(JsonObject template, Set<String> keep) {
        if (random.nextInt(5) == 0) {
            return wholeBody(template);
        }
        List<List<Object>> paths = new ArrayList<>();
        collect(template, new ArrayList<>(), paths);
        Object tree = tree(template);
        if (paths.isEmpty()) {
            // An empty template ({}): all that can be spoiled is an unknown field.
            Junk junk = junk();
            String key = "unknown" + random.nextInt(1000);
            ((Map<String, Object>) tree).put(key, new Raw(junk.json()));
            return body("unknown field " + key + " = " + junk.name(), tree, junk.breaksJson() ? "body" : key);
        }
        List<Object> path = paths.get(random.nextInt(paths.size()));
        String field = name(path);
        int kind = random.nextInt(10);
        if (kind == 0 && !keep.contains(field)) {
            remove(tree, path);
            return body("without " + field, tree, field);
        }
        if (kind == 1) {
            List<Object> parent = objectPathOf(template, path);
            String key = "unknown" + random.nextInt(1000);
            List<Object> added = new ArrayList<>(parent);
            added.add(key);
            Junk junk = random.nextBoolean() ? new Junk("string", "\"x\"") : junk();
            set(tree, added, new Raw(junk.json()));
            return body("unknown field " + name(added) + " = " + junk.name(), tree, junk.breaksJson() ? "body"
                    : name(added));
        }
        Junk junk = junk();
        set(tree, path, new Raw(junk.json()));
        return body(field + " = " + junk.name(), tree, junk.breaksJson() ? "body" : field);
    }

    /**
     * The sweep: every path of {@code template} (leaves and inner nodes) given, in turn, each value that most often
     * slips past a check made for one provider or one case only: a 100 kB string, control characters, a NUL, a lone
     * surrogate, invalid UTF-8, a huge integer, an object and a script tag. Sent before the random bodies, so a
     * field left unchecked is found on every run whatever the seed (a 100 kB {@code paypalEmail} under Payflow Pro
     * was found by one seed in twenty, seed -2736277207656208487).
     */
    List<Body> sweep(JsonObject template) {
        List<List<Object>> paths = new ArrayList<>();
        collect(template, new ArrayList<>(), paths);
        List<Junk> values = List.of(new Junk("100 kB string", quote("x".repeat(100_000))),
                new Junk("control characters", quote(controls(8))), new Junk("NUL", "\"\\u0000\""),
                new Junk("lone surrogate", "\"a\\ud800b\""), new Junk("invalid UTF-8", "\"a" + BAD_UTF8 + "b\""),
                new Junk("huge integer", "123456789012345678901234567890"), new Junk("empty object", "{}"),
                new Junk("script tag", quote(SCRIPT)));
        List<Body> out = new ArrayList<>();
        for (List<Object> path : paths) {
            for (Junk junk : values) {
                Object tree = tree(template);
                set(tree, path, new Raw(junk.json()));
                out.add(body("sweep: " + name(path) + " = " + junk.name(), tree, name(path)));
            }
        }
        return out;
    }

    /** A body that is not the template's kind at all. */
    Body wholeBody(JsonObject template) {
        String valid = template.toString();
        return switch (random.nextInt(18)) {
            case 0 -> new Body("empty body", new byte[0], "body");
            case 1 -> new Body("{", utf8("{"), "body");
            case 2 -> new Body("JSON array", utf8("[" + valid + "]"), "body");
            case 3 -> new Body("JSON string", utf8("\"" + valid.replace("\"", "'") + "\""), "body");
            case 4 -> new Body("JSON null", utf8("null"), "body");
            case 5 -> new Body("trailing garbage", utf8(valid + " {}"), "body");
            case 6 -> new Body("trailing comma", utf8(valid.substring(0, valid.length() - 1) + ",}"), "body");
            case 7 -> new Body("deep nesting 100000", utf8("[".repeat(100_000) + "]".repeat(100_000)), "body");
            case 8 -> new Body("deep object nesting 50000", utf8("{\"a\":".repeat(50_000) + "1"
                    + "}".repeat(50_000)), "body");
            case 9 -> new Body("random bytes", randomBytes(1 + random.nextInt(3000)), "body");
            case 10 -> new Body("UTF-16LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    valid.getBytes(StandardCharsets.UTF_16LE)), "body");
            case 11 -> new Body("UTF-16BE", valid.getBytes(StandardCharsets.UTF_16BE), "body");
            case 12 -> new Body("UTF-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)),
                    "body");
            // An object whose only field, x, is unknown (its value undecodable or huge): the refusal names x.
            case 13 -> new Body("Latin-1 text", ("{\"x\": \"caf\u00e9 na\u00efve\"}")
                    .getBytes(StandardCharsets.ISO_8859_1), "x");
            case 14 -> new Body("1 MB string", utf8("{\"x\": \"" + "y".repeat(1_000_000) + "\"}"), "x");
            case 15 -> new Body("duplicate keys", utf8(duplicateKeys(template)), "body");
            case 16 -> new Body("comment", utf8("/* c */ " + valid), "body");
            default -> new Body("NUL bytes", concat(utf8(valid), new byte[] {0, 0, 0}), "body");
        };
    }

    /** Up to {@code n} bytes of a recipients file (text/csv), of a random kind; the kind in {@code name}. */
    Body recipientFile() {
        StringBuilder lines = new StringBuilder();
        int count = 1 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            lines.append("person").append(random.nextInt(1_000_000)).append("@example.com,Name ").append(i)
                    .append(random.nextBoolean() ? "\r\n" : "\n");
        }
        String valid = lines.toString();
        return switch (random.nextInt(16)) {
            case 0 -> new Body("random bytes", randomBytes(1 + random.nextInt(20_000)), null);
            case 1 -> new Body("UTF-16LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    valid.getBytes(StandardCharsets.UTF_16LE)), null);
            case 2 -> new Body("UTF-16BE without BOM", valid.getBytes(StandardCharsets.UTF_16BE), null);
            case 3 -> new Body("Latin-1 names", ("ana@example.com,Ana Mar\u00eda\nion@example.com,Ion \u00c7elik\n")
                    .getBytes(StandardCharsets.ISO_8859_1), null);
            case 4 -> new Body("100 kB line", utf8("a@example.com," + "N".repeat(100_000) + "\n"), null);
            case 5 -> new Body("1 MB line", utf8("b@example.com," + "M".repeat(1_100_000)), null);
            case 6 -> new Body("NULs", concat(utf8(valid), new byte[] {0, 'x', 0}), null);
            case 7 -> new Body("1001 lines", utf8(manyLines(1001)), null);
            case 8 -> new Body("unbalanced quotes", utf8("\"c@example.com,Name\n\"\"\",\"d@example.com\n"), null);
            case 9 -> new Body("control characters", utf8("e@example.com," + controls(20) + "\n"), null);
            case 10 -> new Body("script tags", utf8("f@example.com," + SCRIPT + "\n" + SCRIPT + "\n"), null);
            case 11 -> new Body("invalid UTF-8 line", concat(utf8(valid), BAD_UTF8_BYTES), null);
            case 12 -> new Body("only separators", utf8(",,,;;;\n ; , \n\n"), null);
            case 13 -> new Body("empty", new byte[0], null);
            case 14 -> new Body("many fields", utf8("g@example.com,a,b,c,d,e,f\n"), null);
            default -> new Body("valid with noise", utf8("email,name\n" + valid + randomText(200) + "\n"), null);
        };
    }

    /** {@code n} random characters from letters, digits, punctuation and a few non-ASCII ones. */
    String randomText(int n) {
        String alphabet = "abcXYZ019 -_.,;:!?'\"<>&%$#@*()[]{}|\\/~`^+=éßøЖ中😀\t";
        StringBuilder b = new StringBuilder(n);
        while (b.length() < n) {
            int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0,
                    alphabet.length()))));
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /** Control characters (C0, DEL, C1 NEL, line and paragraph separators). */
    String controls(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(36);
            b.append(pick < 32 ? (char) pick : "\u007f\u0085\u2028\u2029".charAt(pick - 32));
        }
        return b.toString();
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Text to bytes in UTF-8, with {@link #BAD_UTF8} turned into invalid UTF-8 sequences. */
    static byte[] utf8(String text) {
        if (!text.contains(BAD_UTF8)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split(BAD_UTF8, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.writeBytes(BAD_UTF8_BYTES);
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** JSON text written as is. */
    private record Raw(String json) {
    }

    private Body body(String description, Object tree, String field) {
        StringBuilder b = new StringBuilder();
        write(tree, b);
        return new Body(description, utf8(b.toString()), field);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private String manyLines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("many").append(i).append("@example.com\n");
        }
        return b.toString();
    }

    private static String duplicateKeys(JsonObject template) {
        String valid = template.toString();
        String first = template.keySet().iterator().next();
        return "{" + quote(first) + ": 1, " + valid.substring(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Every path of the template: object keys and array indices, leaves and inner nodes. */
    private static void collect(JsonValue v, List<Object> at, List<List<Object>> out) {
        if (v instanceof JsonObject o) {
            for (String k : o.keySet()) {
                List<Object> p = new ArrayList<>(at);
                p.add(k);
                out.add(p);
                collect(o.get(k), p, out);
            }
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                collect(a.get(i), p, out);
            }
        }
    }

    /** The path of the nearest object at or above {@code path} (where an unknown field can be added). */
    private static List<Object> objectPathOf(JsonObject template, List<Object> path) {
        List<Object> at = new ArrayList<>(path);
        while (!at.isEmpty()) {
            JsonValue v = template;
            for (Object step : at) {
                v = step instanceof String k ? v.asJsonObject().get(k) : ((JsonArray) v).get((Integer) step);
            }
            if (v instanceof JsonObject) {
                return at;
            }
            at.removeLast();
        }
        return at;
    }

    /** A.b[0].c */
    static String name(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(step);
            }
        }
        return b.toString();
    }

    private static Object tree(JsonValue v) {
        if (v instanceof JsonObject o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.forEach((k, x) -> m.put(k, tree(x)));
            return m;
        }
        if (v instanceof JsonArray a) {
            List<Object> l = new ArrayList<>();
            a.forEach(x -> l.add(tree(x)));
            return l;
        }
        return new Raw(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static Object parent(Object tree, List<Object> path) {
        Object node = tree;
        for (Object step : path.subList(0, path.size() - 1)) {
            node = step instanceof String k ? ((Map<String, Object>) node).get(k) : ((List<Object>) node).get((Integer) step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object tree, List<Object> path, Object value) {
        Object parent = parent(tree, path);
        Object last = path.getLast();
        if (last instanceof String k) {
            ((Map<String, Object>) parent).put(k, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object tree, List<Object> path) {
        Object parent = parent(tree, path);
        Object last = path.getLast();
        if (last instanceof String k) {
            ((Map<String, Object>) parent).remove(k);
        } else {
            ((List<Object>) parent).remove((int) (Integer) last);
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(Object node, StringBuilder b) {
        if (node instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                b.append(first ? "" : ", ").append(quote(e.getKey())).append(": ");
                write(e.getValue(), b);
                first = false;
            }
            b.append('}');
        } else if (node instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(l.get(i), b);
            }
            b.append(']');
        } else {
            b.append(((Raw) node).json());
        }
    }
}
