package org.openreturns.returns;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.or;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfAllElementsLocatedBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Operaton's Tasklist as a person uses it, seen through its page: the login page, the task list, a task with its
 * Camunda Form (rendered by form-js), claiming and completing. Every step waits for what the person would wait for;
 * form fields are found by their id in the form file (e.g. {@code Field_Grade}), which form-js prefixes per render.
 *
 * <p>The page is loaded once and never again: logging out and in and refreshing the task list happen inside it, as
 * a person clicking would. Operaton 1.0.3 keeps the Content-Security-Policy nonce of the page it serves in the
 * servlet context, which every request to {@code /operaton/*} overwrites ({@code ContentSecurityPolicyProvider},
 * {@code ProcessEnginesFilter.serveIndexPage}); a page loaded while the previous page's requests are still being
 * answered may carry another request's nonce, and the browser then refuses to run any of its scripts.
 */
final class Tasklist {

    /** Generous, because the shared machine may be busy; the waits end as soon as the page is ready. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final By USER_NAME = By.cssSelector("form[name=signinForm] input[type=text]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[type=password]");
    private static final By LOG_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
    private static final By LOGGED_IN_USER = By.cssSelector("li.account .dropdown-toggle");
    private static final By LOG_OUT = By.cssSelector("li.account li.logout a");
    /** The filter whose tasks the list shows; clicking it again loads them again. */
    private static final By CURRENT_FILTER = By.cssSelector(".task-filter.active h4.name a");
    private static final By TASK_FORM = By.cssSelector("form.fjs-form");
    /** Tasklist covers the form of a task that is not claimed by the person looking at it: it takes no clicks. */
    private static final By DISABLED_FORM = By.cssSelector(".disabled-form");
    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By UNCLAIM = By.cssSelector("button.unclaim");
    private static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");
    private static final By DROPDOWN_ITEMS = By.cssSelector(".fjs-dropdownlist-item");
    private static final By ERROR_MESSAGE = By.cssSelector(".page-notifications .alert-danger .message");

    private final WebDriver browser;
    private final String url;
    private final WebDriverWait wait;

    /** Tasklist of the application at the base URL given, on its process engine of the name given. */
    Tasklist(WebDriver browser, String baseUrl, String engineName) {
        this.browser = browser;
        this.url = baseUrl + "/operaton/app/tasklist/" + engineName + "/";
        this.wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100));
    }

    /** Loads Tasklist, which shows its login page. */
    void open() {
        browser.get(url);
        wait.until(visibilityOfElementLocated(USER_NAME));
    }

    /** Logs in on the login page, with the demo users' password. */
    void logIn(String user) {
        wait.until(visibilityOfElementLocated(USER_NAME)).sendKeys(user);
        browser.findElement(PASSWORD).sendKeys("demo");
        browser.findElement(LOG_IN).click();
        wait.until(textToBePresentInElementLocated(LOGGED_IN_USER, user));
    }

    /** Logs out through the user menu, back to the login page. */
    void logOut() {
        wait.until(elementToBeClickable(LOGGED_IN_USER)).click();
        wait.until(elementToBeClickable(LOG_OUT)).click();
        wait.until(visibilityOfElementLocated(USER_NAME));
    }

    /** Clicks the task in the list, refreshing the list first when the task is new since, then waits for its form. */
    void openTask(String taskId) {
        if (!listsTask(taskId)) {
            wait.until(elementToBeClickable(CURRENT_FILTER)).click();
        }
        wait.until(elementToBeClickable(taskInList(taskId))).click();
        wait.until(visibilityOfElementLocated(TASK_FORM));
    }

    /** The task's name as the list shows it, refreshing the list first when the task is new since. */
    String titleInList(String taskId) {
        if (!listsTask(taskId)) {
            wait.until(elementToBeClickable(CURRENT_FILTER)).click();
        }
        return wait.until(visibilityOfElementLocated(taskInList(taskId))).getText().strip();
    }

    boolean listsTask(String taskId) {
        return !browser.findElements(taskInList(taskId)).isEmpty();
    }

    void claim() {
        wait.until(elementToBeClickable(CLAIM)).click();
        wait.until(presenceOfElementLocated(UNCLAIM));
        wait.until(invisibilityOfElementLocated(DISABLED_FORM));
    }

    /** Gives the task back to its groups. */
    void unclaim() {
        wait.until(elementToBeClickable(UNCLAIM)).click();
        wait.until(presenceOfElementLocated(CLAIM));
    }

    /** The value of a text field or text area once the form shows one (the form fills them from process data). */
    String valueOf(String fieldId) {
        By field = field(fieldId);
        return wait.until(page -> {
            String value = page.findElement(field).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
    }

    /**
     * What a date-time field shows: its date and its time, as the form formats them in the browser's time zone. A
     * date-time field has one input for the date and one for the time, their ids both starting with the field's.
     */
    List<String> dateTimeOf(String fieldId) {
        By inputs = By.cssSelector("form.fjs-form input[id*='-" + fieldId + "']");
        return wait.until(page -> {
            List<String> values = page.findElements(inputs).stream().map(input -> input.getDomProperty("value"))
                    .filter(value -> value != null && !value.isEmpty()).toList();
            return values.size() == 2 ? values : null;
        });
    }

    boolean isReadOnly(String fieldId) {
        return Boolean.parseBoolean(wait.until(visibilityOfElementLocated(field(fieldId))).getDomProperty("readOnly"));
    }

    /** The labels a select field offers; opens its dropdown and closes it again, as a person looking would. */
    List<String> choicesOf(String fieldId) {
        toggleDropdown(fieldId);
        List<String> labels = wait.until(visibilityOfAllElementsLocatedBy(DROPDOWN_ITEMS)).stream()
                .map(WebElement::getText).toList();
        toggleDropdown(fieldId);
        wait.until(invisibilityOfElementLocated(DROPDOWN_ITEMS));
        return labels;
    }

    void choose(String fieldId, String label) {
        toggleDropdown(fieldId);
        wait.until(elementToBeClickable(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')]"
                + "[normalize-space(.) = '" + label + "']"))).click();
        wait.until(textToBePresentInElementLocated(By.cssSelector("[id$='-" + fieldId + "-display']"), label));
    }

    /** Chooses the option of a radio group by its label, as a person clicks it. */
    void answer(String fieldId, String label) {
        wait.until(elementToBeClickable(option(fieldId, label))).click();
        wait.until(page -> inputOf(page.findElement(option(fieldId, label))).isSelected());
    }

    /** The labels of a radio group's options, in the order the form shows them. */
    List<String> answersOf(String fieldId) {
        return wait.until(visibilityOfAllElementsLocatedBy(options(fieldId))).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    /** The label of the chosen option of a radio group, if one is chosen. */
    Optional<String> answerOf(String fieldId) {
        wait.until(visibilityOfAllElementsLocatedBy(options(fieldId)));
        return browser.findElements(options(fieldId)).stream()
                .filter(option -> inputOf(option).isSelected())
                .map(WebElement::getText).map(String::strip).findFirst();
    }

    /** Whether the form shows the field now (form-js leaves out a field its condition hides). */
    boolean shows(String fieldId) {
        return !browser.findElements(By.cssSelector("form.fjs-form [id*='-" + fieldId + "']")).isEmpty();
    }

    void type(String fieldId, String text) {
        WebElement input = wait.until(elementToBeClickable(field(fieldId)));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks Complete and waits until Tasklist has taken the task off the list; fails with Tasklist's error if any. */
    void complete(String taskId) {
        clickComplete();
        wait.until(or(invisibilityOfElementLocated(taskInList(taskId)), visibilityOfElementLocated(ERROR_MESSAGE)));
        List<WebElement> errors = browser.findElements(ERROR_MESSAGE);
        if (!errors.isEmpty()) {
            throw new AssertionError("Tasklist did not complete task " + taskId + ": " + errors.get(0).getText());
        }
    }

    /** Clicks Complete where the completion is expected to be refused; answers the message Tasklist shows. */
    String completeRefused() {
        clickComplete();
        return wait.until(visibilityOfElementLocated(ERROR_MESSAGE)).getText();
    }

    /** The page as it is now, as a PNG, its HTML and its console log, e.g. to see why a test failed. */
    void saveScreenshot(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(directory.resolve(name + ".html"), browser.getPageSource());
        Files.write(directory.resolve(name + ".console.txt"), browser.manage().logs().get(LogType.BROWSER).getAll()
                .stream().map(LogEntry::toString).toList());
    }

    private void clickComplete() {
        wait.until(elementToBeClickable(COMPLETE)).click();
    }

    private void toggleDropdown(String fieldId) {
        wait.until(elementToBeClickable(By.cssSelector("[id$='-" + fieldId + "-display']"))).click();
    }

    private static By taskInList(String taskId) {
        return By.cssSelector(".tasks-list a[href='#/?task=" + taskId + "']");
    }

    /** form-js puts a radio option's label beside its input, naming it by id. */
    private WebElement inputOf(WebElement optionLabel) {
        return browser.findElement(By.id(optionLabel.getDomAttribute("for")));
    }

    /** form-js gives the n-th option of a radio group the id {@code fjs-form-<render>-<id in the form file>-<n>}. */
    private static By options(String fieldId) {
        return By.xpath("//form[contains(@class, 'fjs-form')]//label[contains(@for, '-" + fieldId + "-')]");
    }

    private static By option(String fieldId, String label) {
        return By.xpath("//form[contains(@class, 'fjs-form')]//label[contains(@for, '-" + fieldId + "-')]"
                + "[normalize-space(.) = '" + label + "']");
    }

    /** form-js gives each field the id {@code fjs-form-<render>-<id in the form file>}. */
    private static By field(String fieldId) {
        return By.cssSelector("form.fjs-form [id$='-" + fieldId + "']");
    }
}
