package com.telco.complaints.eventing.rest;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;

/**
 * Every door's token check, with a memory ({@link TokenMemory}): a bearer token verified in the last
 * minute, and not expired, is not verified again. A token that differs by one character is another
 * token and is verified in full; a token that failed is never remembered.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    /** The longest a verified token is taken on trust. */
    static final Duration REUSE = Duration.ofMinutes(1);

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    MeterRegistry meters;

    private final TokenMemory<JsonWebToken> memory = new TokenMemory<>(Clock.systemUTC(), REUSE, 1_000, 8192);

    @PostConstruct
    void init() {
        FunctionCounter.builder("auth.tokens", memory, TokenMemory::remembered).tag("checked", "remembered")
                .description("Bearer tokens taken from the memory of tokens verified in the last minute")
                .register(meters);
        FunctionCounter.builder("auth.tokens", memory, TokenMemory::verifiedInFull).tag("checked", "verified")
                .description("Bearer tokens whose signature and claims were verified in full").register(meters);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return memory.verified(token, parser::parse, JsonWebToken::getExpirationTime);
    }
}
