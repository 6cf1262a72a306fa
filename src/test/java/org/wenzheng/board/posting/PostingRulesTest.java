package org.wenzheng.board.posting;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingRulesTest {

    @Test
    void mainlandMobileAndLandlineNumbersAreAccepted() {
        for (String phone : List.of("13800138000", "199 1234 5678", "+8613800138000", "86-138-0013-8000",
                "010-12345678", "0571-87654321", "02168889999", "0755-2345678-801", "１３８００１３８０００")) {
            assertTrue(PostingRules.validPhone(phone), phone);
        }
    }

    @Test
    void malformedPhoneNumbersAreRefused() {
        for (String phone : List.of("12800138000", "1380013800", "138001380001", "12345678", "010-1234",
                "abc", "13800138000<script>", "+1 415 555 0100")) {
            assertFalse(PostingRules.validPhone(phone), phone);
        }
    }

    @Test
    void thePhoneKeyIgnoresHowTheNumberWasWritten() {
        assertEquals("13800138000", PostingRules.phoneKey("+86 138 0013 8000"));
        assertEquals("13800138000", PostingRules.phoneKey("138-0013-8000"));
        assertEquals("01012345678", PostingRules.phoneKey("010-12345678"));
    }

    @Test
    void emailAddressesAreCheckedForAPlausibleForm() {
        assertTrue(PostingRules.validEmail("zhang.san+wz@example.com.cn"));
        assertTrue(PostingRules.validEmail("a_b@mail-host.org"));
        for (String bad : List.of("zhangsan", "zhang@", "@example.com", "a@b", "a b@example.com",
                "a@example..com", "a@-example.com", "<a@example.com>", "张三@example.com")) {
            assertFalse(PostingRules.validEmail(bad), bad);
        }
        assertEquals("zhang@example.com", PostingRules.emailKey("Zhang@Example.COM"));
    }

    @Test
    void contactNeedsAtLeastOneValidWay() {
        assertEquals(List.of(Problem.of("phone", "post.error.contactRequired")), PostingRules.checkContact(null, null));
        assertEquals(List.of(), PostingRules.checkContact("13800138000", null));
        assertEquals(List.of(), PostingRules.checkContact(null, "a@example.com"));
        assertEquals(List.of(Problem.of("phone", "post.error.phone"), Problem.of("email", "post.error.email")),
                PostingRules.checkContact("123", "nope"));
    }

    @Test
    void textIsTrimmedAndNfcButOtherwiseKeptAsTyped() {
        assertEquals("<b>标题</b> & <script>alert(1)</script>",
                PostingRules.normalise("  <b>标题</b> & <script>alert(1)</script>\n"));
        assertEquals("\u00e9", PostingRules.normalise("e\u0301"), "decomposed é becomes one code point");
        assertEquals("𠮷野家𡃁😀", PostingRules.normalise(" 𠮷野家𡃁😀 "));
        assertNull(PostingRules.normalise("   \t\n"));
        assertNull(PostingRules.normalise(null));
    }

    @Test
    void lengthsCountCharactersAsReadersDoNotUtf16Units() {
        String hundredRare = "𠮷".repeat(100);
        assertEquals(200, hundredRare.length());
        assertEquals(100, PostingRules.length(hundredRare));
        assertTrue(PostingRules.checkText("title", hundredRare, PostingRules.TITLE_MAX, true).isEmpty());
        assertEquals(Problem.of("title", "post.error.tooLong", 100, 101),
                PostingRules.checkText("title", hundredRare + "a", PostingRules.TITLE_MAX, true).orElseThrow());
        assertEquals(Problem.of("body", "post.error.required"),
                PostingRules.checkText("body", null, PostingRules.BODY_MAX, true).orElseThrow());
        assertTrue(PostingRules.checkText("body", "字".repeat(2000), PostingRules.BODY_MAX, true).isEmpty());
        assertTrue(PostingRules.checkText("body", "字".repeat(2001), PostingRules.BODY_MAX, true).isPresent());
        assertTrue(PostingRules.checkText("displayName", null, PostingRules.DISPLAY_NAME_MAX, false).isEmpty());
    }

    @Test
    void bannedWordsMatchIgnoringCaseWidthAndSpacesAndAnEmptyListBansNothing() {
        List<String> words = PostingRules.parseWords(" 发票 ，Casino, ,代开");
        assertEquals(List.of("发票", "casino", "代开"), words);
        assertTrue(PostingRules.containsBanned(words, "正常标题", "低价代 开发票"));
        assertTrue(PostingRules.containsBanned(words, "ＣＡＳＩＮＯ online"));
        assertFalse(PostingRules.containsBanned(words, "小区门口停车难", null));
        assertFalse(PostingRules.containsBanned(PostingRules.parseWords(""), "发票"));
        assertEquals(List.of(), PostingRules.parseWords(null));
    }

    @Test
    void fileNamesLoseFolderPartsAndControlCharacters() {
        assertEquals("photo.jpg", PostingRules.safeFileName("C:\\Users\\zs\\photo.jpg"));
        assertEquals("passwd", PostingRules.safeFileName("../../etc/passwd"));
        assertEquals("照片.png", PostingRules.safeFileName("照片\u0000.png"));
        assertEquals("file", PostingRules.safeFileName("  "));
    }
}
