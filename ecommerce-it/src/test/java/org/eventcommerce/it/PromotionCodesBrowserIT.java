package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Promotion codes in a real browser (headless chromium) on the built WAR: the site administrator uploads a
 * recipients file, checks the preview, sets the options and creates one code per accepted recipient; then uses the
 * report to extend one code and delete another; finally the attendee redeems the third code on the payment page
 * and pays the discounted total. Steps run in order on one server boot.
 */
@ExtendWith({EmulatorExtension.class, SmtpExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionCodesBrowserIT {

    private static final String KEY = "demo-platform-key";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ENGLISH);

    /** Unique per run, so the addresses never meet codes of another run. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String ANN = "ann." + RUN + "@example.com";
    private static final String BOB = "bob." + RUN + "@example.com";
    private static final String CLEO = "cleo." + RUN + "@example.com";

    private static final LocalDate EXPIRES = LocalDate.of(LocalDate.now().getYear() + 1, 6, 30);
    private static final LocalDate EXTENDED = LocalDate.of(LocalDate.now().getYear() + 1, 12, 31);

    /** The created codes by recipient address. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    private URI base() {
        return Deployments.loopback(deployed);
    }

    private ApiClient api() {
        return new ApiClient(base(), KEY);
    }

    private WebDriver open(String path) {
        return Browser.open(base(), path);
    }

    private void signIn(String email, String password) {
        Browser.signIn(base(), email, password);
    }

    private static String text(String id) {
        return Browser.visible(By.id(id)).getText();
    }

    private static void click(String id) {
        Browser.visible(By.id(id)).click();
        Browser.settle();
    }

    /** Clicks the label of the radio button of {@code radioId} whose value is {@code value}, as a person does. */
    private static void chooseRadio(WebDriver d, String radioId, String value) {
        WebElement input = d.findElement(By.cssSelector("input[name='" + radioId + "'][value='" + value + "']"));
        d.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
        Browser.settle();
        assertThat(d.findElement(By.cssSelector("input[name='" + radioId + "'][value='" + value + "']")).isSelected())
                .as(radioId + " = " + value).isTrue();
    }

    /** Opens the selectOneMenu {@code id} and clicks the item with {@code label}. */
    private static void chooseMenu(WebDriver d, String id, String label) {
        Browser.chooseMenu(id, li -> label.equals(li.getAttribute("data-label")));
        assertThat(d.findElement(By.id(id + "_label")).getText()).isEqualTo(label);
    }

    private static List<WebElement> dataRows(WebDriver d, String tableId) {
        return d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    private static String cell(WebDriver d, String tableId, int row, String column) {
        return d.findElement(By.id(tableId + ":" + row + ":" + column)).getText();
    }

    @Test
    @Order(1)
    void theAdministratorCreatesCodesFromAnUploadedFile() throws IOException {
        assertThat(api().put("api/v1/settings", "{\"promotionCodesEnabled\": true}").status()).isEqualTo(200);
        assertThat(api().get("api/v1/settings").json().getBoolean("promotionCodesEnabled")).isTrue();

        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/promotion-codes/create.xhtml");
        assertThat(d.findElements(By.id("disabledWarning"))).isEmpty();

        // Step 1: recipients from a file.
        chooseRadio(d, "create:source", "FILE");
        Path dir = Files.createDirectories(Path.of("target", "promotion-upload").toAbsolutePath());
        Path csv = dir.resolve("recipients-" + RUN + ".csv");
        Files.writeString(csv, String.join("\n",
                "email,name",                                 // 1: header
                ANN + ",\"Popescu, Ana\"",                    // 2
                BOB + ",Bob Builder",                         // 3
                "not-an-address,Nobody",                      // 4: refused, invalid address
                CLEO + ",Cleo Client",                        // 5
                ANN.toUpperCase(Locale.ROOT) + ",Ana Again"   // 6: refused, duplicate of line 2
        ) + "\n", StandardCharsets.UTF_8);
        WebElement file = new WebDriverWait(d, Duration.ofSeconds(20))
                .until(x -> x.findElement(By.cssSelector("[id='create:file'] input[type=file]")));
        file.sendKeys(csv.toString());
        Browser.visible(By.id("create:previewCounts"));
        Browser.settle();

        assertThat(text("create:previewCounts")).contains("3 recipients accepted").contains("2 lines refused");
        assertThat(dataRows(d, "create:acceptedLines")).hasSize(3);
        assertThat(List.of(cell(d, "create:acceptedLines", 0, "line"), cell(d, "create:acceptedLines", 1, "line"),
                cell(d, "create:acceptedLines", 2, "line"))).containsExactly("2", "3", "5");
        assertThat(List.of(cell(d, "create:acceptedLines", 0, "email"), cell(d, "create:acceptedLines", 1, "email"),
                cell(d, "create:acceptedLines", 2, "email"))).containsExactly(ANN, BOB, CLEO);
        assertThat(cell(d, "create:acceptedLines", 0, "name")).isEqualTo("Popescu, Ana");
        assertThat(dataRows(d, "create:refusedLines")).hasSize(2);
        assertThat(cell(d, "create:refusedLines", 0, "line")).isEqualTo("4");
        assertThat(cell(d, "create:refusedLines", 0, "reason")).isNotBlank();
        assertThat(cell(d, "create:refusedLines", 1, "line")).isEqualTo("6");
        assertThat(cell(d, "create:refusedLines", 1, "reason")).contains("line 2");

        // Step 2: options.
        click("create:toOptions");
        Browser.visible(By.id("create:options"));
        chooseRadio(d, "create:service", "EVENTS");
        chooseRadio(d, "create:codeType", "GENERATED");
        Browser.type("create:quantity", "1");
        Browser.type("create:codeLength", "8");
        chooseRadio(d, "create:usage", "ONCE");
        chooseRadio(d, "create:discountType", "PERCENT");
        Browser.type("create:discountPercent", "20");
        Browser.type("create:expiresOn_input", EXPIRES.format(US_DATE));
        chooseMenu(d, "create:appliesTo", "Every program, event and session");
        if (!d.findElement(By.id("create:sendEmail_input")).isSelected()) {
            d.findElement(By.cssSelector("[id='create:sendEmail'] .ui-chkbox-box")).click();
        }
        assertThat(d.findElement(By.id("create:sendEmail_input")).isSelected()).isTrue();

        // Step 3: review.
        click("create:toReview");
        Browser.visible(By.id("create:review"));
        assertThat(text("create:reviewRecipients")).isEqualTo("3");
        assertThat(text("create:reviewCodeCount")).isEqualTo("3");
        assertThat(text("create:reviewCodeLength")).isEqualTo("8");
        assertThat(text("create:reviewService")).isEqualTo("Events");
        assertThat(text("create:reviewDiscount")).contains("20");
        assertThat(text("create:reviewExpiresOn")).isEqualTo(EXPIRES.format(US_DATE));
        assertThat(text("create:reviewAppliesTo")).isEqualTo("Every program, event and session");
        assertThat(text("create:reviewMails")).isEqualTo("3");

        // Step 4: created.
        click("create:createCodes");
        Browser.visible(By.id("create:createdCodes"));
        assertThat(d.findElement(By.id("messages")).getText()).contains("3 promotion codes were created");
        List<WebElement> rows = dataRows(d, "create:createdCodes");
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String code = cell(d, "create:createdCodes", i, "code");
            String recipients = cell(d, "create:createdCodes", i, "recipients");
            assertThat(code).hasSize(8);
            for (String email : List.of(ANN, BOB, CLEO)) {
                if (recipients.contains("<" + email + ">")) {
                    CODES.put(email, code);
                }
            }
        }
        assertThat(CODES).containsOnlyKeys(ANN, BOB, CLEO);
        assertThat(CODES.values()).doesNotHaveDuplicates();

        JsonArray items = api().get("api/v1/promotion-codes?recipient=ann." + RUN).json().getJsonArray("items");
        assertThat(items).hasSize(1);
        JsonObject ann = items.getJsonObject(0);
        assertThat(ann.getString("code")).isEqualTo(CODES.get(ANN));
        assertThat(ann.getJsonArray("recipients").getJsonObject(0).getString("name")).isEqualTo("Popescu, Ana");
        assertThat(ann.getJsonObject("discount").getString("type")).isEqualTo("PERCENT");
        assertThat(new java.math.BigDecimal(ann.getJsonObject("discount").getString("percent")))
                .isEqualByComparingTo("20");
        assertThat(ann.getJsonObject("usage").getString("type")).isEqualTo("ONCE");
        assertThat(ann.getString("expiresOn")).isEqualTo(EXPIRES.toString());
        assertThat(ann.getString("appliesTo")).isEqualTo("ALL");
        assertThat(ann.getString("service")).isEqualTo("EVENTS");
        assertThat(ann.getString("status")).isEqualTo("ACTIVE");
    }

    private void filterByRecipient(WebDriver d, String prefix) {
        Browser.type("report:recipient", prefix);
        click("report:search");
        List<WebElement> rows = dataRows(d, "report:codes");
        assertThat(rows).as("rows for " + prefix).hasSize(1);
    }

    private static void tickFirstRow(WebDriver d) {
        WebElement row = dataRows(d, "report:codes").get(0);
        row.findElement(By.cssSelector(".ui-chkbox-box")).click();
        Browser.settle();
        assertThat(dataRows(d, "report:codes").get(0).getAttribute("aria-selected")).isEqualTo("true");
    }

    @Test
    @Order(2)
    void theReportExtendsOneCodeAndDeletesAnother() {
        assertThat(CODES).as("codes from step 1").hasSize(3);
        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/promotion-codes/report.xhtml");

        // Extend Ann's code.
        filterByRecipient(d, "ann." + RUN);
        assertThat(cell(d, "report:codes", 0, "code")).isEqualTo(CODES.get(ANN));
        assertThat(cell(d, "report:codes", 0, "recipients")).contains(ANN);
        assertThat(cell(d, "report:codes", 0, "expiresOn")).isEqualTo(EXPIRES.format(US_DATE));
        tickFirstRow(d);
        click("report:extend");
        Browser.visible(By.id("extendForm:extendTo_input"));
        assertThat(text("extendForm:extendSummary")).isEqualTo("The new date applies to the ticked code.");
        Browser.type("extendForm:extendTo_input", EXTENDED.format(US_DATE));
        click("extendForm:extendConfirm");
        new WebDriverWait(d, Duration.ofSeconds(10))
                .until(x -> !x.findElement(By.id("extendDialog")).isDisplayed());
        assertThat(d.findElement(By.id("messages")).getText())
                .contains("1 code was extended to " + EXTENDED.format(US_DATE));
        assertThat(cell(d, "report:codes", 0, "expiresOn")).isEqualTo(EXTENDED.format(US_DATE));
        JsonObject ann = api().get("api/v1/promotion-codes?recipient=ann." + RUN).json().getJsonArray("items")
                .getJsonObject(0);
        assertThat(ann.getString("code")).isEqualTo(CODES.get(ANN));
        assertThat(ann.getString("expiresOn")).isEqualTo(EXTENDED.toString()).isNotEqualTo(EXPIRES.toString());
        assertThat(ann.getString("status")).isEqualTo("ACTIVE");

        // Delete Bob's code.
        filterByRecipient(d, "bob." + RUN);
        assertThat(cell(d, "report:codes", 0, "code")).isEqualTo(CODES.get(BOB));
        tickFirstRow(d);
        click("report:delete");
        Browser.visible(By.id("deleteForm:deleteYes"));
        assertThat(d.findElement(By.id("deleteForm:deleteConfirm")).getText()).contains("Delete the ticked code?");
        click("deleteForm:deleteYes");
        assertThat(d.findElement(By.id("messages")).getText()).contains("1 code was deleted");
        assertThat(cell(d, "report:codes", 0, "status")).isEqualTo("Deleted");
        JsonObject bob = api().get("api/v1/promotion-codes?recipient=bob." + RUN).json().getJsonArray("items")
                .getJsonObject(0);
        assertThat(bob.getString("code")).isEqualTo(CODES.get(BOB));
        assertThat(bob.getString("status")).isEqualTo("DELETED");
        // Ann's code was not touched by the deletion, nor Cleo's.
        assertThat(api().get("api/v1/promotion-codes?recipient=ann." + RUN).json().getJsonArray("items")
                .getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
        assertThat(api().get("api/v1/promotion-codes?recipient=cleo." + RUN).json().getJsonArray("items")
                .getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void theAttendeeRedeemsTheThirdCodeAndPaysTheDiscountedTotal() {
        assertThat(CODES).as("codes from step 1").hasSize(3);
        String code = CODES.get(CLEO);
        signIn("attendee@demo.example", "attendee-demo-1");
        WebDriver d = open("attendee/offerings.xhtml");
        int row = rowOf(d, "offerings", "Annual Keynote");
        d.findElement(By.id("offerings:" + row + ":register")).click();
        Browser.settle();
        assertThat(d.getCurrentUrl()).contains("/pay/");
        assertThat(text("payment:offeringTitle")).contains("Annual Keynote");
        assertThat(text("payment:total")).contains("25.00");

        String orderId = URI.create(d.getCurrentUrl()).getPath().replaceFirst(".*/pay/", "");
        Browser.type("payment:promotionCode", code);
        d.findElement(By.id("payment:applyCode")).click();
        Browser.settle();
        // The order keeps its id (the platform holds it); it was replaced by a new order before (fresh-user trial).
        assertThat(URI.create(d.getCurrentUrl()).getPath()).endsWith("/pay/" + orderId);
        assertThat(text("payment:listPrice")).contains("25.00");
        assertThat(text("payment:discount")).contains("5.00");
        assertThat(d.findElement(By.cssSelector(".summary")).getText()).contains(code);
        assertThat(text("payment:total")).contains("20.00");
        assertThat(text("payment:pay")).contains("20.00");

        Browser.type("payment:cardNumber", "4111 1111 1111 1111");
        Browser.type("payment:cardExpiry", "12/30");
        Browser.type("payment:cardCvv", "123");
        Browser.type("payment:cardHolder", "Anna Attendee");
        d.findElement(By.id("payment:pay")).click();
        Browser.settle();
        assertThat(text("payment:reference")).hasSize(12);
        assertThat(text("payment:paidAmount")).contains("20.00");
        JsonObject paid = api().get("api/v1/orders/" + orderId).json();
        assertThat(paid.getString("status")).isEqualTo("PAID");
        assertThat(paid.getString("promotionCode")).isEqualTo(code);
        assertThat(paid.getJsonObject("total").getString("amount")).isEqualTo("20.00");

        JsonObject cleo = api().get("api/v1/promotion-codes?recipient=cleo." + RUN).json().getJsonArray("items")
                .getJsonObject(0);
        assertThat(cleo.getString("code")).isEqualTo(code);
        assertThat(cleo.getJsonObject("usage").getInt("used")).isEqualTo(1);
        assertThat(cleo.getString("status")).isEqualTo("USED_UP");
    }

    private static int rowOf(WebDriver d, String tableId, String title) {
        var rows = d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(title)) {
                return i;
            }
        }
        throw new AssertionError("No row with " + title + " in " + tableId);
    }
}
