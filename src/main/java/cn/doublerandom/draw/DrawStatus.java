package cn.doublerandom.draw;

/** Where a draw stands; derived from append-only rows, never stored as a mutable field. */
public enum DrawStatus {
    /** The pool is frozen and committed; no seed yet. */
    PREPARED,
    /** Executed: targets and teams are selected. */
    EXECUTED,
    /** The execute attempt could not staff every target; nothing was selected. */
    FAILED,
    /** Voided by an auditor with a reason; one new draw may replace it. */
    VOIDED
}
