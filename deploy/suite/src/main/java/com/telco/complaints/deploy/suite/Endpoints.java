package com.telco.complaints.deploy.suite;

import com.telco.complaints.deploy.infra.SuiteTopics;

/**
 * Where the services find the infrastructure of one suite run.
 *
 * @param password null when the server needs none (trust auth, embedded PostgreSQL)
 */
public record Endpoints(String bootstrapServers, String jdbcUrl, String user, String password, SuiteTopics topics) {

    /** Without the password, which has no business in logs. */
    @Override
    public String toString() {
        return "Endpoints[bootstrapServers=" + bootstrapServers + ", jdbcUrl=" + jdbcUrl + ", user=" + user
                + (password == null ? "" : ", password=***") + ", topics=" + topics.all() + "]";
    }
}
