package org.wenzheng.handling;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.handling.ReplyCheck.Warning;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyCheckTest {

    private static final SearchTokenizer TOKENIZER = new SearchTokenizer();
    private static final String TITLE = "滨江路夜市占道经营";
    private static final String BODY = "每晚滨江路两侧摊位占满人行道，行人只能走机动车道，很危险。";

    private static List<Warning> check(String replyHtml) {
        return ReplyCheck.check(TOKENIZER, TITLE, BODY, replyHtml);
    }

    @Test
    void aReplyOnTheMatterPasses() {
        assertEquals(List.of(), check("<p>您好！经我局执法大队现场核查，滨江路夜市摊位确有占用人行道的情况，"
                + "已责令摊主退回划定区域经营，并安排每晚巡查。</p>"));
    }

    @Test
    void aReplyAboutSomethingElseSharesNoKeyTerm() {
        List<Warning> w = check("<p>您好，关于供水管道漏水的问题，自来水公司已于昨日更换阀门，恢复正常供水。</p>");
        assertEquals(List.of(Warning.NO_COMMON_TERMS), w);
    }

    @Test
    void commonOfficeWordsAreNoOverlap() {
        assertTrue(ReplyCheck.commonTerms(TOKENIZER, "反映的问题情况", "您反映的问题情况我们正在处理").isEmpty());
        assertFalse(ReplyCheck.commonTerms(TOKENIZER, BODY, "人行道已清理").isEmpty());
    }

    @Test
    void emptyOrStockPhrasesOnlyIsBoilerplate() {
        assertTrue(check("<p>您的留言已收悉，正在处理。</p>").contains(Warning.BOILERPLATE));
        assertTrue(check("<p>已收悉。感谢您的关注！我们将尽快处理，请耐心等待。</p>").contains(Warning.BOILERPLATE));
        assertTrue(check("<p>好的</p>").contains(Warning.BOILERPLATE));
        assertTrue(check("").contains(Warning.BOILERPLATE));
        assertFalse(check("<p>已收悉。滨江路夜市摊位已全部退回划定区域，人行道恢复通行。</p>").contains(Warning.BOILERPLATE));
    }

    @Test
    void mobileNumbersAreFound() {
        String html = "<p>滨江路夜市摊位已清理，人行道恢复通行，联系人电话 13912345678。</p>";
        assertEquals(List.of(Warning.MOBILE_NUMBER), check(html));
        assertTrue(check("<p>滨江路夜市摊位已清理，人行道恢复通行，请拨 139-1234-5678。</p>").contains(Warning.MOBILE_NUMBER));
        assertFalse(check("<p>滨江路夜市摊位已清理，人行道恢复通行，热线 12345 或 0731-88886666。</p>")
                .contains(Warning.MOBILE_NUMBER));
    }

    @Test
    void idNumbersCountOnlyWithARightCheckDigit() {
        assertTrue(ReplyCheck.validId("11010519491231002X"));
        assertTrue(ReplyCheck.validId("440524188001010014"));
        assertFalse(ReplyCheck.validId("110105194912310021"));
        String withId = "<p>滨江路夜市摊主（身份证 11010519491231002X）已退回划定区域，人行道恢复通行。</p>";
        assertEquals(List.of(Warning.ID_NUMBER), check(withId));
        String wrongCheck = "<p>滨江路夜市摊位已清理，人行道恢复通行，案卷号 110105194912310021。</p>";
        assertFalse(check(wrongCheck).contains(Warning.ID_NUMBER));
    }

    @Test
    void emailAddressesAreFound() {
        assertEquals(List.of(Warning.EMAIL_ADDRESS),
                check("<p>滨江路夜市摊位已清理，人行道恢复通行，如有疑问请写信至 zhang.san@example.com。</p>"));
    }
}
