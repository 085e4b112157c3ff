package com.telco.complaints.intake.domain;

import com.telco.complaints.contracts.event.Category;

import java.util.Optional;

/**
 * A kind of complaint the operator does not take (seed 001 "受理范围"). A rule matches when every
 * criterion it sets matches; criteria left empty match anything.
 *
 * @param code   stable, for metrics and clients, e.g. {@code HANDSET_REPAIR}
 * @param reason told to the submitter
 */
public record ScopeRule(String code, String reason, Optional<Category> category, Optional<String> subcategory,
                        Optional<String> region) {

    boolean matches(ComplaintDraft draft) {
        return category.map(c -> c == draft.category()).orElse(true)
                && subcategory.map(s -> s.equalsIgnoreCase(draft.subcategory())).orElse(true)
                && region.map(r -> r.equalsIgnoreCase(draft.region())).orElse(true);
    }
}
