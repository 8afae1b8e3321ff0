package org.eventcommerce.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.promotion.RecipientFile.LineError;
import org.eventcommerce.domain.promotion.RecipientFile.Result;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientFileTest {

    private static final Locale RO = Locale.forLanguageTag("ro");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static Result parse(String text) {
        return RecipientFile.parse(utf8(text));
    }

    /** {@code n} distinct valid lines "userK@example.com,User K", joined by LF. */
    private static String recipients(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append("user").append(i).append("@example.com,User ").append(i).append('\n');
        }
        return sb.toString();
    }

    private static FieldError refusal(byte[] content) {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> RecipientFile.parse(content));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).field()).isEqualTo("file");
        return e.errors().get(0);
    }

    @Nested
    class LineEndingsAndEncoding {

        @Test
        void bomAndCrlf() {
            Result r = RecipientFile.parse(concat(bytes(0xEF, 0xBB, 0xBF),
                    utf8("ann@example.com,Ann Lee\r\nbob@example.com,Bob Stone\r\n")));
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann Lee", 1),
                    new Recipient("bob@example.com", "Bob Stone", 2));
        }

        @Test
        void bomBeforeAHeader() {
            Result r = RecipientFile.parse(concat(bytes(0xEF, 0xBB, 0xBF), utf8("email,name\r\nann@example.com,Ann\r\n")));
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann", 2));
        }

        @Test
        void crOnly() {
            Result r = parse("ann@example.com,Ann\rbob@example.com,Bob\rcarol@example.com,Carol\r");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::email, Recipient::line).containsExactly(
                    tuple("ann@example.com", 1), tuple("bob@example.com", 2), tuple("carol@example.com", 3));
        }

        @Test
        void lfWithoutFinalNewline() {
            Result r = parse("ann@example.com,Ann\nbob@example.com,Bob");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann", 1),
                    new Recipient("bob@example.com", "Bob", 2));
        }

        @Test
        void mixedEndingsCountPhysicalLines() {
            // CRLF, LF, CR, then LF followed by CR: that is two line breaks, so an empty line 5 in between
            Result r = parse("a@example.com,A\r\nb@example.com,B\nc@example.com,C\rd@example.com,D\n\re@example.com,E");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::email, Recipient::line).containsExactly(
                    tuple("a@example.com", 1), tuple("b@example.com", 2), tuple("c@example.com", 3),
                    tuple("d@example.com", 4), tuple("e@example.com", 6));
        }

        @Test
        void invalidUtf8CostsOnlyItsLine() {
            byte[] content = concat(utf8("ann@example.com,Ann\n"),
                    "bogdan@example.ro,Bogdan Bădescu\n".getBytes(Charset.forName("windows-1250")),
                    utf8("carol@example.com,Carol\n"), utf8("dan@example.com,Dan "), bytes(0x80),
                    utf8("\nstefan@example.ro,Ștefan Țurcanu\n"));
            Result r = RecipientFile.parse(content);
            assertThat(r.accepted()).extracting(Recipient::line, Recipient::name).containsExactly(
                    tuple(1, "Ann"), tuple(3, "Carol"), tuple(5, "Ștefan Țurcanu"));
            assertThat(r.errors()).extracting(LineError::line, LineError::key).containsExactly(
                    tuple(2, "validation.recipients.encoding"), tuple(4, "validation.recipients.encoding"));
            assertThat(r.errors().get(0).message(Locale.ENGLISH)).contains("UTF-8");
            assertThat(r.errors().get(0).message(RO)).contains("UTF-8", "Salvați");
        }

        @Test
        void truncatedMultiByteSequenceAtTheEnd() {
            Result r = RecipientFile.parse(concat(utf8("ann@example.com,Ann\nbob@example.com,Bo"), bytes(0xC8)));
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(1);
            assertThat(r.errors()).extracting(LineError::line).containsExactly(2);
        }

        @Test
        void aBinaryFileIsRefusedWhole() {
            byte[] png = bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48);
            assertThat(refusal(png).key()).isEqualTo("validation.recipients.notText");
            byte[] zip = concat(bytes(0x50, 0x4B, 0x03, 0x04), utf8("xl/workbook.xml"));
            assertThat(refusal(zip).key()).isEqualTo("validation.recipients.notText");
            byte[] utf16NoBom = "ann@example.com,Ann\n".getBytes(StandardCharsets.UTF_16LE);
            assertThat(refusal(utf16NoBom).key()).isEqualTo("validation.recipients.notText");
            assertThat(refusal(png).message(Locale.ENGLISH)).contains("not a text file");
        }

        @Test
        void utf16WithBomIsRefusedWithItsOwnMessage() {
            byte[] le = concat(bytes(0xFF, 0xFE), "ann@example.com,Ann\r\n".getBytes(StandardCharsets.UTF_16LE));
            byte[] be = concat(bytes(0xFE, 0xFF), "ann@example.com,Ann\r\n".getBytes(StandardCharsets.UTF_16BE));
            assertThat(refusal(le).key()).isEqualTo("validation.recipients.utf16");
            assertThat(refusal(be).key()).isEqualTo("validation.recipients.utf16");
            assertThat(refusal(le).message(RO)).contains("UTF-16");
        }

        @Test
        void tabsAndFormFeedsAreText() {
            Result r = parse("ann@example.com,\tAnn\t\n\f\n");
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann", 1));
        }
    }

    @Nested
    class FieldsAndQuotes {

        @Test
        void quotedNameWithComma() {
            Result r = parse("ann@example.com,\"Popescu, Ana\"\nbob@example.com, \"Stone, Bob\" \n"
                    + "carol@example.com,\"Carol \"\"Caz\"\" King\"\n\"dan@example.com\",\"Dan\"\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::email, Recipient::name).containsExactly(
                    tuple("ann@example.com", "Popescu, Ana"), tuple("bob@example.com", "Stone, Bob"),
                    tuple("carol@example.com", "Carol \"Caz\" King"), tuple("dan@example.com", "Dan"));
        }

        @Test
        void semicolonSeparatedRomanianFile() {
            Result r = parse("email;nume\r\nstefan.turcanu@example.ro;Ștefan Țurcanu\r\n"
                    + "ana@example.ro;Popescu, Ana\r\nioana@example.ro;\"Ioana; Maria Brăileanu\"\r\n"
                    + "mihai@example.ro\r\nandrei@example.ro;  Andrei Mureșan  \r\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(
                    new Recipient("stefan.turcanu@example.ro", "Ștefan Țurcanu", 2),
                    new Recipient("ana@example.ro", "Popescu, Ana", 3),
                    new Recipient("ioana@example.ro", "Ioana; Maria Brăileanu", 4),
                    new Recipient("mihai@example.ro", "mihai", 5),
                    new Recipient("andrei@example.ro", "Andrei Mureșan", 6));
        }

        @Test
        void semicolonWithoutHeader() {
            Result r = parse("ana@example.ro;Ana Pop\nion@example.ro;Ion Ionescu");
            assertThat(r.accepted()).extracting(Recipient::name).containsExactly("Ana Pop", "Ion Ionescu");
        }

        @Test
        void aLineWithoutSeparatorIsAnAddressAlone() {
            // line 1 has no separator; lines 2 and 3 say semicolon
            Result r = parse("ann@example.com\nbob@example.com;Bob\ncarol@example.com;Carol, Jr.\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::name).containsExactly("ann", "Bob", "Carol, Jr.");
        }

        @Test
        void aCommaFileKeepsSemicolonsInNames() {
            Result r = parse("ann@example.com,Ann; Lee\nbob@example.com,Bob\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::name).containsExactly("Ann; Lee", "Bob");
        }

        @Test
        void eachLineHasItsOwnSeparator() {
            // Fresh-user trial (issue 5): the help says "a comma or a semicolon"; the first line used to decide for
            // the file, and "zoe@example.com;Zoe" after a comma line was refused as a bad address.
            Result r = parse("ann@example.ro;Ann\nbob@example.ro,Bob\nzoe@example.com;Zoe, Jr.\n"
                    + "carol@example.com,\"Carol; King\"\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::email, Recipient::name).containsExactly(
                    tuple("ann@example.ro", "Ann"), tuple("bob@example.ro", "Bob"),
                    tuple("zoe@example.com", "Zoe, Jr."), tuple("carol@example.com", "Carol; King"));
        }

        @Test
        void threeFieldsRefusedOnTheirLine() {
            Result r = parse("ann@example.com,Ann\n\nbob@example.com,Bob,Extra\ncarol@example.com,Carol\n"
                    + "dan@example.com,Dan,,\n");
            assertThat(r.accepted()).extracting(Recipient::email, Recipient::line).containsExactly(
                    tuple("ann@example.com", 1), tuple("carol@example.com", 4), tuple("dan@example.com", 5));
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.key()).isEqualTo("validation.recipients.tooManyFields");
                assertThat(e.message(Locale.ENGLISH)).contains("3 fields");
                assertThat(e.message(RO)).contains("3 câmpuri");
            });
        }

        @Test
        void unbalancedQuoteOnLine3Of5() {
            Result r = parse("ann@example.com,Ann\nbob@example.com,Bob\ncarol@example.com,\"Carol, King\n"
                    + "dan@example.com,Dan\nerin@example.com,\"Erin, Day\"\n");
            assertThat(r.accepted()).extracting(Recipient::line, Recipient::name).containsExactly(
                    tuple(1, "Ann"), tuple(2, "Bob"), tuple(4, "Dan"), tuple(5, "Erin, Day"));
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.key()).isEqualTo("validation.recipients.unbalancedQuote");
                assertThat(e.message(Locale.ENGLISH)).contains("unbalanced quote");
            });
        }

        @Test
        void aStrayQuoteInsideAFieldIsUnbalanced() {
            Result r = parse("ann@example.com,Ann \"Annie Lee\nbob@example.com,Bob \"Bobby\" Stone\n");
            assertThat(r.errors()).extracting(LineError::line, LineError::key)
                    .containsExactly(tuple(1, "validation.recipients.unbalancedQuote"));
            assertThat(r.accepted()).extracting(Recipient::name).containsExactly("Bob \"Bobby\" Stone");
        }

        @Test
        void textAfterAClosingQuoteIsRefused() {
            Result r = parse("ann@example.com,\"Ann\" Lee\nbob@example.com,Bob\n");
            assertThat(r.errors()).extracting(LineError::line, LineError::key)
                    .containsExactly(tuple(1, "validation.recipients.malformed"));
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(2);
        }

        @Test
        void aQuotedNewlineIsSplitIntoTwoBrokenLines() {
            // lines are split before CSV parsing (issue 3): a multi-line cell breaks both of its lines only
            Result r = parse("ann@example.com,\"Ann\nLee\"\nbob@example.com,Bob\n");
            assertThat(r.errors()).extracting(LineError::line).containsExactly(1, 2);
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(3);
        }
    }

    @Nested
    class HeaderAndBlankLines {

        @ParameterizedTest
        @ValueSource(strings = {"email,name", "email;name", "e-mail,name", "email", "EMAIL,Name", "  Email , NAME ",
                "\"email\",\"name\"", "\"E-Mail\";\"Name\"", "email,", "E-mail address,Name", "Email;Nume"})
        void headerIsSkipped(String header) {
            Result r = parse(header + "\nann@example.com,Ann\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann", 2));
        }

        @Test
        void headerAfterBlankLinesIsStillTheFirstNonBlankLine() {
            Result r = parse("\n   \r\nEmail,Name\r\nann@example.com,Ann\r\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann", 4));
        }

        @Test
        void aHeaderLaterInTheFileIsAnInvalidLine() {
            Result r = parse("ann@example.com,Ann\nemail,name\n");
            assertThat(r.accepted()).hasSize(1);
            assertThat(r.errors()).extracting(LineError::line, LineError::key)
                    .containsExactly(tuple(2, "validation.recipients.email"));
        }

        @Test
        void notAHeader() {
            Result r = parse("email,name,phone\nann@example.com,Ann\n");
            assertThat(r.errors()).extracting(LineError::line).containsExactly(1);
        }

        @Test
        void blankLinesAreIgnoredAndKeepTheirNumbers() {
            Result r = parse("\n   \nann@example.com,Ann\n\t\n\u00A0\u202F\n,\n;;\n , \nbob@example.com,Bob\n\n\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(3, 9);
        }
    }

    @Nested
    class AddressesAndNames {

        @Test
        void duplicatesKeepTheFirstAndNameIt() {
            Result r = parse("Ann@Example.com,Ann\nbob@example.com,Bob\nann@example.com,Ann again\nANN@EXAMPLE.COM\n");
            assertThat(r.accepted()).containsExactly(new Recipient("Ann@Example.com", "Ann", 1),
                    new Recipient("bob@example.com", "Bob", 2));
            assertThat(r.errors()).extracting(LineError::line, LineError::key).containsExactly(
                    tuple(3, "validation.recipients.duplicate"), tuple(4, "validation.recipients.duplicate"));
            LineError first = r.errors().get(0);
            assertThat(first.args()).containsExactly("ann@example.com", 1);
            assertThat(first.message(Locale.ENGLISH)).contains("ann@example.com", "line 1");
            assertThat(first.message(RO)).contains("ann@example.com", "linia 1");
        }

        @Test
        void lineNumbersInMessagesHaveNoGroupingSeparator() {
            Result r = parse("\n".repeat(1205) + "ann@example.com\nAnn@example.com\n");
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(1206);
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(1207);
                assertThat(e.message(Locale.ENGLISH)).contains("line 1206").doesNotContain("1,206");
                assertThat(e.message(RO)).contains("linia 1206").doesNotContain("1.206");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"ann", "ann@example", "ann smith@example.com", "ann@@example.com", "anné@example.com",
                "ann@example..com", "@example.com", "ann@-example.com", "<ann@example.com>"})
        void invalidAddressesAreRefusedWithTheAddress(String address) {
            Result r = parse("bob@example.com,Bob\n" + address + ",Ann\n");
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(1);
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.key()).isEqualTo("validation.recipients.email");
                assertThat(e.message(Locale.ENGLISH)).contains(address).contains("not a valid e-mail address");
                assertThat(e.message(RO)).contains(address).contains("nu este o adresă de e-mail validă");
            });
        }

        @Test
        void aVeryLongInvalidAddressIsCutInTheMessage() {
            String address = "x".repeat(300) + "@";
            LineError e = parse(address).errors().get(0);
            assertThat(e.message(Locale.ENGLISH)).contains("x".repeat(80) + "…").doesNotContain("x".repeat(81));
        }

        @Test
        void missingAddressIsRefused() {
            Result r = parse(",Ann\n\"\",Bob\n  ,  Carol\n");
            assertThat(r.accepted()).isEmpty();
            assertThat(r.errors()).extracting(LineError::line, LineError::key).containsExactly(
                    tuple(1, "validation.recipients.emailMissing"), tuple(2, "validation.recipients.emailMissing"),
                    tuple(3, "validation.recipients.emailMissing"));
        }

        @Test
        void specialCharactersInTheLocalPartAreKeptAsWritten() {
            Result r = parse("o'brien+tag_x-y@example.ie\nAnn.Lee+Promo@Example.COM,Ann Lee\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).containsExactly(
                    new Recipient("o'brien+tag_x-y@example.ie", "o'brien+tag_x-y", 1),
                    new Recipient("Ann.Lee+Promo@Example.COM", "Ann Lee", 2));
        }

        @Test
        void missingOrBlankNameIsTheLocalPart() {
            Result r = parse("ann.lee@example.com\nbob@example.com,\ncarol@example.com,   \n"
                    + "dan@example.com,\u00A0\ned@example.com,\"\"\n");
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).extracting(Recipient::name)
                    .containsExactly("ann.lee", "bob", "carol", "dan", "ed");
        }

        @Test
        void namesAndAddressesAreTrimmed() {
            Result r = parse("  ann@example.com  ,   Ann Lee   \n\u00A0bob@example.com\u202F,\u00A0Bob\u00A0\n");
            assertThat(r.accepted()).containsExactly(new Recipient("ann@example.com", "Ann Lee", 1),
                    new Recipient("bob@example.com", "Bob", 2));
        }

        @Test
        void nameLengthLimit() {
            String ok = "Ș".repeat(200);
            String tooLong = "a".repeat(201);
            Result r = parse("ann@example.com," + ok + "\nbob@example.com," + tooLong + "\n");
            assertThat(r.accepted()).extracting(Recipient::name).containsExactly(ok);
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.key()).isEqualTo("validation.recipients.nameTooLong");
                assertThat(e.message(Locale.ENGLISH)).contains("200");
            });
        }

        @Test
        void aRefusedLineDoesNotHideALaterDuplicate() {
            Result r = parse("ann@example.com,\"Ann\nann@example.com,Ann\nANN@example.com,Ann\n");
            assertThat(r.accepted()).extracting(Recipient::line).containsExactly(2);
            assertThat(r.errors()).extracting(LineError::line, LineError::key).containsExactly(
                    tuple(1, "validation.recipients.unbalancedQuote"), tuple(3, "validation.recipients.duplicate"));
            assertThat(r.errors().get(1).args()).containsExactly("ANN@example.com", 2);
        }
    }

    @Nested
    class Limits {

        @Test
        void exactly1000RecipientsAreAccepted() {
            Result r = parse(recipients(1000));
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).hasSize(1000).doesNotHaveDuplicates();
            assertThat(r.accepted().get(999)).isEqualTo(new Recipient("user1000@example.com", "User 1000", 1000));
        }

        @Test
        void recipients1001AreRefusedWithTheCount() {
            FieldError e = refusal(utf8(recipients(1001)));
            assertThat(e.key()).isEqualTo("validation.recipients.tooMany");
            assertThat(e.args()).containsExactly(1001, 1000);
            assertThat(e.message(Locale.ENGLISH)).contains("1,001", "1,000");
            assertThat(e.message(RO)).contains("1.001", "1.000");
        }

        @Test
        void headerAndBlankLinesDoNotCount() {
            String text = "email,name\r\n\r\n" + recipients(500) + "\n  \n,\n" + recipients(1000).substring(
                    recipients(500).length()) + "\n\n";
            Result r = parse(text);
            assertThat(r.errors()).isEmpty();
            assertThat(r.accepted()).hasSize(1000);
            assertThat(r.accepted().get(0).line()).isEqualTo(3);
        }

        @Test
        void refusedLinesCount() {
            String text = recipients(998) + "not-an-address\nuser1@example.com\nanother bad one\n";
            FieldError e = refusal(utf8(text));
            assertThat(e.args()).containsExactly(1001, 1000);
            Result r = parse(recipients(998) + "not-an-address\nuser1@example.com\n");
            assertThat(r.accepted()).hasSize(998);
            assertThat(r.errors()).extracting(LineError::line).containsExactly(999, 1000);
        }

        @Test
        void emptyFilesAreRefused() {
            assertThat(refusal(new byte[0]).key()).isEqualTo("validation.recipients.empty");
            assertThat(refusal(null).key()).isEqualTo("validation.recipients.empty");
            assertThat(refusal(bytes(0xEF, 0xBB, 0xBF)).key()).isEqualTo("validation.recipients.empty");
            assertThat(refusal(utf8("\r\n  \n\t\n")).key()).isEqualTo("validation.recipients.empty");
            assertThat(refusal(utf8("email,name\r\n")).key()).isEqualTo("validation.recipients.empty");
            assertThat(refusal(new byte[0]).message(RO)).contains("Fișierul");
        }

        @Test
        void filesOver1MiBAreRefused() {
            byte[] big = new byte[RecipientFile.MAX_FILE_BYTES + 1];
            Arrays.fill(big, (byte) ' ');
            assertThat(refusal(big).key()).isEqualTo("validation.recipients.fileTooLarge");
            byte[] justFits = new byte[RecipientFile.MAX_FILE_BYTES];
            Arrays.fill(justFits, (byte) ' ');
            byte[] line = utf8("ann@example.com,Ann\n");
            System.arraycopy(line, 0, justFits, 0, line.length);
            assertThat(RecipientFile.parse(justFits).accepted()).hasSize(1);
        }

        @Test
        void theResultIsUnmodifiable() {
            Result r = parse("ann@example.com\nbad\n");
            assertThatThrownBy(() -> r.accepted().add(new Recipient("x@example.com", "x", 9)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> r.errors().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Typed {

        @Test
        void validRowsBecomeRecipients() {
            List<Recipient> out = RecipientFile.ofTyped(List.of(new RecipientInput("  Ann@Example.com ", " Ann Lee "),
                    new RecipientInput("o'brien+tag_x-y@example.ie", null),
                    new RecipientInput("\u00A0stefan@example.ro", "Ștefan Țurcanu"),
                    new RecipientInput("dan@example.com", "  ")));
            assertThat(out).containsExactly(new Recipient("Ann@Example.com", "Ann Lee", 1),
                    new Recipient("o'brien+tag_x-y@example.ie", "o'brien+tag_x-y", 2),
                    new Recipient("stefan@example.ro", "Ștefan Țurcanu", 3), new Recipient("dan@example.com", "dan", 4));
        }

        @Test
        void noRows() {
            assertThat(RecipientFile.ofTyped(null)).isEmpty();
            assertThat(RecipientFile.ofTyped(List.of())).isEmpty();
        }

        @Test
        void everyBrokenRowIsListed() {
            List<RecipientInput> rows = new ArrayList<>();
            rows.add(new RecipientInput("ann@example.com", "Ann"));
            rows.add(new RecipientInput("  ", "Bob"));
            rows.add(new RecipientInput("carol@example", "Carol"));
            rows.add(new RecipientInput("ANN@example.com", "Ann again"));
            rows.add(new RecipientInput("dan@example.com", "d".repeat(201)));
            rows.add(null);
            rows.add(new RecipientInput("erin@example.com", "Erin"));
            ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> RecipientFile.ofTyped(rows));
            assertThat(e.errors()).extracting(FieldError::field, FieldError::key).containsExactly(
                    tuple("recipients[1].email", "validation.required"),
                    tuple("recipients[2].email", "validation.email.format"),
                    tuple("recipients[3].email", "validation.recipients.duplicateRow"),
                    tuple("recipients[4].name", "validation.length.max"),
                    tuple("recipients[5].email", "validation.required"));
            assertThat(e.errors().get(2).message(Locale.ENGLISH)).contains("ANN@example.com", "row 1");
            assertThat(e.errors().get(2).message(RO)).contains("rândul 1");
            assertThat(e.errors().get(3).message(Locale.ENGLISH)).contains("200");
        }

        @Test
        void moreThan1000RowsAreRefused() {
            List<RecipientInput> rows = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                rows.add(new RecipientInput("user" + i + "@example.com", null));
            }
            ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> RecipientFile.ofTyped(rows));
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo("recipients");
                assertThat(err.args()).containsExactly(1001, 1000);
            });
            assertThat(RecipientFile.ofTyped(rows.subList(0, 1000))).hasSize(1000);
        }
    }
}
