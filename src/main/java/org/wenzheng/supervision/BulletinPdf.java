package org.wenzheng.supervision;

import org.wenzheng.common.pdf.ChinesePdf;
import org.wenzheng.supervision.SupervisionViews.BulletinView;
import org.wenzheng.supervision.SupervisionViews.LineView;

import java.time.OffsetDateTime;

/** A bulletin as an A4 document: title, period, the text, and every unit's figures. */
final class BulletinPdf {

    private BulletinPdf() {
    }

    static byte[] render(BulletinView b, OffsetDateTime at) {
        try (ChinesePdf pdf = ChinesePdf.a4(b.title(), "网络问政督办")) {
            pdf.centred("通  报", 22).space(4).centred(b.title(), 13).space(8).rule().space(6);
            pdf.paragraph(b.body(), 12);
            pdf.space(12).rule();
            pdf.paragraph("各单位到期留言办理情况（单位：到期件数 / 按时答复件数 / 超期未答复未说明件数 / 按时答复率）", 10.5f);
            for (LineView l : b.lines()) {
                String line = l.unitName() + "：" + l.dueCount() + " / " + l.onTimeCount() + " / "
                        + l.unansweredCount() + " / " + l.onTimePercent() + "%" + (l.named() ? "（通报）" : "");
                pdf.keepTogether(pdf.fieldHeight(null, line, 11)).paragraph(line, 11);
            }
            pdf.space(14);
            pdf.field("发布日期", SupervisionMail.time(at).substring(0, 10), 11);
            return pdf.finish("网络问政 · 通报", (page, pages) -> "第 " + page + " 页 共 " + pages + " 页");
        }
    }
}
