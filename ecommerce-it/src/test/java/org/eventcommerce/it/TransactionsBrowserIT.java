package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The transactions report in a real browser (headless chromium) on the built WAR: two payments are made through
 * the API against the emulator (one approved, one declined); the site administrator opens the report from the
 * menu, finds the run's transactions by attendee, includes Test mode in the totals and sees the USD total, filters
 * by status Declined, and opens the declined transaction's detail page with the provider's references and the
 * order's history.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class TransactionsBrowserIT {

    private static final String KEY = "demo-platform-key";
    private static final String RUN = "b" + Long.toString(System.currentTimeMillis(), 36);

    @ArquillianResource
    URL deployed;

    private URI base() {
        return Deployments.loopback(deployed);
    }

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    private JsonObject pay(ApiClient api, String offering, String fee, String email) {
        assertThat(api.put("api/v1/offerings/" + offering, """
                {"title": "Course %s", "service": "TRAINING", "type": "TRAINING_SESSION",
                 "host": "host-%s@example.com", "startsAt": "2027-03-01T15:00:00+02:00",
                 "fee": {"amount": "%s", "currency": "USD"}}""".formatted(offering, RUN, fee)).status()).isEqualTo(201);
        ApiClient.Answer o = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s", "name": "Dana"}}""".formatted(offering, email));
        assertThat(o.status()).as(o.body()).isEqualTo(201);
        ApiClient.Answer paid = api.post("api/v1/orders/" + o.json().getString("id") + "/payments", """
                {"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Dana"}}""",
                "pay-" + o.json().getString("id"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return paid.json();
    }

    private static List<WebElement> dataRows(WebDriver d, String tableId) {
        return d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr:not(.ui-datatable-empty-message)"));
    }

    private static String text(String id) {
        return Browser.visible(By.id(id)).getText();
    }

    private static void click(String id) {
        Browser.visible(By.id(id)).click();
        Browser.settle();
    }

    @Test
    void theAdministratorFiltersSeesTotalsAndOpensADetail() {
        ApiClient api = new ApiClient(base(), KEY);
        JsonObject approved = pay(api, "bok-" + RUN, "25.00", RUN + "-dana@example.com");
        JsonObject declined = pay(api, "bno-" + RUN, "1012.00", RUN + "-dana@example.com");
        assertThat(approved.getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        assertThat(declined.getJsonObject("transaction").getString("status")).isEqualTo("DECLINED");

        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.driver();
        click("navTransactions");
        assertThat(d.getCurrentUrl()).contains("/admin/transactions/index.xhtml");

        Browser.type("report:attendee", RUN.toUpperCase());
        click("report:search");
        assertThat(dataRows(d, "report:transactions")).hasSize(2);
        assertThat(text("report:transactions:0:status")).isEqualTo("Declined");
        assertThat(text("report:transactions:0:amount")).isEqualTo("1,012.00 USD");
        assertThat(text("report:transactions:1:status")).isEqualTo("Approved");
        assertThat(text("report:transactions:1:testLabel")).isEqualTo("Test");
        assertThat(text("report:transactions:1:card")).endsWith("1111");
        assertThat(text("report:transactions:1:reference"))
                .isEqualTo(approved.getJsonObject("transaction").getString("reference"));

        // Test mode is left out of the totals until the box is ticked.
        assertThat(dataRows(d, "report:totals")).isEmpty();
        assertThat(text("report:excludedNote")).isEqualTo("One Test-mode transaction is not in these totals.");
        Browser.visible(By.cssSelector("[id='report:includeTest'] .ui-chkbox-box")).click();
        Browser.settle();
        Browser.visible(By.id("report:totals:0:net"));
        assertThat(text("report:totals:0:currency")).isEqualTo("USD");
        assertThat(text("report:totals:0:gross")).isEqualTo("25.00 USD");
        assertThat(text("report:totals:0:refunds")).isEqualTo("0.00 USD");
        assertThat(text("report:totals:0:net")).isEqualTo("25.00 USD");

        Browser.chooseMenu("report:status", li -> "Declined".equals(li.getAttribute("data-label")));
        click("report:search");
        assertThat(dataRows(d, "report:transactions")).hasSize(1);
        assertThat(text("report:transactions:0:status")).isEqualTo("Declined");
        assertThat(dataRows(d, "report:totals")).as("a decline moves no money").isEmpty();

        click("report:transactions:0:detail");
        assertThat(d.getCurrentUrl()).contains("/admin/transactions/detail.xhtml?id="
                + declined.getJsonObject("transaction").getString("id"));
        assertThat(text("status")).isEqualTo("Declined");
        assertThat(text("result")).isEqualTo("12");
        assertThat(text("reference")).isEqualTo(declined.getJsonObject("transaction").getString("reference"));
        assertThat(text("testLabel")).isEqualTo("Test");
        assertThat(text("sendCount")).isEqualTo("1");
        assertThat(text("duplicate")).isEqualTo("No");
        assertThat(text("orderStatus")).isEqualTo("Awaiting payment");
        assertThat(dataRows(d, "history")).hasSize(1);
        assertThat(Browser.visible(By.id("orderLink")).getAttribute("href"))
                .endsWith("/admin/orders/order.xhtml?id=" + declined.getJsonObject("order").getString("id"));
    }
}
