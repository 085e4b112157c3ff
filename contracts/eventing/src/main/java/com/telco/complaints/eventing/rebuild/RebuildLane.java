package com.telco.complaints.eventing.rebuild;

/**
 * One lane of a rebuild that folds its share of the log in memory and writes the result in bulk
 * at the end (see {@link com.telco.complaints.eventing.log.LogHandler#rebuildLane}). The library
 * hands it the records of its partitions in log order, keeps the positions it reaches, and parks
 * what cannot be read or folded (and the later records of that case) as the live consumer would.
 *
 * @param <T> a record as the service reads it
 */
public interface RebuildLane<T> {

    /** Folds one record; anything thrown parks the record. */
    void fold(T item);

    /** Writes what was folded, in the rebuild's transaction, with the search path on the shadow tables. */
    void write();

    /** How many units (cases, say) the lane holds now, for progress and a heap report. */
    long size();
}
