package org.eventcommerce.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven by Selenium (stack-notes "What worked"), with waits for PrimeFaces AJAX
 * and a screenshot of every failed test under {@code target/screenshots}.
 *
 * <p>One browser serves every class of the run. As an extension of a class it also deletes the browser's cookies
 * before the class's first test: the IT classes share one server ({@code SharedDeploymentContainer}), on which the
 * session the previous class signed in would still be valid, so without this a class would start as whoever the
 * previous class last signed in as instead of as a new visitor.
 */
public final class Browser implements TestWatcher, BeforeAllCallback {

    private static WebDriver driver;

    /** The shared driver, started on first use with a fresh profile. */
    public static synchronized WebDriver driver() {
        if (driver == null) {
            try {
                Path profile = Files.createTempDirectory("chromium-profile");
                ChromeOptions o = new ChromeOptions();
                o.setBinary("/usr/bin/chromium");
                o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1600", "--lang=en-US",
                        "--user-data-dir=" + profile);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
                driver = new ChromeDriver(service, o);
                Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return driver;
    }

    /** Every class starts as a new visitor: no cookie (no session) of an earlier class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (Browser.class) {
            if (driver instanceof ChromeDriver chrome) {
                // Every cookie of the profile (deleteAllCookies only reaches the current page's host).
                chrome.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            }
        }
    }

    /** Opens {@code path} under {@code base} and waits for the page. */
    public static WebDriver open(java.net.URI base, String path) {
        WebDriver d = driver();
        d.get(base.resolve(path).toString());
        settle();
        return d;
    }

    /** Signs in on the portal's login page with a fresh session. */
    public static void signIn(java.net.URI base, String email, String password) {
        WebDriver d = driver();
        d.manage().deleteAllCookies();
        open(base, "login.xhtml");
        type("login:email", email);
        type("login:password", password);
        WebElement button = d.findElement(By.id("login:signIn"));
        button.click();
        // Wait for the answer to the sign-in to replace the login page: a page opened before it arrives would be
        // overtaken by the sign-in's own redirect (seen in CI: the test landed on the start page).
        // (Chrome reports a button of a replaced page sometimes as stale, sometimes as a node "not in the
        // document": either means the login page is gone.)
        new WebDriverWait(d, Duration.ofSeconds(20)).until(w -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        settle();
    }

    /** Waits until {@code by} is visible and returns it. */
    public static WebElement visible(By by) {
        return new WebDriverWait(driver(), Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Chooses the item of the PrimeFaces selectOneMenu {@code id} whose {@code data-label} {@code label} picks
     * (as a person does: open the menu, click the item), then waits until the panel has faded out: until then it
     * covers what lies below it and takes the next click.
     */
    public static void chooseMenu(String id, java.util.function.Predicate<WebElement> item) {
        WebDriver d = driver();
        WebElement menu = d.findElement(By.id(id));
        // In the middle of the window the panel opens without the page scrolling under it: a scroll while it is
        // open makes PrimeFaces move it, and the click meant for an item then lands beside it.
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
        menu.click();
        visible(By.cssSelector("[id='" + id + "_panel'] li[data-label]"));
        // The panel opens with a CSS transition (PrimeFaces' connected overlay) during which clicks are lost:
        // click an item only once the panel stands still.
        new WebDriverWait(d, Duration.ofSeconds(10)).until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w)
                .executeScript("var p = jQuery(PrimeFaces.escapeClientId(arguments[0]));"
                        + " return p.is(':visible') && !p.is(':animated')"
                        + " && !p.is('.ui-connected-overlay-enter, .ui-connected-overlay-enter-active');",
                        id + "_panel")));
        WebElement choice = d.findElements(By.cssSelector("[id='" + id + "_panel'] li.ui-selectonemenu-item"))
                .stream().filter(item).findFirst().orElseThrow(() -> new AssertionError("No such item in " + id));
        choice.click();
        By panel = By.id(id + "_panel");
        try {
            new WebDriverWait(d, Duration.ofSeconds(3)).until(ExpectedConditions.invisibilityOfElementLocated(panel));
        } catch (org.openqa.selenium.TimeoutException lost) {
            // The click still went astray: the item is there and enabled, so select it the way its own click does.
            ((JavascriptExecutor) d).executeScript("arguments[0].click();", choice);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.invisibilityOfElementLocated(panel));
        }
        settle();
    }

    /** Waits until no jQuery/PrimeFaces AJAX request is running and the document is loaded. */
    public static void settle() {
        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** Clears and types into the input with client id {@code id}. */
    public static void type(String id, String text) {
        WebElement e = visible(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()
                    .replaceAll("[^A-Za-z0-9]+", "_");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the failure screenshot: " + e);
        }
    }
}
