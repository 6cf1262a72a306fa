package org.wenzheng.board;

import org.wenzheng.common.PublicContent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.wenzheng.handling.Reply;

import java.time.OffsetDateTime;

/** The citizen's rating (满意度) of one published reply; at most one per reply. */
@PublicContent
@Entity
@Table(name = "rating")
public class Rating {

    /** 满意 / 基本满意 / 不满意; 不满意 needs a reason and sends the case back for handling again. */
    public enum Grade { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    @Id
    @SequenceGenerator(name = "rating_seq", sequenceName = "rating_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rating_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id", nullable = false)
    private Message message;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reply_id", nullable = false, unique = true)
    private Reply reply;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Grade grade;

    @Column(length = 500)
    private String reason;

    @Column(name = "rated_at", nullable = false)
    private OffsetDateTime ratedAt;

    protected Rating() {
    }

    public Rating(Message message, Reply reply, Grade grade, String reason, OffsetDateTime ratedAt) {
        this.message = message;
        this.reply = reply;
        this.grade = grade;
        this.reason = reason;
        this.ratedAt = ratedAt;
    }

    public Long getId() { return id; }
    public Message getMessage() { return message; }
    public Reply getReply() { return reply; }
    public Grade getGrade() { return grade; }
    public String getReason() { return reason; }
    public OffsetDateTime getRatedAt() { return ratedAt; }
}
