package org.wenzheng.supervision;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On-time rates, naming, the notice number and the generated bulletin text. */
class BulletinLineTest {

    @Test
    void aUnitIsNamedOnlyForCasesWithNeitherReplyNorExplanation() {
        BulletinLine late = new BulletinLine(1L, "城市管理局", 3, 1, 2);
        assertTrue(late.isNamed());
        assertEquals(33, late.getOnTimePercent());
        BulletinLine good = new BulletinLine(2L, "交通运输局", 4, 4, 0);
        assertFalse(good.isNamed());
        assertEquals(100, good.getOnTimePercent());
        assertEquals(100, new BulletinLine(3L, "空", 0, 0, 0).getOnTimePercent());
    }

    @Test
    void noticeNumbersPrintAsTheOfficeWritesThem() {
        assertEquals("〔2026〕第12号", OverdueNotice.numberText(2026, 12));
    }

    @Test
    void theBodyNamesTheLateUnitsWithTheirFigures() {
        String body = BulletinText.body(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15),
                OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
                List.of(new BulletinLine(1L, "城市管理局", 3, 1, 2), new BulletinLine(2L, "交通运输局", 4, 4, 0)));
        assertTrue(body.startsWith("2026年11月1日至2026年11月15日，2个单位共有 7 件留言到期，按时答复 5 件，按时答复率 71%。"),
                body);
        assertTrue(body.contains("1. 城市管理局：超期未答复未说明 2 件（到期 3 件，按时答复率 33%）"), body);
        assertFalse(body.contains("交通运输局："), body);
    }
}
