package com.telco.complaints.sla.messaging;

import com.telco.complaints.sla.store.Outbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outbox ids a relayed batch carried, written as ranges ({@code 7-12,15,20-31}) into the
 * metadata of the relay's committed offset, which brokers cap at 4096 bytes by default
 * ({@code offset.metadata.max.bytes}); a batch is cut short before its ranges outgrow that.
 */
final class RelayedBatch {

    static final int MAX_LENGTH = 3000;

    private RelayedBatch() {
    }

    /** The leading rows of {@code rows} (in id order) whose ranges fit the metadata. */
    static List<Outbox.Row> fitting(List<Outbox.Row> rows) {
        int length = -1; // no comma before the first range
        for (int i = 0; i < rows.size(); i++) {
            long id = rows.get(i).id();
            boolean continues = i > 0 && id == rows.get(i - 1).id() + 1;
            boolean ranged = continues && i > 1 && rows.get(i - 1).id() == rows.get(i - 2).id() + 1;
            if (!continues) {
                length += 1 + digits(id); // ",id"
            } else if (!ranged) {
                length += 1 + digits(id); // "-id"
            } else {
                length += digits(id) - digits(rows.get(i - 1).id()); // the range's end moves on
            }
            if (length > MAX_LENGTH) {
                return rows.subList(0, i);
            }
        }
        return rows;
    }

    private static int digits(long id) {
        return Long.toString(id).length();
    }

    static String format(List<Outbox.Row> rows) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < rows.size()) {
            int j = i;
            while (j + 1 < rows.size() && rows.get(j + 1).id() == rows.get(j).id() + 1) {
                j++;
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(rows.get(i).id());
            if (j > i) {
                text.append('-').append(rows.get(j).id());
            }
            i = j + 1;
        }
        return text.toString();
    }

    static Set<Long> parse(String text) {
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

    static List<Long> ids(List<Outbox.Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row.id()));
        return ids;
    }
}
