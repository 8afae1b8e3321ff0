package org.eventcommerce.domain.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eventcommerce.domain.common.Messages;
import org.eventcommerce.domain.common.Texts;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;

/**
 * Reads the recipients of promotion codes: an uploaded {@code .txt}/{@code .csv} file ({@link #parse(byte[])},
 * the preview of {@code POST /api/v1/promotion-codes/recipients}) or the rows typed in the form
 * ({@link #ofTyped(List)}). Rules from M8 and issue 3 ("Creating codes"), unless marked as ours.
 *
 * <h2>The file</h2>
 * <ul>
 *   <li>At most {@value #MAX_FILE_BYTES} bytes (1 MiB; ours: 1,000 lines of address and name need far less),
 *       not empty, and text: a NUL or another C0 control character (other than tab, line feed, vertical tab,
 *       form feed and carriage return) refuses the whole file, and so does a UTF-16 byte-order mark
 *       ("Unicode text" of spreadsheet programs), each with its own message.</li>
 *   <li>UTF-8; a leading byte-order mark is dropped. The bytes are split into lines <em>first</em>, at CRLF,
 *       LF or a lone CR (mixed endings allowed; a last line without a line break counts). Lines are numbered
 *       from 1 as physical lines: blank and header lines keep their number. A line that is not valid UTF-8
 *       (for example a file saved in Windows-1250) is refused by itself; the others are read.</li>
 *   <li>Blank lines are ignored and do not count toward the limit. Ours: a line of nothing but commas,
 *       semicolons and spaces (an empty spreadsheet row, as Excel saves it) is blank too.</li>
 *   <li>A header line ({@code email,name}, {@code email;name}, {@code e-mail,name}, {@code email}; case and
 *       surrounding spaces ignored, fields possibly quoted) is skipped when it is the first non-blank line, and
 *       does not count. Ours: also {@code e-mail address}, {@code mail} and the Romanian
 *       {@code adresă de e-mail} / {@code nume}.</li>
 *   <li>Separator: each line's own first {@code ,} or {@code ;} outside quotes. (So
 *       {@code ann@example.com;Popescu, Ana} from a semicolon locale is read as two fields, and a file mixing
 *       comma and semicolon lines, as the page's help allows, is read line by line; an address never holds
 *       either character. Until a fresh-user trial of issue 5 the first such line decided for the whole file and
 *       the other kind of line was refused as a bad address.) Quotes are {@code "}, doubled inside a quoted
 *       field.</li>
 *   <li>Each line is parsed by itself with Apache Commons CSV, so a broken line costs that line only: an odd
 *       number of {@code "} is an unbalanced quote; text after a closing quote is refused; more than two
 *       fields are refused (ours: empty fields after the second, which spreadsheets add for a wider sheet,
 *       are dropped first); spaces around fields are ignored.</li>
 *   <li>First field: the e-mail address, trimmed, checked with {@link Texts#isEmail(String)} and kept exactly
 *       as written (case, {@code +}, {@code '}, {@code _}, {@code -}). Missing: refused.</li>
 *   <li>Second field: the name, trimmed; quoted names may hold commas and semicolons. Missing or blank: the
 *       part of the address before {@code @} (M8). Longer than {@value #MAX_NAME_LENGTH} characters: refused
 *       (ours; the stored name's size).</li>
 *   <li>Duplicates: addresses are compared case-insensitively ({@link Locale#ROOT}); the first line is kept,
 *       each later one is refused, naming the first line.</li>
 *   <li>More than {@value #MAX_RECIPIENTS} recipient lines refuses the whole file with the count. Every
 *       non-blank, non-header line counts, accepted or refused.</li>
 * </ul>
 * Whitespace around fields, addresses and names includes the non-breaking spaces that
 * {@link PromotionCodes#normalize(String)} strips.
 */
public final class RecipientFile {

    /** The most recipient lines a file (or typed list) may hold (M8). */
    public static final int MAX_RECIPIENTS = 1000;
    /** The largest file accepted, in bytes: 1 MiB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The longest name, in characters (code points). */
    public static final int MAX_NAME_LENGTH = 200;

    /** How much of a refused address the message quotes. */
    private static final int SHOWN_ADDRESS_LENGTH = 80;

    private static final Set<String> EMAIL_HEADERS = Set.of("email", "e-mail", "mail", "email address",
            "e-mail address", "adresă de e-mail", "adresa de e-mail", "adresă e-mail", "adresa e-mail");
    private static final Set<String> NAME_HEADERS = Set.of("name", "full name", "nume", "nume complet");

    private static final CSVFormat COMMA = format(',');
    private static final CSVFormat SEMICOLON = format(';');

    private RecipientFile() {
    }

    /**
     * The result of reading a file: what the preview shows.
     *
     * @param accepted the recipients, in file order, each with its line number
     * @param errors every refused line (duplicates included), in line order
     */
    public record Result(List<Recipient> accepted, List<LineError> errors) {
        public Result {
            accepted = List.copyOf(accepted);
            errors = List.copyOf(errors);
        }
    }

