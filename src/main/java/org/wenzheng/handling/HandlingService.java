package org.wenzheng.handling;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Attachment;
import org.wenzheng.board.Message;
import org.wenzheng.board.TrackingCode;
import org.wenzheng.board.posting.AttachmentStore;
import org.wenzheng.board.posting.ContentSniffer;
import org.wenzheng.board.posting.Upload;
import org.wenzheng.board.search.SearchTokenizer;
import org.wenzheng.common.mail.MailOutbox;
import org.wenzheng.common.mail.OutgoingMail;
import org.wenzheng.common.web.LocaleBean;
import org.wenzheng.common.web.Texts;
import org.wenzheng.deadline.DeadlineService;
import org.wenzheng.deadline.DeadlineState;
import org.wenzheng.deadline.DueDate;
import org.wenzheng.deadline.DueDateCalculator;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.handling.HandlingViews.Contribution;
import org.wenzheng.handling.HandlingViews.Done;
import org.wenzheng.handling.HandlingViews.DraftVersion;
import org.wenzheng.handling.HandlingViews.ExtensionView;
import org.wenzheng.handling.HandlingViews.FileContent;
import org.wenzheng.handling.HandlingViews.FileInfo;
import org.wenzheng.handling.HandlingViews.InboxRow;
import org.wenzheng.handling.HandlingViews.MailState;
import org.wenzheng.handling.HandlingViews.Permissions;
import org.wenzheng.handling.HandlingViews.PublishRow;
import org.wenzheng.handling.HandlingViews.ReplyView;
import org.wenzheng.handling.HandlingViews.ReviewRow;
import org.wenzheng.handling.HandlingViews.Saved;
import org.wenzheng.handling.HandlingViews.UnitReopens;
import org.wenzheng.handling.HandlingViews.Workspace;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Role;
import org.wenzheng.people.Unit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Handling (办理答复) and approval (审定): the liaison drafts the reply (every save kept, a stale save refused), attaches
 * files, asks for an extension and submits; co-units contribute to the lead unit; a leader approves or sends back and
 * decides extensions; the reply is published on the thread at once or by the intake officer's click
 * ({@code handling.publication=manual} in the setting table); corrections replace a published reply; an unsatisfied
 * rating reopens the case (see {@link Reopening}). Each transition checks the caller's role on the object and writes
 * its audit entry in the same transaction.
 */
@Stateless
public class HandlingService {

    /** The setting that makes publication the intake officer's click. */
    public static final String PUBLICATION_SETTING = "handling.publication";
    static final int MAX_EXTENSION_DAYS = 10;
    static final int MAX_TEXT = 1000;
    static final int MAX_REPLY_FILES = 5;
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 200;
    private static final Locale ZH = LocaleBean.CHINESE;
    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    Clock clock;

    @Inject
    DeadlineService deadlines;

    @Inject
    CaseService cases;

    @Inject
    PeopleService people;

    @Inject
    AuditTrail audit;

    @Inject
    MailOutbox mail;

    @Inject
    AttachmentStore store;

    @Inject
    SearchTokenizer tokenizer;

