package org.wenzheng.board.posting;

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
import org.wenzheng.board.Message;

import java.time.OffsetDateTime;

/** A follow-up (追问) the citizen adds to their own message with its tracking code. */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    @SequenceGenerator(name = "follow_up_seq", sequenceName = "follow_up_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "follow_up_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id", nullable = false, updatable = false)
    private Message message;

    @Column(nullable = false, length = PostingRules.FOLLOW_UP_MAX, updatable = false)
    private String body;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private OffsetDateTime postedAt;

    protected FollowUp() {
    }

    public FollowUp(Message message, String body, OffsetDateTime postedAt) {
        this.message = message;
        this.body = body;
        this.postedAt = postedAt;
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public String getBody() { return body; }
    public OffsetDateTime getPostedAt() { return postedAt; }
}
