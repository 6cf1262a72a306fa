package org.wenzheng.people.catalog;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.wenzheng.audit.AuditTrail;
import org.wenzheng.board.Category;
import org.wenzheng.board.posting.PostingSettings;
import org.wenzheng.common.web.PublicPageCache;
import org.wenzheng.common.ActionRefused;
import org.wenzheng.common.ActionRefused.Kind;
import org.wenzheng.people.Role;
import org.wenzheng.people.catalog.CatalogViews.BoardSettingsData;
import org.wenzheng.people.catalog.CatalogViews.CategoryData;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The administrator's topics and board settings; every change audited with before and after. */
@Stateless
@RolesAllowed(Role.ADMIN)
public class CatalogService {

    /** The setting handling reads (HandlingService.PUBLICATION_SETTING): "manual" or "automatic". */
    static final String PUBLICATION = "handling.publication";

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final int MAX_WORDS = 500;
    static final int MAX_WORD_LENGTH = 50;
    static final int MAX_PER_HOUR_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    AuditTrail audit;

    @Inject
    SettingsStore settings;

    @Inject
    PostingSettings posting;

    // --- categories ---

    public List<CategoryData> categories() {
        return em.createQuery("select c from Category c order by c.active desc, c.sortOrder, c.code", Category.class)
                .setMaxResults(2000).getResultList().stream().map(CatalogService::data).toList();
    }

    /** Adds a topic (id null) or changes its code, names and order. */
    public CategoryData saveCategory(CategoryData in) {
        String code = in.code() == null ? "" : in.code().strip();
        String name = in.name() == null ? "" : in.name().strip();
        String nameEn = in.nameEn() == null || in.nameEn().isBlank() ? null : in.nameEn().strip();
        if (!CODE.matcher(code).matches()) {
            throw new ActionRefused(Kind.INVALID, "admin.category.error.code");
        }
        if (name.isEmpty() || name.length() > 100 || (nameEn != null && nameEn.length() > 100)) {
            throw new ActionRefused(Kind.INVALID, "admin.category.error.name");
        }
        Long taken = em.createQuery("select c.id from Category c where lower(c.code) = lower(:c)", Long.class)
                .setParameter("c", code).getResultStream().findFirst().orElse(null);
        if (taken != null && !taken.equals(in.id())) {
            throw new ActionRefused(Kind.INVALID, "admin.category.error.codeTaken", code);
        }
        Category c;
        String before = null;
        if (in.id() == null) {
            c = new Category(code, name, nameEn, in.sortOrder());
            em.persist(c);
            em.flush();
        } else {
            c = find(in.id());
            before = json(c);
            // Category (board) has no setters for these: a bulk update, then the entity read afresh.
            em.createQuery("update Category c set c.code = :code, c.name = :name, c.nameEn = :en, c.sortOrder = :o"
                            + " where c.id = :id")
                    .setParameter("code", code).setParameter("name", name).setParameter("en", nameEn)
                    .setParameter("o", in.sortOrder()).setParameter("id", c.getId()).executeUpdate();
            em.refresh(c);
            // A bulk update skips the entity listeners: tell the public page cache itself (topics are shown there).
            PublicPageCache.publicContentChanged();
        }
        audit.record(caller(), Role.ADMIN, in.id() == null ? "CATEGORY_CREATED" : "CATEGORY_CHANGED", "category",
                c.getId(), before, json(c));
        return data(c);
    }

    public CategoryData setCategoryActive(Long id, boolean active) {
        Category c = find(id);
        if (c.isActive() != active) {
            String before = json(c);
            c.setActive(active);
            em.flush();
            audit.record(caller(), Role.ADMIN, active ? "CATEGORY_REACTIVATED" : "CATEGORY_DEACTIVATED", "category",
                    id, before, json(c));
        }
        return data(c);
    }

    // --- publication of approved replies ---

