package com.telco.complaints.intake.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese phone numbers as customers and agents type them. A mobile number is 11 digits starting
 * with 1 (13x–19x), with an optional +86 / 0086 prefix; a fixed-line number has a 3- or 4-digit
 * area code starting with 0 and a 7- or 8-digit local number. Spaces, hyphens, dots and
 * parentheses are ignored. The normal form is the digits alone: {@code 13812345678},
 * {@code 01012345678}.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern FIXED_LINE = Pattern.compile("0(?:[1-9]\\d)\\d{7,8}|0(?:[1-9]\\d{2})\\d{7,8}");
    private static final Pattern FIXED_LINE_INTERNATIONAL = Pattern.compile("[1-9]\\d{1,2}\\d{7,8}");

    private PhoneNumbers() {}

    /** The normal form of {@code raw}, or empty when it is neither a mobile nor a fixed-line number. */
    public static Optional<String> normalize(String raw) {
        String digits = SEPARATORS.matcher(raw).replaceAll("");
        boolean international = false;
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
            international = true;
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
            international = true;
        }
        if (MOBILE.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        if (!international && FIXED_LINE.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        if (international && FIXED_LINE_INTERNATIONAL.matcher(digits).matches()
                && FIXED_LINE.matcher("0" + digits).matches()) {
            return Optional.of("0" + digits);
        }
        return Optional.empty();
    }
}
