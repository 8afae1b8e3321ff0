package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator's order page and held-payments page in a real browser (issue 4): a partial refund with the
 * amount checked next to its field and confirmed in a dialog; a payment held for review listed, inquired and voided
 * after confirmation; another accepted once the emulator's PayPal reports it settled. Payments are made through the API against the emulator.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class RefundsBrowserIT {

    private static final String KEY = "demo-platform-key";

    @ArquillianResource
    URL deployed;

    private final String run = Long.toString(System.nanoTime(), 36);

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

    /** An order for a new offering at {@code fee}, paid through the API; returns the payment answer. */
    private JsonObject paidOrder(String name, String fee) {
        ApiClient api = api();
        assertThat(api.put("api/v1/offerings/" + name + "-" + run, """
                {"title": "Browser %s", "service": "EVENTS", "type": "RECORDING", "host": "host-%s@example.com",
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(name, run, fee)).status()).isEqualTo(201);
        JsonObject order = api.post("api/v1/orders", """
                {"offering": "%s-%s", "attendee": {"email": "%s-%s@example.com", "name": "Bea Buyer"}}"""
                .formatted(name, run, name, run)).json();
        ApiClient.Answer paid = api.post("api/v1/orders/" + order.getString("id") + "/payments", """
                {"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Bea Buyer"}}""",
                "pay-" + name + "-" + run);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json();
    }

    private static String text(String id) {
        return Browser.visible(By.id(id)).getText();
    }

    private static void click(By by) {
        new WebDriverWait(Browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by))
                .click();
        Browser.settle();
    }

    @Test
    void theAdministratorRefundsPartOfAnOrder() {
        JsonObject paid = paidOrder("refund", "40.00");
        String orderId = paid.getJsonObject("order").getString("id");
        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base(), "admin/orders/order.xhtml?id=" + orderId);
        assertThat(text("order:status")).isEqualTo("Paid");
        assertThat(text("order:transactions:0:kind")).isEqualTo("Sale");
        assertThat(text("order:transactions:0:reference"))
                .isEqualTo(paid.getJsonObject("transaction").getString("reference"));
        assertThat(text("order:transactions:0:createdAt")).contains("America/New_York");
        // The amount defaults to the refundable remainder.
        assertThat(d.findElement(By.id("order:refundAmount")).getAttribute("value")).isEqualTo("40.00");

        // More than was paid: the message is next to the field and no dialog opens.
        Browser.type("order:refundAmount", "40.01");
        click(By.id("order:refund"));
        assertThat(text("order:refundAmountMessage")).contains("40.00");
        assertThat(d.findElements(By.cssSelector("[id='refundForm:refundConfirm']")).stream()
                .noneMatch(e -> e.isDisplayed())).isTrue();

        Browser.type("order:refundAmount", "15.00");
        click(By.id("order:refund"));
        Browser.visible(By.id("refundForm:refundConfirm"));
        assertThat(text("refundForm:refundConfirm")).contains("15.00 USD");
        click(By.id("refundForm:refundYes"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id("order:status"),
                "Partially refunded"));
        assertThat(text("order:refunded")).isEqualTo("15.00 USD");
        assertThat(text("order:transactions:1:kind")).isEqualTo("Refund");
        assertThat(text("order:transactions:1:status")).isEqualTo("Approved");
        assertThat(d.findElement(By.id("order:refundAmount")).getAttribute("value")).isEqualTo("25.00");
        assertThat(api().get("api/v1/orders/" + orderId).json().getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void theAdministratorInquiresAndVoidsAHeldPayment() {
        EmulatorExtension.emulator().control().forceResult(126, 1);
        JsonObject held = paidOrder("held", "55.00");
        assertThat(held.getJsonObject("transaction").getString("status")).isEqualTo("HELD");
        String orderId = held.getJsonObject("order").getString("id");
        String pnref = held.getJsonObject("transaction").getString("reference");

        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base(), "index.xhtml");
        click(By.id("navHeldPayments"));
        String row = "//tr[.//span[contains(@id,':reference') and text()='" + pnref + "']]";
        assertThat(d.findElement(By.xpath(row + "//span[contains(@id,':amount')]")).getText()).isEqualTo("55.00 USD");
        assertThat(d.findElement(By.xpath(row + "//span[contains(@id,':inquiry')]")).getText())
                .isEqualTo("Not asked yet");
        // No Accept before an inquiry shows PayPal approved it.
        assertThat(d.findElements(By.xpath(row + "//button[contains(@id,':accept')]"))).isEmpty();

        click(By.xpath(row + "//button[contains(@id,':inquire')]"));
        assertThat(d.findElement(By.xpath(row + "//span[contains(@id,':inquiry')]")).getText())
                .contains("126").contains("Authorized, not settled");
        assertThat(text("messages")).contains(pnref);
        assertThat(d.findElements(By.xpath(row + "//button[contains(@id,':accept')]"))).isEmpty();

        click(By.xpath(row + "//button[contains(@id,':void')]"));
        Browser.visible(By.id("held:voidYes"));
        click(By.id("held:voidYes"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(
                ExpectedConditions.numberOfElementsToBe(By.xpath(row), 0));
        assertThat(text("messages")).contains("Void of 55.00 USD: approved");
        assertThat(api().get("api/v1/orders/" + orderId).json().getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void theAdministratorAcceptsAHeldPaymentOncePayPalReportsItSettled() {
        EmulatorExtension.emulator().control().forceResult(126, 1);
        JsonObject held = paidOrder("accept", "65.00");
        String orderId = held.getJsonObject("order").getString("id");
        String pnref = held.getJsonObject("transaction").getString("reference");
        String email = held.getJsonObject("order").getJsonObject("attendee").getString("email");
        // The merchant accepted the payment in PayPal Manager's fraud review; an inquiry now reports it settled.
        assertThat(EmulatorExtension.emulator().control().acceptReview(pnref)).isTrue();

        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base(), "admin/payments/held.xhtml");
        String row = "//tr[.//span[contains(@id,':reference') and text()='" + pnref + "']]";
        click(By.xpath(row + "//button[contains(@id,':inquire')]"));
        assertThat(d.findElement(By.xpath(row + "//span[contains(@id,':inquiry')]")).getText()).contains("Settled");
        click(By.xpath(row + "//button[contains(@id,':accept')]"));
        new WebDriverWait(d, Duration.ofSeconds(20)).until(
                ExpectedConditions.numberOfElementsToBe(By.xpath(row), 0));
        assertThat(text("messages")).contains("65.00 USD").contains(email);
        assertThat(api().get("api/v1/orders/" + orderId).json().getString("status")).isEqualTo("PAID");
        assertThat(api().get("api/v1/entitlements?attendee=" + email + "&offering=accept-" + run).json()
                .getBoolean("granted")).isTrue();
    }
}
