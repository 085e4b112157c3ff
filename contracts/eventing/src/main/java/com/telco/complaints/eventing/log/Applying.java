package com.telco.complaints.eventing.log;

/** What a handler needs to know about the batch it applies. */
public interface Applying {

    /**
     * Whether decisions are due for events of this partition now. False while the partition replays
     * from the start (its decisions may already be further on in the log) and throughout a rebuild;
     * what is owed then is decided by {@link LogHandler#reconcile}.
     */
    boolean deciding(int partition);

    /** Whether the batch goes to the shadow tables of a rebuild. */
    boolean rebuilding();
}
