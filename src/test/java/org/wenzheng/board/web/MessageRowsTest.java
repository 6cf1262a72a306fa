package org.wenzheng.board.web;

import org.junit.jupiter.api.Test;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.PublicMessage;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.TimeFormat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessageRowsTest {

    private static MessageRows rows(Locale reader) {
        MessageRows rows = new MessageRows();
        rows.locale = new LocaleBean() {
            @Override
            public Locale getLocale() {
                return reader;
            }
        };
        rows.time = new TimeFormat();
        return rows;
    }

    @Test
    void aRowHasItsLabelsAndItsDatesInShanghai() {
        // 17:30 UTC on the 23rd is already the 24th in Asia/Shanghai.
        PublicMessage replied = new PublicMessage(7L, "<b>噪音</b>𠮷", MessageKind.COMPLAINT, "环保局", "Environment",
                null, null, OffsetDateTime.parse("2026-11-23T17:30:00Z"), MessageStatus.REPLIED,
                OffsetDateTime.parse("2026-11-25T01:00:00Z"));
        PublicMessage waiting = new PublicMessage(8L, "停车", MessageKind.QUESTION, null, null, null, null,
                OffsetDateTime.parse("2026-11-24T02:00:00Z"), MessageStatus.REGISTERED, null);

        List<MessageRow> list = rows(LocaleBean.CHINESE).of(List.of(replied, waiting));

        assertEquals(new MessageRow(7L, "<b>噪音</b>𠮷", "投诉", "环保局", "2026-11-24", 4, "已答复",
                "答复时间 2026-11-25"), list.get(0), "the title as written: the list escapes it when it writes it");
        assertEquals(new MessageRow(8L, "停车", "咨询", "待分办", "2026-11-24", 1, "已受理", "尚未答复"), list.get(1));
    }

    @Test
    void anEnglishReaderSeesEnglishLabelsAndTheUnitsEnglishNameWhereThereIsOne() {
        PublicMessage named = new PublicMessage(1L, "t", MessageKind.OTHER, "环保局", "Environment", null, null,
                OffsetDateTime.parse("2026-11-24T02:00:00Z"), MessageStatus.ROUTED, null);
        PublicMessage unnamed = new PublicMessage(2L, "t", MessageKind.OTHER, "城管局", "", null, null,
                OffsetDateTime.parse("2026-11-24T02:00:00Z"), MessageStatus.ROUTED, null);

        List<MessageRow> list = rows(Locale.ENGLISH).of(List.of(named, unnamed));

        assertEquals("Environment", list.get(0).unit());
        assertEquals("城管局", list.get(1).unit());
        assertEquals("Other", list.get(0).kind());
        assertEquals("Forwarded", list.get(0).stepLabel());
        assertEquals("Not answered yet", list.get(0).replied());
    }
}
