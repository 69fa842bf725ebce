package cn.doublerandom.draw.engine;

/** A pool snapshot text or value that breaks DRAW-1 §4 or "Formats". */
public class InvalidSnapshotException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long lineNumber;

    public InvalidSnapshotException(String message) {
        this(0, message);
    }

    public InvalidSnapshotException(long lineNumber, String message) {
        super(lineNumber > 0 ? "snapshot line " + lineNumber + ": " + message : "snapshot: " + message);
        this.lineNumber = lineNumber;
    }

    /** 1-based line of the snapshot text at fault, or 0 when no single line is. */
    public long lineNumber() {
        return lineNumber;
    }
}
