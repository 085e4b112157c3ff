package com.telco.complaints.eventing.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as the verified bearer token says: the only source of an actor's identity. A
 * header or body field that names somebody else is refused ({@link #mustBe}).
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    /** The token's subject ({@code sub}): recorded as who acted. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : token.getName();
    }

    /** The display name ({@code name}), or the subject when the token has none. */
    public String name() {
        Object name = token.getClaim("name");
        return name == null ? subject() : String.valueOf(name);
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The agent's department ({@code department} claim), when the token has one. */
    public Optional<String> department() {
        Object department = token.getClaim("department");
        return department == null || String.valueOf(department).isBlank() ? Optional.empty()
                : Optional.of(String.valueOf(department));
    }

    /**
     * The department an agent acts for; 403 for an agent whose token names none (it may act for no
     * department at all).
     */
    public String agentDepartment() {
        return department().orElseThrow(() -> new ForbiddenException(
                "the token of agent " + subject() + " names no department"));
    }

    /**
     * Checks a self-declared actor (a header or body field) against the token: absent or equal to the
     * subject is fine; anything else is a 400 naming the field.
     */
    public void mustBe(String field, String declared) {
        if (declared != null && !declared.isBlank() && !Objects.equals(declared.strip(), subject())) {
            throw new RequestProblems.Invalid(List.of(new FieldError(field,
                    "names " + declared.strip() + ", but the token is " + subject() + "'s; leave it out (the token says who acts)")));
        }
    }
}
