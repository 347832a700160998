package org.openreturns.returns;

import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff workspace ({@code /app}) as a person uses it in the browser: log in, open pages, read what they show. */
final class Workspace {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final String baseUrl;
    private final WebDriverWait wait;

    Workspace(WebDriver browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        // htmx replaces parts of the page: an element found a moment ago may be gone by the time it is read.
        this.wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
    }

    void logIn(String user) {
        open("/app/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/app/login"));
    }

    void logOut() {
        browser.findElement(By.cssSelector(".who form button")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/app/login?logout"));
    }

    void open(String path) {
        browser.get(baseUrl + path);
        wait.until(presenceOfElementLocated(By.tagName("h1")));
    }

    /** Types into a field as a person (or a keyboard-wedge scanner) does, ending with Enter. */
    void typeAndEnter(String fieldId, String text) {
        wait.until(driver -> {
            WebElement field = driver.findElement(By.id(fieldId));
            field.clear();
            field.sendKeys(text, Keys.ENTER);
            return true;
        });
    }

    /** Clicks a link or a button that loads another page, and waits until it has replaced this one. */
    void click(By element) {
        WebElement clicked = wait.until(driver -> driver.findElement(element));
        clicked.click();
        wait.until(stalenessOf(clicked));
        wait.until(presenceOfElementLocated(By.tagName("h1")));
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    String text(By element) {
        return wait.until(driver -> driver.findElement(element)).getText();
    }

    /** The text of each row of the table in the section, cells (row headings too) separated by " | ". */
    List<String> rows(String sectionId) {
        return browser.findElements(By.cssSelector("#" + sectionId + " table tbody tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.cssSelector("th, td")).stream()
                        .map(WebElement::getText)
                        .toList()))
                .toList();
    }

    /** The row headings (first column) of the table with this id. */
    List<String> rowHeadings(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody th")).stream().map(WebElement::getText)
                .toList();
    }

    /** The addresses of the pictures shown in the container. */
    List<String> pictures(String containerSelector) {
        return browser.findElements(By.cssSelector(containerSelector + " img")).stream()
                .map(picture -> picture.getDomAttribute("src")).toList();
    }

    List<String> links(String containerSelector) {
        return browser.findElements(By.cssSelector(containerSelector + " a")).stream().map(WebElement::getText)
                .toList();
    }

    /** Waits until the element shows the text (htmx swaps parts of the page in after a request). */
    void awaitText(By element, String text) {
        wait.until(driver -> driver.findElements(element).stream().anyMatch(found -> found.getText().contains(text)));
    }

    /**
     * Downloads what a link points to with the browser's own session, as clicking "download" does, and answers
     * the response's status, Content-Disposition and body.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> download(By link) {
        String href = browser.findElement(link).getDomProperty("href");
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(response => response.text().then(body => done({
                    status: response.status, disposition: response.headers.get('Content-Disposition'), body})));
                """, href);
    }

    String currentUrl() {
        return browser.getCurrentUrl();
    }

    String focusedElementId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    void saveScreenshot(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(directory.resolve(name + ".html"), browser.getPageSource());
        Files.write(directory.resolve(name + ".console.txt"), browser.manage().logs().get(LogType.BROWSER).getAll()
                .stream().map(LogEntry::toString).toList());
    }
}
