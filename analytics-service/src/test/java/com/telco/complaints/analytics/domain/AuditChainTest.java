package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainTest {

    private static final String REGISTERED = "complaint.registered.v1";
    private static final String DISPATCHED = "complaint.dispatched.v1";
    private static final byte[] KEY = AuditChain.key("a-chain-key-of-thirty-two-characters-or-more");

    private static AuditChain.Hasher keyed() {
        return AuditChain.Hasher.keyed(KEY);
    }

    /** Builds links as the projection archives them (keyed). */
    private static List<AuditChain.Link> chain(String... typeAndData) throws IOException {
        return chain(keyed(), typeAndData);
    }

    private static List<AuditChain.Link> chain(AuditChain.Hasher hasher, String... typeAndData) throws IOException {
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
    void theHashIsTheKeyedMacOfThePreviousHashAndTheCanonicalBytes() throws Exception {
        List<AuditChain.Link> links = chain(REGISTERED, "{ \"b\": 2, \"a\": 1 }");

        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec("a-chain-key-of-thirty-two-characters-or-more".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        hmac.update(new byte[32]);
        hmac.update((REGISTERED + "\n{\"a\":1,\"b\":2}").getBytes(StandardCharsets.UTF_8));
        assertThat(links.get(0).hash()).isEqualTo(hmac.doFinal());
        assertThat(AuditChain.hex(links.get(0).previousHash())).isEqualTo("0".repeat(64));
    }

    @Test
    void aCaseArchivedBeforeTheKeyKeepsItsSha256Chain() throws Exception {
        List<AuditChain.Link> links = chain(AuditChain.Hasher.unkeyed(), REGISTERED, "{ \"b\": 2, \"a\": 1 }");

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[32]);
        sha.update((REGISTERED + "\n{\"a\":1,\"b\":2}").getBytes(StandardCharsets.UTF_8));
        assertThat(links.get(0).hash()).isEqualTo(sha.digest());
        assertThat(AuditChain.verify(links, links.get(0).hash(), AuditChain.Hasher.unkeyed()).valid()).isTrue();
        assertThat(AuditChain.verify(links, links.get(0).hash(), keyed()).valid()).isFalse();
    }

    @Test
    void aWholeChainRewrittenWithoutTheKeyDoesNotHold() throws IOException {
        // What a database writer can do: rewrite an event and every hash after it, and the head, by the
        // published definition, but without the key.
        List<AuditChain.Link> forged = chain(AuditChain.Hasher.unkeyed(),
                REGISTERED, "{\"eventId\":\"e1\",\"region\":\"TZ-HL\"}",
                DISPATCHED, "{\"eventId\":\"e2\",\"department\":\"billing\"}");
        AuditChain.Verification v = AuditChain.verify(forged, forged.get(1).hash(), keyed());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBad()).isZero();

        List<AuditChain.Link> otherKey = chain(AuditChain.Hasher.keyed(AuditChain.key("x".repeat(40))),
                REGISTERED, "{\"eventId\":\"e1\"}");
        assertThat(AuditChain.verify(otherKey, otherKey.get(0).hash(), keyed()).valid()).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> AuditChain.key("short"))
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> AuditChain.key(null))
                .hasMessageContaining("analytics.audit.chain-key");
    }

    @Test
    void anUntouchedChainIsValid() throws IOException {
        List<AuditChain.Link> links = threeEvents();
        assertThat(AuditChain.verify(links, links.get(2).hash(), keyed()).valid()).isTrue();
    }

    @Test
    void reformattedDataStillVerifies() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        links.set(1, new AuditChain.Link(second.ceType(), "{ \"department\" : \"network-ops\", \"eventId\" : \"e2\" }",
                second.previousHash(), second.hash()));
        assertThat(AuditChain.verify(links, null, keyed()).valid()).isTrue();
    }

    @Test
    void alteredDataIsTheFirstBadEvent() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        links.set(1, new AuditChain.Link(second.ceType(), "{\"eventId\":\"e2\",\"department\":\"billing\"}",
                second.previousHash(), second.hash()));

        AuditChain.Verification v = AuditChain.verify(links, links.get(2).hash(), keyed());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBad()).isEqualTo(1);
        assertThat(v.reason()).contains("altered");
    }

    @Test
    void anAlteredTypeIsDetected() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link first = links.get(0);
        links.set(0, new AuditChain.Link("complaint.closed.v1", first.data(), first.previousHash(), first.hash()));
        assertThat(AuditChain.verify(links, null, keyed()).firstBad()).isZero();
    }

    @Test
    void anEventRewrittenWithItsHashBreaksTheLinkOfTheNextOne() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link second = links.get(1);
        String forged = "{\"eventId\":\"e2\",\"department\":\"billing\"}";
        byte[] forgedHash = keyed().hash(second.previousHash(),
                AuditChain.canonicalBytes(second.ceType(), CanonicalJson.parse(forged)));
        links.set(1, new AuditChain.Link(second.ceType(), forged, second.previousHash(), forgedHash));

        AuditChain.Verification v = AuditChain.verify(links, null, keyed());
        assertThat(v.firstBad()).isEqualTo(2);
        assertThat(v.reason()).contains("previousHash");
    }

    @Test
    void aRewrittenLastEventNoLongerReachesTheRecordedHead() throws IOException {
        List<AuditChain.Link> original = threeEvents();
        List<AuditChain.Link> links = new ArrayList<>(original);
        AuditChain.Link last = links.get(2);
        String forged = "{\"eventId\":\"e3\",\"department\":\"network-ops\"}";
        byte[] forgedHash = keyed().hash(last.previousHash(),
                AuditChain.canonicalBytes(last.ceType(), CanonicalJson.parse(forged)));
        links.set(2, new AuditChain.Link(last.ceType(), forged, last.previousHash(), forgedHash));

        assertThat(AuditChain.verify(links, null, keyed()).valid()).isTrue();
        AuditChain.Verification v = AuditChain.verify(links, original.get(2).hash(), keyed());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBad()).isEqualTo(2);
    }

    @Test
    void aRemovedOrReorderedEventIsDetected() throws IOException {
        List<AuditChain.Link> links = threeEvents();
        assertThat(AuditChain.verify(List.of(links.get(0), links.get(2)), null, keyed()).firstBad()).isEqualTo(1);
        assertThat(AuditChain.verify(List.of(links.get(1), links.get(0), links.get(2)), null, keyed()).firstBad()).isZero();
        assertThat(AuditChain.verify(links.subList(0, 2), links.get(2).hash(), keyed()).valid()).isFalse();
    }

    @Test
    void dataThatIsNoLongerJsonIsABadEvent() throws IOException {
        List<AuditChain.Link> links = new ArrayList<>(threeEvents());
        AuditChain.Link first = links.get(0);
        links.set(0, new AuditChain.Link(first.ceType(), "{broken", first.previousHash(), first.hash()));
        AuditChain.Verification v = AuditChain.verify(links, null, keyed());
        assertThat(v.firstBad()).isZero();
        assertThat(v.reason()).contains("not valid JSON");
    }

    @Test
    void hashesAreShownInLowerCaseHex() {
        assertThat(AuditChain.hex(HexFormat.of().parseHex("00ABff"))).isEqualTo("00abff");
    }
}
