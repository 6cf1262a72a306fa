package org.wenzheng.board.posting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Attachment;
import org.wenzheng.board.Category;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.common.ClockProducer;
import org.wenzheng.people.Unit;
import org.wenzheng.privacy.ContactCrypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The transactional half of {@link PostingService#post}: checks, limits, the message, its files and its audit entry
 * commit together or not at all. Kept apart so that the service can look for the first posting of an idempotency key
 * after this transaction lost a race on it.
 */
@ApplicationScoped
class MessageWriter {

    @PersistenceContext
    EntityManager em;

    @Inject
    TrackingCodeMail trackingMail;

    @Inject
    PostingSettings settings;

    @Inject
    AttachmentStore store;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    AuditTrail audit;

    @Inject
    java.time.Clock clock;

    @Inject
    ContactCrypto contactCrypto;

    @Transactional
    public Posted write(PostingRequest r, PostingOrigin origin) {
        // No contact key (production misconfigured): refuse here with the line that says what to set, before the
        // entity's converter would fail with the citizen's phone in the persistence error.
        contactCrypto.cipher();
        Optional<Posted> earlier = findByIdempotencyKey(origin.channel(), origin.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        String title = PostingRules.normalise(r.title());
        String body = PostingRules.normalise(r.body());
        String displayName = PostingRules.normalise(r.displayName());
        String phone = PostingRules.normalise(r.phone());
        String email = PostingRules.normalise(r.email());

        List<Problem> problems = new ArrayList<>();
        if (r.kind() == null) {
            problems.add(Problem.of("kind", "post.error.required"));
        }
        Category category = r.categoryId() == null ? null : em.find(Category.class, r.categoryId());
        if (category == null || !category.isActive()) {
            problems.add(Problem.of("category", r.categoryId() == null ? "post.error.required" : "post.error.choice"));
        }
        Unit unit = r.unitId() == null ? null : em.find(Unit.class, r.unitId());
        if (r.unitId() != null && (unit == null || !unit.isActive())) {
            problems.add(Problem.of("unit", "post.error.choice"));
        }
        PostingRules.checkText("title", title, PostingRules.TITLE_MAX, true).ifPresent(problems::add);
        PostingRules.checkText("body", body, PostingRules.BODY_MAX, true).ifPresent(problems::add);
        PostingRules.checkText("displayName", displayName, PostingRules.DISPLAY_NAME_MAX, false)
                .ifPresent(problems::add);
        problems.addAll(PostingRules.checkContact(phone, email));
        List<Checked> files = checkAttachments(r.attachments(), problems);
        if (origin.isWeb() && (origin.challenge() == null || !origin.challenge().accepts(origin.challengeAnswer()))) {
            problems.add(Problem.of("challenge", "post.error.challenge"));
        }
        if (!problems.isEmpty()) {
            throw new PostingRefused(PostingRefused.Reason.INVALID, problems);
        }

        OffsetDateTime now = OffsetDateTime.now(clock);
        String clientHash = origin.isWeb() && origin.clientAddress() != null
                ? settings.keyedHash("client", origin.clientAddress()) : null;
        String contactHash = settings.keyedHash("contact",
                phone != null ? PostingRules.phoneKey(phone) : PostingRules.emailKey(email));
        checkLimits(clientHash, contactHash, body, now);

        Message m = new Message(TrackingCode.generate(), r.kind(), title, body, now);
        m.setCategory(category);
        m.setTargetUnit(unit);
        m.setDisplayName(displayName);
        m.setContactPhone(phone);
        m.setContactEmail(email);
        m.setPrivateMessage(r.privateMessage());
        m.setChannel(origin.channel());
        m.setSearchText(tokenizer.indexText(title, body));
        m.setPostingKeys(clientHash, contactHash, origin.idempotencyKey());
        boolean held = PostingRules.containsBanned(settings.bannedWords(), title, body, displayName);
        if (held) {
            m.holdForReview();
        }
        MessageStatus status = m.getStatus();
        em.persist(m);
        for (Checked f : files) {
            String key = store.write(f.upload().content(), now.atZoneSameInstant(ClockProducer.ZONE).toLocalDate());
            em.persist(new Attachment(m, PostingRules.safeFileName(f.upload().fileName()), f.contentType(),
                    f.upload().content().length, sha256(f.upload().content()), key, now));
        }
        if (email != null) {
            trackingMail.queue(m, email);
        }
        // Last: every posting waits for the audit chain's lock, held from here until the commit.
        audit.record(origin.isWeb() ? "citizen" : origin.channel(), origin.isWeb() ? "CITIZEN" : "CHANNEL",
                "MESSAGE_POSTED", "message", m.getId(), null,
                "{\"channel\":\"" + origin.channel() + "\",\"status\":\"" + status + "\",\"kind\":\"" + r.kind()
                        + "\",\"private\":" + r.privateMessage() + ",\"attachments\":" + files.size() + "}");
        return new Posted(m.getId(), m.getTrackingCode(), false);
    }

    /** The first posting made with this channel's idempotency key, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Posted> findByIdempotencyKey(String channel, String key) {
        if (key == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery(
                        "select id, tracking_code from message where channel = ?1 and idempotency_key = ?2")
                .setParameter(1, channel).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] cols = (Object[]) row;
            return new Posted(((Number) cols[0]).longValue(), (String) cols[1], true);
        });
    }

    /**
     * The rate limits per client and per contact, then the same text from the same contact within a day. The
     * contact's two checks are one read of its last day's messages (an index on contact and time).
     */
    private void checkLimits(String clientHash, String contactHash, String body, OffsetDateTime now) {
        OffsetDateTime hourAgo = now.minusHours(1);
        int max = settings.maxPerHour();
        Object[] contact = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where posted_at > ?2), count(*) filter (where body = ?3)
                        from message where contact_hash = ?1 and posted_at > ?4""")
                .setParameter(1, contactHash).setParameter(2, hourAgo).setParameter(3, body)
                .setParameter(4, now.minusDays(1)).getSingleResult();
        if (((Number) contact[0]).longValue() >= max || clientHash != null && ((Number) em.createNativeQuery(
                        "select count(*) from message where client_hash = ?1 and posted_at > ?2")
                .setParameter(1, clientHash).setParameter(2, hourAgo).getSingleResult()).longValue() >= max) {
            throw new PostingRefused(PostingRefused.Reason.RATE_LIMITED,
                    Problem.of(null, "post.error.rateLimited", max));
        }
        if (((Number) contact[1]).longValue() > 0) {
            throw new PostingRefused(PostingRefused.Reason.DUPLICATE, Problem.of("body", "post.error.duplicate"));
        }
    }

    private record Checked(Upload upload, String contentType) {
    }

    private static List<Checked> checkAttachments(List<Upload> uploads, List<Problem> problems) {
        List<Checked> ok = new ArrayList<>();
        if (uploads.size() > PostingRules.MAX_ATTACHMENTS) {
            problems.add(Problem.of("attachments", "post.error.tooManyFiles", PostingRules.MAX_ATTACHMENTS));
            return ok;
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "file" + (i + 1);
            String name = PostingRules.safeFileName(u.fileName());
            if (u.content() == null || u.size() > PostingRules.MAX_ATTACHMENT_BYTES
                    || u.content().length > PostingRules.MAX_ATTACHMENT_BYTES) {
                problems.add(Problem.of(field, "post.error.fileTooLarge", name, 5));
            } else if (u.content().length == 0) {
                problems.add(Problem.of(field, "post.error.fileEmpty", name));
            } else {
                Optional<String> type = ContentSniffer.detect(u.fileName(), u.content());
                if (type.isEmpty()) {
                    problems.add(Problem.of(field, "post.error.fileType", name));
                } else {
                    ok.add(new Checked(u, type.get()));
                }
            }
        }
        return ok;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
