package com.telco.complaints.eventing.it;

import com.telco.complaints.testsupport.Callers;
import com.telco.complaints.testsupport.SuiteTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/** Ids in a door's path are checked before any resource sees them: bad ones are a 400 naming the parameter. */
@QuarkusTest
@QuarkusTestResource(SuiteTestResource.class)
class PathIdsIT {

    @Test
    void complaintNumbersAndWorkOrderIdsPass() {
        Callers.as(Callers.OPERATOR).get("/notes/{c}/orders/{d}", "20261125-00000042", "20261125-00000042-W2")
                .then().statusCode(200).body("complaintId", equalTo("20261125-00000042"))
                .body("dispatchId", equalTo("20261125-00000042-W2"));
    }

    @Test
    void aNulAnOverlongIdOrASpaceIsA400NamingTheParameter() {
        Callers.as(Callers.OPERATOR).urlEncodingEnabled(false).get("/notes/%00/orders/x").then().statusCode(400)
                .body("errors[0].field", equalTo("complaintId"));
        Callers.as(Callers.OPERATOR).get("/notes/{c}/orders/x", "9".repeat(200)).then().statusCode(400)
                .body("errors[0].field", equalTo("complaintId"));
        Callers.as(Callers.OPERATOR).get("/notes/ok/orders/{d}", "a b").then().statusCode(400)
                .body("errors[0].field", equalTo("dispatchId"));
        Callers.as(Callers.OPERATOR).urlEncodingEnabled(false).get("/notes/ok/orders/%27%3Bdrop").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