    /** Whether approved replies wait for the intake officer's click (manual) instead of going out at approval. */
    public boolean manualPublication() {
        return settings.get(PUBLICATION).map(v -> "manual".equalsIgnoreCase(v.strip())).orElse(false);
    }

    public boolean setManualPublication(boolean manual) {
        boolean before = manualPublication();
        if (before != manual) {
            settings.put(PUBLICATION, manual ? "manual" : "automatic", caller());
            audit.record(caller(), Role.ADMIN, "PUBLICATION_MODE_CHANGED", "setting", null,
                    "{\"publication\":\"" + (before ? "manual" : "automatic") + "\"}",
                    "{\"publication\":\"" + (manual ? "manual" : "automatic") + "\"}");
        }
        return manual;
    }

    // --- board settings ---

    public BoardSettingsData boardSettings() {
        List<String> stored = settings.get(SettingsStore.BANNED_WORDS).map(CatalogService::words).orElse(null);
        Integer perHour = settings.get(SettingsStore.MAX_PER_HOUR).map(Integer::valueOf).orElse(null);
        return new BoardSettingsData(stored, perHour, posting.bannedWords(), posting.maxPerHour());
    }

    /**
     * Stores the banned words (comma- or line-separated; null keeps the deployment's configuration) and the posting
     * limit per hour (null likewise).
     */
    public BoardSettingsData saveBoardSettings(String bannedWords, Integer maxPerHour) {
        List<String> words = bannedWords == null ? null : words(bannedWords);
        if (words != null && (words.size() > MAX_WORDS || words.stream().anyMatch(w -> w.length() > MAX_WORD_LENGTH))) {
            throw new ActionRefused(Kind.INVALID, "admin.settings.error.words", MAX_WORDS, MAX_WORD_LENGTH);
        }
        if (maxPerHour != null && (maxPerHour < 1 || maxPerHour > MAX_PER_HOUR_LIMIT)) {
            throw new ActionRefused(Kind.INVALID, "admin.settings.error.maxPerHour", MAX_PER_HOUR_LIMIT);
        }
        BoardSettingsData before = boardSettings();
        settings.put(SettingsStore.BANNED_WORDS, words == null ? null : String.join(",", words), caller());
        settings.put(SettingsStore.MAX_PER_HOUR, maxPerHour == null ? null : maxPerHour.toString(), caller());
        // Posting on this instance applies them at once; others within PostingSettings.REREAD.
        posting.reread();
        BoardSettingsData after = boardSettings();
        audit.record(caller(), Role.ADMIN, "BOARD_SETTINGS_CHANGED", "setting", null, json(before), json(after));
        return after;
    }

    /** Words as the administrator typed them (comma, full-width comma or new line between), trimmed, unique. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，\\n\\r]+")).map(String::strip).filter(w -> !w.isEmpty()).distinct()
                .toList();
    }

    private String caller() {
        return ctx.getCallerPrincipal().getName();
    }

    private Category find(Long id) {
        Category c = id == null ? null : em.find(Category.class, id);
        if (c == null) {
            throw new ActionRefused(Kind.NOT_FOUND, "admin.category.error.notFound");
        }
        return c;
    }

    private static CategoryData data(Category c) {
        return new CategoryData(c.getId(), c.getCode(), c.getName(), c.getNameEn(), c.getSortOrder(), c.isActive());
    }

    private static String json(Category c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("code", c.getCode()).add("name", c.getName());
        if (c.getNameEn() != null) {
            b.add("nameEn", c.getNameEn());
        }
        return b.add("sortOrder", c.getSortOrder()).add("active", c.isActive()).build().toString();
    }

    private static String json(BoardSettingsData s) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (s.bannedWords() != null) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            s.bannedWords().forEach(a::add);
            b.add("bannedWords", a);
        }
        Optional.ofNullable(s.maxPerHour()).ifPresent(v -> b.add("maxPerHour", v));
        return b.build().toString();
    }
}
