package org.wenzheng.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The calendar and policy texts exist in both languages, and their patterns format. */
class CalendarTextsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(CalendarTextsTest.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> ours(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("calendar.") || k.startsWith("policy."))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = ours(load("messages_zh_CN.properties"));
        Set<String> en = ours(load("messages_en.properties"));
        assertEquals(zh, en);
        assertTrue(zh.size() > 100, "" + zh.size());
    }

    @Test
    void aLineNumberedFileErrorReadsWell() throws IOException {
        CalendarFileException e = new CalendarFileException(1234, "calendar.file.date", "bad", "2026-02-30");
        String zh = new MessageFormat(load("messages_zh_CN.properties").getProperty(e.key()), Locale.SIMPLIFIED_CHINESE)
                .format(e.bundleArgs());
        assertEquals("第 1234 行：“2026-02-30”不是 年-月-日（yyyy-MM-dd）格式的日期。", zh);
        String en = new MessageFormat(load("messages_en.properties").getProperty(e.key()), Locale.ENGLISH)
                .format(e.bundleArgs());
        assertEquals("Line 1234: \"2026-02-30\" is not a date in the form yyyy-MM-dd.", en);
    }

    @Test
    void everyPatternFormatsWithoutLeftOverQuotes() throws IOException {
        for (String file : new String[]{"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties p = load(file);
            for (String key : ours(p)) {
                String text = new MessageFormat(p.getProperty(key)).format(new Object[]{1, 2, 3, 4, 5});
                assertFalse(text.contains("{"), key + ": " + text);
            }
        }
    }
}
