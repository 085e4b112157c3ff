package com.telco.complaints.contracts.event;

import java.time.Duration;

/**
 * The policy the SLA service used to compute a clock's warning and deadline.
 *
 * @param limit null for {@link LimitKind#END_OF_WORKING_DAY}
 */
public record SlaPolicyApplied(String id, LimitKind kind, Duration limit, double warningRatio) {}
