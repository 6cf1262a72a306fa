package org.wenzheng.board.posting;

import jakarta.inject.Inject;
import org.wenzheng.common.mail.OutgoingMail;
import org.wenzheng.board.TrackingCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.wenzheng.testsupport.TestApiTokens;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wenzheng.board.Message;
import org.wenzheng.board.MessageKind;
import org.wenzheng.board.MessageStatus;
import org.wenzheng.board.Rating;
import org.wenzheng.handling.Case;
import org.wenzheng.handling.Reply;
import org.wenzheng.handling.UnitRole;
import org.wenzheng.intake.Severity;
import org.wenzheng.intake.WarningColour;
import org.wenzheng.people.PeopleService;
import org.wenzheng.people.Person;
import org.wenzheng.people.Unit;
import org.wenzheng.testsupport.Deployments;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posting and tracking on Payara Micro against PostgreSQL: what is stored (exactly, privately, with its files and
 * audit entry), the abuse rules (challenge, rate limit, duplicates, banned words, disguised files, code guessing),
 * tracking of rejected, merged and private messages, ratings, follow-ups, and the channel API.
 */
@ExtendWith(ArquillianExtension.class)
class PostingIT {

    private static final String BANNED = "违禁测试词";
    private static final Random RANDOM = new SecureRandom();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    /** The built WAR with this test's configuration added: a banned word and a storage folder under target/. */
    @Deployment
    static WebArchive deployment() {
        WebArchive war = Deployments.application();
        String path = "/WEB-INF/classes/META-INF/microprofile-config.properties";
        String existing;
        try (InputStream in = war.get(path).getAsset().openStream()) {
            existing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path storage = Path.of(System.getProperty("wz.test.buildDir", "target"), "posting-files").toAbsolutePath();
        war.delete(path);
        // Properties files are ISO-8859-1: the Chinese word goes in as \\uXXXX escapes.
        StringBuilder banned = new StringBuilder();
        BANNED.chars().forEach(ch -> banned.append(String.format("\\u%04x", ch)));
        war.add(new StringAsset(existing + "\nwz.posting.bannedWords=" + banned + ",casino-test\nwz.storage.dir="
                + storage + "\n"), path);
        return war;
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    org.wenzheng.common.mail.MailOutbox mailOutbox;

    @Inject
    UserTransaction tx;

    @Inject
    PostingService posting;

    @Inject
    PostingSettings settings;

    @Inject
    PeopleService people;

    @ArquillianResource
    URL base;

    @Test
    void aPostedMessageIsStoredExactlyPrivatelyWithItsFileAndAuditEntry() throws Exception {
        String title = "测试：𠮷野家门口 <script>alert(1)</script> 😀 " + RANDOM.nextInt();
        String body = "  正文里有生僻字𡃁和 <b>HTML</b> & \"引号\"，原样保存。\n第二行  ";
        String phone = phone();
        String address = address();
        Posted p = posting.post(new PostingRequest(MessageKind.COMPLAINT, categoryId(), unitId(), title, body,
                "张三", phone, "Zhang@Example.com", false, List.of(new Upload("C:\\photos\\门口.png", PNG.length, PNG))),
                web(address));

        assertFalse(p.replayed());
        Message m = em.find(Message.class, p.messageId());
        assertEquals(title, m.getTitle());
        assertEquals(body.strip(), m.getBody(), "trimmed, otherwise exactly as typed: no HTML stripped");
        assertEquals(MessageStatus.SUBMITTED, m.getStatus());
        assertFalse(m.isPublicVisible(), "not public before the intake officer accepts it");
        assertEquals("WEB", m.getChannel());
        assertNotNull(m.getSearchText());
        assertTrue(m.getSearchText().contains("门口"), m.getSearchText());

        Object[] hashes = (Object[]) em.createNativeQuery(
                "select client_hash, contact_hash, idempotency_key from message where id = ?1")
                .setParameter(1, m.getId()).getSingleResult();
        assertEquals(settings.keyedHash("client", address), hashes[0]);
        assertFalse(hashes[0].toString().contains(address), "never the raw IP");
        assertEquals(64, hashes[1].toString().length());

        Object[] file = (Object[]) em.createNativeQuery(
                "select file_name, content_type, size_bytes, sha256, storage_key from attachment where message_id = ?1")
                .setParameter(1, m.getId()).getSingleResult();
        assertEquals("门口.png", file[0]);
        assertEquals("image/png", file[1]);
        assertEquals((long) PNG.length, ((Number) file[2]).longValue());
        assertEquals(ChannelToken.hash("x").length(), file[3].toString().strip().length());
        Path stored = settings.storageDir().resolve(file[4].toString());
        assertTrue(stored.startsWith(settings.storageDir()) && settings.storageDir().endsWith("posting-files"));
        assertTrue(Files.exists(stored), "the file is outside the web root, in wz.storage.dir: " + stored);

        String audit = (String) em.createNativeQuery("select actor || ' ' || action || ' ' || after_state"
                + " from audit_entry where object_type = 'message' and object_id = ?1")
                .setParameter(1, m.getId()).getSingleResult();
        assertTrue(audit.startsWith("citizen MESSAGE_POSTED"), audit);
        assertFalse(audit.contains(phone.substring(3)) || audit.toLowerCase().contains("example.com")
                || audit.contains(address), "no contact data or address in the audit trail: " + audit);

        TrackingView v = posting.track(p.trackingCode(), posting.clientKey(address));
        assertEquals(title, v.title());
        assertEquals(body.strip(), v.body());
        assertEquals(0, v.step());
        assertEquals(List.of(new TrackingView.AttachmentInfo("门口.png", "image/png", PNG.length)), v.attachments());
        assertEquals(v, posting.track(p.trackingCodeDisplay().toLowerCase(), posting.clientKey(address)),
                "the code works grouped and in lower case");
    }

    @Test
    void staffDownloadTheCheckedFileAndALiaisonOnlyForItsUnitsCases() throws Exception {
        Posted p = posting.post(new PostingRequest(MessageKind.COMPLAINT, categoryId(), unitId(), "附件下载测试 " + RANDOM.nextInt(),
                "现场照片见附件，请核实处理。", null, phone(), null, false, List.of(new Upload("现场.png", PNG.length, PNG))), web(address()));
        long id = ((Number) em.createNativeQuery("select id from attachment where message_id = ?1")
                .setParameter(1, p.messageId()).getSingleResult()).longValue();
        URI uri = URI.create(new URL(base, "api/v1/attachments/" + id).toString());

        HttpResponse<byte[]> intake = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + TestApiTokens.mint("intake", "INTAKE_OFFICER")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, intake.statusCode());
        assertArrayEquals(PNG, intake.body());
        assertEquals("image/png", intake.headers().firstValue("Content-Type").orElse(""));
        String disposition = intake.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA.png"),
                disposition);
        assertEquals("nosniff", intake.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from audit_entry where action ="
                + " 'ATTACHMENT_OPENED' and object_id = ?1 and actor = 'intake'").setParameter(1, id)
                .getSingleResult()).longValue(), "opening personal files is audited");

        // The demo liaison's unit has no case on this message: the file does not exist for it.
        assertEquals(404, send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + TestApiTokens.mint("liaison", "LIAISON")).GET()).statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(uri).GET()).statusCode());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        String title = "测试：不完整的留言" + RANDOM.nextInt();
        ArithmeticChallenge challenge = ArithmeticChallenge.next();
        PostingRefused refused = assertThrows(PostingRefused.class, () -> posting.post(
                new PostingRequest(null, null, null, title, "字".repeat(2001), null, "12345", "not-an-email", false,
                        List.of(new Upload("photo.jpg", EXE.length, EXE),
                                new Upload("big.pdf", PostingRules.MAX_ATTACHMENT_BYTES + 1, null))),
                PostingOrigin.web(address(), null, challenge, Integer.toString(challenge.answer() + 1))));
        assertEquals(PostingRefused.Reason.INVALID, refused.reason());
        assertEquals(List.of("kind", "category", "body", "phone", "email", "file1", "file2", "challenge"),
                refused.problems().stream().map(Problem::field).toList());
        assertEquals("post.error.fileType", refused.problems().get(5).key(), "an .exe named .jpg is refused");
        assertEquals("post.error.fileTooLarge", refused.problems().get(6).key());
        assertEquals(0L, countTitled(title));
    }

    @Test
    void aWrongChallengeAnswerAloneIsEnoughToRefuse() {
        String title = "测试：验证错误" + RANDOM.nextInt();
        ArithmeticChallenge challenge = ArithmeticChallenge.next();
        PostingRefused refused = assertThrows(PostingRefused.class, () -> posting.post(
                request(title, "正文" + title, phone(), false),
                PostingOrigin.web(address(), null, challenge, "abc")));
        assertEquals(List.of(Problem.of("challenge", "post.error.challenge")), refused.problems());
        assertEquals(0L, countTitled(title));
    }

    @Test
    void attachmentsWrittenForAPostingThatDoesNotCommitAreRemoved() throws Exception {
        String title = "测试：回滚" + RANDOM.nextInt();
        tx.begin();
        Posted p;
        String key;
        try {
            p = posting.post(new PostingRequest(MessageKind.HELP, categoryId(), null, title, "正文" + title, null,
                    phone(), null, false, List.of(new Upload("a.png", PNG.length, PNG))), web(address()));
            key = (String) em.createNativeQuery("select storage_key from attachment where message_id = ?1")
                    .setParameter(1, p.messageId()).getSingleResult();
            assertTrue(Files.exists(settings.storageDir().resolve(key)));
        } finally {
            tx.rollback();
        }
        assertFalse(Files.exists(settings.storageDir().resolve(key)), "no file without its message");
        assertEquals(0L, countTitled(title));
    }

    @Test
    void aCitizenWhoGaveAnEmailAddressIsMailedTheTrackingCode() {
        ArithmeticChallenge c = ArithmeticChallenge.next();
        String title = "测试：邮件查询码" + RANDOM.nextInt();
        PostingRequest r = new PostingRequest(MessageKind.QUESTION, categoryId(), null, title, "正文" + title, null,
                null, "citizen" + RANDOM.nextInt(100000) + "@example.org", false, List.of());
        Posted posted = posting.post(r, PostingOrigin.web(address(), null, c, Integer.toString(c.answer())));
        mailOutbox.dispatchDue(50);
        List<OutgoingMail> mails = mailOutbox.about("message", posted.messageId());
        assertEquals(1, mails.size());
        OutgoingMail mail = mails.get(0);
        assertEquals(r.email(), mail.getRecipient());
        assertTrue(mail.getBody().contains(TrackingCode.display(posted.trackingCode())), mail.getBody());
        assertTrue(mail.getBody().contains("/track/index.xhtml?code="), mail.getBody());
        assertEquals(OutgoingMail.Status.SENT, mail.getStatus(), "delivered to the test's SMTP server");

        Posted phoneOnly = posting.post(request("测试：无邮件" + RANDOM.nextInt(), "正文", phone(), false),
                PostingOrigin.web(address(), null, c, Integer.toString(c.answer())));
        assertTrue(mailOutbox.about("message", phoneOnly.messageId()).isEmpty(), "no address, no mail");
    }

    @Test
    void theSameFormKeyPostsOnceAndReturnsTheFirstResult() {
        String address = address();
        String formKey = "web-test-" + RANDOM.nextLong();
        ArithmeticChallenge c = ArithmeticChallenge.next();
        String title = "测试：双击提交" + RANDOM.nextInt();
        PostingRequest r = request(title, "正文" + title, phone(), false);
        Posted first = posting.post(r, PostingOrigin.web(address, formKey, c, Integer.toString(c.answer())));
        Posted again = posting.post(r, PostingOrigin.web(address, formKey, c, Integer.toString(c.answer())));
        assertEquals(first.messageId(), again.messageId());
        assertEquals(first.trackingCode(), again.trackingCode());
        assertTrue(again.replayed());
        assertEquals(1L, countTitled(title));
    }

    @Test
    void theSixthMessageWithinAnHourFromOneAddressOrOneContactIsRefused() {
        String address = address();
        for (int i = 0; i < 5; i++) {
            posting.post(request("测试：频率" + RANDOM.nextInt(), "正文" + i + RANDOM.nextInt(), phone(), false),
                    web(address));
        }
        PostingRefused byAddress = assertThrows(PostingRefused.class, () -> posting.post(
                request("测试：频率超限", "正文" + RANDOM.nextInt(), phone(), false), web(address)));
        assertEquals(PostingRefused.Reason.RATE_LIMITED, byAddress.reason());
        assertEquals(Problem.of(null, "post.error.rateLimited", 5), byAddress.problems().get(0));

        String phone = phone();
        for (int i = 0; i < 5; i++) {
            posting.post(request("测试：同一联系人" + RANDOM.nextInt(), "正文" + RANDOM.nextInt(),
                    i % 2 == 0 ? phone : "+86 " + phone, false), web(address()));
        }
        PostingRefused byContact = assertThrows(PostingRefused.class, () -> posting.post(
                request("测试：同一联系人超限", "正文" + RANDOM.nextInt(), phone, false), web(address())));
        assertEquals(PostingRefused.Reason.RATE_LIMITED, byContact.reason());
    }

    @Test
    void theSameTextFromTheSameContactWithinADayIsRefusedAsADuplicate() {
        String phone = phone();
        String body = "测试：重复的留言内容 " + RANDOM.nextInt();
        posting.post(request("测试：重复一", body, phone, false), web(address()));
        PostingRefused refused = assertThrows(PostingRefused.class,
                () -> posting.post(request("测试：重复二", "  " + body + "\n", phone, false), web(address())));
        assertEquals(PostingRefused.Reason.DUPLICATE, refused.reason());
        assertEquals(Problem.of("body", "post.error.duplicate"), refused.problems().get(0));
        posting.post(request("测试：不同联系人", body, phone(), false), web(address()));
    }

    @Test
    void aBannedWordHoldsTheMessageWhileTheCitizenSeesANormalSuccess() {
        Posted p = posting.post(request("测试：含" + BANNED + "的标题", "正文" + RANDOM.nextInt(), phone(), false),
                web(address()));
        assertEquals(MessageStatus.HELD, em.find(Message.class, p.messageId()).getStatus());
        TrackingView v = posting.track(p.trackingCode(), posting.clientKey(address()));
        assertEquals(MessageStatus.SUBMITTED, v.status(), "the citizen is not told it was held");
        Posted clean = posting.post(request("测试：正常标题", "正文" + RANDOM.nextInt(), phone(), false),
                web(address()));
        assertEquals(MessageStatus.SUBMITTED, em.find(Message.class, clean.messageId()).getStatus());
    }

    @Test
    void rejectedMergedAndPrivateMessagesCanBeTrackedWithTheirCode() throws Exception {
        Person officer = people.findByUsername("intake").orElseThrow();
        Posted rejected = posting.post(request("测试：将被拒绝", "正文" + RANDOM.nextInt(), phone(), false),
                web(address()));
        Posted merged = posting.post(request("测试：将被合并", "正文" + RANDOM.nextInt(), phone(), false),
                web(address()));
        Posted target = posting.post(request("测试：合并目标", "正文" + RANDOM.nextInt(), phone(), false),
                web(address()));
        Posted secret = posting.post(request("测试：不公开", "正文" + RANDOM.nextInt(), phone(), true),
                web(address()));
        tx.begin();
        OffsetDateTime now = OffsetDateTime.now();
        em.find(Message.class, rejected.messageId()).reject(officer, now, "不属于本级受理范围");
        em.find(Message.class, target.messageId()).register(officer, now, Severity.ORDINARY, WarningColour.BLUE,
                false, true);
        em.find(Message.class, secret.messageId()).register(officer, now, Severity.ORDINARY, WarningColour.BLUE,
                false, true);
        tx.commit();
        tx.begin();
        em.createNativeQuery("update message set status = 'MERGED', merged_into_id = ?1 where id = ?2")
                .setParameter(1, target.messageId()).setParameter(2, merged.messageId()).executeUpdate();
        tx.commit();
        em.getEntityManagerFactory().getCache().evictAll();

        String client = posting.clientKey(address());
        TrackingView r = posting.track(rejected.trackingCode(), client);
        assertEquals(MessageStatus.REJECTED, r.status());
        assertEquals("不属于本级受理范围", r.rejectedReason());
        assertTrue(r.isRejected());

        TrackingView m = posting.track(merged.trackingCode(), client);
        assertEquals(MessageStatus.MERGED, m.status());
        assertEquals(target.messageId(), m.mergedIntoId());
        assertTrue(m.mergedIntoPublic());
        assertNull(m.rejectedReason());

        TrackingView s = posting.track(secret.trackingCode(), client);
        assertTrue(s.privateMessage());
        assertFalse(s.publicVisible());
        assertEquals(1, s.step());
    }

    @Test
    void unknownCodesAreRefusedAndGuessingIsThrottledPerClient() throws Exception {
        Posted p = posting.post(request("测试：查询码", "正文" + RANDOM.nextInt(), phone(), false), web(address()));
        String guesser = posting.clientKey(address());
        for (int i = 0; i < 10; i++) {
            PostingRefused unknown = assertThrows(PostingRefused.class,
                    () -> posting.track("2345-6789-ABCD", guesser));
            assertEquals(PostingRefused.Reason.UNKNOWN_CODE, unknown.reason());
            assertEquals("track.error.unknown", unknown.problems().get(0).key());
        }
        assertEquals(PostingRefused.Reason.UNKNOWN_CODE,
                assertThrows(PostingRefused.class, () -> posting.track("not a code", posting.clientKey(address())))
                        .reason());
        PostingRefused throttled = assertThrows(PostingRefused.class, () -> posting.track(p.trackingCode(), guesser));
        assertEquals(PostingRefused.Reason.THROTTLED, throttled.reason(), "even a right code waits now");
        assertEquals("track.error.throttled", throttled.problems().get(0).key());
        assertEquals(p.messageId(), posting.track(p.trackingCode(), posting.clientKey(address())).messageId(),
                "another client is not affected");
    }

    @Test
    void aPublishedReplyIsRatedOnceAndNotSatisfiedNeedsAReason() throws Exception {
        Posted p = posting.post(request("测试：评价", "正文" + RANDOM.nextInt(), phone(), false), web(address()));
        Long replyId = publishedReply(p.messageId(), "<p>已安排维修。</p>");
        String client = posting.clientKey(address());

        TrackingView before = posting.track(p.trackingCode(), client);
        assertEquals(1, before.replies().size());
        assertEquals("<p>已安排维修。</p>", before.replies().get(0).bodyHtml());
        assertFalse(before.replies().get(0).isRated());

        PostingRefused noReason = assertThrows(PostingRefused.class, () -> posting.rate(p.trackingCode(), client,
                replyId, Rating.Grade.DISSATISFIED, "   "));
        assertEquals(Problem.of("reason", "track.error.reasonRequired"), noReason.problems().get(0));
        assertThrows(PostingRefused.class, () -> posting.rate("ZZZZ-ZZZZ-ZZZZ", client, replyId,
                Rating.Grade.SATISFIED, null), "only with the tracking code");

        TrackingView after = posting.rate(p.trackingCode(), client, replyId, Rating.Grade.DISSATISFIED,
                "问题没有解决 𠮷");
        assertEquals(Rating.Grade.DISSATISFIED, after.replies().get(0).grade());
        assertEquals("问题没有解决 𠮷", after.replies().get(0).ratingReason());

        PostingRefused twice = assertThrows(PostingRefused.class, () -> posting.rate(p.trackingCode(), client,
                replyId, Rating.Grade.SATISFIED, null));
        assertEquals(Problem.of("grade", "track.error.alreadyRated"), twice.problems().get(0));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from rating where reply_id = ?1")
                .setParameter(1, replyId).getSingleResult()).longValue());
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from audit_entry where action ="
                + " 'REPLY_RATED' and object_id = ?1").setParameter(1, replyId).getSingleResult()).longValue());
    }

    @Test
    void theCitizenAddsFollowUpsToTheirOwnThread() {
        Posted p = posting.post(request("测试：追问", "正文" + RANDOM.nextInt(), phone(), false), web(address()));
        String client = posting.clientKey(address());
        TrackingView v = posting.addFollowUp(p.trackingCode(), client, "  请问什么时候处理？<i>急</i> 😀 ");
        assertEquals(1, v.followUps().size());
        assertEquals("请问什么时候处理？<i>急</i> 😀", v.followUps().get(0).body());
        assertEquals(Problem.of("followUp", "post.error.required"), assertThrows(PostingRefused.class,
                () -> posting.addFollowUp(p.trackingCode(), client, " ")).problems().get(0));
        assertEquals("post.error.tooLong", assertThrows(PostingRefused.class,
                () -> posting.addFollowUp(p.trackingCode(), client, "字".repeat(1001))).problems().get(0).key());
        assertEquals(1, posting.track(p.trackingCode(), client).followUps().size());
    }

    // --- The channel API, called over HTTP as another channel would -------------------------------------------

    @Test
    @RunAsClient
    void aChannelPostsWithItsTokenIdempotentlyAndTracksWithoutContactData() throws Exception {
        String token = ChannelToken.newToken();
        String channel = "it" + Math.abs(RANDOM.nextInt() % 1_000_000);
        long categoryId;
        try (Connection db = database()) {
            try (PreparedStatement insert = db.prepareStatement("insert into channel_token (id, name, token_hash,"
                    + " active, created_at) values (nextval('channel_token_seq'), ?, ?, true, now())")) {
                insert.setString(1, channel);
                insert.setString(2, ChannelToken.hash(token));
                insert.executeUpdate();
            }
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select id from category where active order by sort_order limit 1")) {
                rs.next();
                categoryId = rs.getLong(1);
            }
        }
        String phone = phone();
        String json = Json.createObjectBuilder().add("kind", "SUGGESTION").add("categoryId", categoryId)
                .add("title", "测试：12345 转来的建议 𠮷").add("body", "建议增加公交班次。" + RANDOM.nextInt())
                .add("phone", phone).build().toString();
        String key = "idem-" + RANDOM.nextLong();

        HttpResponse<String> noToken = send(HttpRequest.newBuilder(api("messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(401, noToken.statusCode());
        assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, send(HttpRequest.newBuilder(api("messages")).header("Authorization", "Bearer wrong")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)))
                .statusCode());

        HttpResponse<String> first = postAs(token, key, json);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject posted = read(first.body());
        assertFalse(posted.getBoolean("replayed"));
        HttpResponse<String> retry = postAs(token, key, json);
        assertEquals(201, retry.statusCode(), retry.body());
        JsonObject replayed = read(retry.body());
        assertTrue(replayed.getBoolean("replayed"));
        assertEquals(posted.getJsonNumber("id").longValue(), replayed.getJsonNumber("id").longValue());
        assertEquals(posted.getString("trackingCode"), replayed.getString("trackingCode"));

        try (Connection db = database(); PreparedStatement q = db.prepareStatement(
                "select channel, status, public_visible, (select count(*) from message where idempotency_key = ?)"
                        + " from message where id = ?")) {
            q.setString(1, key);
            q.setLong(2, posted.getJsonNumber("id").longValue());
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(channel, rs.getString(1));
                assertEquals("SUBMITTED", rs.getString(2));
                assertFalse(rs.getBoolean(3));
                assertEquals(1, rs.getInt(4), "one message, not two");
            }
        }

        HttpResponse<String> tracked = send(HttpRequest.newBuilder(api("messages/track/"
                + posted.getString("trackingCodeDisplay"))).header("Authorization", "Bearer " + token).GET());
        assertEquals(200, tracked.statusCode(), tracked.body());
        JsonObject view = read(tracked.body());
        assertEquals("测试：12345 转来的建议 𠮷", view.getString("title"));
        assertEquals("SUBMITTED", view.getString("status"));
        assertFalse(tracked.body().contains(phone), "never contact data");
        assertFalse(tracked.body().toLowerCase().contains("phone") || tracked.body().contains("email"));

        assertEquals(401, send(HttpRequest.newBuilder(api("messages/track/" + posted.getString("trackingCode")))
                .GET()).statusCode());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(api("messages/track/2345-6789-ABCD"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(404, unknown.statusCode());
        assertEquals("unknown_code", read(unknown.body()).getString("code"));

        HttpResponse<String> invalid = postAs(token, null, Json.createObjectBuilder().add("kind", "OTHER")
                .add("categoryId", categoryId).add("title", "测试").add("body", "正文").add("email", "bad")
                .build().toString());
        assertEquals(400, invalid.statusCode());
        assertEquals("email", read(invalid.body()).getJsonArray("fields").getJsonObject(0).getString("field"));

        HttpResponse<String> badJson = postAs(token, null, "{\"kind\": \"NOPE\", \"title\": ");
        assertEquals(400, badJson.statusCode(), badJson.body());
        assertEquals("invalid", read(badJson.body()).getString("code"));

        HttpResponse<String> openapi = send(HttpRequest.newBuilder(URI.create(new URL(base, "/openapi").toString()))
                .GET());
        assertTrue(openapi.body().contains("/api/v1/messages/track/{code}"), "documented in OpenAPI");
        assertTrue(openapi.body().contains("Idempotency-Key"));
    }

    private HttpResponse<String> postAs(String token, String key, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api("messages")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b);
    }

    private URI api(String path) throws Exception {
        return URI.create(new URL(base, "api/v1/" + path).toString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("wz.test.db.url"),
                System.getProperty("wz.test.db.user"), System.getProperty("wz.test.db.password"));
    }

    // --- helpers (in the container) ---------------------------------------------------------------------------

    private Long publishedReply(Long messageId, String html) throws Exception {
        tx.begin();
        Person liaison = em.createQuery("select p from Person p where p.username = 'liaison'", Person.class)
                .getSingleResult();
        Unit unit = liaison.getUnits().iterator().next();
        Message m = em.find(Message.class, messageId);
        OffsetDateTime now = OffsetDateTime.now();
        Case c = new Case(m, em.find(Unit.class, unit.getId()), UnitRole.LEAD, "请核实处理", null, now,
                now.plusDays(3), false);
        em.persist(c);
        Case co = new Case(m, em.find(Unit.class, unit.getId()), UnitRole.CO, "协办", null, now, now.plusDays(3),
                false);
        em.persist(co);
        Reply r = new Reply(c, 1, html, em.find(Person.class, liaison.getId()), now);
        em.persist(r);
        Reply coReply = new Reply(co, 1, "<p>协办单位意见</p>", em.find(Person.class, liaison.getId()), now);
        em.persist(coReply);
        Reply draft = new Reply(c, 2, "<p>草稿，不应显示</p>", em.find(Person.class, liaison.getId()), now);
        em.persist(draft);
        em.flush();
        em.createNativeQuery("update reply set status = 'PUBLISHED', published_at = now() where id in (?1, ?2)")
                .setParameter(1, r.getId()).setParameter(2, coReply.getId()).executeUpdate();
        tx.commit();
        em.getEntityManagerFactory().getCache().evictAll();
        return r.getId();
    }

    private long countTitled(String title) {
        return ((Number) em.createNativeQuery("select count(*) from message where title = ?1")
                .setParameter(1, title).getSingleResult()).longValue();
    }

    private PostingRequest request(String title, String body, String phone, boolean privateMessage) {
        return new PostingRequest(MessageKind.QUESTION, categoryId(), null, title, body, null, phone, null,
                privateMessage, List.of());
    }

    private static PostingOrigin web(String address) {
        ArithmeticChallenge c = ArithmeticChallenge.next();
        return PostingOrigin.web(address, null, c, Integer.toString(c.answer()));
    }

    private Long categoryId() {
        return posting.activeCategories().get(0).getId();
    }

    private Long unitId() {
        return posting.activeUnits().get(0).getId();
    }

    private static String address() {
        return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
    }

    private static String phone() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }
}
