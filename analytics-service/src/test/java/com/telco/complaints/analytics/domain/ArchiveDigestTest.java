package com.telco.complaints.analytics.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveDigestTest {

    private final ArchiveDigest digest = new ArchiveDigest(AuditChain.key("a-chain-key-of-thirty-two-characters-or-more"));

    private static byte[] head(int b) {
        byte[] h = new byte[32];
        Arrays.fill(h, (byte) b);
        return h;
    }

    @Test
    void theDigestOfCasesDoesNotDependOnTheOrderTheyWereAdded() {
        byte[] a = digest.contribution("C1", 3, head(1));
        byte[] b = digest.contribution("C2", 1, head(2));
        byte[] c = digest.contribution("C3", 7, head(3));

        byte[] one = ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.EMPTY, a), b), c);
        byte[] other = ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.EMPTY, c), a), b);
        assertThat(one).isEqualTo(other).hasSize(32).isNotEqualTo(ArchiveDigest.EMPTY);
    }

    @Test
    void aCaseMovedOnReplacesItsContributionAndACaseTakenOutChangesTheDigest() {
        byte[] before = ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.EMPTY, digest.contribution("C1", 3, head(1))),
                digest.contribution("C2", 1, head(2)));
        byte[] moved = ArchiveDigest.plus(ArchiveDigest.minus(before, digest.contribution("C1", 3, head(1))),
                digest.contribution("C1", 4, head(9)));
        byte[] recomputed = ArchiveDigest.plus(ArchiveDigest.plus(ArchiveDigest.EMPTY, digest.contribution("C2", 1, head(2))),
                digest.contribution("C1", 4, head(9)));
        assertThat(moved).isEqualTo(recomputed);

        byte[] withoutC2 = ArchiveDigest.plus(ArchiveDigest.EMPTY, digest.contribution("C1", 4, head(9)));
        assertThat(withoutC2).isNotEqualTo(moved);
        assertThat(ArchiveDigest.minus(ArchiveDigest.EMPTY, digest.contribution("C1", 1, head(1)))).hasSize(32);
    }

    @Test
    void aContributionNeedsTheKey() {
        ArchiveDigest other = new ArchiveDigest(AuditChain.key("another-key-of-thirty-two-characters-or-more"));
        assertThat(other.contribution("C1", 3, head(1))).isNotEqualTo(digest.contribution("C1", 3, head(1)));
        assertThat(digest.contribution("C1", 3, head(1))).isNotEqualTo(digest.contribution("C1", 4, head(1)));
    }
}
