package com.telco.complaints.intake.domain;

import com.telco.complaints.contracts.event.Category;
import com.telco.complaints.contracts.event.Channel;
import com.telco.complaints.contracts.event.ComplaintRegistered;
import com.telco.complaints.contracts.event.Customer;
import com.telco.complaints.contracts.event.CustomerTier;
import com.telco.complaints.contracts.event.Urgency;
import com.telco.complaints.contracts.wire.EventIds;
import com.telco.complaints.contracts.wire.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeRulesTest {

    private static ComplaintDraft draft(Channel channel, Category category, String subcategory, Urgency urgency,
                                        String region) {
        return new ComplaintDraft(channel, category, subcategory, urgency, region,
                new Customer("Wang Li", "13812345678", CustomerTier.STANDARD, null), "no signal", null, null, null, null);
    }

    @Test
    void complaintNumbersAreTheLocalDateAndAPaddedSequence() {
        ComplaintNumbers numbers = new ComplaintNumbers(ZoneId.of("Asia/Shanghai"));

        // 16:30 UTC on the 24th is already the 25th in Shanghai.
        assertThat(numbers.format(Instant.parse("2026-11-24T16:30:00Z"), 42)).isEqualTo("20261125-00000042");
        assertThat(numbers.format(Instant.parse("2026-11-24T15:59:59Z"), 7)).isEqualTo("20261124-00000007");
        assertThatThrownBy(() -> numbers.format(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complaintNumbersSortByRegistrationTime() {
        ComplaintNumbers numbers = new ComplaintNumbers(ZoneId.of("Asia/Shanghai"));
        List<String> inOrder = List.of(
                numbers.format(Instant.parse("2026-11-24T10:00:00Z"), 9),
                numbers.format(Instant.parse("2026-11-24T10:00:01Z"), 10),
                numbers.format(Instant.parse("2026-11-25T10:00:00Z"), 11),
                numbers.format(Instant.parse("2026-11-25T10:00:00Z"), 100000));

        assertThat(inOrder).isSorted();
    }

    @Test
    void regulatorTransfersAreAlwaysUrgent() {
        assertThat(Registration.classifyUrgency(draft(Channel.REGULATOR, Category.NETWORK, null, Urgency.NORMAL, "TZ")))
                .isEqualTo(Urgency.URGENT);
        assertThat(Registration.classifyUrgency(draft(Channel.HOTLINE, Category.NETWORK, null, Urgency.NORMAL, "TZ")))
                .isEqualTo(Urgency.NORMAL);
        assertThat(Registration.classifyUrgency(draft(Channel.EMAIL, Category.NETWORK, null, Urgency.URGENT, "TZ")))
                .isEqualTo(Urgency.URGENT);
    }

    @Test
    void registrationPromisesAReplyByUrgencyAndHasADeterministicEventId() {
        ReplyPromise promise = new ReplyPromise(Duration.ofHours(48), Duration.ofHours(24));
        Instant now = Instant.parse("2026-11-25T01:00:00Z");

        ComplaintRegistered normal = Registration.register(draft(Channel.HOTLINE, Category.NETWORK, null,
                Urgency.NORMAL, "TZ"), "20261125-00000001", now, promise, "req-1", "crm");
        ComplaintRegistered regulator = Registration.register(draft(Channel.REGULATOR, Category.NETWORK, null,
                Urgency.NORMAL, "TZ"), "20261125-00000002", now, promise, "req-2", "12300");

        assertThat(normal.promisedReplyBy()).isEqualTo(now.plus(Duration.ofHours(48)));
        assertThat(regulator.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(regulator.promisedReplyBy()).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(normal.eventId()).isEqualTo(EventIds.of(EventType.COMPLAINT_REGISTERED, "20261125-00000001"));
    }

    @Test
    void theFingerprintIgnoresNothingThatMattersAndOnlyThat() {
        ComplaintDraft a = draft(Channel.HOTLINE, Category.NETWORK, "x", Urgency.NORMAL, "TZ");
        ComplaintDraft same = draft(Channel.HOTLINE, Category.NETWORK, "x", Urgency.NORMAL, "TZ");
        ComplaintDraft other = draft(Channel.HOTLINE, Category.NETWORK, "y", Urgency.NORMAL, "TZ");

        assertThat(Registration.fingerprint(a)).isEqualTo(Registration.fingerprint(same))
                .isNotEqualTo(Registration.fingerprint(other));
    }

    @Test
    void businessScopeRefusesUnservedRegionsAndConfiguredKinds() {
        BusinessScope scope = new BusinessScope(Set.of("tz-hl", "TZ-JJ"), List.of(
                new ScopeRule("HANDSET_REPAIR", "Go to the manufacturer", Optional.of(Category.SERVICE),
                        Optional.of("handset-repair"), Optional.empty())));

        assertThat(scope.refusalOf(draft(Channel.HOTLINE, Category.NETWORK, null, Urgency.NORMAL, "TZ-HL"))).isEmpty();
        assertThat(scope.refusalOf(draft(Channel.HOTLINE, Category.NETWORK, null, Urgency.NORMAL, "SH-PD")))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(BusinessScope.REGION_NOT_SERVED));
        assertThat(scope.refusalOf(draft(Channel.HOTLINE, Category.SERVICE, "Handset-Repair", Urgency.NORMAL, "TZ-JJ")))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo("Go to the manufacturer"));
        assertThat(scope.refusalOf(draft(Channel.HOTLINE, Category.BUSINESS, "handset-repair", Urgency.NORMAL, "TZ-JJ")))
                .as("the rule names SERVICE only").isEmpty();
    }

    @Test
    void anEmptyListOfServedRegionsServesEveryRegion() {
        assertThat(new BusinessScope(Set.of(), List.of())
                .refusalOf(draft(Channel.HOTLINE, Category.NETWORK, null, Urgency.NORMAL, "ANY"))).isEmpty();
    }
}