    /**
     * One refused line of a file, with a bundle key ({@link Messages}) so the reason is shown in the reader's
     * language (API: {@code errors: [{"line": 3, "message": "..."}]}).
     *
     * @param line the 1-based physical line
     * @param key a {@code validation.recipients.*} key
     * @param args the key's arguments
     */
    public record LineError(int line, String key, Object... args) {
        /** The reason in {@code locale}. */
        public String message(Locale locale) {
            return Messages.format(locale, key, args);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + key + (args == null || args.length == 0 ? "" : " " + Arrays.toString(args));
        }
    }

    /**
     * Reads an uploaded recipients file. Creates nothing.
     *
     * @param content the file's bytes
     * @return the accepted recipients and the refused lines
     * @throws ValidationException on field {@code file}, refusing the whole file:
     *         {@code validation.recipients.fileTooLarge} (over {@value #MAX_FILE_BYTES} bytes),
     *         {@code validation.recipients.empty} (no bytes, or no recipient line at all),
     *         {@code validation.recipients.utf16} (a UTF-16 byte-order mark),
     *         {@code validation.recipients.notText} (NUL or other control bytes),
     *         {@code validation.recipients.tooMany} (arguments: the count, {@value #MAX_RECIPIENTS})
     */
    public static Result parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw ValidationException.of("file", "validation.recipients.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw ValidationException.of("file", "validation.recipients.fileTooLarge");
        }
        if (content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
                || (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF))) {
            throw ValidationException.of("file", "validation.recipients.utf16");
        }
        int start = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0;
        if (!isText(content, start)) {
            throw ValidationException.of("file", "validation.recipients.notText");
        }

        List<Line> lines = new ArrayList<>();
        for (Line line : split(content, start)) {
            if (line.text() == null || !isBlank(line.text())) {
                lines.add(line);
            }
        }
        if (!lines.isEmpty() && lines.get(0).text() != null && isHeader(lines.get(0).text())) {
            lines.remove(0);
        }
        if (lines.isEmpty()) {
            throw ValidationException.of("file", "validation.recipients.empty");
        }
        if (lines.size() > MAX_RECIPIENTS) {
            throw ValidationException.of("file", "validation.recipients.tooMany", lines.size(), MAX_RECIPIENTS);
        }
        List<Recipient> accepted = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        for (Line line : lines) {
            CSVFormat format = line.text() != null && firstSeparator(line.text()) == ';' ? SEMICOLON : COMMA;
            LineError error = read(line, format, firstLineOf, accepted);
            if (error != null) {
                errors.add(error);
            }
        }
        return new Result(accepted, errors);
    }

    /**
     * Checks the recipients typed in the form or sent in the API body, by the file's rules for addresses,
     * names and duplicates. Every row must hold an address: the portal leaves out its empty rows.
     *
     * @param rows the rows in order; null is no rows
     * @return the recipients, {@link Recipient#line()} being the 1-based row
     * @throws ValidationException listing every broken row: on {@code recipients[i].email}
     *         {@code validation.required}, {@code validation.email.format}, or
     *         {@code validation.recipients.duplicateRow} (arguments: the address, the 1-based row it first
     *         appears in); on {@code recipients[i].name} {@code validation.length.max}
     *         ({@value #MAX_NAME_LENGTH}); on {@code recipients} {@code validation.recipients.tooMany}
     *         (arguments: the count, {@value #MAX_RECIPIENTS}) for more than {@value #MAX_RECIPIENTS} rows
     */
    public static List<Recipient> ofTyped(List<RecipientInput> rows) {
        if (rows == null || rows.isEmpty()) {
            return List.of();
        }
        if (rows.size() > MAX_RECIPIENTS) {
            throw ValidationException.of("recipients", "validation.recipients.tooMany", rows.size(), MAX_RECIPIENTS);
        }
        List<Recipient> out = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RecipientInput row = rows.get(i);
            String field = "recipients[" + i + "]";
            String email = row == null || row.email() == null ? "" : PromotionCodes.strip(row.email());
            String name = row == null || row.name() == null ? "" : PromotionCodes.strip(row.name());
            boolean ok = true;
            if (email.isEmpty()) {
                errors.add(new FieldError(field + ".email", "validation.required"));
                ok = false;
            } else if (!Texts.isEmail(email)) {
                errors.add(new FieldError(field + ".email", "validation.email.format"));
                ok = false;
            }
            if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                errors.add(new FieldError(field + ".name", "validation.length.max", MAX_NAME_LENGTH));
                ok = false;
            }
            if (!ok) {
                continue;
            }
            Integer first = firstRowOf.putIfAbsent(email.toLowerCase(Locale.ROOT), i + 1);
            if (first != null) {
                errors.add(new FieldError(field + ".email", "validation.recipients.duplicateRow", email, first));
                continue;
            }
            out.add(new Recipient(email, name.isEmpty() ? localPart(email) : name, i + 1));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(out);
    }

    /** One physical line: its 1-based number and its text, null when it is not valid UTF-8. */
    private record Line(int number, String text) {
    }

    /** Reads one data line: adds the recipient to {@code accepted} and returns null, or returns the reason. */
    private static LineError read(Line line, CSVFormat format, Map<String, Integer> firstLineOf,
            List<Recipient> accepted) {
        int n = line.number();
        String text = line.text();
        if (text == null) {
            return new LineError(n, "validation.recipients.encoding");
        }
        if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
            return new LineError(n, "validation.recipients.unbalancedQuote");
        }
        List<String> fields = fields(text, format);
        if (fields == null) {
            return new LineError(n, "validation.recipients.malformed");
        }
        while (fields.size() > 2 && PromotionCodes.strip(fields.get(fields.size() - 1)).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        if (fields.size() > 2) {
            return new LineError(n, "validation.recipients.tooManyFields", fields.size());
        }
        String email = PromotionCodes.strip(fields.get(0));
        if (email.isEmpty()) {
            return new LineError(n, "validation.recipients.emailMissing");
        }
        if (!Texts.isEmail(email)) {
            return new LineError(n, "validation.recipients.email", shown(email));
        }
        String name = fields.size() > 1 ? PromotionCodes.strip(fields.get(1)) : "";
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            return new LineError(n, "validation.recipients.nameTooLong", MAX_NAME_LENGTH);
        }
        Integer first = firstLineOf.putIfAbsent(email.toLowerCase(Locale.ROOT), n);
        if (first != null) {
            return new LineError(n, "validation.recipients.duplicate", email, first);
        }
        accepted.add(new Recipient(email, name.isEmpty() ? localPart(email) : name, n));
        return null;
    }

    /** The fields of one line, or null when Commons CSV cannot read it (text after a closing quote). */
    private static List<String> fields(String text, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            return new ArrayList<>(records.get(0).toList());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static boolean isHeader(String text) {
        if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
            return false;
        }
        List<String> fields = fields(text, firstSeparator(text) == ';' ? SEMICOLON : COMMA);
        if (fields == null || fields.isEmpty() || fields.size() > 2) {
            return false;
        }
        String email = PromotionCodes.strip(fields.get(0)).toLowerCase(Locale.ROOT);
        String name = fields.size() > 1 ? PromotionCodes.strip(fields.get(1)).toLowerCase(Locale.ROOT) : "";
        return EMAIL_HEADERS.contains(email) && (name.isEmpty() || NAME_HEADERS.contains(name));
    }

    /** The first {@code ,} or {@code ;} outside double quotes, or 0 when there is none. */
    private static char firstSeparator(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == ';')) {
                return c;
            }
        }
        return 0;
    }

    /** Only spaces, commas and semicolons: a blank line or an empty spreadsheet row. */
    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> c == ',' || c == ';' || PromotionCodes.isSpace(c));
    }

    /** No byte of a binary file: NUL and the C0 controls other than tab, LF, VT, FF and CR. */
    private static boolean isText(byte[] content, int start) {
        for (int i = start; i < content.length; i++) {
            int b = content[i];
            if (b >= 0 && b < 0x20 && (b < 0x09 || b > 0x0D)) {
                return false;
            }
        }
        return true;
    }

    /** Splits at CRLF, LF and CR, then decodes each line as strict UTF-8. */
    private static List<Line> split(byte[] content, int start) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Line> lines = new ArrayList<>();
        int from = start;
        int i = start;
        while (i < content.length) {
            byte b = content[i];
            if (b == '\n' || b == '\r') {
                lines.add(new Line(lines.size() + 1, decode(utf8, content, from, i)));
                i += b == '\r' && i + 1 < content.length && content[i + 1] == '\n' ? 2 : 1;
                from = i;
            } else {
                i++;
            }
        }
        if (from < content.length) {
            lines.add(new Line(lines.size() + 1, decode(utf8, content, from, content.length)));
        }
        return lines;
    }

    private static String decode(CharsetDecoder utf8, byte[] content, int from, int to) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(content, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String localPart(String email) {
        return email.substring(0, email.lastIndexOf('@'));
    }

    /** A refused address as the message quotes it: long ones are cut. */
    private static String shown(String address) {
        return address.codePointCount(0, address.length()) <= SHOWN_ADDRESS_LENGTH ? address
                : address.substring(0, address.offsetByCodePoints(0, SHOWN_ADDRESS_LENGTH)) + "…";
    }

    private static CSVFormat format(char separator) {
        return CSVFormat.DEFAULT.builder().setDelimiter(separator).setQuote('"').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false).setRecordSeparator("\n").get();
    }
}
