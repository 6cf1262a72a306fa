package org.wenzheng.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AES-256-GCM for one contact value. Stored form: {@code v<version>:<base64(iv ‖ ciphertext ‖ tag)>} with a random
 * 96-bit IV per value and a 128-bit tag; the version names the key, so keys can be rotated while older values stay
 * readable. A value without the prefix is a plaintext row from before V16 (or inserted by SQL): it is read as is and
 * encrypted when next written. An altered value fails its tag and is refused, never returned.
 */
public final class ContactCipher {

    private static final Pattern STORED = Pattern.compile("v(\\d{1,5}):([A-Za-z0-9+/=]+)");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Associated data: a value is only valid as contact data of this application. */
    private static final byte[] AAD = "wenzheng-contact".getBytes(StandardCharsets.US_ASCII);

    private final int currentVersion;
    private final Map<Integer, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    /** @param keys every usable key by version; must hold {@code currentVersion}. */
    public ContactCipher(int currentVersion, Map<Integer, SecretKey> keys) {
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("no key for the current version " + currentVersion);
        }
        this.currentVersion = currentVersion;
        this.keys = Map.copyOf(keys);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentVersion), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(AAD);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "v" + currentVersion + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new ContactDataException("contact data could not be encrypted", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        Matcher m = STORED.matcher(stored);
        if (!m.matches()) {
            return stored;
        }
        int version = Integer.parseInt(m.group(1));
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new ContactDataException("contact data is under key version " + version
                    + ", which is not configured (add it to wz.crypto.old-contact-keys as " + version + ":<key>)");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new ContactDataException("contact data is not valid base64", e);
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new ContactDataException("contact data is too short to be a sealed value");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            c.updateAAD(AAD);
            return new String(c.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ContactDataException("contact data failed its integrity check (altered, or another key)", e);
        } catch (GeneralSecurityException e) {
            throw new ContactDataException("contact data could not be decrypted", e);
        }
    }

    /** Whether a stored value is sealed under the current key (null counts: there is nothing to re-encrypt). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith("v" + currentVersion + ":");
    }

    /** Whether a stored value is sealed at all (under any version). */
    public static boolean isSealed(String stored) {
        return stored != null && STORED.matcher(stored).matches();
    }

    public int currentVersion() {
        return currentVersion;
    }
}
