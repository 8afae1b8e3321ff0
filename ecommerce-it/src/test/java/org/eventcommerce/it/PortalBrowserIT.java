package org.eventcommerce.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eventcommerce.emulator.EmulatorAccounts;
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

/**
 * The main job in a real browser (headless chromium) on the built WAR: the site administrator configures
 * the E-Commerce page, the host sets a fee, the attendee pays with a test card through the emulator and
 * finds the session under "My access"; and the role areas keep people out of each other's pages.
 * Steps run in order on one server boot.
 */
@ExtendWith({EmulatorExtension.class, ArquillianExtension.class, Browser.class})
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final String MERCHANT = "Browser Test Academy";
    private static final String HEADER = "Welcome to the secure payment page of Browser Test Academy";
    private static final String FOOTER = "Refunds within 14 days, see our terms.";
    private static final String SUPPORT = "help@browser-test.example";

    @ArquillianResource
    URL deployed;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    private URI base() {
        return Deployments.loopback(deployed);
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

    @Test
    @Order(1)
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : new String[] {"admin/ecommerce.xhtml", "host/offerings.xhtml", "attendee/access.xhtml"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve(page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("login.xhtml");
        }
    }

    @Test
    @Order(2)
    void theAdministratorConfiguresECommerce() {
        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/ecommerce.xhtml");

        // An invalid support contact is refused next to its field, and nothing is saved.
        Browser.type("settings:merchantName", MERCHANT);
        Browser.type("settings:supportInfo", "not a contact");
        d.findElement(By.id("settings:update")).click();
        Browser.settle();
        assertThat(text("settings:supportInfoMessage")).isNotBlank();
        assertThat(new ApiClient(base(), "demo-platform-key").get("api/v1/settings").json()
                .getString("merchantName")).isNotEqualTo(MERCHANT);

        Browser.type("settings:supportInfo", SUPPORT);
        Browser.type("settings:pageHeader", HEADER);
        Browser.type("settings:pageFooter", FOOTER);
        Browser.type("settings:testPartnerId", "PayPal");
        Browser.type("settings:testVendor", "demomerchant");
        Browser.type("settings:testUser", "demomerchant");
        Browser.type("settings:testPassword", "emulator-pw1");
        d.findElement(By.id("settings:update")).click();
        Browser.settle();
        assertThat(d.findElement(By.id("messages")).getText()).isNotBlank();

        JsonObject saved = new ApiClient(base(), "demo-platform-key").get("api/v1/settings").json();
        assertThat(saved.getString("merchantName")).isEqualTo(MERCHANT);
        assertThat(saved.getString("supportInfo")).isEqualTo(SUPPORT);
        assertThat(saved.getJsonObject("paymentPage").getString("header")).isEqualTo(HEADER);
        assertThat(saved.getJsonObject("paymentPage").getString("footer")).isEqualTo(FOOTER);
        assertThat(saved.getJsonObject("provider").getJsonObject("credentials").getJsonObject("TEST")
                .getBoolean("passwordSet")).isTrue();
        // The password is never shown back.
        assertThat(d.getPageSource()).doesNotContain("emulator-pw1");

        // Enter in a field is Update: saved, and said so (it ran Test connection, silently; fresh-user trial).
        Browser.type("settings:merchantName", MERCHANT + " Ltd");
        d.findElement(By.id("settings:merchantName")).sendKeys(org.openqa.selenium.Keys.ENTER);
        Browser.settle();
        assertThat(d.findElement(By.id("messages")).getText()).contains("Settings saved.");
        assertThat(new ApiClient(base(), "demo-platform-key").get("api/v1/settings").json()
                .getString("merchantName")).isEqualTo(MERCHANT + " Ltd");
    }

    @Test
    @Order(3)
    void theAccountTypeDecidesWhichCardBrandsCanBeAccepted() {
        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/ecommerce.xhtml");
        assertThat(brandsOffered(d)).containsExactlyInAnyOrder("VISA", "MASTERCARD", "AMEX", "DISCOVER", "DINERS",
                "JCB");
        selectAccountType(d, "PAYMENTS_PRO_PAYFLOW_EDITION");
        assertThat(brandsOffered(d)).containsExactlyInAnyOrder("VISA", "MASTERCARD", "AMEX", "DISCOVER");
        selectAccountType(d, "WEBSITE_PAYMENTS_PRO");
        assertThat(brandsOffered(d)).isEmpty();
        assertThat(Browser.visible(By.id("settings:noCardField")).getText()).isNotBlank();

        // The page speaks Romanian on request.
        d.findElement(By.id("langRo")).click();
        Browser.settle();
        assertThat(d.findElement(By.tagName("body")).getText()).contains("Actualizare");
        d.findElement(By.id("langEn")).click();
        Browser.settle();
    }

    @Test
    @Order(7)
    void theUkProviderOffersItsOwnAccountTypesAndTheConnectionTestAnswersInWords() {
        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/ecommerce.xhtml");
        Browser.chooseMenu("settings:providerType", li -> li.getAttribute("textContent").strip()
                .equals("PayPal Website Payments Pro (UK)"));
        // The UK's account types, its Payflow edition's brands, its partner and currency.
        assertThat(d.findElements(By.cssSelector("select[id='settings:accountType_input'] option")).stream()
                .map(o -> o.getAttribute("textContent")).toList())
                .containsExactly("Website Payments Pro", "Website Payments Pro, Payflow edition");
        assertThat(brandsOffered(d)).containsExactly("VISA", "VISA_DEBIT", "VISA_ELECTRON", "MASTERCARD");
        assertThat(d.findElement(By.id("settings:testPartnerId")).getAttribute("value")).isEqualTo("PayPalUK");
        assertThat(d.findElement(By.id("settings:currency_label")).getText()).isEqualTo("GBP");
        assertThat(d.findElements(By.id("settings:expressCheckout"))).isEmpty();
        // Keep US dollars (the UK takes them too): a change of currency would touch the unpaid orders other
        // tests leave behind (ProviderConfigurationIT covers that).
        Browser.chooseMenu("settings:currency", li -> "USD".equals(li.getAttribute("data-label")));

        // Save and test with the emulator's UK account: the answer is in words next to the button.
        Browser.type("settings:testVendor", "demouk");
        Browser.type("settings:testUser", "demouk");
        Browser.type("settings:testPassword", "emulator-pw1");
        d.findElement(By.id("settings:testConnection")).click();
        Browser.settle();
        assertThat(Browser.visible(By.id("settings:connectionResult")).getText())
                .isEqualTo("The connection works: PayPal accepted the Test mode credentials.");

        // A wrong password: saved, and the test says so.
        Browser.type("settings:testPassword", "wrong-password");
        d.findElement(By.id("settings:testConnection")).click();
        Browser.settle();
        assertThat(Browser.visible(By.id("settings:connectionResult")).getText())
                .startsWith("PayPal refused the Test mode credentials");

        // Back to the demo's Payflow Pro account (the API puts the password back).
        ApiClient api = new ApiClient(base(), "demo-platform-key");
        assertThat(api.put("api/v1/settings", """
                {"provider": {"type": "PAYFLOW_PRO", "accountType": "PAYFLOW_PRO", "currency": "USD",
                  "acceptedCards": ["VISA", "MASTERCARD", "AMEX", "DISCOVER"],
                  "credentials": {"TEST": {"partnerId": "PayPal", "vendor": "demomerchant", "user": "demomerchant",
                  "password": "emulator-pw1"}}}}""").status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void theExpressCheckoutProviderAsksForThePayPalEmailAndExplainsHowToGrantPermission() {
        signIn("admin@demo.example", "admin-demo-1");
        WebDriver d = open("admin/ecommerce.xhtml");
        Browser.chooseMenu("settings:providerType", li -> li.getAttribute("textContent").strip()
                .equals("PayPal Express Checkout (Canada)"));
        // No card field, so neither account types nor card brands; the merchant's PayPal e-mail instead.
        assertThat(d.findElements(By.id("settings:accountType"))).isEmpty();
        assertThat(brandsOffered(d)).isEmpty();
        assertThat(d.findElements(By.id("settings:testPartnerId"))).isEmpty();
        assertThat(d.findElement(By.id("settings:currency_label")).getText()).isEqualTo("CAD");
        // The steps name the platform's API user of each mode, from the server's configuration.
        assertThat(Browser.visible(By.id("settings:grantPermission")).getText())
                .contains("Grant API permission", "Use Express Checkout to process payments");
        assertThat(d.findElement(By.id("settings:apiUserTest")).getText())
                .isEqualTo("Test mode (sandbox): platform_api1.demo.example");
        // Keep US dollars (Canada takes them too): a change of currency would cancel unpaid orders other tests
        // leave behind (ProviderConfigurationIT covers that).
        Browser.chooseMenu("settings:currency", li -> "USD".equals(li.getAttribute("data-label")));

        // A merchant who has not granted permission: saved, and the test says what to do.
        Browser.type("settings:paypalEmail", "stranger@demo.example");
        d.findElement(By.id("settings:testConnection")).click();
        Browser.settle();
        assertThat(Browser.visible(By.id("settings:connectionResult")).getText()).isEqualTo(
                "stranger@demo.example has not granted API permission to the platform (Test mode). "
                        + "Follow the steps under \"Grant API permission\".");

        // The emulator's Canadian merchant has granted it.
        Browser.type("settings:paypalEmail", "merchant.ca@demo.example");
        d.findElement(By.id("settings:testConnection")).click();
        Browser.settle();
        assertThat(Browser.visible(By.id("settings:connectionResult")).getText()).isEqualTo(
                "The connection works: PayPal accepted the platform's API credentials and merchant.ca@demo.example "
                        + "has granted API permission (Test mode).");

        // A malformed e-mail stays on its field.
        Browser.type("settings:paypalEmail", "not-an-email");
        d.findElement(By.id("settings:testConnection")).click();
        Browser.settle();
        assertThat(Browser.visible(By.id("settings:paypalEmailMessage")).getText()).isNotBlank();

        ApiClient api = new ApiClient(base(), "demo-platform-key");
        assertThat(api.get("api/v1/settings").json().getJsonObject("provider").getString("paypalEmail"))
                .isEqualTo("merchant.ca@demo.example");
        assertThat(api.put("api/v1/settings", TestOrders.DEMO_PROVIDER).status()).isEqualTo(200);
    }

    private static void selectAccountType(WebDriver d, String type) {
        // As a person does it: open the menu, click the item whose value is the type.
        String label = d.findElements(By.cssSelector("select[id='settings:accountType_input'] option")).stream()
                .filter(o -> type.equals(o.getAttribute("value"))).findFirst().orElseThrow()
                .getAttribute("textContent");
        Browser.chooseMenu("settings:accountType", li -> label.equals(li.getAttribute("data-label")));
    }

    private static java.util.List<String> brandsOffered(WebDriver d) {
        return d.findElements(By.cssSelector("input[name='settings:acceptedCards']")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    @Test
    @Order(4)
    void theHostSetsAFee() {
        signIn("host@demo.example", "host-demo-1");
        WebDriver d = open("host/offerings.xhtml");
        int row = rowOf(d, "offerings", "Java Workshop");
        Browser.type("offerings:" + row + ":fee", "175.50");
        d.findElement(By.id("offerings:" + row + ":saveFee")).click();
        Browser.settle();
        JsonObject o = new ApiClient(base(), "demo-platform-key").get("api/v1/offerings/java-workshop").json();
        assertThat(o.getJsonObject("fee").getString("amount")).isEqualTo("175.50");
        assertThat(o.getJsonObject("fee").getString("currency")).isEqualTo("USD");
    }

    @Test
    @Order(5)
    void theAttendeePaysAndGetsAccess() {
        signIn("attendee@demo.example", "attendee-demo-1");
        WebDriver d = open("attendee/offerings.xhtml");
        int row = rowOf(d, "offerings", "Java Workshop");
        d.findElement(By.id("offerings:" + row + ":register")).click();
        Browser.settle();
        assertThat(d.getCurrentUrl()).contains("/pay/");

        assertThat(text("payment:merchantName")).contains(MERCHANT);
        assertThat(text("payment:pageHeader")).contains(HEADER);
        assertThat(text("payment:pageFooter")).contains(FOOTER);
        assertThat(text("payment:supportInfo")).contains(SUPPORT);
        assertThat(text("payment:offeringTitle")).contains("Java Workshop");
        assertThat(text("payment:total")).contains("175.50");

        Browser.type("payment:cardNumber", "4111 1111 1111 1111");
        Browser.type("payment:cardExpiry", "12/30");
        Browser.type("payment:cardCvv", "123");
        Browser.type("payment:cardHolder", "Anna Attendee");
        WebElement pay = d.findElement(By.id("payment:pay"));
        pay.click();
        Browser.settle();
        String reference = text("payment:reference");
        assertThat(reference).hasSize(12);
        assertThat(d.getPageSource()).doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111");

        open("attendee/access.xhtml");
        assertThat(Browser.visible(By.id("access")).getText()).contains("Java Workshop");
        assertThat(new ApiClient(base(), "demo-platform-key")
                .get("api/v1/entitlements?attendee=attendee@demo.example&offering=java-workshop").json()
                .getBoolean("granted")).isTrue();
    }

    @Test
    @Order(6)
    void anAttendeeCannotReachAdministrationOrHostPages() {
        signIn("attendee@demo.example", "attendee-demo-1");
        WebDriver d = open("admin/ecommerce.xhtml");
        assertThat(d.getPageSource()).doesNotContain("settings:merchantName");
        assertThat(d.getTitle() + d.getPageSource()).containsAnyOf("403", "Forbidden");
        d = open("host/offerings.xhtml");
        assertThat(d.getPageSource()).doesNotContain("saveFee");
    }

    @Test
    @Order(99)
    void anOfferingPricedInAnotherCurrencyThanThePaymentsHasNoRegisterButton() {
        // Fresh-user trial (issue 5): after the site moved to pounds, dollar offerings still had Register, which led
        // to an error naming "PAYFLOW_PRO". Last in this class: the switch cancels unpaid orders.
        ApiClient api = new ApiClient(base(), "demo-platform-key");
        String dollar = "Dollar talk " + Long.toString(System.nanoTime(), 36);
        new TestOrders(api).offering("dollar", dollar, "25.00", "USD");
        ApiClient.Answer uk = api.put("api/v1/settings", """
                {"provider": {"type": "WEBSITE_PAYMENTS_PRO_UK", "accountType": "PAYMENTS_PRO_PAYFLOW_EDITION",
                  "acceptedCards": ["VISA"], "expressCheckout": false, "currency": "GBP",
                  "credentials": {"TEST": {"partnerId": "PayPalUK", "vendor": "demouk", "user": "demouk",
                                           "password": "%s"}}}}""".formatted(EmulatorAccounts.PWD));
        assertThat(uk.status()).as(uk.body()).isEqualTo(200);
        try {
            signIn("attendee@demo.example", "attendee-demo-1");
            WebDriver d = open("attendee/offerings.xhtml");
            int row = rowOf(d, "offerings", dollar);
            assertThat(d.findElements(By.id("offerings:" + row + ":register"))).isEmpty();
            assertThat(text("offerings:" + row + ":notPayable")).isEqualTo("Not on sale in this currency at the moment");
        } finally {
            assertThat(api.put("api/v1/settings", TestOrders.DEMO_PROVIDER).status()).isEqualTo(200);
        }
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
