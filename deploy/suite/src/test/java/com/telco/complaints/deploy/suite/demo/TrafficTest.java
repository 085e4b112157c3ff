package com.telco.complaints.deploy.suite.demo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficTest {

    private final Traffic traffic = new Traffic(new Random(7));

    @Test
    void everyComplaintCarriesWhatIntakeRequiresInTheValuesApiMdNames() {
        List<Map<String, Object>> complaints = IntStream.range(0, 2000).mapToObj(i -> traffic.next()).toList();

        assertThat(complaints).allSatisfy(c -> {
            assertThat(c.get("channel")).isIn("HOTLINE", "ONLINE", "EMAIL", "IN_PERSON", "LETTER", "SOCIAL_MEDIA", "REGULATOR");
            assertThat(c.get("category")).isIn("NETWORK", "BUSINESS", "SERVICE");
            assertThat(c.get("urgency")).isIn("URGENT", "NORMAL");
            assertThat((String) c.get("region")).matches("[A-Z0-9][A-Z0-9_-]{0,31}");
            assertThat((String) c.get("description")).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Object> customer = (Map<String, Object>) c.get("customer");
            assertThat((String) customer.get("phone")).matches("1\\d{10}");
            assertThat(customer.get("tier")).isIn("STANDARD", "KEY");
        });
    }

    @Test
    void theTrafficSpreadsOverChannelsCategoriesRegionsAndTiersAndSomeCustomersComeBack() {
        List<Map<String, Object>> complaints = IntStream.range(0, 2000).mapToObj(i -> traffic.next()).toList();

        assertThat(complaints).extracting(c -> c.get("channel")).contains("HOTLINE", "ONLINE", "EMAIL", "IN_PERSON",
                "LETTER", "SOCIAL_MEDIA", "REGULATOR");
        assertThat(complaints).extracting(c -> c.get("region")).containsAll(Traffic.REGIONS);
        assertThat(complaints).extracting(c -> (Object) ((Map<?, ?>) c.get("customer")).get("tier")).contains("KEY", "STANDARD");
        long distinctPhones = complaints.stream().map(c -> ((Map<?, ?>) c.get("customer")).get("phone")).distinct().count();
        assertThat(distinctPhones).isLessThan(complaints.size() - 50);
        assertThat(complaints).extracting(c -> c.get("subcategory")).contains("handset-repair");
    }

    @Test
    void theBurstIsNetworkComplaintsWithoutCoverageInTheHotspotRegion() {
        assertThat(IntStream.range(0, 100).mapToObj(i -> traffic.burst("TZ-HL")).toList()).allSatisfy(c -> {
            assertThat(c.get("region")).isEqualTo("TZ-HL");
            assertThat(c.get("category")).isEqualTo("NETWORK");
            assertThat(c.get("subcategory")).isEqualTo("no-coverage");
        });
    }
}
