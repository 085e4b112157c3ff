package com.telco.complaints.contracts.event;

import java.time.Instant;
import java.util.UUID;

/**
 * Routing decided a provisional refund (暂退费, seed 004): the PROOF clock of a billing dispute passed its deadline
 * with no proof from the service provider, so the disputed amount goes back to the customer, as a fact the billing
 * system follows. Caused by the PROOF clock's breach; once per case, never after a proof.
 *
 * @param spCode        the service provider whose charge is refunded
 * @param serviceName   the service the charge was for
 * @param amountFen     the refunded amount in fen: the disputed amount
 * @param billingPeriod the month billed, {@code YYYY-MM}
 * @param proofDeadline the PROOF clock's deadline that passed
 */
public record ProvisionalRefundGranted(
        UUID eventId, String complaintId, Instant occurredAt, int schemaVersion, String causationId, String actor,
        String spCode, String serviceName, long amountFen, String billingPeriod, Instant proofDeadline)
        implements ComplaintEvent {}
