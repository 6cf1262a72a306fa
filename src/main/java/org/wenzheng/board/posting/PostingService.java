package org.wenzheng.board.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Attachment;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.Rating;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.deadline.DeadlinePolicy;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.deadline.admin.CaseDueDates;
import org.wenzheng.handling.Reply;
import org.wenzheng.handling.ReplyStatus;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Unit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The citizen's use cases, public and unauthenticated: post a message, follow it by tracking code, rate a published
 * reply, add a follow-up. The tracking code is the only key to a message's private view; wrong codes are throttled
 * per client. Nothing the citizen writes becomes public here: a message starts SUBMITTED (or HELD) and not visible.
 * Contact data and client addresses never leave this class, in a view, a log line or an audit entry.
 */
@ApplicationScoped
public class PostingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageWriter writer;

    @Inject
    PostingSettings settings;

    @Inject
    TrackingThrottle throttle;

    @Inject
    PeopleService people;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ReplyRated> replyRated;

    @Inject
    Clock clock;

    @Inject
    DeadlineService deadlines;

    @Inject
    CaseDueDates dueDates;

    /** Active topics in the administrator's order. */
    public List<Category> activeCategories() {
        return em.createQuery("select c from Category c where c.active = true order by c.sortOrder, c.code",
                Category.class).getResultList();
    }

    /** The units a citizen may address; choosing none ("不清楚") is fine. */
    public List<Unit> activeUnits() {
        return people.activeUnits();
    }

    /** The reply time the citizen can expect, as the administrator's deadline policy states it. */
    public DeadlinePolicy deadlinePolicy() {
        return deadlines.policy();
    }

    /**
     * Posts a message, or returns the first result of an earlier request with the same idempotency key.
     *
     * @throws PostingRefused with the problems, by field, when nothing was stored
     */
    public Posted post(PostingRequest request, PostingOrigin origin) {
        try {
            return writer.write(request, origin);
        } catch (TransactionalException | PersistenceException e) {
            // Two requests with one key at once: the unique index let only the first commit; answer with it.
            Optional<Posted> first = writer.findByIdempotencyKey(origin.channel(), origin.idempotencyKey());
            if (first.isPresent()) {
                return first.get();
            }
            throw e;
        }
    }

    /** A key for throttling a client without keeping its address. */
    public String clientKey(String clientAddress) {
        return settings.keyedHash("client", clientAddress == null ? "" : clientAddress);
    }

    /**
     * The citizen's view of the message with this tracking code.
     *
     * @param clientKey from {@link #clientKey} for the web, or a channel's name
     * @throws PostingRefused THROTTLED after too many wrong codes, UNKNOWN_CODE for a code that finds nothing
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TrackingView track(String typedCode, String clientKey) {
        return view(find(typedCode, clientKey));
    }

    /**
     * Rates a published reply of the message's lead case, once. 不满意 needs a reason and is passed on as
     * {@link ReplyRated}, in this transaction, for the case to be handled again (重办).
     */
    @Transactional
    public TrackingView rate(String typedCode, String clientKey, Long replyId, Rating.Grade grade, String reason) {
        Message m = find(typedCode, clientKey);
        String why = PostingRules.normalise(reason);
        if (grade == null) {
            throw new PostingRefused(PostingRefused.Reason.INVALID, Problem.of("grade", "track.error.grade"));
        }
        if (grade == Rating.Grade.DISSATISFIED && why == null) {
            throw new PostingRefused(PostingRefused.Reason.INVALID, Problem.of("reason", "track.error.reasonRequired"));
        }
        PostingRules.checkText("reason", why, PostingRules.RATING_REASON_MAX, false).ifPresent(p -> {
            throw new PostingRefused(PostingRefused.Reason.INVALID, p);
        });
        Reply reply = publishedLeadReplies(m.getId()).stream().filter(r -> r.getId().equals(replyId)).findFirst()
                .orElseThrow(() -> new PostingRefused(PostingRefused.Reason.INVALID,
                        Problem.of("grade", "track.error.noSuchReply")));
        if (!ratings(List.of(reply.getId())).isEmpty()) {
            throw new PostingRefused(PostingRefused.Reason.INVALID, Problem.of("grade", "track.error.alreadyRated"));
        }
        Rating rating = new Rating(m, reply, grade, why, OffsetDateTime.now(clock));
        em.persist(rating);
        em.flush();
        audit.record("citizen", "CITIZEN", "REPLY_RATED", "reply", reply.getId(), null,
                "{\"message\":" + m.getId() + ",\"grade\":\"" + grade + "\"}");
        replyRated.fire(new ReplyRated(m.getId(), reply.getId(), grade));
        return view(m);
    }

    /** Adds a follow-up (追问) to the citizen's own message. */
    @Transactional
    public TrackingView addFollowUp(String typedCode, String clientKey, String body) {
        Message m = find(typedCode, clientKey);
        String text = PostingRules.normalise(body);
        PostingRules.checkText("followUp", text, PostingRules.FOLLOW_UP_MAX, true).ifPresent(p -> {
            throw new PostingRefused(PostingRefused.Reason.INVALID, p);
        });
        FollowUp f = new FollowUp(m, text, OffsetDateTime.now(clock));
        em.persist(f);
        em.flush();
        audit.record("citizen", "CITIZEN", "FOLLOW_UP_ADDED", "message", m.getId(), null,
                "{\"followUp\":" + f.getId() + "}");
        return view(m);
    }

    private Message find(String typedCode, String clientKey) {
        Optional<Instant> blocked = throttle.blockedUntil(clientKey);
        if (blocked.isPresent()) {
            throw new PostingRefused(PostingRefused.Reason.THROTTLED,
                    Problem.of("code", "track.error.throttled", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .format(blocked.get().atZone(org.wenzheng.common.ClockProducer.ZONE))));
        }
        Optional<Message> found = TrackingCode.normalise(typedCode).flatMap(code -> em.createQuery(
                        "select m from Message m where m.trackingCode = :c", Message.class)
                .setParameter("c", code).getResultList().stream().findFirst());
        if (found.isEmpty()) {
            throw unknown(clientKey);
        }
        return found.get();
    }

    private PostingRefused unknown(String clientKey) {
        throttle.recordFailure(clientKey);
        return new PostingRefused(PostingRefused.Reason.UNKNOWN_CODE, Problem.of("code", "track.error.unknown"));
    }

    private List<Reply> publishedLeadReplies(Long messageId) {
        return em.createQuery("""
                        select r from Reply r join r.handlingCase c
                        where c.message.id = :m and c.unitRole = :lead and r.status = :published
                        order by r.publishedAt, r.id""", Reply.class)
                .setParameter("m", messageId).setParameter("lead", UnitRole.LEAD)
                .setParameter("published", ReplyStatus.PUBLISHED).getResultList();
    }

    private Map<Long, Rating> ratings(List<Long> replyIds) {
        if (replyIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select r from Rating r where r.reply.id in :ids", Rating.class)
                .setParameter("ids", replyIds).getResultList().stream()
                .collect(Collectors.toMap(r -> r.getReply().getId(), Function.identity()));
    }

    private TrackingView view(Message m) {
        List<Reply> replies = publishedLeadReplies(m.getId());
        Map<Long, Rating> rated = ratings(replies.stream().map(Reply::getId).toList());
        List<TrackingView.ReplyInfo> replyInfos = replies.stream().map(r -> {
            Unit u = r.getHandlingCase().getUnit();
            Rating rating = rated.get(r.getId());
            return new TrackingView.ReplyInfo(r.getId(), r.getBodyHtml(), r.getPublishedAt(), u.getName(),
                    u.getNameEn(), rating == null ? null : rating.getGrade(),
                    rating == null ? null : rating.getReason(), rating == null ? null : rating.getRatedAt());
        }).toList();
        List<TrackingView.FollowUpInfo> followUps = em.createQuery(
                        "select f from FollowUp f where f.message.id = :m order by f.postedAt, f.id", FollowUp.class)
                .setParameter("m", m.getId()).getResultList().stream()
                .map(f -> new TrackingView.FollowUpInfo(f.getId(), f.getBody(), f.getPostedAt())).toList();
        List<TrackingView.AttachmentInfo> files = em.createQuery(
                        "select a from Attachment a where a.message.id = :m order by a.id", Attachment.class)
                .setParameter("m", m.getId()).getResultList().stream()
                .map(a -> new TrackingView.AttachmentInfo(a.getFileName(), a.getContentType(), a.getSizeBytes()))
                .toList();
        // HELD is the office's business: to the citizen it is just a message waiting for intake.
        MessageStatus shown = m.getStatus() == MessageStatus.HELD ? MessageStatus.SUBMITTED : m.getStatus();
        Category c = m.getCategory();
        Unit u = m.getTargetUnit();
        Message merged = m.getMergedInto();
        DueDate due = dueDates.explain(m).orElse(null);
        return new TrackingView(m.getId(), TrackingCode.display(m.getTrackingCode()), m.getTitle(), m.getBody(),
                m.getKind(), shown, shown.publicStep(), m.isPrivateMessage(), m.isPublicVisible(),
                c == null ? null : c.getName(), c == null ? null : c.getNameEn(),
                u == null ? null : u.getName(), u == null ? null : u.getNameEn(), m.getPostedAt(), m.getDueAt(),
                m.getStatus() == MessageStatus.REJECTED ? m.getRejectedReason() : null,
                merged == null ? null : merged.getId(), merged != null && merged.isPublicVisible(),
                files, replyInfos, followUps, due == null ? null : due.explainZh(),
                due == null ? null : due.explainEn());
    }
}
