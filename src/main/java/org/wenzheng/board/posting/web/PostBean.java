package org.wenzheng.board.posting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.wenzheng.people.ClientAddress;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.posting.ArithmeticChallenge;
import org.wenzheng.board.posting.Posted;
import org.wenzheng.board.posting.PostingOrigin;
import org.wenzheng.board.posting.PostingRefused;
import org.wenzheng.board.posting.PostingRequest;
import org.wenzheng.board.posting.PostingRules;
import org.wenzheng.board.posting.PostingService;
import org.wenzheng.board.posting.Problem;
import org.wenzheng.board.posting.Upload;
import org.wenzheng.common.web.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The posting form. It holds what the citizen typed (and the files already accepted) across a refused submission,
 * so nothing is lost; the form key makes a double-click or a resubmission return the first result.
 */
@Named
@ViewScoped
public class PostBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "post";
    private static final Set<String> FIELDS = Set.of("kind", "category", "unit", "title", "body", "displayName",
            "phone", "email", "challenge", "file1", "file2", "file3");

    @Inject
    ClientAddress clientAddress;

    @Inject
    PostingService service;

    private String formKey;
    private ArithmeticChallenge challenge;
    private MessageKind kind;
    private Long categoryId;
    private Long unitId;
    private String title;
    private String body;
    private String displayName;
    private String phone;
    private String email;
    private boolean privateMessage;
    private String challengeAnswer;
    private transient Part file1;
    private transient Part file2;
    private transient Part file3;
    private final Upload[] kept = new Upload[PostingRules.MAX_ATTACHMENTS];
    private Posted posted;
    private List<SelectItem> categories;
    private List<SelectItem> units;

    @PostConstruct
    void init() {
        formKey = "web-" + UUID.randomUUID();
        challenge = ArithmeticChallenge.next();
    }

    public void submit() {
        List<Upload> uploads = new ArrayList<>();
        Part[] parts = {file1, file2, file3};
        for (int i = 0; i < parts.length; i++) {
            Upload u = read(parts[i]);
            if (u != null) {
                kept[i] = u;
            }
            if (kept[i] != null) {
                uploads.add(kept[i]);
            }
        }
        PostingRequest request = new PostingRequest(kind, categoryId, unitId, title, body, displayName, phone, email,
                privateMessage, uploads);
        try {
            posted = service.post(request, PostingOrigin.web(clientAddress(), formKey, challenge, challengeAnswer));
            Arrays.fill(kept, null);
        } catch (PostingRefused refused) {
            show(refused.problems(), uploads);
        }
    }

    private void show(List<Problem> problems, List<Upload> sent) {
        for (Problem p : problems) {
            String clientId = p.field() != null && FIELDS.contains(p.field()) ? FORM + ":" + p.field() : null;
            Texts.addMessage(clientId, FacesMessage.SEVERITY_ERROR, p.key(), p.args().toArray());
            if (p.field() != null && p.field().startsWith("file")) {
                // A refused file is dropped; the accepted ones stay for the next try.
                int index = sentIndex(sent, Integer.parseInt(p.field().substring(4)) - 1);
                if (index >= 0) {
                    kept[index] = null;
                }
            }
        }
        // A new question after every refusal: an answer can be tried once only.
        challenge = ArithmeticChallenge.next();
        challengeAnswer = null;
    }

    /** The slot of the n-th file sent, as the service numbers them (it only sees the filled slots). */
    private int sentIndex(List<Upload> sent, int n) {
        if (n < 0 || n >= sent.size()) {
            return -1;
        }
        Upload u = sent.get(n);
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == u) {
                return i;
            }
        }
        return -1;
    }

    /** Reads an uploaded part, but not one larger than allowed: its size alone is enough to refuse it. */
    private static Upload read(Part part) {
        if (part == null || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
            return null;
        }
        long size = part.getSize();
        if (size > PostingRules.MAX_ATTACHMENT_BYTES) {
            return new Upload(part.getSubmittedFileName(), size, null);
        }
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes((int) PostingRules.MAX_ATTACHMENT_BYTES + 1);
            return new Upload(part.getSubmittedFileName(), content.length, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeKept(int slot) {
        if (slot >= 0 && slot < kept.length) {
            kept[slot] = null;
        }
    }

    /** The citizen's address; behind a trusted reverse proxy, from its X-Forwarded-For (see ClientAddress). */
    private String clientAddress() {
        return clientAddress.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest());
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public List<SelectItem> getKinds() {
        return Arrays.stream(MessageKind.values())
                .map(k -> new SelectItem(k, Texts.get("kind." + k.name()))).toList();
    }

    public List<SelectItem> getCategories() {
        if (categories == null) {
            Locale locale = locale();
            categories = new ArrayList<>(service.activeCategories().stream()
                    .map(c -> new SelectItem(c.getId(), c.displayName(locale))).toList());
        }
        return categories;
    }

    public List<SelectItem> getUnits() {
        if (units == null) {
            Locale locale = locale();
            units = new ArrayList<>(service.activeUnits().stream()
                    .map(u -> new SelectItem(u.getId(), u.displayName(locale))).toList());
        }
        return units;
    }

    public String getChallengeQuestion() {
        return "en".equals(locale().getLanguage()) ? challenge.questionEn() : challenge.question();
    }

    public int getDeadlineDays() {
        return service.deadlinePolicy().normalDays();
    }

    public boolean isWorkingDays() {
        return service.deadlinePolicy().workingDays();
    }

    public String keptName(int slot) {
        return kept[slot] == null ? null : PostingRules.safeFileName(kept[slot].fileName());
    }

    public Posted getPosted() { return posted; }
    public MessageKind getKind() { return kind; }
    public void setKind(MessageKind kind) { this.kind = kind; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isPrivateMessage() { return privateMessage; }
    public void setPrivateMessage(boolean privateMessage) { this.privateMessage = privateMessage; }
    public String getChallengeAnswer() { return challengeAnswer; }
    public void setChallengeAnswer(String challengeAnswer) { this.challengeAnswer = challengeAnswer; }
    public Part getFile1() { return file1; }
    public void setFile1(Part file1) { this.file1 = file1; }
    public Part getFile2() { return file2; }
    public void setFile2(Part file2) { this.file2 = file2; }
    public Part getFile3() { return file3; }
    public void setFile3(Part file3) { this.file3 = file3; }
}
