package org.wenzheng.handling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One kept version of a reply's text: every save that changed the text adds one, numbered per reply. The reply row
 * itself only holds the latest text; these are the history of the draft in the case record.
 */
@Entity
@Table(name = "reply_draft")
public class ReplyDraft {

    @Id
    @SequenceGenerator(name = "reply_draft_seq", sequenceName = "reply_draft_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reply_draft_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reply_id", nullable = false)
    private Reply reply;

    @Column(nullable = false)
    private int number;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "saved_by", nullable = false, length = 60)
    private String savedBy;

    @Column(name = "saved_at", nullable = false)
    private OffsetDateTime savedAt;

    @Column(nullable = false)
    private boolean autosave;

    protected ReplyDraft() {
    }

    public ReplyDraft(Reply reply, int number, String bodyHtml, String savedBy, OffsetDateTime savedAt,
                      boolean autosave) {
        this.reply = reply;
        this.number = number;
        this.bodyHtml = bodyHtml;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
        this.autosave = autosave;
    }

    public Long getId() { return id; }
    public Reply getReply() { return reply; }
    public int getNumber() { return number; }
    public String getBodyHtml() { return bodyHtml; }
    public String getSavedBy() { return savedBy; }
    public OffsetDateTime getSavedAt() { return savedAt; }
    public boolean isAutosave() { return autosave; }
}
