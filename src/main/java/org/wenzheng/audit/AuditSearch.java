package org.wenzheng.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.wenzheng.audit.AuditViews.AuditPage;
import org.wenzheng.audit.AuditViews.AuditQuery;
import org.wenzheng.audit.AuditViews.AuditRow;
import org.wenzheng.audit.AuditViews.Verification;
import org.wenzheng.people.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The administrator's view of the audit trail: search (paginated), export of a search as CSV (UTF-8 with a byte
 * order mark, so that Excel shows Chinese) or JSON, and verification of the hash chain. Exports are themselves
 * audited.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class AuditSearch {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int MAX_PAGE_SIZE = 200;
    /** An export is at most this many entries (the newest first); narrow the search for more. */
    public static final int MAX_EXPORT = 100_000;
    private static final int EXPORT_CHUNK = 1000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext ctx;

    @Inject
    AuditTrail trail;

    public AuditPage search(AuditQuery q, int page, int size) {
        int s = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int p = Math.max(0, page);
        long total = query(q, "select count(a) from AuditEntry a", Long.class, null).getSingleResult();
        List<AuditRow> rows = query(q, "select a from AuditEntry a", AuditEntry.class, " order by a.id desc")
                .setFirstResult(p * s).setMaxResults(s).getResultList().stream().map(AuditSearch::row).toList();
        return new AuditPage(rows, total, p, s);
    }

    /** The search's entries as CSV, newest first, with a header line; returns how many were written. */
    public int exportCsv(AuditQuery q, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write("id,occurred_at,actor,actor_role,action,object_type,object_id,before,after,entry_hash\r\n");
            int n = each(q, r -> {
                try {
                    w.write(AuditCsv.line(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
            exported("csv", q, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The search's entries as a JSON array of objects, newest first; returns how many were written. */
    public int exportJson(AuditQuery q, OutputStream out) {
        JsonGenerator g = Json.createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        g.writeStartArray();
        int n = each(q, r -> {
            g.writeStartObject().write("id", r.id()).write("occurredAt", r.occurredAt().toString())
                    .write("actor", r.actor());
            writeOpt(g, "actorRole", r.actorRole());
            g.write("action", r.action()).write("objectType", r.objectType());
            if (r.objectId() == null) {
                g.writeNull("objectId");
            } else {
                g.write("objectId", r.objectId());
            }
            writeOpt(g, "before", r.before());
            writeOpt(g, "after", r.after());
            g.write("entryHash", r.entryHash()).writeEnd();
        });
        g.writeEnd();
        g.flush();
        exported("json", q, n);
        return n;
    }

    /** Walks the whole chain: intact, or the first entry whose content or link does not match. */
    public Verification verify() {
        return trail.firstBrokenEntry().map(e -> new Verification(false, row(e)))
                .orElse(new Verification(true, null));
    }

    private int each(AuditQuery q, java.util.function.Consumer<AuditRow> sink) {
        int written = 0;
        Long beforeId = null;
        while (written < MAX_EXPORT) {
            Map<String, Object> extra = new HashMap<>();
            String tail = " order by a.id desc";
            TypedQuery<AuditEntry> tq;
            if (beforeId == null) {
                tq = query(q, "select a from AuditEntry a", AuditEntry.class, tail);
            } else {
                extra.put("beforeId", beforeId);
                tq = query(q, "select a from AuditEntry a", AuditEntry.class, tail, "a.id < :beforeId", extra);
            }
            List<AuditEntry> chunk = tq.setMaxResults(Math.min(EXPORT_CHUNK, MAX_EXPORT - written)).getResultList();
            if (chunk.isEmpty()) {
                break;
            }
            for (AuditEntry e : chunk) {
                sink.accept(row(e));
                beforeId = e.getId();
            }
            written += chunk.size();
            em.clear();
        }
        return written;
    }

    private void exported(String format, AuditQuery q, int count) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("format", format).add("entries", count);
        if (q.actor() != null) b.add("actor", q.actor());
        if (q.objectType() != null) b.add("objectType", q.objectType());
        if (q.objectId() != null) b.add("objectId", q.objectId());
        if (q.action() != null) b.add("action", q.action());
        if (q.from() != null) b.add("from", q.from().toString());
        if (q.to() != null) b.add("to", q.to().toString());
        trail.record(ctx.getCallerPrincipal().getName(), Role.ADMIN, "AUDIT_EXPORTED", "audit", null, null,
                b.build().toString());
    }

    private <T> TypedQuery<T> query(AuditQuery q, String select, Class<T> type, String tail) {
        return query(q, select, type, tail, null, Map.of());
    }

    private <T> TypedQuery<T> query(AuditQuery q, String select, Class<T> type, String tail, String extraCondition,
                                    Map<String, Object> extraParams) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(extraParams);
        if (notBlank(q.actor())) {
            where.add("lower(a.actor) = :actor");
            params.put("actor", q.actor().strip().toLowerCase(Locale.ROOT));
        }
        if (notBlank(q.objectType())) {
            where.add("lower(a.objectType) = :type");
            params.put("type", q.objectType().strip().toLowerCase(Locale.ROOT));
        }
        if (q.objectId() != null) {
            where.add("a.objectId = :oid");
            params.put("oid", q.objectId());
        }
        if (notBlank(q.action())) {
            where.add("upper(a.action) = :action");
            params.put("action", q.action().strip().toUpperCase(Locale.ROOT));
        }
        if (q.from() != null) {
            where.add("a.occurredAt >= :from");
            params.put("from", q.from().atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (q.to() != null) {
            where.add("a.occurredAt < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (extraCondition != null) {
            where.add(extraCondition);
        }
        String jpql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + (tail == null ? "" : tail);
        TypedQuery<T> tq = em.createQuery(jpql, type);
        params.forEach(tq::setParameter);
        return tq;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void writeOpt(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }

    static AuditRow row(AuditEntry e) {
        return new AuditRow(e.getId(), e.getOccurredAt(), e.getActor(), e.getActorRole(), e.getAction(),
                e.getObjectType(), e.getObjectId(), e.getBeforeState(), e.getAfterState(), e.getEntryHash());
    }
}
