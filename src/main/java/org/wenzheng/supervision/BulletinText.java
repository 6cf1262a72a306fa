package org.wenzheng.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The generated text of a bulletin, in Chinese (bulletins are published on the Chinese board). */
final class BulletinText {

    private BulletinText() {
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String body(LocalDate from, LocalDate to, OffsetDateTime now, List<BulletinLine> lines) {
        int due = lines.stream().mapToInt(BulletinLine::getDueCount).sum();
        int onTime = lines.stream().mapToInt(BulletinLine::getOnTimeCount).sum();
        int rate = due == 0 ? 100 : (int) Math.round(100.0 * onTime / due);
        StringBuilder sb = new StringBuilder(SupervisionMail.zh("bulletin.text.summary", date(from), date(to),
                String.valueOf(lines.size()), String.valueOf(due), String.valueOf(onTime), String.valueOf(rate)));
        List<BulletinLine> named = lines.stream().filter(BulletinLine::isNamed).toList();
        sb.append("\n\n");
        if (named.isEmpty()) {
            sb.append(SupervisionMail.zh("bulletin.text.noneNamed"));
        } else {
            sb.append(SupervisionMail.zh("bulletin.text.named", SupervisionMail.time(now)));
            int i = 1;
            for (BulletinLine l : named) {
                sb.append('\n').append(SupervisionMail.zh("bulletin.text.line", String.valueOf(i++), l.getUnitName(),
                        String.valueOf(l.getUnansweredCount()), String.valueOf(l.getDueCount()),
                        String.valueOf(l.getOnTimePercent())));
            }
            sb.append("\n\n").append(SupervisionMail.zh("bulletin.text.demand"));
        }
        return sb.toString();
    }
}
