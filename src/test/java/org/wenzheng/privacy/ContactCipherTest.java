package org.wenzheng.privacy;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactCipherTest {

    private static SecretKey key(int seed) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (seed + i);
        }
        return new SecretKeySpec(k, "AES");
    }

    private final ContactCipher cipher = new ContactCipher(1, Map.of(1, key(1)));

    @Test
    void aValueComesBackExactlyAndIsNotReadableAtRest() {
        String sealed = cipher.encrypt("13812341234");
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains("1381234"), sealed);
        assertEquals("13812341234", cipher.decrypt(sealed));
        assertEquals("张三@例子.中国", cipher.decrypt(cipher.encrypt("张三@例子.中国")));
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    @Test
    void everyValueGetsItsOwnIv() {
        String a = cipher.encrypt("z@example.com");
        String b = cipher.encrypt("z@example.com");
        assertNotEquals(a, b, "a random 96-bit IV per value: equal plaintexts do not give equal ciphertexts");
        byte[] ivA = java.util.Arrays.copyOf(Base64.getDecoder().decode(a.substring(3)), 12);
        byte[] ivB = java.util.Arrays.copyOf(Base64.getDecoder().decode(b.substring(3)), 12);
        assertFalse(java.util.Arrays.equals(ivA, ivB));
        // 12 bytes of IV, the text, 16 bytes of tag
        assertEquals(12 + "z@example.com".length() + 16, Base64.getDecoder().decode(a.substring(3)).length);
    }

    @Test
    void aTamperedValueIsRefused() {
        String sealed = cipher.encrypt("13812341234");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        for (int pos : new int[]{0, 12, raw.length - 1}) {
            byte[] bad = raw.clone();
            bad[pos] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(bad);
            ContactDataException e = assertThrows(ContactDataException.class, () -> cipher.decrypt(tampered));
            assertTrue(e.getMessage().contains("integrity"), e.getMessage());
        }
        assertThrows(ContactDataException.class, () -> cipher.decrypt("v1:AAAA"), "too short");
        assertThrows(ContactDataException.class, () -> cipher.decrypt("v1:" + sealed.substring(3, 30)));
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.encrypt("13812341234");
        ContactCipher other = new ContactCipher(1, Map.of(1, key(99)));
        assertThrows(ContactDataException.class, () -> other.decrypt(sealed));
    }

    @Test
    void afterARotationOldValuesStayReadableAndNewOnesUseTheNewVersion() {
        String old = cipher.encrypt("13812341234");
        ContactCipher rotated = new ContactCipher(2, Map.of(1, key(1), 2, key(2)));
        assertEquals("13812341234", rotated.decrypt(old));
        assertFalse(rotated.isCurrent(old));
        String fresh = rotated.encrypt("13812341234");
        assertTrue(fresh.startsWith("v2:") && rotated.isCurrent(fresh));
        ContactDataException e = assertThrows(ContactDataException.class,
                () -> new ContactCipher(3, Map.of(3, key(3))).decrypt(fresh));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void plaintextFromBeforeEncryptionIsReadAsIs() {
        assertEquals("13812341234", cipher.decrypt("13812341234"));
        assertFalse(ContactCipher.isSealed("13812341234"));
        assertTrue(ContactCipher.isSealed(cipher.encrypt("x")));
    }

    @Test
    void keysComeFromConfigurationAndAreChecked() throws Exception {
        assertThrows(ContactDataException.class, () -> ContactKeys.decode("c2hvcnQ=", "k"), "not 32 bytes");
        assertThrows(ContactDataException.class, () -> ContactKeys.decode("%%%", "k"), "not base64");
        String b64 = Base64.getEncoder().encodeToString(key(5).getEncoded());
        Map<Integer, SecretKey> old = ContactKeys.parseOld(" 1:" + b64 + " , 2:" + b64);
        assertEquals(2, old.size());
        assertArrayEquals(key(5).getEncoded(), old.get(1).getEncoded());
        assertThrows(ContactDataException.class, () -> ContactKeys.parseOld("x:" + b64));
        assertTrue(ContactKeys.parseOld("").isEmpty());
    }

    @Test
    void aDevelopmentKeyIsMadeOnceAndKept() throws Exception {
        Path dir = Files.createTempDirectory("wz-key");
        Path file = dir.resolve("sub").resolve("contact-key");
        byte[] first = ContactKeys.devKey(file);
        assertEquals(32, first.length);
        assertArrayEquals(first, ContactKeys.devKey(file), "the same key at the next start");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }
}
