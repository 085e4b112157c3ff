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

    static String uniqueId() {
        return UUID.randomUUID().toString();
    }
}
