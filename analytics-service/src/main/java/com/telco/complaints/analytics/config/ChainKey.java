package com.telco.complaints.analytics.config;

import com.telco.complaints.analytics.domain.AuditChain;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The audit archive's key ({@code analytics.audit.chain-key}), checked at start-up (a missing or
 * short key stops the service there, not at the first event): the chain's
 * hashes and the partitions' digests are keyed with it, and it is never stored in the database.
 */
@ApplicationScoped
@Startup
public class ChainKey {

    @Inject
    AnalyticsConfig config;

    private byte[] key;

    @PostConstruct
    void read() {
        key = AuditChain.key(config.audit().chainKey());
    }

    /** The key's bytes; a copy, so no caller can change it for the others. */
    public byte[] bytes() {
        return key.clone();
    }
}
