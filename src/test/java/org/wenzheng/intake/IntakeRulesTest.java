package org.wenzheng.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.search.SearchTokenizer;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intake state rules: register, reject and merge transitions, merge chains, reasons and the major alert. */
class IntakeRulesTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");

    private static Message message(String title) {
        return new Message("ABCDEFGHJKMN", MessageKind.COMPLAINT, title, "晚上很吵", T);
    }

    private static Message registered(String title) {
        Message m = message(title);
        m.register(null, T, Severity.ORDINARY, WarningColour.BLUE, false, true);
        return m;
    }

    @Test
    void registeringSetsTheOfficersKindAndTopicAndKeepsTheCitizensWhenNoneIsGiven() {
        Category env = new Category("ENV", "环境保护", "Environment", 30);
        Message m = message("噪音扰民");
        m.register(null, T, MessageKind.HELP, env, Severity.SIGNIFICANT, WarningColour.YELLOW, true, true);
        assertEquals(MessageStatus.REGISTERED, m.getStatus());
        assertEquals(MessageKind.HELP, m.getKind());
        assertSame(env, m.getCategory());
        assertEquals(Severity.SIGNIFICANT, m.getSeverity());
        assertEquals(WarningColour.YELLOW, m.getWarningColour());
        assertTrue(m.isUrgent());
        assertTrue(m.isPublicVisible());

        Message kept = message("噪音扰民");
        kept.register(null, T, null, null, Severity.ORDINARY, WarningColour.BLUE, false, false);
        assertEquals(MessageKind.COMPLAINT, kept.getKind());
        assertNull(kept.getCategory());
        assertFalse(kept.isPublicVisible());
    }

    @Test
    void aHeldMessageCanBeRegisteredRejectedOrMergedLikeANewOne() throws Exception {
        Message held = message("含敏感词");
        setStatus(held, MessageStatus.HELD);
        assertTrue(held.isWaitingForIntake());
        held.reject(null, T, "含有不文明用语");
        assertEquals(MessageStatus.REJECTED, held.getStatus());
        assertFalse(held.isWaitingForIntake());
    }

    @Test
    void mergingPointsAtTheTargetAndIsNeverPublic() {
        Message target = registered("楼下烧烤店噪音");
        Message dup = message("烧烤店夜间噪音");
        dup.mergeInto(null, T, target);
        assertEquals(MessageStatus.MERGED, dup.getStatus());
        assertSame(target, dup.getMergedInto());
        assertFalse(dup.isPublicVisible());
        assertEquals(T, dup.getRegisteredAt());
    }

    @Test
    void mergeChainsAndMergingIntoUnacceptedOrSelfAreRefused() {
        Message target = registered("目标");
        Message merged = message("已合并");
        merged.mergeInto(null, T, target);

        Message another = message("又一条");
        assertThrows(IllegalStateException.class, () -> another.mergeInto(null, T, merged), "no merge chains");
        IntakeException chain = assertThrows(IntakeException.class,
                () -> IntakeRules.requireMergeTarget(another, merged));
        assertEquals("intake.error.mergeChain", chain.getKey());
        assertEquals(IntakeException.Reason.CONFLICT, chain.getReason());

        Message waiting = message("未受理");
        assertThrows(IllegalStateException.class, () -> another.mergeInto(null, T, waiting));
        assertEquals("intake.error.mergeTargetNotAccepted",
                assertThrows(IntakeException.class, () -> IntakeRules.requireMergeTarget(another, waiting)).getKey());

        Message rejected = message("已驳回");
        rejected.reject(null, T, "重复");
        assertEquals("intake.error.mergeTargetNotAccepted",
                assertThrows(IntakeException.class, () -> IntakeRules.requireMergeTarget(another, rejected)).getKey());

        assertThrows(IllegalArgumentException.class, () -> another.mergeInto(null, T, another));
        assertEquals("intake.error.mergeSelf",
                assertThrows(IntakeException.class, () -> IntakeRules.requireMergeTarget(another, another)).getKey());
        assertEquals(MessageStatus.SUBMITTED, another.getStatus(), "nothing changed by the refusals");
    }

    @ParameterizedTest
    @EnumSource(value = MessageStatus.class, names = {"SUBMITTED", "HELD"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyWaitingMessagesCanBeActedOn(MessageStatus status) throws Exception {
        Message m = message("状态");
        setStatus(m, status);
        IntakeException e = assertThrows(IntakeException.class, () -> IntakeRules.requireWaiting(m));
        assertEquals("intake.error.notWaiting", e.getKey());
        assertEquals(List.of("intake.status." + status), Arrays.asList(e.getArgs()));
        assertThrows(IllegalStateException.class, () -> m.reject(null, T, "x"));
        assertThrows(IllegalStateException.class, () -> m.mergeInto(null, T, registered("目标")));
    }

    @Test
    void aStaleVersionIsAConflict() {
        Message m = message("版本");
        IntakeRules.requireVersion(m, 0);
        IntakeException e = assertThrows(IntakeException.class, () -> IntakeRules.requireVersion(m, 1));
        assertEquals("intake.error.changed", e.getKey());
        assertEquals(IntakeException.Reason.CONFLICT, e.getReason());
    }

    @Test
    void theRejectionReasonIsRequiredAndAtMost500Characters() {
        assertEquals("intake.error.reasonRequired",
                assertThrows(IntakeException.class, () -> IntakeRules.requireReason("  ")).getKey());
        assertEquals("intake.error.reasonRequired",
                assertThrows(IntakeException.class, () -> IntakeRules.requireReason(null)).getKey());
        assertEquals("不属于本地管辖", IntakeRules.requireReason("  不属于本地管辖 \n"));
        assertEquals(500, IntakeRules.requireReason("理".repeat(500)).length());
        assertEquals("intake.error.reasonTooLong",
                assertThrows(IntakeException.class, () -> IntakeRules.requireReason("理".repeat(501))).getKey());
        // Counted in characters, not UTF-16 units: 500 emoji are 1,000 chars but fine.
        assertEquals(1000, IntakeRules.requireReason("😀".repeat(500)).length());
    }

    @Test
    void severityAndColourAreRequiredToRegister() {
        assertEquals("intake.error.classificationRequired", assertThrows(IntakeException.class,
                () -> IntakeRules.requireClassification(new Classification(null, null, null, WarningColour.RED,
                        false, true))).getKey());
        assertEquals("intake.error.classificationRequired", assertThrows(IntakeException.class,
                () -> IntakeRules.requireClassification(new Classification(null, null, Severity.MAJOR, null,
                        false, true))).getKey());
        IntakeRules.requireClassification(new Classification(null, null, Severity.MAJOR, WarningColour.RED, false,
                true));
    }

    @Test
    void onlyMajorAndExtraordinaryAlertTheLeaders() {
        assertFalse(IntakeRules.alertsLeaders(Severity.ORDINARY));
        assertFalse(IntakeRules.alertsLeaders(Severity.SIGNIFICANT));
        assertTrue(IntakeRules.alertsLeaders(Severity.MAJOR));
        assertTrue(IntakeRules.alertsLeaders(Severity.EXTRAORDINARY));
        assertFalse(IntakeRules.alertsLeaders(null));
    }

    @Test
    void theDuplicateQueryIsAnOrOfTheTextsTokensCappedAndSafe() {
        SearchTokenizer tokenizer = new SearchTokenizer();
        String q = DuplicateQuery.of(tokenizer, "停车收费", "太贵了！' & | ! ( ) :*").orElseThrow();
        List<String> terms = Arrays.asList(q.split(" \\| "));
        assertTrue(terms.containsAll(List.of("停车", "车收", "收费", "太贵", "贵了")), q);
        assertTrue(terms.stream().allMatch(t -> t.matches("[\\p{L}\\p{N}]{2,}")), q);
        assertTrue(DuplicateQuery.of(tokenizer, "!!!", "?").isEmpty());
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            longText.appendCodePoint(0x5000 + i * 7); // 300 different characters: 299 different 2-grams
        }
        assertEquals(DuplicateQuery.MAX_TERMS, DuplicateQuery.of(tokenizer, "标题", longText.toString()).orElseThrow()
                .split(" \\| ").length);
    }

    private static void setStatus(Message m, MessageStatus status) throws Exception {
        var f = Message.class.getDeclaredField("status");
        f.setAccessible(true);
        f.set(m, status);
    }
}