    @Inject
    @ConfigProperty(name = "wz.site.url", defaultValue = "http://localhost:8080")
    String siteUrl;

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * The cases of all the caller's units that are still theirs to handle, soonest due first, optionally only those
     * in one deadline state; published replies of the last 30 days stay listed so that they can be corrected.
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public List<InboxRow> inbox(DeadlineState only) {
        List<Long> units = me().getUnits().stream().map(Unit::getId).toList();
        if (units.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<Case> found = em.createQuery("""
                        select c from Case c join fetch c.message join fetch c.unit
                        where c.unit.id in :units
                          and (c.status in :open or (c.status = :published and c.message.repliedAt > :since))
                        order by c.dueAt, c.id""", Case.class)
                .setParameter("units", units)
                .setParameter("open", CaseService.OPEN)
                .setParameter("published", CaseStatus.PUBLISHED)
                .setParameter("since", now.minusDays(30))
                .setMaxResults(MAX_ROWS).getResultList();
        java.util.Map<Long, ReplyStatus> latest = latestReplyStatus(found.stream().map(Case::getId).toList());
        DueDateCalculator calc = deadlines.calculator();
        List<InboxRow> rows = new ArrayList<>();
        for (Case c : found) {
            DeadlineState state = calc.state(c.getDueAt().toInstant(), now.toInstant(), answered(c));
            if (only == null || only == state) {
                rows.add(new InboxRow(c.getId(), c.getMessage().getId(), c.getMessage().getTitle(),
                        c.getUnit().getName(), c.getUnitRole(), c.getStatus(), c.getDueAt(), state,
                        c.getReopenCount(), latest.get(c.getId())));
            }
        }
        return rows;
    }

    /** One case for its handling: a liaison of its unit, a leader or a supervisor (else FORBIDDEN). */
    @RolesAllowed({Role.UNIT_LIAISON, Role.LEAD, Role.SUPERVISE})
    public Workspace workspace(Long caseId) {
        CaseDetail detail = cases.detail(caseId);
        Case c = findCase(caseId);
        Message m = c.getMessage();
        DueDateCalculator calc = deadlines.calculator();
        OffsetDateTime now = now();
        boolean liaison = isLiaisonOf(c);
        boolean leader = ctx.isCallerInRole(Role.LEAD);
        List<Reply> revisions = replies(c);
        Reply current = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        List<DraftVersion> versions = current == null ? List.of() : em.createQuery(
                        "select d from ReplyDraft d where d.reply = :r order by d.number desc", ReplyDraft.class)
                .setParameter("r", current).setMaxResults(50).getResultList().stream()
                .map(d -> new DraftVersion(current.getId(), d.getNumber(), d.getSavedBy(), d.getSavedAt(),
                        d.isAutosave(), d.getBodyHtml())).toList();
        List<FileInfo> messageFiles = em.createQuery(
                        "select a from Attachment a where a.message = :m order by a.id", Attachment.class)
                .setParameter("m", m).getResultList().stream()
                .map(a -> new FileInfo(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes())).toList();
        List<FileInfo> replyFiles = current == null ? List.of() : replyFiles(current.getId()).stream()
                .map(f -> new FileInfo(f.getId(), f.getFileName(), f.getContentType(), f.getSizeBytes())).toList();
        List<Contribution> contributions = c.getUnitRole() == UnitRole.LEAD ? contributions(m) : List.of();
        List<ExtensionView> extensions = em.createQuery("""
                        select e from ExtensionRequest e join fetch e.requestedBy left join fetch e.decidedBy
                        where e.handlingCase = :c order by e.requestedAt, e.id""", ExtensionRequest.class)
                .setParameter("c", c).getResultList().stream().map(this::extensionView).toList();
        List<MailState> mails = new ArrayList<>();
        mail.about("case", c.getId()).forEach(o -> mails.add(mailState(o)));
        for (Reply r : revisions) {
            mail.about("reply", r.getId()).forEach(o -> mails.add(mailState(o)));
        }
        List<ReplyCheck.Warning> warnings = current == null || !leader ? List.of()
                : ReplyCheck.check(tokenizer, m.getTitle(), m.getBody(), current.getBodyHtml());
        boolean editable = c.getStatus() == CaseStatus.ROUTED || c.getStatus() == CaseStatus.DRAFTING;
        boolean lead = c.getUnitRole() == UnitRole.LEAD;
        boolean pendingExtension = extensions.stream().anyMatch(ExtensionView::isPending);
        Permissions may = new Permissions(
                liaison && editable,
                liaison && lead && editable && current != null && current.isEditable()
                        && !current.getBodyHtml().isEmpty(),
                liaison && !lead && editable,
                liaison && c.getStatus().isOpen() && c.getStatus() != CaseStatus.APPROVED && !pendingExtension
                        && c.getReopenedAt() == null,
                liaison && lead && c.getStatus() == CaseStatus.PUBLISHED,
                leader && lead && c.getStatus() == CaseStatus.UNDER_REVIEW && current != null
                        && current.getStatus() == ReplyStatus.SUBMITTED,
                ctx.isCallerInRole(Role.INTAKE) && current != null && current.getStatus() == ReplyStatus.APPROVED,
                leader && pendingExtension);
        DueDate cap = calc.cap(m.getPostedAt().toInstant());
        return new Workspace(detail, calc.state(c.getDueAt().toInstant(), now.toInstant(), answered(c)),
                messageFiles, current == null ? null : replyView(current),
                revisions.stream().map(this::replyView).toList(), versions, replyFiles, contributions, extensions,
                mails, warnings, c.getReopenCount(), c.getReopenedAt() == null ? cap.dueAt() : null,
                manualPublication(), may);
    }

    /** A file of the case's message or of one of its replies, for those who may read the case. */
    @RolesAllowed({Role.UNIT_LIAISON, Role.LEAD, Role.SUPERVISE})
    public FileContent file(Long caseId, Long fileId) {
        cases.detail(caseId);
        Case c = findCase(caseId);
        Attachment a = fileId == null ? null : em.find(Attachment.class, fileId);
        if (a != null && a.getMessage() != null && a.getMessage().getId().equals(c.getMessage().getId())) {
            return new FileContent(a.getFileName(), a.getContentType(), store.resolve(a.getStorageKey()));
        }
        ReplyFile f = fileId == null ? null : em.find(ReplyFile.class, fileId);
        // Message attachments share the table: a row without a reply is no reply file (and was checked above).
        if (f != null && f.getReplyId() != null) {
            Reply r = em.find(Reply.class, f.getReplyId());
            Case owner = r == null ? null : r.getHandlingCase();
            // The lead unit also reads its co-units' files, as it reads their contributions.
            if (owner != null && (owner.getId().equals(c.getId()) || (c.getUnitRole() == UnitRole.LEAD
                    && owner.getMessage().getId().equals(c.getMessage().getId())))) {
                return new FileContent(f.getFileName(), f.getContentType(), store.resolve(f.getStorageKey()));
            }
        }
        throw new ActionRefused(Kind.NOT_FOUND, "handling.error.fileNotFound");
    }

    // ---------------------------------------------------------------------------------------------- drafting

    /**
     * Saves the draft of the case's reply. {@code expectedVersion} is the reply version the editor was opened with
     * (null when there was no draft yet); if another liaison saved meanwhile the save is refused (CONFLICT) with the
     * other's name, time and current text. Every save that changes the text keeps a version.
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public Saved saveDraft(Long caseId, String html, Long expectedVersion, boolean autosave) {
        Case c = ownCase(caseId);
        requireDrafting(c);
        String clean = ReplyHtml.sanitise(html);
        if (clean.length() > ReplyHtml.MAX_LENGTH) {
            throw new ActionRefused(Kind.INVALID, "handling.error.tooLong", String.valueOf(ReplyHtml.MAX_LENGTH));
        }
        OffsetDateTime now = now();
        Reply reply = currentDraft(c, expectedVersion);
        boolean changed = !clean.equals(reply.getBodyHtml()) || reply.getId() == null;
        if (!changed) {
            return new Saved(reply.getId(), reply.getVersion(), reply.getUpdatedAt(), false);
        }
        reply.edit(clean, me(), now);
        if (reply.getId() == null) {
            em.persist(reply);
        }
        int number = em.createQuery("select coalesce(max(d.number), 0) from ReplyDraft d where d.reply = :r",
                Integer.class).setParameter("r", reply).getSingleResult() + 1;
        em.persist(new ReplyDraft(reply, number, clean, actor(), now, autosave));
        String before = "{\"caseStatus\":\"" + c.getStatus() + "\"}";
        if (c.getStatus() == CaseStatus.ROUTED) {
            c.setStatus(CaseStatus.DRAFTING);
        }
        c.getMessage().startHandling();
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, autosave ? "REPLY_AUTOSAVED" : "REPLY_SAVED", "case", c.getId(),
                before, "{\"reply\":" + reply.getId() + ",\"revision\":" + reply.getRevision() + ",\"draft\":"
                        + number + "}");
        return new Saved(reply.getId(), reply.getVersion(), now, true);
    }

    /** Attaches a file to the case's current draft, checked by its content like the citizens' files. */
    @RolesAllowed(Role.UNIT_LIAISON)
    public FileInfo attach(Long caseId, Upload upload, Long expectedVersion) {
        Case c = ownCase(caseId);
        requireDrafting(c);
        if (upload == null || upload.fileName() == null || upload.fileName().isBlank()) {
            throw new ActionRefused(Kind.INVALID, "handling.error.fileMissing");
        }
        if (upload.content() == null || upload.size() > MAX_FILE_BYTES || upload.content().length > MAX_FILE_BYTES) {
            throw new ActionRefused(Kind.INVALID, "handling.error.fileTooLarge", String.valueOf(MAX_FILE_BYTES >> 20));
        }
        String type = ContentSniffer.detect(upload.content()).orElseThrow(
                () -> new ActionRefused(Kind.INVALID, "handling.error.fileType"));
        Reply reply = currentDraft(c, expectedVersion);
        OffsetDateTime now = now();
        if (reply.getId() == null) {
            reply.edit("", me(), now);
            em.persist(reply);
            em.flush();
        } else if (replyFiles(reply.getId()).size() >= MAX_REPLY_FILES) {
            throw new ActionRefused(Kind.INVALID, "handling.error.tooManyFiles", String.valueOf(MAX_REPLY_FILES));
        }
        String name = safeName(upload.fileName());
        String key = store.write(upload.content(), LocalDate.now(clock));
        ReplyFile f = new ReplyFile(reply.getId(), name, type, upload.content().length, sha256(upload.content()), key,
                now);
        em.persist(f);
        if (c.getStatus() == CaseStatus.ROUTED) {
            c.setStatus(CaseStatus.DRAFTING);
        }
        c.getMessage().startHandling();
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, "REPLY_FILE_ATTACHED", "case", c.getId(), null,
                "{\"reply\":" + reply.getId() + ",\"file\":" + f.getId() + ",\"type\":\"" + type + "\"}");
        return new FileInfo(f.getId(), name, type, f.getSizeBytes());
    }

