package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The revenue report in a real browser (headless chromium) on the built WAR: a payment of 999.90 and a partial
 * refund of 100.00 are made through the API against the emulator in Test mode; the site administrator opens the
 * report from the menu, is refused a range that ends before it starts, chooses today (in the site's time zone)
 * with Test mode included and finds the run's offering with its figures, the totals, the bar chart drawn by Chart.js
 * with a USD dataset holding the offering, downloads the CSV, and reads the amounts in Romanian number format.
 * Other IT classes' offerings may be listed too; only this run's row is asserted.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
class RevenueBrowserIT {

    private static final String KEY = "demo-platform-key";
    private static final String RUN = "rb" + Long.toString(System.currentTimeMillis(), 36);
    private static final String OFFERING = "rvb-" + RUN;
    private static final String TITLE = "Revenue course " + RUN;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.ENGLISH);

    @ArquillianResource
    URL deployed;

    private URI base() {
        return Deployments.loopback(deployed);
    }

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    /** Pays 999.90 for a new offering and refunds 100.00 of it, in Test mode. */
    private void payAndRefund(ApiClient api) {
        assertThat(api.put("api/v1/offerings/" + OFFERING, """
                {"title": "%s", "service": "TRAINING", "type": "TRAINING_SESSION",
                 "host": "host-%s@example.com", "startsAt": "2027-03-01T15:00:00+02:00",
                 "fee": {"amount": "999.90", "currency": "USD"}}""".formatted(TITLE, RUN)).status()).isEqualTo(201);
        ApiClient.Answer o = api.post("api/v1/orders", """
                {"offering": "%s", "attendee": {"email": "%s-dana@example.com", "name": "Dana"}}"""
                .formatted(OFFERING, RUN));
        assertThat(o.status()).as(o.body()).isEqualTo(201);
        String order = o.json().getString("id");
        ApiClient.Answer paid = api.post("api/v1/orders/" + order + "/payments", """
                {"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Dana"}}""",
                "pay-" + order);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
        ApiClient.Answer refund = api.post("api/v1/orders/" + order + "/refunds",
                "{\"amount\": {\"amount\": \"100.00\", \"currency\": \"USD\"}}", "refund-" + order);
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().getJsonObject("transaction").getString("status")).isEqualTo("APPROVED");
    }

    private static String text(String id) {
        return Browser.visible(By.id(id)).getText();
    }

    private static void click(String id) {
        WebElement e = Browser.visible(By.id(id));
        ((JavascriptExecutor) Browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
        Browser.settle();
    }

    /** The row index of this run's offering in the groups table. */
    private static int myRow(WebDriver d) {
        List<WebElement> cells = d.findElements(By.cssSelector("[id^='revenue:groups:'][id$=':group']"));
        for (WebElement c : cells) {
            if (c.getText().equals(TITLE)) {
                String id = c.getAttribute("id");
                return Integer.parseInt(id.substring("revenue:groups:".length(), id.lastIndexOf(':')));
            }
        }
        throw new AssertionError("No row for " + TITLE + " among " + cells.stream().map(WebElement::getText).toList());
    }

    private static void tickIncludeTest(WebDriver d) {
        if (!d.findElement(By.id("revenue:includeTest_input")).isSelected()) {
            WebElement box = d.findElement(By.cssSelector("[id='revenue:includeTest'] .ui-chkbox-box"));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
        }
        assertThat(d.findElement(By.id("revenue:includeTest_input")).isSelected()).isTrue();
    }

    @Test
    void theAdministratorReadsTheRevenueOfADayWithItsChartAndCsv() throws IOException {
        ApiClient api = new ApiClient(base(), KEY);
        payAndRefund(api);
        String zone = api.get("api/v1/settings").json().getString("timeZone");
        LocalDate today = LocalDate.now(ZoneId.of(zone));

        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.driver();
        click("navRevenue");
        assertThat(d.getCurrentUrl()).contains("/admin/reports/revenue.xhtml");

        // A range that ends before it starts is refused next to the field.
        Browser.type("revenue:from_input", today.plusDays(1).format(US_DATE));
        Browser.type("revenue:to_input", today.format(US_DATE));
        click("revenue:show");
        assertThat(text("revenue:toMessage")).isEqualTo("The end date cannot be before the start date.");

        Browser.type("revenue:from_input", today.format(US_DATE));
        click("revenue:show");
        // Test mode is left out until the box is ticked: this run's payment is not there yet.
        assertThat(d.findElements(By.cssSelector("[id^='revenue:groups:'][id$=':group']")).stream()
                .map(WebElement::getText)).doesNotContain(TITLE);
        tickIncludeTest(d);
        click("revenue:show");
        assertThat(text("revenue:range")).isEqualTo("From " + today.format(US_DATE) + " to " + today.format(US_DATE)
                + ", both days included (" + zone + ").");
        int row = myRow(d);
        String cell = "revenue:groups:" + row + ":";
        assertThat(text(cell + "currency")).isEqualTo("USD");
        assertThat(text(cell + "payments")).isEqualTo("999.90 USD");
        assertThat(text(cell + "refunds")).isEqualTo("100.00 USD");
        assertThat(text(cell + "net")).isEqualTo("899.90 USD");
        assertThat(text(cell + "discounts")).isEqualTo("0.00 USD");
        assertThat(text(cell + "orders")).isEqualTo("1");
        assertThat(text("revenue:totals:0:currency")).isNotBlank();
        assertThat(text("revenue:totals:0:net")).endsWith(" " + text("revenue:totals:0:currency"));

        // The chart: a canvas drawn by Chart.js, one dataset per currency, this run's offering among its bars.
        WebElement canvas = Browser.visible(By.cssSelector("[id='revenue:chart'] canvas"));
        assertThat(canvas.getSize().getWidth()).isPositive();
        assertThat(canvas.getSize().getHeight()).isPositive();
        Object chart = new WebDriverWait(d, Duration.ofSeconds(10)).until(w -> ((JavascriptExecutor) w).executeScript(
                "var ch = window.Chart && Chart.getChart(arguments[0]); if (!ch) return null;"
                        + " var usd = ch.data.datasets.filter(function (s) { return s.label === 'USD'; })[0];"
                        + " var i = ch.data.labels.indexOf(arguments[1]);"
                        + " return ch.config.type + '|' + (usd ? usd.data[i] : 'none');", canvas, TITLE));
        assertThat(chart).isEqualTo("bar|899.9");

        // The CSV export of what is shown.
        Path downloads = Files.createTempDirectory("revenue-csv");
        ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        try {
            click("revenue:exportCsv");
            Path csv = new WebDriverWait(d, Duration.ofSeconds(20)).until(w -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
                } catch (IOException e) {
                    return null;
                }
            });
            assertThat(csv.getFileName().toString()).isEqualTo("revenue-" + today + "-" + today + ".csv");
            List<String> lines = Files.readString(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
            assertThat(lines.get(0)).isEqualTo("Key,Offering,Currency,Payments,Refunds,Net,Discounts given,Paid orders");
            assertThat(lines).contains(OFFERING + "," + TITLE + ",USD,999.90,100.00,899.90,0.00,1");
            assertThat(lines.get(lines.size() - 1)).startsWith("\"\",Total,");
        } finally {
            ((HasCdp) d).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        }

        // In Romanian: Romanian headings and number format.
        click("langRo");
        tickIncludeTest(d);
        Browser.type("revenue:from_input", DateTimeFormatter.ofPattern("dd.MM.uuuu").format(today));
        Browser.type("revenue:to_input", DateTimeFormatter.ofPattern("dd.MM.uuuu").format(today));
        click("revenue:show");
        String ro = "revenue:groups:" + myRow(d) + ":";
        assertThat(text(ro + "payments")).isEqualTo("999,90 USD");
        assertThat(text(ro + "net")).isEqualTo("899,90 USD");
        assertThat(d.findElement(By.id("revenue:groups")).getText()).contains("Plăți", "Rambursări",
                "Reduceri acordate", "Comenzi plătite");
        click("langEn");
    }

    @Test
    void aDayWithoutMoneySaysSo() {
        Browser.signIn(base(), "admin@demo.example", "admin-demo-1");
        WebDriver d = Browser.open(base(), "admin/reports/revenue.xhtml");
        LocalDate longAgo = LocalDate.of(2001, 2, 3);
        Browser.type("revenue:from_input", longAgo.format(US_DATE));
        Browser.type("revenue:to_input", longAgo.format(US_DATE));
        click("revenue:show");
        assertThat(text("revenue:empty")).isEqualTo("Nothing was paid or refunded in these days.");
        assertThat(d.findElements(By.cssSelector("[id='revenue:chart'] canvas"))).isEmpty();
        assertThat(d.findElements(By.id("revenue:groups"))).isEmpty();
    }
}
