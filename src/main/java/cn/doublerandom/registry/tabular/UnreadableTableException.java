package cn.doublerandom.registry.tabular;

/**
 * The uploaded content cannot be read as a table: empty, not xlsx/csv, no header, duplicate
 * header names, malformed, or over a configured limit. The message is English and meant to be
 * shown to the uploader.
 */
public class UnreadableTableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnreadableTableException(String message) {
        super(message);
    }

    public UnreadableTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
