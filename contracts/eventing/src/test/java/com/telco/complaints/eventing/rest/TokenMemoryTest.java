package com.telco.complaints.eventing.rest;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenMemoryTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A verified token: its text and expiry (epoch seconds). */
    private record Token(String text, long exp) {}

    private final Hands clock = new Hands();
    private final List<String> verified = new ArrayList<>();
    private long expiresIn = 3600;

    private Token verify(String token) throws Exception {
        if (token.startsWith("bad")) {
            throw new Exception("signature does not verify");
        }
        verified.add(token);
        return new Token(token, expiresIn == 0 ? 0 : clock.now.getEpochSecond() + expiresIn);
    }

    private Token check(TokenMemory<Token> memory, String token) throws Exception {
        return memory.verified(token, this::verify, Token::exp);
    }

    @Test
    void aTokenVerifiedOnceIsTakenFromMemoryForTheReuseWindowThenVerifiedAgain() throws Exception {
        TokenMemory<Token> memory = new TokenMemory<>(clock, Duration.ofMinutes(1), 100, 8192);
        check(memory, "a");
        clock.now = T0.plusSeconds(59);
        assertThat(check(memory, "a").text()).isEqualTo("a");
        assertThat(verified).containsExactly("a");
        clock.now = T0.plusSeconds(60);
        check(memory, "a");
        assertThat(verified).containsExactly("a", "a");
    }

    @Test
    void aTokenIsNeverTakenFromMemoryPastItsExpiry() throws Exception {
        TokenMemory<Token> memory = new TokenMemory<>(clock, Duration.ofMinutes(1), 100, 8192);
        expiresIn = 10;
        check(memory, "short-lived");
        clock.now = T0.plusSeconds(9);
        check(memory, "short-lived");
        assertThat(verified).hasSize(1);
        clock.now = T0.plusSeconds(10);
        check(memory, "short-lived");
        assertThat(verified).hasSize(2);
    }

    @Test
    void aTokenThatFailsIsNotRememberedAndAnotherTokenIsVerifiedInFull() throws Exception {
        TokenMemory<Token> memory = new TokenMemory<>(clock, Duration.ofMinutes(1), 100, 8192);
        assertThatThrownBy(() -> check(memory, "bad-token")).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> check(memory, "bad-token")).hasMessageContaining("does not verify");
        check(memory, "a");
        check(memory, "a2");
        assertThat(verified).containsExactly("a", "a2");
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void theMemoryIsBoundedInCountAndTokenLength() throws Exception {
        TokenMemory<Token> memory = new TokenMemory<>(clock, Duration.ofMinutes(1), 3, 10);
        for (String t : List.of("t1", "t2", "t3", "t4")) {
            check(memory, t);
        }
        assertThat(memory.size()).isLessThanOrEqualTo(3);
        check(memory, "a-token-longer-than-ten");
        check(memory, "a-token-longer-than-ten");
        assertThat(verified.stream().filter(t -> t.startsWith("a-token")).count()).as("never remembered").isEqualTo(2);
    }
}
