package com.telco.complaints.eventing.rebuild;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Whether the old generation is still above a share of its maximum after a collection: a rebuild
 * that would exhaust the heap fails with the reason instead, and the live service goes on.
 */
public final class HeapGuard {

    private final MemoryPoolMXBean tenured;

    public HeapGuard(double share) {
        MemoryPoolMXBean found = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && pool.getUsage().getMax() > 0
                    && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
                found = pool;
            }
        }
        tenured = found;
        if (tenured != null) {
            tenured.setCollectionUsageThreshold((long) (tenured.getUsage().getMax() * share));
        }
    }

    public boolean exhausted() {
        return tenured != null && tenured.isCollectionUsageThresholdExceeded();
    }

    public static long maxMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }
}
