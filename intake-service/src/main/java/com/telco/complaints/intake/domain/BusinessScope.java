package com.telco.complaints.intake.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operator takes: the regions it serves (all when none are listed) minus the kinds of
 * complaint its refusal rules name. Refused submissions are answered with the reason, never dropped.
 */
public final class BusinessScope {

    public static final String REGION_NOT_SERVED = "REGION_NOT_SERVED";

    private final Set<String> servedRegions;
    private final List<ScopeRule> refusals;

    public BusinessScope(Set<String> servedRegions, List<ScopeRule> refusals) {
        this.servedRegions = servedRegions.stream().map(String::toUpperCase).collect(Collectors.toUnmodifiableSet());
        this.refusals = List.copyOf(refusals);
    }

    public Optional<Refusal> refusalOf(ComplaintDraft draft) {
        if (!servedRegions.isEmpty() && !servedRegions.contains(draft.region())) {
            return Optional.of(new Refusal(REGION_NOT_SERVED,
                    "Region " + draft.region() + " is not served by this operator"));
        }
        return refusals.stream().filter(rule -> rule.matches(draft)).findFirst()
                .map(rule -> new Refusal(rule.code(), rule.reason()));
    }
}
