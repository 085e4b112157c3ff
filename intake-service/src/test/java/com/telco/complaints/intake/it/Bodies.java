package com.telco.complaints.intake.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.telco.complaints.contracts.wire.EventJson;

import java.util.UUID;

/** Complaint bodies as publishing systems send them. */
final class Bodies {

    private Bodies() {}

    static ObjectNode valid() {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("channel", "HOTLINE").put("category", "NETWORK").put("subcategory", "weak-signal")
                .put("urgency", "NORMAL").put("region", "TZ-HL")
                .put("description", "家里从周一起没有信号 📵 No signal at home since Monday").put("demand", "Fix coverage");
        body.putObject("customer").put("name", "王丽 Wang Li").put("phone", "+86 138-1234-5678").put("tier", "STANDARD")
                .put("contact", "wang.li@example.cn");
        return body;
    }

    static ObjectNode withExternalRef(String id) {
        ObjectNode body = valid();
        body.putObject("externalRef").put("system", "crm").put("id", id);
        return body;
    }

    /** A BUSINESS complaint that disputes a service provider's charge (seed 004). */
    static ObjectNode disputing(String externalId) {
        ObjectNode body = withExternalRef(externalId).put("category", "BUSINESS").put("subcategory", "sp-charge")
                .put("description", "每月被扣天气预报信息费，从未订购 Charged for a weather service never ordered")
                .put("demand", "退还信息费 Refund the charge");
        body.putObject("billingDispute").put("spCode", "SP901234").put("serviceName", "天气预报 daily weather")
                .put("disputedAmountFen", 1000).put("billingPeriod", "2026-10");
        return body;
    }

    static String uniqueId() {
        return UUID.randomUUID().toString();
    }
}
