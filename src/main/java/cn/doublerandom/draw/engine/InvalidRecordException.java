package cn.doublerandom.draw.engine;

/** A ledger record field that would break the canonical text of DRAW-1 §5. */
public class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
