package org.wenzheng.board.posting;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
 * <li>{@code wz.posting.hashKey}: the key of the HMAC that turns IP addresses and contacts into counting keys. If
 *     unset, a random key is made once and kept in {@code .hash-key} in the storage folder, so counts survive a
 *     restart and the hashes cannot be reversed by trying all IPv4 addresses or phone numbers without it.</li>
 * </ul>
 */
@ApplicationScoped
public class PostingSettings {

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

    private Path storageDir;
    private List<String> bannedWords;
    private byte[] hashKey;

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
    public int maxPerHour() { return maxPerHour; }
    public List<String> bannedWords() { return bannedWords; }
}