    /** The lead unit's liaison submits the draft for approval (审定): the case goes UNDER_REVIEW. */
    @RolesAllowed(Role.UNIT_LIAISON)
    public Done submit(Long caseId, Long expectedVersion) {
        Case c = ownCase(caseId);
        if (c.getUnitRole() != UnitRole.LEAD) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.coSubmits");
        }
        requireDrafting(c);
        Reply reply = latest(c).filter(Reply::isEditable).orElseThrow(
                () -> new ActionRefused(Kind.WRONG_STATE, "handling.error.noDraft"));
        checkVersion(reply, expectedVersion);
        if (ReplyHtml.plainText(reply.getBodyHtml()).isBlank()) {
            throw new ActionRefused(Kind.INVALID, "handling.error.emptyReply");
        }
        OffsetDateTime now = now();
        String before = "{\"caseStatus\":\"" + c.getStatus() + "\",\"replyStatus\":\"" + reply.getStatus() + "\"}";
        reply.submit(now);
        c.setStatus(CaseStatus.UNDER_REVIEW);
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, "REPLY_SUBMITTED", "case", c.getId(), before,
                "{\"caseStatus\":\"UNDER_REVIEW\",\"reply\":" + reply.getId() + "}");
        return done(c, reply);
    }

    /**
     * A co-unit (协办单位) submits its contribution to the lead unit: saved as its reply and submitted at once; the
     * co-unit's case then waits (UNDER_REVIEW) for the lead unit's reply.
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public Done contribute(Long caseId, String html, Long expectedVersion) {
        Case c = ownCase(caseId);
        if (c.getUnitRole() != UnitRole.CO) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.leadContributes");
        }
        saveDraft(caseId, html, expectedVersion, false);
        Reply reply = latest(c).orElseThrow();
        if (ReplyHtml.plainText(reply.getBodyHtml()).isBlank()) {
            throw new ActionRefused(Kind.INVALID, "handling.error.emptyReply");
        }
        reply.submit(now());
        c.setStatus(CaseStatus.UNDER_REVIEW);
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, "CONTRIBUTION_SUBMITTED", "case", c.getId(), null,
                "{\"reply\":" + reply.getId() + "}");
        return done(c, reply);
    }

    /**
     * Starts a correction (更正) of the published reply: a new revision with the published text, which goes through
     * review again; once published it replaces the old one.
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public Done startCorrection(Long caseId) {
        Case c = ownCase(caseId);
        Reply published = latest(c).filter(r -> r.getStatus() == ReplyStatus.PUBLISHED).orElse(null);
        if (c.getUnitRole() != UnitRole.LEAD || c.getStatus() != CaseStatus.PUBLISHED || published == null) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notCorrectable");
        }
        OffsetDateTime now = now();
        Reply correction = new Reply(c, published.getRevision() + 1, published.getBodyHtml(), me(), now);
        correction.setCorrectsId(published.getId());
        em.persist(correction);
        c.setStatus(CaseStatus.DRAFTING);
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, "CORRECTION_STARTED", "case", c.getId(),
                "{\"caseStatus\":\"PUBLISHED\"}", "{\"caseStatus\":\"DRAFTING\",\"corrects\":" + published.getId()
                        + ",\"reply\":" + correction.getId() + "}");
        return done(c, correction);
    }

    // ---------------------------------------------------------------------------------------------- extensions

    /**
     * 延期申请: a liaison of the case's unit asks for more days, with a reason. Refused when the days would pass the
     * policy's cap (the message names the latest possible date), when a request is already pending, and for a
     * reopened case (its fresh clock is not extended).
     */
    @RolesAllowed(Role.UNIT_LIAISON)
    public ExtensionView requestExtension(Long caseId, int days, String reason) {
        Case c = ownCase(caseId);
        if (!c.getStatus().isOpen() || c.getStatus() == CaseStatus.APPROVED) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notExtendable");
        }
        if (c.getReopenedAt() != null) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.reopenedNoExtension");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_TEXT) {
            throw new ActionRefused(Kind.INVALID, "handling.error.extensionReason", String.valueOf(MAX_TEXT));
        }
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new ActionRefused(Kind.INVALID, "handling.error.extensionDays", String.valueOf(MAX_EXTENSION_DAYS));
        }
        if (pending(c).isPresent()) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.extensionPending");
        }
        DueDate wanted = CaseClock.withExtension(c, deadlines.calculator(), days);
        if (wanted.clamped()) {
            throw new ActionRefused(Kind.INVALID, "handling.error.extensionCap", mailTime(wanted.dueAt()));
        }
        ExtensionRequest e = new ExtensionRequest(c, me(), now(), days, why);
        em.persist(e);
        flush();
        audit.record(actor(), Role.UNIT_LIAISON, "EXTENSION_REQUESTED", "case", c.getId(), null,
                "{\"request\":" + e.getId() + ",\"days\":" + days + ",\"wouldBeDue\":\"" + wanted.dueAt() + "\"}");
        return extensionView(e);
    }

    /** Extension requests waiting for a leader, oldest first. */
    @RolesAllowed(Role.LEAD)
    public List<ExtensionView> pendingExtensions() {
        return em.createQuery("""
                        select e from ExtensionRequest e join fetch e.handlingCase c join fetch c.message
                        join fetch c.unit join fetch e.requestedBy
                        where e.decision is null order by e.requestedAt, e.id""", ExtensionRequest.class)
                .setMaxResults(MAX_ROWS).getResultList().stream().map(this::extensionView).toList();
    }

    /**
     * A leader grants or refuses an extension. Granting adds the days to the case, recomputes its due date (and the
     * message's, for the lead case) and is refused if the cap would now be passed. The unit's liaisons are told.
     */
    @RolesAllowed(Role.LEAD)
    public ExtensionView decideExtension(Long requestId, boolean grant, String comment) {
        ExtensionRequest e = requestId == null ? null : em.find(ExtensionRequest.class, requestId);
        if (e == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "handling.error.extensionNotFound");
        }
        if (!e.isPending()) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.extensionDecided");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new ActionRefused(Kind.INVALID, "handling.error.commentTooLong", String.valueOf(MAX_TEXT));
        }
        if (!grant && text == null) {
            throw new ActionRefused(Kind.INVALID, "handling.error.refusalReason");
        }
        Case c = e.getHandlingCase();
        OffsetDateTime now = now();
        OffsetDateTime before = c.getDueAt();
        if (grant) {
            DueDate due = CaseClock.withExtension(c, deadlines.calculator(), e.getDays());
            if (due.clamped()) {
                throw new ActionRefused(Kind.INVALID, "handling.error.extensionCap", mailTime(due.dueAt()));
            }
            c.setExtensionDays(c.getExtensionDays() + e.getDays());
            c.setDueAt(due.dueAt());
            if (c.getUnitRole() == UnitRole.LEAD) {
                c.getMessage().setDueAt(due.dueAt());
            }
            e.decide(ExtensionRequest.Decision.GRANTED, me(), now, due.dueAt(), text);
        } else {
            e.decide(ExtensionRequest.Decision.REFUSED, me(), now, null, text);
        }
        flush();
        audit.record(actor(), Role.LEAD, grant ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED", "case", c.getId(),
                "{\"due\":\"" + before + "\"}", "{\"request\":" + e.getId() + ",\"due\":\"" + c.getDueAt() + "\"}");
        String key = grant ? "handling.mail.granted" : "handling.mail.refused";
        tellLiaisons(c, Texts.get(ZH, key + ".subject", c.getMessage().getTitle()),
                Texts.get(ZH, key + ".body", c.getUnit().getName(), c.getMessage().getTitle(),
                        String.valueOf(e.getDays()), mailTime(c.getDueAt()), text == null ? "" : text,
                        String.valueOf(c.getId())));
        return extensionView(e);
    }

    // ---------------------------------------------------------------------------------------------- review

    /** Submitted lead replies waiting for approval, the soonest due first. */
    @RolesAllowed(Role.LEAD)
    public List<ReviewRow> reviewQueue() {
        OffsetDateTime now = now();
        DueDateCalculator calc = deadlines.calculator();
        return em.createQuery("""
                        select r from Reply r join fetch r.handlingCase c join fetch c.message join fetch c.unit
                        where r.status = :submitted and c.unitRole = :lead and c.status = :review
                        order by c.dueAt, r.submittedAt, r.id""", Reply.class)
                .setParameter("submitted", ReplyStatus.SUBMITTED).setParameter("lead", UnitRole.LEAD)
                .setParameter("review", CaseStatus.UNDER_REVIEW).setMaxResults(MAX_ROWS).getResultList().stream()
                .map(r -> {
                    Case c = r.getHandlingCase();
                    return new ReviewRow(c.getId(), c.getMessage().getId(), c.getMessage().getTitle(),
                            c.getUnit().getName(), r.getId(), r.getSubmittedAt(), c.getDueAt(),
                            calc.state(c.getDueAt().toInstant(), now.toInstant(), true), r.getCorrectsId() != null);
                }).toList();
    }

    /**
     * A leader approves (审定) the submitted reply. Unless publication is manual, it is published on the thread at
     * once; otherwise it waits for the intake officer. The 答非所问 warnings never stop an approval.
     */
    @RolesAllowed(Role.LEAD)
    public Done approve(Long caseId, Long expectedVersion, String comment) {
        Case c = findCase(caseId);
        Reply reply = submittedLeadReply(c);
        checkVersion(reply, expectedVersion);
        String text = optionalComment(comment);
        OffsetDateTime now = now();
        reply.approve(me(), now, text);
        c.setStatus(CaseStatus.APPROVED);
        flush();
        audit.record(actor(), Role.LEAD, "REPLY_APPROVED", "case", c.getId(), "{\"caseStatus\":\"UNDER_REVIEW\"}",
                "{\"caseStatus\":\"APPROVED\",\"reply\":" + reply.getId() + "}");
        if (!manualPublication()) {
            publish(c, reply, Role.LEAD, now);
        }
        return done(c, reply);
    }

    /** A leader sends the reply back with a comment the liaison sees; the case is drafted again, its clock runs on. */
    @RolesAllowed(Role.LEAD)
    public Done sendBack(Long caseId, Long expectedVersion, String comment) {
        Case c = findCase(caseId);
        Reply reply = submittedLeadReply(c);
        checkVersion(reply, expectedVersion);
        String text = optionalComment(comment);
        if (text == null) {
            throw new ActionRefused(Kind.INVALID, "handling.error.commentRequired");
        }
        reply.sendBack(me(), now(), text);
        c.setStatus(CaseStatus.DRAFTING);
        flush();
        audit.record(actor(), Role.LEAD, "REPLY_SENT_BACK", "case", c.getId(), "{\"caseStatus\":\"UNDER_REVIEW\"}",
                "{\"caseStatus\":\"DRAFTING\",\"reply\":" + reply.getId() + "}");
        tellLiaisons(c, Texts.get(ZH, "handling.mail.sentBack.subject", c.getMessage().getTitle()),
                Texts.get(ZH, "handling.mail.sentBack.body", c.getUnit().getName(), c.getMessage().getTitle(), text,
                        String.valueOf(c.getId())));
        return done(c, reply);
    }

    // ---------------------------------------------------------------------------------------------- publication

    /** Approved replies waiting for the intake officer (manual publication), oldest approval first. */
    @RolesAllowed(Role.INTAKE)
    public List<PublishRow> readyToPublish() {
        return em.createQuery("""
                        select r from Reply r join fetch r.handlingCase c join fetch c.message join fetch c.unit
                        left join fetch r.reviewedBy
                        where r.status = :approved and c.unitRole = :lead order by r.reviewedAt, r.id""", Reply.class)
                .setParameter("approved", ReplyStatus.APPROVED).setParameter("lead", UnitRole.LEAD)
                .setMaxResults(MAX_ROWS).getResultList().stream()
                .map(r -> new PublishRow(r.getId(), r.getHandlingCase().getId(),
                        r.getHandlingCase().getMessage().getId(), r.getHandlingCase().getMessage().getTitle(),
                        r.getHandlingCase().getUnit().getName(), r.getReviewedAt(),
                        r.getReviewedBy() == null ? null : r.getReviewedBy().getDisplayName(), r.getBodyHtml(),
                        r.getCorrectsId() != null)).toList();
    }

    /** The intake officer publishes an approved reply under the citizen's message. */
    @RolesAllowed(Role.INTAKE)
    public Done publish(Long replyId) {
        Reply reply = replyId == null ? null : em.find(Reply.class, replyId);
        if (reply == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "handling.error.replyNotFound");
        }
        Case c = reply.getHandlingCase();
        if (reply.getStatus() != ReplyStatus.APPROVED || c.getUnitRole() != UnitRole.LEAD) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notApproved");
        }
        publish(c, reply, Role.INTAKE, now());
        return done(c, reply);
    }

    /** Whether approved replies wait for the intake officer ({@code handling.publication=manual}). */
    public boolean manualPublication() {
        List<?> v = em.createNativeQuery("select value from setting where key = ?1")
                .setParameter(1, PUBLICATION_SETTING).getResultList();
        return !v.isEmpty() && "manual".equalsIgnoreCase(String.valueOf(v.get(0)).strip());
    }

    private void publish(Case c, Reply reply, String role, OffsetDateTime now) {
        Message m = c.getMessage();
        Reply corrected = reply.getCorrectsId() == null ? null : em.find(Reply.class, reply.getCorrectsId());
        reply.publish(now);
        c.setStatus(CaseStatus.PUBLISHED);
        if (corrected != null && corrected.getStatus() == ReplyStatus.PUBLISHED) {
            corrected.supersede();
        } else {
            m.replied(now);
        }
        // The co-units' parts end with the lead unit's reply.
        for (Case other : em.createQuery("select x from Case x where x.message = :m and x.unitRole = :co",
                Case.class).setParameter("m", m).setParameter("co", UnitRole.CO).getResultList()) {
            if (other.getStatus().isOpen()) {
                other.setStatus(CaseStatus.PUBLISHED);
                audit.record(actor(), role, "CASE_ANSWERED_BY_LEAD", "case", other.getId(), null,
                        "{\"leadCase\":" + c.getId() + "}");
            }
        }
        flush();
        audit.record(actor(), role, corrected != null ? "REPLY_CORRECTED" : "REPLY_PUBLISHED", "case", c.getId(),
                "{\"caseStatus\":\"APPROVED\"}", "{\"caseStatus\":\"PUBLISHED\",\"reply\":" + reply.getId()
                        + (corrected != null ? ",\"supersedes\":" + corrected.getId() : "") + "}");
        String email = m.getContactEmail();
        if (email != null && !email.isBlank()) {
            String code = TrackingCode.display(m.getTrackingCode());
            String link = siteUrl.replaceAll("/+$", "") + "/track/index.xhtml?code=" + code;
            String key = corrected != null ? "handling.mail.corrected" : "handling.mail.published";
            mail.enqueue(email.strip(), Texts.get(ZH, key + ".subject", m.getTitle()),
                    Texts.get(ZH, key + ".body", m.getTitle(), c.getUnit().getName(), link, code), "reply",
                    reply.getId());
        }
    }

    // ---------------------------------------------------------------------------------------------- 重办

    /**
     * 重办 after an unsatisfied rating of the reply: the lead case is drafted again with a fresh clock from now, the
     * message is in handling again, and the unit's liaisons are told. Called by {@link Reopening} inside the
     * citizen's rating transaction (the rating is the citizen's right to ask; nothing else calls it).
     */
    @PermitAll
    public void reopen(Long replyId) {
        Reply rated = em.find(Reply.class, replyId);
        if (rated == null) {
            return;
        }
        Case c = rated.getHandlingCase();
        if (c.getUnitRole() != UnitRole.LEAD || c.getStatus() != CaseStatus.PUBLISHED) {
            return;
        }
        OffsetDateTime now = now();
        OffsetDateTime before = c.getDueAt();
        c.setReopenedAt(now);
        c.setReopenCount(c.getReopenCount() + 1);
        c.setStatus(CaseStatus.DRAFTING);
        DueDate due = CaseClock.due(c, deadlines.calculator());
        c.setDueAt(due.dueAt());
        if (c.getMessage().getStatus() == org.wenzheng.board.MessageStatus.REPLIED) {
            c.getMessage().reopen(due.dueAt());
        }
        flush();
        audit.record("citizen", "CITIZEN", "CASE_REOPENED", "case", c.getId(), "{\"due\":\"" + before + "\"}",
                "{\"due\":\"" + due.dueAt() + "\",\"reopenCount\":" + c.getReopenCount() + ",\"reply\":" + replyId
                        + "}");
        tellLiaisons(c, Texts.get(ZH, "handling.mail.reopened.subject", c.getMessage().getTitle()),
                Texts.get(ZH, "handling.mail.reopened.body", c.getUnit().getName(), c.getMessage().getTitle(),
                        mailTime(due.dueAt()), due.explainZh(), String.valueOf(c.getId())));
    }

    /** Cases reopened (重办) per unit whose last reopening falls in [from, to), most first. */
    @RolesAllowed({Role.LEAD, Role.SUPERVISE})
    public List<UnitReopens> reopenedPerUnit(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null || !from.isBefore(to) || Duration.between(from, to).toDays() > 366) {
            throw new ActionRefused(Kind.INVALID, "handling.error.badPeriod");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.id, u.name, count(*), sum(c.reopen_count)
                        from handling_case c join unit u on u.id = c.unit_id
                        where c.reopened_at >= ?1 and c.reopened_at < ?2
                        group by u.id, u.name order by count(*) desc, u.name""")
                .setParameter(1, from).setParameter(2, to).setMaxResults(1000).getResultList();
        return rows.stream().map(r -> new UnitReopens(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Reply currentDraft(Case c, Long expectedVersion) {
        Optional<Reply> latest = latest(c);
        if (latest.isPresent() && latest.get().isEditable()) {
            checkVersion(latest.get(), expectedVersion);
            return latest.get();
        }
        if (latest.isPresent() && latest.get().getStatus() != ReplyStatus.PUBLISHED
                && latest.get().getStatus() != ReplyStatus.SUPERSEDED) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notEditable");
        }
        if (expectedVersion != null && latest.isPresent()) {
            // The editor showed an older reply; a new one is started only from an empty editor.
            throw new ActionRefused(Kind.CONFLICT, "handling.error.changed");
        }
        // No draft yet, or a new answer after 重办: a new revision.
        return new Reply(c, latest.map(r -> r.getRevision() + 1).orElse(1), "", me(), now());
    }

    private void checkVersion(Reply reply, Long expectedVersion) {
        if (expectedVersion == null || expectedVersion != reply.getVersion()) {
            String who = reply.getDraftedBy() == null ? "" : reply.getDraftedBy().getDisplayName();
            throw new ActionRefused(Kind.CONFLICT, "handling.error.draftChanged", who,
                    mailTime(reply.getUpdatedAt()), ReplyHtml.plainText(reply.getBodyHtml()));
        }
    }

    private void requireDrafting(Case c) {
        if (c.getStatus() != CaseStatus.ROUTED && c.getStatus() != CaseStatus.DRAFTING) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notDrafting");
        }
    }

    private Reply submittedLeadReply(Case c) {
        if (c.getUnitRole() != UnitRole.LEAD || c.getStatus() != CaseStatus.UNDER_REVIEW) {
            throw new ActionRefused(Kind.WRONG_STATE, "handling.error.notUnderReview");
        }
        return latest(c).filter(r -> r.getStatus() == ReplyStatus.SUBMITTED).orElseThrow(
                () -> new ActionRefused(Kind.WRONG_STATE, "handling.error.notUnderReview"));
    }

    private String optionalComment(String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new ActionRefused(Kind.INVALID, "handling.error.commentTooLong", "2000");
        }
        return text;
    }

    private List<Reply> replies(Case c) {
        return em.createQuery("select r from Reply r left join fetch r.draftedBy left join fetch r.reviewedBy"
                        + " where r.handlingCase = :c order by r.revision", Reply.class)
                .setParameter("c", c).getResultList();
    }

    private Optional<Reply> latest(Case c) {
        return em.createQuery("select r from Reply r where r.handlingCase = :c order by r.revision desc", Reply.class)
                .setParameter("c", c).setMaxResults(1).getResultList().stream().findFirst();
    }

    private java.util.Map<Long, ReplyStatus> latestReplyStatus(List<Long> caseIds) {
        java.util.Map<Long, ReplyStatus> out = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery("select r.handlingCase.id, r.status from Reply r"
                        + " where r.handlingCase.id in :ids order by r.revision", Object[].class)
                .setParameter("ids", caseIds).getResultList()) {
            out.put((Long) row[0], (ReplyStatus) row[1]);
        }
        return out;
    }

    private List<ReplyFile> replyFiles(Long replyId) {
        return em.createQuery("select f from ReplyFile f where f.replyId = :r order by f.id", ReplyFile.class)
                .setParameter("r", replyId).getResultList();
    }

    private List<Contribution> contributions(Message m) {
        List<Contribution> out = new ArrayList<>();
        for (Case co : em.createQuery("select x from Case x join fetch x.unit where x.message = :m"
                + " and x.unitRole = :co order by x.id", Case.class)
                .setParameter("m", m).setParameter("co", UnitRole.CO).getResultList()) {
            Reply r = em.createQuery("select r from Reply r where r.handlingCase = :c and r.submittedAt is not null"
                            + " order by r.revision desc", Reply.class).setParameter("c", co).setMaxResults(1)
                    .getResultList().stream().findFirst().orElse(null);
            out.add(new Contribution(co.getId(), co.getUnit().getName(), co.getStatus(),
                    r == null ? null : r.getId(), r == null ? null : r.getBodyHtml(),
                    r == null ? null : r.getSubmittedAt()));
        }
        return out;
    }

    private Optional<ExtensionRequest> pending(Case c) {
        return em.createQuery("select e from ExtensionRequest e where e.handlingCase = :c and e.decision is null",
                ExtensionRequest.class).setParameter("c", c).getResultList().stream().findFirst();
    }

    private ExtensionView extensionView(ExtensionRequest e) {
        Case c = e.getHandlingCase();
        return new ExtensionView(e.getId(), c.getId(), c.getMessage().getTitle(), c.getUnit().getName(), e.getDays(),
                e.getReason(), e.getRequestedBy().getDisplayName(), e.getRequestedAt(), e.getDecision(),
                e.getDecidedBy() == null ? null : e.getDecidedBy().getDisplayName(), e.getDecidedAt(),
                e.getNewDueAt(), e.getDecisionComment(), c.getDueAt());
    }

    private ReplyView replyView(Reply r) {
        return new ReplyView(r.getId(), r.getRevision(), r.getVersion(), r.getStatus(), r.getBodyHtml(),
                r.getDraftedBy() == null ? null : r.getDraftedBy().getDisplayName(), r.getUpdatedAt(),
                r.getSubmittedAt(), r.getReviewedBy() == null ? null : r.getReviewedBy().getDisplayName(),
                r.getReviewedAt(), r.getReviewComment(), r.getPublishedAt(), r.getCorrectsId());
    }

    private static MailState mailState(OutgoingMail o) {
        return new MailState(mask(o.getRecipient()), o.getSubject(), o.getStatus().name(), o.getAttempts(),
                o.getCreatedAt(), o.getSentAt());
    }

    /** "zhang@example.com" → "z***@example.com": staff see that and where a mail went, not the whole address. */
    static String mask(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    private Done done(Case c, Reply r) {
        return new Done(c.getId(), c.getStatus(), r == null ? null : r.getId(), r == null ? null : r.getStatus(),
                r == null ? 0 : r.getVersion(), c.getDueAt());
    }

    /** Open cases count as answered once a reply went for review or an explanation was given. */
    private static boolean answered(Case c) {
        return c.getExplainedAt() != null || c.getStatus() == CaseStatus.UNDER_REVIEW
                || c.getStatus() == CaseStatus.APPROVED || c.getStatus() == CaseStatus.PUBLISHED;
    }

    private void tellLiaisons(Case c, String subject, String body) {
        Collection<Person> liaisons = em.createQuery("""
                        select distinct p from Person p join p.units u join p.roles r
                        where u.id = :unit and r = :role and p.active = true and p.email is not null""", Person.class)
                .setParameter("unit", c.getUnit().getId()).setParameter("role", Role.LIAISON).getResultList();
        for (String address : new LinkedHashSet<>(liaisons.stream().map(Person::getEmail).toList())) {
            mail.enqueue(address, subject, body, "case", c.getId());
        }
    }

    /** A case of one of the caller's own units, else FORBIDDEN. */
    private Case ownCase(Long caseId) {
        Case c = findCase(caseId);
        if (!isLiaisonOf(c)) {
            throw new ActionRefused(Kind.FORBIDDEN, "case.error.forbidden");
        }
        return c;
    }

    private Case findCase(Long caseId) {
        List<Case> found = caseId == null ? List.of() : em.createQuery(
                        "select c from Case c join fetch c.message join fetch c.unit where c.id = :id", Case.class)
                .setParameter("id", caseId).getResultList();
        if (found.isEmpty()) {
            throw new ActionRefused(Kind.NOT_FOUND, "case.error.notFound");
        }
        return found.get(0);
    }

    private boolean isLiaisonOf(Case c) {
        return ctx.isCallerInRole(Role.UNIT_LIAISON) && people.findByUsername(actor())
                .map(p -> p.isLiaisonOf(c.getUnit().getId())).orElse(false);
    }

    private Person me() {
        return people.findByUsername(actor()).orElseThrow(
                () -> new ActionRefused(Kind.FORBIDDEN, "case.error.forbidden"));
    }

    private String actor() {
        return ctx.getCallerPrincipal().getName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private String mailTime(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(deadlines.policy().zone()).format(MAIL_TIME);
    }

    /** Another liaison or leader committed first: EclipseLink notices at flush. */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ActionRefused(Kind.CONFLICT, "handling.error.changed");
        }
    }

    private static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
