package org.wenzheng.board;

import org.wenzheng.board.search.SearchTokenizer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for the board, written with plain JDBC so that both in-container tests (through the application's data
 * source) and client-side tests (straight to the test database) can use it. Keys come from the same sequences as the
 * application's; a value drawn here is never in a block EclipseLink uses (see README, "Stack notes").
 */
public final class BoardTestData {

    static final SearchTokenizer TOKENIZER = new SearchTokenizer();
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Connection c;

    public BoardTestData(Connection c) {
        this.c = c;
    }

    /** A short marker unique to this run, to keep titles and codes apart from demo data and other tests. */
    public static String unique() {
        return Long.toString(COUNTER.incrementAndGet(), 36) + Long.toString(System.nanoTime() % 46_656, 36);
    }

    public long unit(String name) throws SQLException {
        long id = next("unit_seq");
        try (PreparedStatement ps = c.prepareStatement(
                "insert into unit (id, code, name, name_en, created_at) values (?, ?, ?, ?, now())")) {
            ps.setLong(1, id);
            ps.setString(2, "T" + unique());
            ps.setString(3, name);
            ps.setString(4, name + " (en)");
            ps.executeUpdate();
        }
        return id;
    }

    public long category(String name) throws SQLException {
        long id = next("category_seq");
        try (PreparedStatement ps = c.prepareStatement(
                "insert into category (id, code, name, name_en, sort_order) values (?, ?, ?, ?, 500)")) {
            ps.setLong(1, id);
            ps.setString(2, "T" + unique());
            ps.setString(3, name);
            ps.setString(4, name + " (en)");
            ps.executeUpdate();
        }
        return id;
    }

    /** A message to write with {@link #insert}; defaults: an accepted, public question posted now. */
    public static final class Msg {
        String title;
        String body = "正文";
        MessageKind kind = MessageKind.QUESTION;
        Long unitId;
        Long categoryId;
        MessageStatus status = MessageStatus.REGISTERED;
        boolean publicVisible = true;
        boolean privateMessage;
        OffsetDateTime postedAt = OffsetDateTime.now();
        OffsetDateTime dueAt;
        OffsetDateTime repliedAt;
        String displayName;
        String phone = "13800138000";
        String email = "citizen@example.org";
        String rejectedReason;

        public Msg(String title) { this.title = title; }
        public Msg body(String v) { body = v; return this; }
        public Msg kind(MessageKind v) { kind = v; return this; }
        public Msg unit(long v) { unitId = v; return this; }
        public Msg category(long v) { categoryId = v; return this; }
        public Msg posted(OffsetDateTime v) { postedAt = v; return this; }
        public Msg due(OffsetDateTime v) { dueAt = v; return this; }
        public Msg replied(OffsetDateTime v) { repliedAt = v; return this; }
        public Msg displayName(String v) { displayName = v; return this; }
        public Msg phone(String v) { phone = v; return this; }
        /** Status, with public_visible as the application keeps it: only accepted, non-private messages. */
        public Msg status(MessageStatus v) {
            status = v;
            publicVisible = v.isAccepted() && !privateMessage;
            return this;
        }
        public Msg makePrivate() { privateMessage = true; publicVisible = false; return this; }
        public Msg rejected(String reason) { status(MessageStatus.REJECTED); rejectedReason = reason; return this; }
    }

    public long insert(Msg m) throws SQLException {
        long id = next("message_seq");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into message (id, tracking_code, kind, category_id, target_unit_id, title, body, display_name,
                    contact_phone, contact_email, private_message, status, public_visible, posted_at, registered_at,
                    rejected_reason, due_at, replied_at, search_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id);
            ps.setString(2, TrackingCode.generate());
            ps.setString(3, m.kind.name());
            setLong(ps, 4, m.categoryId);
            setLong(ps, 5, m.unitId);
            ps.setString(6, m.title);
            ps.setString(7, m.body);
            ps.setString(8, m.displayName);
            ps.setString(9, m.phone);
            ps.setString(10, m.email);
            ps.setBoolean(11, m.privateMessage);
            ps.setString(12, m.status.name());
            ps.setBoolean(13, m.publicVisible);
            ps.setObject(14, m.postedAt);
            ps.setObject(15, m.status == MessageStatus.SUBMITTED ? null : m.postedAt.plusHours(1));
            ps.setString(16, m.rejectedReason);
            ps.setObject(17, m.dueAt);
            ps.setObject(18, m.repliedAt);
            ps.setString(19, TOKENIZER.indexText(m.title, m.body));
            ps.executeUpdate();
        }
        return id;
    }

    /** A case of the message in the unit with one reply of the given status; returns the reply id. */
    public long reply(long messageId, long unitId, String role, String replyStatus, String bodyHtml,
                      OffsetDateTime at) throws SQLException {
        long caseId = next("case_seq");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into handling_case (id, message_id, unit_id, unit_role, status, routed_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, caseId);
            ps.setLong(2, messageId);
            ps.setLong(3, unitId);
            ps.setString(4, role);
            ps.setString(5, "PUBLISHED".equals(replyStatus) ? "PUBLISHED" : "DRAFTING");
            ps.setObject(6, at.minusDays(1));
            ps.setObject(7, at.plusDays(2));
            ps.executeUpdate();
        }
        long replyId = next("reply_seq");
        try (PreparedStatement ps = c.prepareStatement("""
                insert into reply (id, case_id, revision, body_html, status, updated_at, published_at)
                values (?, ?, 1, ?, ?, ?, ?)""")) {
            ps.setLong(1, replyId);
            ps.setLong(2, caseId);
            ps.setString(3, bodyHtml);
            ps.setString(4, replyStatus);
            ps.setObject(5, at);
            ps.setObject(6, "PUBLISHED".equals(replyStatus) ? at : null);
            ps.executeUpdate();
        }
        return replyId;
    }

    private long next(String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval('" + sequence + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
