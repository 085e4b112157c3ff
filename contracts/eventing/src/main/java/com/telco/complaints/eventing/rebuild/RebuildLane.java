package com.telco.complaints.eventing.rebuild;

/**
 * One lane of a rebuild that folds its share of the log in memory and writes the result in bulk
 * (what is finished as the replay goes, what is still open at the end) (see {@link com.telco.complaints.eventing.log.LogHandler#rebuildLane}). The library
 * hands it the records of its partitions in log order, keeps the positions it reaches, and parks
 * what cannot be read or folded (and the later records of that case) as the live consumer would.
 *
 * @param <T> a record as the service reads it
 */
public interface RebuildLane<T> {

    /** Folds one record; anything thrown parks the record. */
    void fold(T item);

    /**
     * Writes what was folded and is still held, in the rebuild's transaction, with the search path on
     * the shadow tables; it may be rolled back and called again, so nothing is forgotten here.
     */
    void write();

    /** How many units (cases, say) the lane holds now, for progress and a heap report. */
    long size();

    /**
     * How many of the units held are finished (a closed case, say) and could be written now and
     * forgotten, so that the heap holds what is still open rather than the whole log. The library
     * calls {@link #spill} between batches once there are enough of them to be worth a transaction.
     */
    default int spillable() {
        return 0;
    }

    /**
     * Writes the finished units, in a transaction of the library's with the search path on the shadow
     * tables; it may be rolled back and called again, so nothing is forgotten here.
     */
    default void spill() {}

    /** What the last {@link #spill} or {@link #write} wrote is committed: the lane may forget it now. */
    default void committed() {}
}
