package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    private static final String REGISTERED = "complaint.registered.v1";
    private static final String DISPATCHED = "complaint.dispatched.v1";

    /** Builds links as the projection archives them. */
    private static List<AuditChain.Link> chain(String... typeAndData) throws IOException {
        AuditChain.Hasher hasher = new AuditChain.Hasher();
        List<AuditChain.Link> links = new ArrayList<>();
        byte[] previous = AuditChain.GENESIS;
        for (int i = 0; i < typeAndData.length; i += 2) {
            byte[] hash = hasher.hash(previous,
                    AuditChain.canonicalBytes(typeAndData[i], CanonicalJson.parse(typeAndData[i + 1])));
            links.add(new AuditChain.Link(typeAndData[i], typeAndData[i + 1], previous, hash));
            previous = hash;
        }
        return links;
    }

    private static List<AuditChain.Link> threeEvents() throws IOException {
        return chain(REGISTERED, "{\"eventId\":\"e1\",\"region\":\"TZ-HL\"}",
                DISPATCHED, "{\"eventId\":\"e2\",\"department\":\"network-ops\"}",
                DISPATCHED, "{\"eventId\":\"e3\",\"department\":\"billing\"}");
    }

    @Test
    void theHashIsSha256OfThePreviousHashAndTheCanonicalBytes() throws Exception {
        List<AuditChain.Link> links = chain(REGISTERED, "{ \"b\": 2, \"a\": 1 }");

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        sha.update((REGISTERED + "\n{\"a\":1,\"b\":2}").getBytes(StandardCharsets.UTF_8));
        assertThat(links.get(0).hash()).isEqualTo(sha.digest());
        assertThat(AuditChain.hex(links.get(0).previousHash())).isEqualTo("0".repeat(64));
    }

    @Test
    void anUntouchedChainIsValid() throws IOException {
        List<AuditChain.Link> links = threeEvents();
        assertThat(AuditChain.verify(links, links.get(2).hash()).valid()).isTrue();
    }

    @Test
    void reformattedDataStillVerifies() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        links.set(1, new AuditChain.Link(second.ceType(), "{ \"department\" : \"network-ops\", \"eventId\" : \"e2\" }",
                second.previousHash(), second.hash()));
        assertThat(AuditChain.verify(links, null).valid()).isTrue();
    }

    @Test
    void alteredDataIsTheFirstBadEvent() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        links.set(1, new AuditChain.Link(second.ceType(), "{\"eventId\":\"e2\",\"department\":\"billing\"}",
                second.previousHash(), second.hash()));

        AuditChain.Verification v = AuditChain.verify(links, links.get(2).hash());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBad()).isEqualTo(1);
        assertThat(v.reason()).contains("altered");
    }

    @Test
    void anAlteredTypeIsDetected() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link first = links.get(0);
        links.set(0, new AuditChain.Link("complaint.closed.v1", first.data(), first.previousHash(), first.hash()));
        assertThat(AuditChain.verify(links, null).firstBad()).isZero();
    }

    @Test
    void anEventRewrittenWithItsHashBreaksTheLinkOfTheNextOne() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        String forged = "{\"eventId\":\"e2\",\"department\":\"billing\"}";
        byte[] forgedHash = new AuditChain.Hasher().hash(second.previousHash(),
                AuditChain.canonicalBytes(second.ceType(), CanonicalJson.parse(forged)));
        links.set(1, new AuditChain.Link(second.ceType(), forged, second.previousHash(), forgedHash));

        AuditChain.Verification v = AuditChain.verify(links, null);
        assertThat(v.firstBad()).isEqualTo(2);
        assertThat(v.reason()).contains("previousHash");
    }

    @Test
    void aRewrittenLastEventNoLongerReachesTheRecordedHead() throws IOException {
        List<AuditChain.Link> original = threeEvents();
        List<AuditChain.Link> links = new ArrayList<>(original);
        AuditChain.Link last = links.get(2);
        String forged = "{\"eventId\":\"e3\",\"department\":\"network-ops\"}";
        byte[] forgedHash = new AuditChain.Hasher().hash(last.previousHash(),
                AuditChain.canonicalBytes(last.ceType(), CanonicalJson.parse(forged)));
        links.set(2, new AuditChain.Link(last.ceType(), forged, last.previousHash(), forgedHash));

        assertThat(AuditChain.verify(links, null).valid()).isTrue();
        AuditChain.Verification v = AuditChain.verify(links, original.get(2).hash());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBad()).isEqualTo(2);
    }

    @Test
    void aRemovedOrReorderedEventIsDetected() throws IOException {
        List<AuditChain.Link> links = threeEvents();
        assertThat(AuditChain.verify(List.of(links.get(0), links.get(2)), null).firstBad()).isEqualTo(1);
        assertThat(AuditChain.verify(List.of(links.get(1), links.get(0), links.get(2)), null).firstBad()).isZero();
        assertThat(AuditChain.verify(links.subList(0, 2), links.get(2).hash()).valid()).isFalse();
    }

    @Test
    void dataThatIsNoLongerJsonIsABadEvent() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link first = links.get(0);
        links.set(0, new AuditChain.Link(first.ceType(), "{broken", first.previousHash(), first.hash()));
        AuditChain.Verification v = AuditChain.verify(links, null);
        assertThat(v.firstBad()).isZero();
        assertThat(v.reason()).contains("not valid JSON");
    }

    @Test
    void hashesAreShownInLowerCaseHex() {
        assertThat(AuditChain.hex(HexFormat.of().parseHex("00ABff"))).isEqualTo("00abff");
    }
}
