package com.telco.complaints.routing.domain;

import com.telco.complaints.contracts.event.FaultParty;
import com.telco.complaints.contracts.event.Resolution;
import com.telco.complaints.eventing.rest.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnValidationTest {

    @Test
    void aCompleteReturnIsValid() {
        assertThat(ReturnValidation.errors(new ReturnRequest("基站掉电", "稳定信号", "电池故障", "更换电池\n已恢复",
                Resolution.RESOLVED, true, null, null, "agent-17"))).isEmpty();
    }

    @Test
    void everyMissingOrWrongFieldIsListed() {
        assertThat(ReturnValidation.errors(new ReturnRequest(null, " ", "x".repeat(4001), "bell\u0007", null, null,
                null, null, "two\nlines")))
                .extracting(FieldError::field)
                .containsExactly("reconstruction", "customerDemand", "problemFound", "measures", "resolution",
                        "operatorAtFault", "returnedBy");
    }

    @Test
    void whoReturnedItMayBeLeftOut() {
        assertThat(ReturnValidation.errors(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, false, null, null, null)))
                .isEmpty();
    }

    @Test
    void fourThousandCharactersAreAllowedCountingCharactersNotBytes() {
        assertThat(ReturnValidation.errors(new ReturnRequest("测".repeat(4000), "d", "p", "m", Resolution.EXPLAINED,
                false, null, null, "a"))).isEmpty();
    }

    @Test
    void whoWasAtFaultMayStandForOperatorAtFaultButMustNotContradictIt() {
        assertThat(ReturnValidation.errors(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, null,
                FaultParty.CUSTOMER_SERVICE_CENTRE, "desk 3", null))).isEmpty();
        assertThat(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, null, FaultParty.CUSTOMER_SERVICE_CENTRE,
                null, null).atFault()).isTrue();
        assertThat(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, null, FaultParty.THIRD_PARTY, null, null)
                .atFault()).isFalse();
        assertThat(ReturnValidation.errors(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, true,
                FaultParty.CUSTOMER, null, null)))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("operatorAtFault");
                    assertThat(e.message()).contains("CUSTOMER");
                });
        assertThat(ReturnValidation.errors(new ReturnRequest("r", "d", "p", "m", Resolution.RESOLVED, false,
                FaultParty.NONE, "x".repeat(201), null))).extracting(FieldError::field).containsExactly("accountable");
    }
}
