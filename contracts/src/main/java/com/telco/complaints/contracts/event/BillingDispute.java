package com.telco.complaints.contracts.event;

/**
 * A customer disputes a charge collected on behalf of a service provider (SP) (seed 004, 短信息服务收费异议): the
 * undisputed part is collected, the disputed part held; unless the parties prove the charge within 15 days, the
 * customer is refunded provisionally (暂退费).
 *
 * @param spCode            the service provider's code (企业代码)
 * @param serviceName       the service the charge was for
 * @param disputedAmountFen the disputed amount in fen (1/100 yuan), positive
 * @param billingPeriod     the month billed, {@code YYYY-MM}
 */
public record BillingDispute(String spCode, String serviceName, long disputedAmountFen, String billingPeriod) {}
