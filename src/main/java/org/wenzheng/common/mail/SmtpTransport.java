package org.wenzheng.common.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Jakarta Mail over SMTP, configured by MicroProfile Config: wz.mail.host (empty = no mail server; mail waits in the
 * outbox), wz.mail.port, wz.mail.from, wz.mail.username / wz.mail.password (optional), wz.mail.starttls.
 */
@ApplicationScoped
public class SmtpTransport implements MailTransport {

    @Inject
    @ConfigProperty(name = "wz.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "wz.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "wz.mail.from", defaultValue = "noreply@wenzheng.invalid")
    String from;

    @Inject
    @ConfigProperty(name = "wz.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "wz.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "wz.mail.starttls", defaultValue = "false")
    boolean starttls;

    private Session session;

    @PostConstruct
    void init() {
        Properties p = new Properties();
        p.put("mail.smtp.host", host.orElse(""));
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        Authenticator auth = null;
        if (username.isPresent() && !username.get().isBlank()) {
            p.put("mail.smtp.auth", "true");
            String user = username.get();
            String pass = password.orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, pass);
                }
            };
        }
        session = Session.getInstance(p, auth);
    }

    @Override
    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** Plain text, or multipart/mixed with the text first when there are attachments. */
    @Override
    public void send(String recipient, String subject, String body, List<MailAttachment> attachments)
            throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        if (attachments.isEmpty()) {
            m.setText(body, StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name());
            parts.addBodyPart(text);
            for (MailAttachment a : attachments) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                file.setFileName(MimeUtility.encodeText(a.fileName(), StandardCharsets.UTF_8.name(), "B"));
                file.setDisposition(Part.ATTACHMENT);
                parts.addBodyPart(file);
            }
            m.setContent(parts);
        }
        m.setSentDate(new Date());
        Transport.send(m);
    }
}
