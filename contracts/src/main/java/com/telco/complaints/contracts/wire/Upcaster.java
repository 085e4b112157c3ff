package com.telco.complaints.contracts.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rewrites the JSON of one schema version of an event into the next version's form. */
@FunctionalInterface
public interface Upcaster {
    ObjectNode upcast(ObjectNode older);
}
