package org.wenzheng.privacy;

import org.eclipse.microprofile.config.Config;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the contact key comes from (MicroProfile Config, so environment variables work):
 * <ul>
 * <li>{@code wz.crypto.contact-key} ({@code WZ_CRYPTO_CONTACT_KEY}): the current key, 32 bytes in base64
 *     ({@code openssl rand -base64 32}); {@code wz.crypto.contact-key-version} (default 1) is the version written
 *     into every value sealed with it.</li>
 * <li>{@code wz.crypto.old-contact-keys}: after a rotation, the earlier keys as {@code 1:<base64>,2:<base64>}, so
 *     values sealed under them stay readable.</li>
 * <li>Without a key, in demo mode only ({@code wz.demo.enabled=true}: the run command, the tests), a key is made once
 *     and kept in {@code wz.crypto.dev-key-file} (the run command puts it under WZ_HOME; default
 *     {@code ~/.wenzheng/contact-key}). In production there is no fallback: contact data cannot be written or read
 *     and the readiness check says why.</li>
 * </ul>
 */
public final class ContactKeys {

    public static final String KEY = "wz.crypto.contact-key";
    public static final String VERSION = "wz.crypto.contact-key-version";
    public static final String OLD_KEYS = "wz.crypto.old-contact-keys";
    public static final String DEV_KEY_FILE = "wz.crypto.dev-key-file";
    public static final String MISSING = "No key for citizens' contact data: set WZ_CRYPTO_CONTACT_KEY (wz.crypto"
            + ".contact-key) to 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`. Until then"
            + " messages cannot be posted and contact data cannot be shown.";

    private ContactKeys() {
    }

    /** The cipher from configuration; a {@link ContactDataException} with {@link #MISSING} if production has no key. */
    public static ContactCipher load(Config config) {
        int version = config.getOptionalValue(VERSION, Integer.class).orElse(1);
        Optional<String> configured = config.getOptionalValue(KEY, String.class).filter(s -> !s.isBlank());
        boolean demo = config.getOptionalValue("wz.demo.enabled", Boolean.class).orElse(false);
        byte[] current;
        if (configured.isPresent()) {
            current = decode(configured.get(), KEY);
        } else if (demo) {
            Path file = config.getOptionalValue(DEV_KEY_FILE, String.class).filter(s -> !s.isBlank()).map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".wenzheng", "contact-key"));
            current = devKey(file);
        } else {
            throw new ContactDataException(MISSING);
        }
        Map<Integer, SecretKey> keys = new HashMap<>(parseOld(config.getOptionalValue(OLD_KEYS, String.class)
                .orElse("")));
        keys.put(version, new SecretKeySpec(current, "AES"));
        return new ContactCipher(version, keys);
    }

    static Map<Integer, SecretKey> parseOld(String setting) {
        Map<Integer, SecretKey> keys = new HashMap<>();
        for (String part : setting.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            if (colon < 1) {
                throw new ContactDataException(OLD_KEYS + " must be version:base64key pairs separated by commas");
            }
            try {
                keys.put(Integer.parseInt(p.substring(0, colon).strip()),
                        new SecretKeySpec(decode(p.substring(colon + 1).strip(), OLD_KEYS), "AES"));
            } catch (NumberFormatException e) {
                throw new ContactDataException(OLD_KEYS + ": '" + p.substring(0, colon) + "' is not a version number");
            }
        }
        return keys;
    }

    static byte[] decode(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ContactDataException(setting + " is not base64");
        }
        if (key.length != 32) {
            throw new ContactDataException(setting + " must be 32 bytes (AES-256), not " + key.length);
        }
        return key;
    }

    /** A development key, made once and kept, so that demo data stays readable across restarts. */
    static byte[] devKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the folder's own permissions apply.
                    }
                } catch (FileAlreadyExistsException raced) {
                    // Another instance made it first: use theirs.
                }
            }
            return decode(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development contact key in " + file, e);
        }
    }
}
