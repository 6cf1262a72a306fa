package org.wenzheng.supervision;

import org.wenzheng.common.pdf.ChinesePdf;
import org.wenzheng.supervision.SupervisionViews.NoticeView;

/** 督办通知单 as an A4 page: number, unit, the case, its due, how late, what is required, issuer and date. */
final class NoticePdf {

    private NoticePdf() {
    }

    static byte[] render(NoticeView n) {
        try (ChinesePdf pdf = ChinesePdf.a4("督办通知单 " + n.number(), n.issuedBy())) {
            pdf.centred("督办通知单", 22).space(4).centred(n.number(), 13).space(10).rule().space(6);
            pdf.field("被督办单位", n.unitName(), 12);
            pdf.field("留言标题", n.messageTitle(), 12);
            pdf.field("留言摘要", n.messageSummary(), 11);
            pdf.field("办理时限", SupervisionMail.time(n.dueAt()), 12);
            pdf.field("超期情况", n.daysOverdue() > 0 ? "已超过办理时限 " + n.daysOverdue() + " 个工作日"
                    : "已超过办理时限（不足一个工作日）", 12);
            pdf.space(8);
            pdf.paragraph("该留言已超过办理时限，至今既未提交答复，也未作情况说明。请你单位接此通知后，于一个工作日内"
                    + "通过网络问政系统提交答复，或提交书面情况说明（说明未能按时答复的原因及预计答复时间）。", 12);
            pdf.space(14);
            pdf.field("督办人", n.issuedBy(), 12);
            pdf.field("签发日期", SupervisionMail.time(n.issuedAt()).substring(0, 10), 12);
            if (n.answered()) {
                pdf.space(10).rule();
                pdf.field("回复情况", (n.answerKind() == OverdueNotice.AnswerKind.REPLY ? "已提交答复" : "已提交情况说明")
                        + "（" + SupervisionMail.time(n.answeredAt()) + "）", 11);
                if (n.answerText() != null) {
                    pdf.field("情况说明", n.answerText(), 11);
                }
            }
            return pdf.finish("网络问政 · 督办通知单 " + n.number(), (page, pages) -> "第 " + page + " 页 共 " + pages + " 页");
        }
    }
}
