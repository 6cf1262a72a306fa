package org.wenzheng.people;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "short1!, password.tooShort",
            "'', password.tooShort",
            "aaaaaaaaaaaa, password.weak",
            "password123, password.weak",
            "1234567890, password.weak",
            "qwertyuiop, password.weak",
            "Password2026, password.weak"
    })
    void weakOrShortPasswordsAreRefused(String password, String key) {
        assertEquals(Optional.of(key), PasswordPolicy.problem(password));
    }

    @Test
    void thePersonsOwnNamesCountAsGuessable() {
        assertEquals(Optional.empty(), PasswordPolicy.problem("zhangwei2026!"));
        assertEquals(Optional.of("password.weak"), PasswordPolicy.problem("zhangwei2026!", "zhangwei", "liaison"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "长江大桥-Tuesday-4711", "v9#Qm!2xLp$7", "月光照在青石板路上了"})
    void strongPasswordsPass(String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problem(password));
    }

    @Test
    void overlongPasswordsAreRefused() {
        assertEquals(Optional.of("password.tooLong"), PasswordPolicy.problem("Ab3$".repeat(40)));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Nine rare characters outside the basic plane are 18 UTF-16 units but still too short.
        assertEquals(Optional.of("password.tooShort"), PasswordPolicy.problem("𠮷𡃁𠮷𡃁𠮷𡃁𠮷𡃁𠮷"));
    }
}
