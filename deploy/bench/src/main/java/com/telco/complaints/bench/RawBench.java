package com.telco.complaints.bench;

import com.telco.complaints.deploy.suite.Service;

import java.util.List;
import java.util.Map;

/** The raw limits alone: Kafka produce and consume of 1,000,000 × 300 B, PostgreSQL insert+commit. */
final class RawBench {

    private RawBench() {}

    static Results run() throws Exception {
        Results results = new Results("raw");
        try (BenchSuite suite = BenchSuite.start(List.of(Service.INTAKE), Map.of())) {
            var ep = suite.endpoints();
            String topic = "bench-raw-" + suite.runId;
            results.add("Kafka ProducerPerformance 300 B acks=all", RawLimits.kafkaProduce(ep.kafkaAdmin(), topic,
                    1_000_000, 300), "records/s");
            results.add("Kafka ConsumerPerformance 300 B", RawLimits.kafkaConsume(ep.kafkaAdmin(), topic,
                    1_000_000), "records/s");
            results.add("PostgreSQL insert+commit, " + IntakeBench.POOL + " connections",
                    RawLimits.postgresInsertCommit(ep.jdbcUrl(), ep.user(), ep.password(), IntakeBench.POOL, 12), "rows/s");
        }
        return results;
    }
}
