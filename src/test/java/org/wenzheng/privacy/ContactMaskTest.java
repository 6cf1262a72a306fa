package org.wenzheng.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContactMaskTest {

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****1234", ContactMask.phone("13812341234"));
        assertEquals("+86 1******1234", ContactMask.phone("+86 13812341234"), "country code counted as digits");
        assertEquals("138-****-1234", ContactMask.phone("138-1234-1234"));
    }

    @Test
    void shortNumbersKeepAtMostTheirLastTwoDigits() {
        assertEquals("****-****34", ContactMask.phone("0571-123434"));
        assertEquals("*****78", ContactMask.phone("1234578"));
        assertEquals("****", ContactMask.phone("1234"));
        assertNull(ContactMask.phone(null));
        assertEquals("", ContactMask.phone(""));
    }

    @Test
    void eMailKeepsItsFirstLetterAndDomain() {
        assertEquals("z***@example.com", ContactMask.email("zhang.san@example.com"));
        assertEquals("Z***@Example.com", ContactMask.email("Zhang@Example.com"));
        assertEquals("a***@b.cn", ContactMask.email("a@b.cn"));
        assertEquals("***", ContactMask.email("no-at-sign"));
        assertNull(ContactMask.email(null));
    }

    @Test
    void logTextHasEveryAddressAndNumberMasked() {
        assertEquals("550 5.1.1 <z***@example.com>: Recipient address rejected; call 139****0002",
                ContactMask.inText("550 5.1.1 <zhang@example.com>: Recipient address rejected; call 13900000002"));
        assertEquals("Mail 42 failed (attempt 3)", ContactMask.inText("Mail 42 failed (attempt 3)"),
                "short numbers are not phones");
        assertNull(ContactMask.inText(null));
    }
}
