package org.wenzheng.batch;

import org.wenzheng.common.ClockProducer;
import org.wenzheng.common.pdf.ChinesePdf;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The forwarding slip as a printable A4 PDF in Chinese (it is an official document, so always Chinese): header
 * "网络舆情抄告单", batch number and date, then one block per message with a box for the leader's instruction (批办意见),
 * and "第 X 页 共 Y 页" on every page.
 */
final class SlipPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SlipPdf() {
    }

    static byte[] render(Slip slip, String issuer) {
        ResourceBundle zh = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE, SlipPdf.class.getClassLoader());
        BatchSummary b = slip.batch();
        String date = b.cutAt().atZoneSameInstant(ClockProducer.ZONE).format(DATE);
        try (ChinesePdf pdf = ChinesePdf.a4("网络舆情抄告单 " + b.label(), issuer)) {
            pdf.centred("网络舆情抄告单", 22).space(6)
                    .centred(b.label() + "　　" + date + "　　共 " + slip.lines().size() + " 条", 12)
                    .space(4).rule();
            for (SlipLine line : slip.lines()) {
                String meta = "提交时间：" + line.postedAt().atZoneSameInstant(ClockProducer.ZONE).format(DATE_TIME)
                        + "　类别：" + zh.getString("kind." + line.kind().name())
                        + (line.urgent() ? "　（紧急）" : "");
                String unit = line.suggestedUnit() == null ? "待定" : line.suggestedUnit()
                        + (line.suggestionWhy() == null ? "" : "（" + MessageFormat.format(
                        zh.getString("routing.why." + line.suggestionWhy()), line.suggestionDetail(),
                        line.suggestedUnit()) + "）");
                String due = line.dueAt() == null ? "" : line.dueAt().atZoneSameInstant(ClockProducer.ZONE).format(DATE_TIME);
                float height = pdf.fieldHeight(null, line.seq() + "．" + line.title(), 13)
                        + pdf.fieldHeight(null, meta, 10.5f) + pdf.fieldHeight("内容", line.body(), 10.5f)
                        + pdf.fieldHeight("建议承办单位", unit + "　办理时限：" + due, 10.5f) + 80;
                // A block starts on a new page if it fits on one; a very long message flows over pages.
                pdf.keepTogether(Math.min(height, 600)).space(6)
                        .paragraph(line.seq() + "．" + line.title(), 13)
                        .paragraph(meta, 10.5f)
                        .field("内容", line.body(), 10.5f)
                        .field("建议承办单位", unit + "　办理时限：" + due, 10.5f)
                        .writingBox("批办意见", 64, 10.5f)
                        .space(4);
            }
            return pdf.finish("网络舆情抄告单 · " + b.label(), (page, pages) -> "第 " + page + " 页 共 " + pages + " 页");
        }
    }
}
