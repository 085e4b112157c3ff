package com.telco.complaints.intake.config;

import com.telco.complaints.intake.domain.BusinessScope;
import com.telco.complaints.intake.domain.ComplaintNumbers;
import com.telco.complaints.intake.domain.ReplyPromise;
import com.telco.complaints.intake.domain.ScopeRule;
import com.telco.complaints.intake.domain.SubmissionValidator;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Set;

/** The domain objects, built from configuration. */
@ApplicationScoped
public class IntakeBeans {

    @Produces
    @Singleton
    @Startup
    BusinessScope businessScope(IntakeConfig config) {
        var rules = config.scope().refusals().entrySet().stream()
                .map(e -> new ScopeRule(e.getKey(), e.getValue().reason(), e.getValue().category(),
                        e.getValue().subcategory(), e.getValue().region()))
                .toList();
        return new BusinessScope(config.scope().servedRegions().orElse(Set.of()), rules);
    }

    @Produces
    @Singleton
    ComplaintNumbers complaintNumbers(IntakeConfig config) {
        return new ComplaintNumbers(config.timeZone());
    }

    @Produces
    @Singleton
    ReplyPromise replyPromise(IntakeConfig config) {
        return new ReplyPromise(config.replyPromise().normal(), config.replyPromise().urgent());
    }

    @Produces
    @Singleton
    SubmissionValidator submissionValidator(Clock clock, IntakeConfig config) {
        return new SubmissionValidator(clock, config.timeZone());
    }
}
