package cn.doublerandom.draw.engine;

/** A seed, a caller's given part or a nonce that breaks DRAW-1 "Formats" or §5. */
public class InvalidSeedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSeedException(String message) {
        super(message);
    }
}
