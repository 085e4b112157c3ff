package com.telco.complaints.contracts.lifecycle;

/** The result of applying one event to a case: a new state, or a rejection and the state unchanged. */
public sealed interface Transition {

    CaseState state();

    record Applied(CaseState state) implements Transition {}

    record Rejected(CaseState state, Rejection rejection) implements Transition {}

    default boolean applied() {
        return this instanceof Applied;
    }
}
