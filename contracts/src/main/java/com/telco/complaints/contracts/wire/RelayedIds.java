package com.telco.complaints.contracts.wire;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an outbox relay writes on the broker besides the events: the outbox ids one batch carried,
 * as ranges ({@code 7-12,15,20-31}) in the metadata of the offset it commits in the batch's Kafka
 * transaction. The relay that takes over reads them back and deletes those rows instead of sending
 * them again. Brokers cap offset metadata at 4,096 bytes by default
 * ({@code offset.metadata.max.bytes}), so a batch is cut short before its ranges outgrow
 * {@value #MAX_LENGTH} characters.
 */
public final class RelayedIds {

    public static final int MAX_LENGTH = 3000;

    private RelayedIds() {
    }

    /** How many of the leading {@code ids} (ascending) fit into the metadata. */
    public static int fitting(long[] ids) {
        int length = -1; // no comma before the first range
        for (int i = 0; i < ids.length; i++) {
            boolean continues = i > 0 && ids[i] == ids[i - 1] + 1;
            boolean ranged = continues && i > 1 && ids[i - 1] == ids[i - 2] + 1;
            if (!continues) {
                length += 1 + digits(ids[i]); // ",id"
            } else if (!ranged) {
                length += 1 + digits(ids[i]); // "-id"
            } else {
                length += digits(ids[i]) - digits(ids[i - 1]); // the range's end moves on
            }
            if (length > MAX_LENGTH) {
                return i;
            }
        }
        return ids.length;
    }

    /** The first {@code count} of {@code ids} (ascending) as ranges. */
    public static String format(long[] ids, int count) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < count) {
            int j = i;
            while (j + 1 < count && ids[j + 1] == ids[j] + 1) {
                j++;
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(ids[i]);
            if (j > i) {
                text.append('-').append(ids[j]);
            }
            i = j + 1;
        }
        return text.toString();
    }

    /** The ids that {@link #format} wrote; none for no metadata. */
    public static Set<Long> parse(String text) {
        Set<Long> ids = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            long from = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1));
            for (long id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static int digits(long id) {
        return Long.toString(id).length();
    }
}
