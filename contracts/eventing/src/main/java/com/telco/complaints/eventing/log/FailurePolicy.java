package com.telco.complaints.eventing.log;

/**
 * Where a record that can never apply goes: parked in the service's {@code parked_records} (the
 * log is the system of record, so it waits there to be re-driven, and the later records of its
 * case wait behind it), or dead-lettered to a topic with the reason in headers (a door that refuses
 * input it was sent).
 */
public record FailurePolicy(String deadLetterTopic) {

    public static FailurePolicy park() {
        return new FailurePolicy(null);
    }

    public static FailurePolicy deadLetter(String topic) {
        return new FailurePolicy(topic);
    }

    public boolean parks() {
        return deadLetterTopic == null;
    }
}
