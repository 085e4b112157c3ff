package com.telco.complaints.systemtests;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A complaint as a publishing system submits it (API.md, POST /complaints), valid unless a test breaks it. */
final class ComplaintBody {

    private String channel = "HOTLINE";
    private final String category;
    private final String subcategory = "weak-signal";
    private String urgency = "NORMAL";
    private final String region;
    private String tier = "STANDARD";
    private final String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    private String externalRef;
    private Map<String, Object> resolvedAtFirstContact;
    private Map<String, Object> billingDispute;

    private ComplaintBody(String category, String region) {
        this.category = category;
        this.region = region;
    }

    static ComplaintBody network(String region) {
        return new ComplaintBody("NETWORK", region);
    }

    /** A service complaint: outside TZ-HL no shipped dispatch rule fits it, and it waits for triage. */
    static ComplaintBody service(String region) {
        return new ComplaintBody("SERVICE", region);
    }

    /** A business complaint: billing takes it. */
    static ComplaintBody business(String region) {
        return new ComplaintBody("BUSINESS", region);
    }

    /** A region code no other test uses, so that {@code /cases?region=} shows only this test's cases. */
    static String uniqueRegion(String prefix) {
        return (prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36))
                .toUpperCase(Locale.ROOT);
    }

    ComplaintBody urgent() {
        urgency = "URGENT";
        return this;
    }

    /** A key customer's (重要客户): the green channel's desk takes it, and management hears when it is overdue. */
    ComplaintBody keyCustomer() {
        tier = "KEY";
        return this;
    }

    ComplaintBody channel(String channel) {
        this.channel = channel;
        return this;
    }

    ComplaintBody externalRef(String id) {
        this.externalRef = id;
        return this;
    }

    /** Resolved during the first contact (即时处理): not dispatched, surveyed on what the customer was told. */
    ComplaintBody resolvedAtFirstContact(String measures, String explanation) {
        this.resolvedAtFirstContact = Map.of("measures", measures, "explanation", explanation);
        return this;
    }

    /** Disputes a charge collected for a service provider (seed 004): the PROOF clock runs. */
    ComplaintBody billingDispute(String spCode, String serviceName, long disputedAmountFen, String billingPeriod) {
        this.billingDispute = Map.of("spCode", spCode, "serviceName", serviceName,
                "disputedAmountFen", disputedAmountFen, "billingPeriod", billingPeriod);
        return this;
    }

    Map<String, Object> json() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Wang Li");
        customer.put("phone", phone);
        customer.put("tier", tier);
        customer.put("contact", "evenings");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("category", category);
        body.put("subcategory", subcategory);
        body.put("urgency", urgency);
        body.put("region", region);
        body.put("customer", customer);
        body.put("description", "No signal at home since Monday");
        body.put("demand", "Fix coverage");
        if (resolvedAtFirstContact != null) {
            body.put("resolvedAtFirstContact", resolvedAtFirstContact);
        }
        if (billingDispute != null) {
            body.put("billingDispute", billingDispute);
        }
        if (externalRef != null) {
            body.put("externalRef", Map.of("system", "crm", "id", externalRef));
        }
        return body;
    }
}
