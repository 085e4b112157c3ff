package com.telco.complaints.deploy.suite.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The complaints the demo's publishing systems submit (API.md, POST /complaints): a mix of
 * channels, categories, regions, urgencies and tiers, some customers coming back with the same
 * problem (recurrence), now and then a complaint outside the business scope (refused with 422),
 * and on demand a burst of network complaints in one region (a hotspot).
 */
final class Traffic {

    static final List<String> REGIONS = List.of("TZ-HL", "TZ-JJ", "TZ-HY", "TZ-LQ", "TZ-LH", "TZ-WL", "TZ-YH", "TZ-TT");

    private static final Weighted<String> CHANNELS = new Weighted<String>()
            .add("HOTLINE", 35).add("ONLINE", 25).add("SOCIAL_MEDIA", 12).add("IN_PERSON", 10).add("EMAIL", 9)
            .add("REGULATOR", 5).add("LETTER", 4);
    private static final Weighted<String> CATEGORIES = new Weighted<String>()
            .add("NETWORK", 45).add("BUSINESS", 35).add("SERVICE", 20);
    private static final Map<String, List<String>> SUBCATEGORIES = Map.of(
            "NETWORK", List.of("weak-signal", "dropped-calls", "slow-data", "no-coverage"),
            "BUSINESS", List.of("billing-error", "tariff", "value-added-charges", "contract"),
            "SERVICE", List.of("staff-attitude", "shop-queue", "slow-process"));
    private static final Map<String, String[]> DESCRIPTIONS = Map.of(
            "NETWORK", new String[] {"No signal at home since Monday", "Fix the coverage"},
            "BUSINESS", new String[] {"Charged twice for the same data package", "Refund the second charge"},
            "SERVICE", new String[] {"Waited two hours at the shop and left unserved", "An apology and an appointment"});
    /** What a desk agent does and says when the complaint is solved during the first call. */
    private static final Map<String, String[]> FIRST_CONTACT = Map.of(
            "NETWORK", new String[] {"Reset the phone's network settings with the customer; signal checked on the call",
                    "The phone's update had reset its APN; no fault in the network"},
            "BUSINESS", new String[] {"Refunded the duplicate charge on the call",
                    "The package was charged twice by a billing retry; the second charge is refunded"},
            "SERVICE", new String[] {"Apologised and booked an appointment at the shop",
                    "The shop was short of staff that afternoon; the appointment is kept for the customer"});
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yan", "Tao", "Ping"};

    /** A customer who complained, so that some come back with the same problem. */
    private record Earlier(String name, String phone, String tier, String category, String subcategory, String region) {}

    private final Random random;
    private final List<Earlier> earlier = new ArrayList<>();

    Traffic(Random random) {
        this.random = random;
    }

    /** The next complaint of steady traffic. */
    synchronized Map<String, Object> next() {
        if (!earlier.isEmpty() && random.nextDouble() < 0.08) {
            Earlier again = earlier.get(random.nextInt(earlier.size()));
            return complaint(pick(CHANNELS), again.category(), again.subcategory(), again.region(), again.name(),
                    again.phone(), again.tier());
        }
        if (random.nextDouble() < 0.01) {
            // Outside the business scope (intake's scope rules): refused with 422, never registered.
            return complaint("IN_PERSON", "SERVICE", "handset-repair", region(), name(), phone(), "STANDARD");
        }
        String category = pick(CATEGORIES);
        List<String> subcategories = SUBCATEGORIES.get(category);
        Map<String, Object> complaint = remembered(complaint(pick(CHANNELS), category,
                subcategories.get(random.nextInt(subcategories.size())), region(), name(), phone(),
                random.nextDouble() < 0.15 ? "KEY" : "STANDARD"));
        String channel = (String) complaint.get("channel");
        if ((channel.equals("HOTLINE") || channel.equals("IN_PERSON")) && random.nextDouble() < 0.2) {
            // One call in five is solved while the customer is on the line (即时处理): no work order.
            complaint.put("resolvedAtFirstContact", Map.of(
                    "measures", FIRST_CONTACT.getOrDefault(category, FIRST_CONTACT.get("SERVICE"))[0],
                    "explanation", FIRST_CONTACT.getOrDefault(category, FIRST_CONTACT.get("SERVICE"))[1]));
        }
        return complaint;
    }

    /** A complaint of the burst: no signal in the hotspot region (an outage). */
    synchronized Map<String, Object> burst(String region) {
        return remembered(complaint(random.nextDouble() < 0.7 ? "HOTLINE" : "SOCIAL_MEDIA", "NETWORK", "no-coverage",
                region, name(), phone(), random.nextDouble() < 0.1 ? "KEY" : "STANDARD"));
    }

    private Map<String, Object> remembered(Map<String, Object> complaint) {
        @SuppressWarnings("unchecked")
        Map<String, Object> customer = (Map<String, Object>) complaint.get("customer");
        if (earlier.size() < 500) {
            earlier.add(new Earlier((String) customer.get("name"), (String) customer.get("phone"),
                    (String) customer.get("tier"), (String) complaint.get("category"),
                    (String) complaint.get("subcategory"), (String) complaint.get("region")));
        }
        return complaint;
    }

    private Map<String, Object> complaint(String channel, String category, String subcategory, String region,
                                          String name, String phone, String tier) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", name);
        customer.put("phone", phone);
        customer.put("tier", tier);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("category", category);
        body.put("subcategory", subcategory);
        body.put("urgency", random.nextDouble() < 0.2 ? "URGENT" : "NORMAL");
        body.put("region", region);
        body.put("customer", customer);
        String[] text = DESCRIPTIONS.getOrDefault(category, DESCRIPTIONS.get("SERVICE"));
        body.put("description", text[0]);
        body.put("demand", text[1]);
        if (channel.equals("ONLINE") || channel.equals("EMAIL")) {
            body.put("externalRef", Map.of("system", channel.equals("ONLINE") ? "web" : "mail",
                    "id", UUID.randomUUID().toString()));
        }
        return body;
    }

    private String region() {
        return REGIONS.get(random.nextInt(REGIONS.size()));
    }

    private String name() {
        return SURNAMES[random.nextInt(SURNAMES.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }

    private String phone() {
        return "13" + random.nextInt(10) + String.format("%08d", random.nextInt(100_000_000));
    }

    private String pick(Weighted<String> weighted) {
        return weighted.pick(random);
    }

    /** Values with weights. */
    static final class Weighted<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Integer> cumulative = new ArrayList<>();
        private int total;

        Weighted<T> add(T value, int weight) {
            total += weight;
            values.add(value);
            cumulative.add(total);
            return this;
        }

        T pick(Random random) {
            int r = random.nextInt(total);
            for (int i = 0; i < values.size(); i++) {
                if (r < cumulative.get(i)) {
                    return values.get(i);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }
}
