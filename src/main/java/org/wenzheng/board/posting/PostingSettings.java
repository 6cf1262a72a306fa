package org.wenzheng.board.posting;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Posting's MicroProfile Config, read once:
 * <ul>
 * <li>{@code wz.storage.dir}: where attachments are written, outside the web root; default
 *     {@code ${user.home}/.wenzheng/files}.</li>
 * <li>{@code wz.posting.maxPerHour}: messages per hour per client address and per contact; default 5.</li>
 * <li>{@code wz.posting.bannedWords}: comma-separated words that hold a message for review; default none. In a
 *     properties file (ISO-8859-1) write Chinese words as Unicode escapes (backslash, u, four hex digits), or set
 *     {@code WZ_POSTING_BANNEDWORDS} in the environment.</li>
 * <li>The administrator's board settings (rows {@code posting.bannedWords}, {@code posting.maxPerHour} of the
 *     setting table, /office/admin/settings.xhtml) take precedence over the two above once saved; they are re-read
 *     at most every {@link #REREAD} so that a change applies on every instance without a restart.</li>
 * <li>{@code wz.posting.hashKey}: the key of the HMAC that turns IP addresses and contacts into counting keys. If
 *     unset, a random key is made once and kept in {@code .hash-key} in the storage folder, so counts survive a
 *     restart and the hashes cannot be reversed by trying all IPv4 addresses or phone numbers without it.</li>
 * </ul>
 */
@ApplicationScoped
public class PostingSettings {

    static final String BANNED_WORDS_ROW = "posting.bannedWords";
    static final String MAX_PER_HOUR_ROW = "posting.maxPerHour";

    @Inject
    @ConfigProperty(name = "wz.storage.dir")
    Optional<String> storageDirSetting;

    @Inject
    @ConfigProperty(name = "wz.posting.maxPerHour", defaultValue = "5")
    int maxPerHour;

    @Inject
    @ConfigProperty(name = "wz.posting.bannedWords")
    Optional<String> bannedWordsSetting;

    @Inject
    @ConfigProperty(name = "wz.posting.hashKey")
    Optional<String> hashKeySetting;

    static final Duration REREAD = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    private Path storageDir;
    private List<String> bannedWords;
    private byte[] hashKey;

    /** The administrator's values as last read, and when (System.nanoTime()). */
    private record Stored(List<String> bannedWords, Integer maxPerHour, long readAt) {
    }

    private volatile Stored stored;

    @PostConstruct
    void init() {
        storageDir = storageDirSetting.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".wenzheng", "files"))
                .toAbsolutePath();
        bannedWords = PostingRules.parseWords(bannedWordsSetting.orElse(""));
        hashKey = hashKeySetting.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(this::storedHashKey);
    }

    private byte[] storedHashKey() {
        Path file = storageDir.resolve(".hash-key");
        try {
            Files.createDirectories(storageDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.writeString(file, HexFormat.of().formatHex(key), java.nio.file.StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // Another instance wrote it first: use theirs.
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the hash key in " + storageDir, e);
        }
    }

    /** A keyed SHA-256 of a value, hex; what rate limits count by instead of the value itself. */
    public String keyedHash(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path storageDir() { return storageDir; }
    public int maxPerHour() {
        Integer v = stored().maxPerHour();
        return v != null ? v : maxPerHour;
    }

    public List<String> bannedWords() {
        List<String> v = stored().bannedWords();
        return v != null ? v : bannedWords;
    }

    private Stored stored() {
        Stored s = stored;
        if (s == null || System.nanoTime() - s.readAt() > REREAD.toNanos()) {
            s = readStored();
            stored = s;
        }
        return s;
    }

    private Stored readStored() {
        List<?> rows = em.createNativeQuery("select key, value from setting where key in (?1, ?2)")
                .setParameter(1, BANNED_WORDS_ROW).setParameter(2, MAX_PER_HOUR_ROW).getResultList();
        List<String> words = null;
        Integer perHour = null;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            if (BANNED_WORDS_ROW.equals(r[0])) {
                words = PostingRules.parseWords(String.valueOf(r[1]));
            } else {
                try {
                    perHour = Integer.valueOf(String.valueOf(r[1]).strip());
                } catch (NumberFormatException e) {
                    perHour = null;
                }
            }
        }
        return new Stored(words, perHour, System.nanoTime());
    }

    /** Forgets the administrator's values read so far: the next posting reads them again. */
    public void reread() {
        stored = null;
    }
}
