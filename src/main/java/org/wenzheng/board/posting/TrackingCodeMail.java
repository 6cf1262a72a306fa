package org.wenzheng.board.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.board.Message;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.common.mail.MailOutbox;

/**
 * The mail that gives a citizen their tracking code, queued in the posting's own transaction (so it exists exactly
 * when the message does) and sent by the outbox. Chinese first, with an English line, since the citizen chose no
 * language by mail. The link uses wz.site.url, the portal's public address.
 */
@ApplicationScoped
public class TrackingCodeMail {

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "wz.site.url", defaultValue = "http://localhost:8080")
    String siteUrl;

    void queue(Message m, String email) {
        String code = TrackingCode.display(m.getTrackingCode());
        String link = siteUrl.replaceAll("/+$", "") + "/track/index.xhtml?code=" + code;
        String body = "您好：\n\n您的留言《" + m.getTitle() + "》已收到。\n查询码：" + code + "\n"
                + "凭查询码可随时查看办理进度、答复和评价答复：" + link + "\n"
                + "查询码是查看和评价您留言的唯一凭证，请妥善保管，不要告诉他人。\n\n"
                + "Your message has been received. Tracking code: " + code + "\nFollow it at: " + link + "\n";
        outbox.enqueue(email, "您的留言已收到，查询码 " + code, body, "message", m.getId());
    }
}
