package be.inzage.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web UI in a real headless Chromium: log in, the dashboard's counts, a subject search with the
 * report downloaded, a scan followed to 100 %, and scanned names that are XSS payloads shown as text.
 * Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    TestServer srv;
    WebDriver driver;
    WebDriverWait wait;
    Path downloads;
    String base;

    @BeforeAll
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (System.getenv("CI") != null) {
            assertTrue(present, "CI must have Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(present, "chromium / chromedriver not installed");
        srv = TestServer.start(null);
        base = "http://127.0.0.1:" + srv.port();
        // the inventory holds the share before the browser looks at it
        HttpClient http = HttpClient.newHttpClient();
        String id = new JsonObject(http.send(HttpRequest.newBuilder(URI.create(base + "/api/scans"))
                .header("Authorization", "Bearer " + srv.adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"share\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getString("id");
        for (int i = 0; i < 600 && srv.server.runs().get(id).active(); i++) {
            Thread.sleep(100);
        }
        downloads = Files.createTempDirectory("inzage-downloads");
        Files.createDirectories(SHOTS);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1440,1000",
                "--user-data-dir=" + Files.createTempDirectory("inzage-chromium"));
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, o);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (srv != null) {
            srv.close();
        }
    }

    void shot(String name) throws Exception {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    WebElement byId(String id) {
        return wait.until(d -> {
            WebElement e = d.findElement(By.id(id));
            return e.isDisplayed() ? e : null;
        });
    }

    void noAlert() {
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no script from scanned data ran");
    }

    @Test
    @Order(1)
    void logInAndSeeTheDashboardWithTheInventorysCounts() throws Exception {
        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login.html"));
        byId("username").sendKeys("alice");
        byId("password").sendKeys("wrong password");
        byId("login-submit").click();
        assertTrue(byId("login-error").getText().toLowerCase().contains("fail"));
        byId("username").clear();
        byId("username").sendKeys("alice");
        byId("password").sendKeys(TestServer.PASSWORD);
        byId("login-submit").click();
        assertEquals("alice", wait.until(d -> {
            String t = d.findElement(By.id("me-user")).getText();
            return t.isEmpty() ? null : t;
        }));
        assertEquals("admin", byId("me-role").getAttribute("textContent").trim());

        JsonObject coverage = api("/api/coverage");
        String total = String.valueOf(coverage.getLong("total"));
        wait.until(d -> d.findElement(By.id("total-findings")).getText().replaceAll("[^0-9]", "").equals(total));
        JsonObject row = coverage.getJsonArray("sources").getJsonObject(0);
        WebElement tr = wait.until(d -> d.findElement(By.cssSelector("#coverage-table tr[data-source='" + row.getString("source") + "']")));
        for (String cat : row.getJsonObject("counts").fieldNames()) {
            assertEquals(String.valueOf(row.getJsonObject("counts").getLong(cat)),
                    tr.findElement(By.cssSelector("td[data-category='" + cat + "']")).getText().replaceAll("[^0-9]", ""),
                    "dashboard count for " + cat);
        }
        assertTrue(byId("retention").getText().contains("1 item(s)"), byId("retention").getText());
        shot("1-dashboard");
        noAlert();
    }

    @Test
    @Order(2)
    void searchASubjectAndDownloadTheAccessReport() throws Exception {
        driver.get(base + "/#search");
        byId("q-email").sendKeys(TestServer.EMAIL);
        byId("search-submit").click();
        wait.until(d -> d.findElement(By.id("search-count")).getText().matches("[1-9][0-9]* location\\(s\\)"));
        int expected = api("/api/subjects/search", new JsonObject().put("identifiers",
                new JsonObject().put("email", new io.vertx.core.json.JsonArray().add(TestServer.EMAIL)))).getJsonArray("locations").size();
        assertEquals(expected + " location(s)", byId("search-count").getText());
        List<WebElement> locations = driver.findElements(By.cssSelector("#search-results .location"));
        assertEquals(expected, locations.size());
        assertFalse(byId("search-results").getText().contains(TestServer.EMAIL), "the page shows masked values only");
        assertFalse(driver.findElements(By.cssSelector("#search-results .badge-identification")).isEmpty());
        shot("2-search");

        byId("download-access").click();
        Path report = downloads.resolve("inzage-access-report.json");
        wait.until(d -> Files.exists(report) && report.toFile().length() > 0);
        JsonObject access = new JsonObject(Files.readString(report));
        assertTrue(access.encode().contains(TestServer.EMAIL), "the downloaded access report holds the live value");
    }

    @Test
    @Order(3)
    void startAScanAndWatchItReachOneHundredPercent() throws Exception {
        driver.get(base + "/#scans");
        WebElement start = wait.until(d -> d.findElement(By.cssSelector("button.start-scan[data-source='share']")));
        start.click();
        wait.until(d -> d.findElement(By.id("scan-state")).getText().equals("completed"));
        assertTrue(byId("scan-progress-text").getText().contains("100 %"), byId("scan-progress-text").getText());
        assertEquals("100", byId("scan-progress-bar").getAttribute("value").replaceAll("\\.0+$", ""));
        wait.until(d -> !d.findElements(By.cssSelector("#runs-table tr[data-run]")).isEmpty());
        shot("3-scan-progress");
    }

    @Test
    @Order(4)
    void scannedNamesThatAreMarkupShowAsText() throws Exception {
        driver.get(base + "/#findings");
        wait.until(d -> d.findElement(By.id("findings-table")).getText().contains(TestServer.XSS_NAME));
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('main img').length"),
                "the file name did not become an element");
        noAlert();
        shot("4-findings-xss");

        driver.get(base + "/#search");
        byId("q-email").clear();
        byId("q-email").sendKeys(TestServer.XSS_EMAIL);
        byId("search-submit").click();
        wait.until(d -> d.findElement(By.id("search-results")).getText().contains(TestServer.XSS_NAME));
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('#search-results img').length"));
        noAlert();
        shot("5-search-xss");
    }

    @Test
    @Order(5)
    void aDatabaseRunShowsItsPersonalColumnsAndHostileNamesAsText() throws Exception {
        be.inzage.db.LocalPostgres.require();
        String db = "inzage_test_ui";
        be.inzage.db.LocalPostgres.freshDatabase(db);
        assertEquals(0, be.inzage.db.LocalPostgres.psql(db, "create table customers (id int primary key, email text,"
                + " \"<img src=x onerror=alert(1)>\" text, total numeric);"
                + " insert into customers values (1, 'ui.one@example.be', 'ui.two@example.be', 10), (2, 'ui.three@example.be', null, 20)"));
        String uri = be.inzage.db.LocalPostgres.uri(db, be.inzage.db.LocalPostgres.USER);
        String id = scanAndWait(uri);
        driver.get(base + "/#scans");
        driver.navigate().refresh();
        WebElement row = wait.until(d -> d.findElement(By.cssSelector("#runs-table tr[data-run='" + id + "']")));
        row.click();
        WebElement columns = byId("run-columns");
        assertTrue(columns.getText().contains("Personal columns: 2 of 4"), columns.getText());
        assertFalse(columns.findElements(By.cssSelector("tr[data-column='public.customers.email']")).isEmpty());
        assertTrue(columns.getText().contains("<img src=x onerror=alert(1)>"), "a hostile column name shown as text");
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript("return document.querySelectorAll('#run-columns img').length"));
        noAlert();
        shot("6-database-columns");

        // a rescan after one row changed reads that row only, and says so
        assertEquals(0, be.inzage.db.LocalPostgres.psql(db, "update customers set email = 'ui.four@example.be' where id = 2"));
        String again = scanAndWait(uri);
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector("#runs-table tr[data-run='" + again + "']"))).click();
        WebElement incremental = wait.until(d -> d.findElement(By.id("run-incremental")));
        assertTrue(incremental.getText().contains("Read incrementally: 1 table(s), 1 changed row(s) read, 0 deleted row(s) dropped"),
                incremental.getText());
        WebElement table = incremental.findElement(By.cssSelector("tr[data-table='public.customers']"));
        assertEquals(List.of("public.customers", "1", "0", "xmin"),
                table.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        shot("7-database-incremental");
    }

    @Test
    @Order(6)
    void aLogRunSaysWhichLogsWereRotatedOrReadOn() throws Exception {
        Path logs = Files.createTempDirectory("inzage-ui-logs");
        Path log = logs.resolve("access.log");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            b.append("81.82.3.").append(i).append(" - - [05/Oct/2023:13:55:36 +0200] \"GET /p HTTP/1.1\" 200 1 \"-\" \"x\"\n");
        }
        Files.writeString(log, b);
        Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        scanAndWait("log://" + logs);
        // rotated: renamed, with a new log in its place
        Files.move(log, logs.resolve("access.log.1"));
        Files.writeString(log, "81.82.9.9 - - [06/Oct/2023:13:55:36 +0200] \"GET /q HTTP/1.1\" 200 1 \"-\" \"x\"\n");
        Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        String id = scanAndWait("log://" + logs);
        driver.get(base + "/#scans");
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector("#runs-table tr[data-run='" + id + "']"))).click();
        WebElement note = wait.until(d -> d.findElement(By.id("run-moved")));
        // 40 addresses and the visited page
        assertTrue(note.getText().contains("1 log(s) found at a new path (rotated) kept their 41 finding(s) without being read again"),
                note.getText());
        shot("8-log-rotation");
    }

    @Test
    @Order(7)
    void aShareRunSaysWhichFilesWereMoved() throws Exception {
        Path share = Files.createTempDirectory("inzage-ui-share");
        Files.createDirectories(share.resolve("2024"));
        be.inzage.extract.DocumentFixtures.docx(share.resolve("2024/contract.docx"), "Contact: ui.moved@example.be");
        scanAndWait(share.toString());
        Files.move(share.resolve("2024"), share.resolve("archief-2024"));
        String id = scanAndWait(share.toString());
        driver.get(base + "/#scans");
        driver.navigate().refresh();
        wait.until(d -> d.findElement(By.cssSelector("#runs-table tr[data-run='" + id + "']"))).click();
        WebElement note = wait.until(d -> d.findElement(By.id("run-moved")));
        // the e-mail (the document's author is the software that wrote it, "Apache POI": no person)
        assertTrue(note.getText().contains("1 file(s) found at a new path (moved or renamed) kept their 1 finding(s) without being "
                + "read again"), note.getText());
        shot("9-document-moved");
    }

    /** Starts a scan through the API as the administrator and waits for it to end; its run id. */
    String scanAndWait(String uri) throws Exception {
        String id = new JsonObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/scans"))
                .header("Authorization", "Bearer " + srv.adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("source", uri).encode())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getString("id");
        for (int i = 0; i < 600 && srv.server.runs().get(id).active(); i++) {
            Thread.sleep(100);
        }
        return id;
    }

    JsonObject api(String path) throws Exception {
        return new JsonObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + srv.officerToken).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonObject api(String path, JsonObject body) throws Exception {
        return new JsonObject(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + srv.officerToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
