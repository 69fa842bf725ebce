package cn.doublerandom.result.evidence;

import java.util.Optional;

/**
 * Where the bytes of attachments live, addressed by their SHA-256 (lower-case hex). PostgreSQL by
 * default ({@link PostgresAttachmentStore}); a deployment with many photos provides another bean
 * (an S3-compatible object store) and the rest of the service does not change. The store is not
 * trusted: every read is checked against the hash recorded with the result version, so a store
 * that loses or alters bytes is reported, never served.
 */
public interface AttachmentStore {

    /**
     * Keeps the bytes under their hash; the same bytes again are a no-op. Called inside the
     * transaction that records the attachment: a store outside the database may be left with bytes
     * nobody refers to when that transaction rolls back, which is harmless because they are addressed
     * by content.
     */
    void put(String sha256, byte[] content);

    /** The bytes kept under that hash, as the store has them, or empty when it has none. */
    Optional<byte[]> get(String sha256);
}
