package com.telco.complaints.eventing.log;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsolationTest {

    private static final List<Integer> ITEMS = IntStream.rangeClosed(1, 10).boxed().toList();

    private final List<Integer> applied = new ArrayList<>();
    private final List<Integer> setAside = new ArrayList<>();
    private final List<List<Integer>> runs = new ArrayList<>();

    /** A unit of work that fails as a whole when it holds a bad item, and applies every item otherwise. */
    private Consumer<List<Integer>> failingOn(Set<Integer> bad) {
        return run -> {
            runs.add(List.copyOf(run));
            if (run.stream().anyMatch(bad::contains)) {
                throw new IllegalStateException("a bad item in " + run);
            }
            applied.addAll(run);
        };
    }

    @Test
    void oneBadItemAmongManyIsSetAsideAloneAndTheOthersAreAppliedInOrder() {
        Isolation.apply(ITEMS, failingOn(Set.of(7)), (item, failure) -> setAside.add(item));

        assertThat(setAside).containsExactly(7);
        assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10);
    }

    @Test
    void everyBadItemIsSetAsideAloneWithTheFailureItCaused() {
        List<RuntimeException> failures = new ArrayList<>();
        Isolation.apply(ITEMS, failingOn(Set.of(1, 5, 10)), (item, failure) -> {
            setAside.add(item);
            failures.add(failure);
        });

        assertThat(setAside).containsExactly(1, 5, 10);
        assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(IllegalStateException.class));
        assertThat(applied).containsExactly(2, 3, 4, 6, 7, 8, 9);
    }

    @Test
    void aRunWithoutFailureIsAppliedInOneUnitOfWork() {
        Isolation.apply(ITEMS, failingOn(Set.of()), (item, failure) -> setAside.add(item));

        assertThat(runs).containsExactly(ITEMS);
        assertThat(applied).isEqualTo(ITEMS);
        assertThat(setAside).isEmpty();
    }

    @Test
    void aTransientFailurePropagatesWithoutSettingAnythingAside() {
        RuntimeException outage = new RuntimeException("database away", new SQLException("connection refused", "08006"));

        assertThatThrownBy(() -> Isolation.apply(ITEMS, run -> {
            throw outage;
        }, (item, failure) -> setAside.add(item))).isSameAs(outage);
        assertThat(setAside).isEmpty();
    }

    @Test
    void aTransientFailureMetWhileIsolatingPropagatesAndKeepsWhatWasAppliedBefore() {
        RuntimeException outage = new RuntimeException(new SQLException("could not serialize", "40001"));
        Consumer<List<Integer>> work = run -> {
            if (run.contains(8) && run.size() <= 5) {
                throw outage; // the database went away while the batch was being split
            }
            failingOn(Set.of(3)).accept(run);
        };

        assertThatThrownBy(() -> Isolation.apply(ITEMS, work, (item, failure) -> setAside.add(item))).isSameAs(outage);
        assertThat(applied).containsExactly(1, 2, 4, 5);
        assertThat(setAside).containsExactly(3);
    }

    @Test
    void nothingToApplyDoesNoWork() {
        Isolation.apply(List.<Integer>of(), failingOn(Set.of()), (item, failure) -> setAside.add(item));

        assertThat(runs).isEmpty();
    }
}
