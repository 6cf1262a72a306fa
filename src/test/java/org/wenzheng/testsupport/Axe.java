package org.wenzheng.testsupport;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Automated accessibility check with axe-core, run inside the page under test: only the WCAG 2.0 and 2.1 level A
 * and AA rules, the level the public pages promise. axe.min.js comes from the org.webjars.npm:axe-core test
 * dependency, so nothing is downloaded while testing.
 */
public final class Axe {

    public static final String VERSION = "4.6.3";
    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static volatile String source;

    private Axe() {
    }

    /** One rule broken on the page, with the elements that break it. */
    public record Violation(String id, String impact, String help, String helpUrl, List<String> targets,
                            List<String> failures) {

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("[" + impact + "] " + id + ": " + help + " (" + helpUrl + ")");
            for (int i = 0; i < targets.size(); i++) {
                out.append("\n    at ").append(targets.get(i));
                if (i < failures.size() && !failures.get(i).isBlank()) {
                    out.append("\n       ").append(failures.get(i).replace("\n", "\n       "));
                }
            }
            return out.toString();
        }
    }

    /** Runs axe on the current page and returns what it found against WCAG 2.0/2.1 A and AA. */
    @SuppressWarnings("unchecked")
    public static List<Violation> check(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({
                       id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                       targets: v.nodes.map(n => n.target.join(' ')),
                       failures: v.nodes.map(n => n.failureSummary || '')}))))
                   .catch(e => done([{id: 'axe-error', impact: 'error', help: String(e), helpUrl: '',
                       targets: [], failures: []}]));
                """, TAGS);
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                        (String) v.get("helpUrl"), (List<String>) v.get("targets"), (List<String>) v.get("failures")))
                .toList();
    }

    /** Fails with a readable list of every violation on the current page, if there is any. */
    public static void assertNoViolations(WebDriver driver) {
        List<Violation> violations = check(driver);
        if (!violations.isEmpty()) {
            fail(violations.size() + " accessibility violation(s) (WCAG 2.1 A/AA, axe-core " + VERSION + ") on "
                    + driver.getCurrentUrl() + ":\n" + violations.stream().map(Violation::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    private static String script() {
        if (source == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is not on the test class path"
                            + " (dependency org.webjars.npm:axe-core:" + VERSION + ")");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
