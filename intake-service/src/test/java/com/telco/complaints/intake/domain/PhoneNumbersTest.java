package com.telco.complaints.intake.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "13812345678, 13812345678",
            "+8613812345678, 13812345678",
            "+86 138 1234 5678, 13812345678",
            "0086-138-1234-5678, 13812345678",
            "199 0000 1111, 19900001111",
            "010-12345678, 01012345678",
            "(0571) 8765 4321, 057187654321",
            "0571-8765432, 05718765432",
            "+86 10 12345678, 01012345678",
            "+86-571-87654321, 057187654321",
    })
    void mobileAndFixedLineNumbersAreNormalizedToDigits(String raw, String normal) {
        assertThat(PhoneNumbers.normalize(raw)).contains(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1381234567",      // 10 digits
            "138123456789",    // 12 digits
            "12812345678",     // no 12x mobile prefix
            "23812345678",     // not starting with 1
            "+1 415 555 0100", // not Chinese
            "138-1234-567a",   // letters
            "010-123456",      // local number too short
            "10-12345678",     // area code without 0
            "0086",            // prefix only
            "",
    })
    void otherStringsAreNotPhoneNumbers(String raw) {
        assertThat(PhoneNumbers.normalize(raw)).isEmpty();
    }
}
