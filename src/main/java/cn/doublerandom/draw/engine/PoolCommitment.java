package cn.doublerandom.draw.engine;

import java.security.SecureRandom;

/**
 * The salted commitment to a draw's pool (承诺值), for draws that may turn confidential: a draw with a
 * withheld result must not let anyone confirm a guessed pool, and its plain {@code poolHash} would (the
 * pool is mostly public: another draw's inspector lines and the authority's targets, so a guess of the
 * one missing target line hashes to it). Since format 2 the prepare record carries a secret
 * {@code salt <32 lowercase hex>} line, 128 random bits drawn at prepare; while the draw is confidential
 * only {@code poolCommitment = lowercase hex SHA-256(UTF-8(salt + poolHash))} is public, and the salt is
 * revealed with the record texts once nothing is withheld. The salt line also keeps the prepare record's
 * leaf hash from confirming a guess; a substitute record (it names a target) carries a salt of its own.
 */
public final class PoolCommitment {

    /** The line of a format-2 prepare or substitute record that carries the salt. */
    public static final String LINE = "salt ";
    /** 128 bits as lowercase hex. */
    public static final int SALT_HEX_LENGTH = 32;

    private PoolCommitment() {
    }

    /** A fresh secret salt: 128 bits from {@code random}, 32 lowercase hex characters. */
    public static String newSalt(SecureRandom random) {
        byte[] bytes = new byte[SALT_HEX_LENGTH / 2];
        random.nextBytes(bytes);
        return Sha256.hex(bytes);
    }

    /** Whether {@code salt} is 32 lowercase hex characters. */
    public static boolean isSalt(String salt) {
        return salt != null && salt.length() == SALT_HEX_LENGTH && salt.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** {@code SHA-256(UTF-8(salt + poolHash))} as lowercase hex: {@code printf %s "$SALT$POOLHASH" | sha256sum}. */
    public static String of(String salt, String poolHash) {
        if (!isSalt(salt)) {
            throw new InvalidRecordException("salt must be 32 lowercase hex characters");
        }
        if (!Sha256.isHex64(poolHash)) {
            throw new InvalidRecordException("pool hash must be 64 lowercase hex characters");
        }
        return Sha256.hex(salt + poolHash);
    }

    /** The salt of a record text (format 2), or null for a record written before salts (format 1). */
    public static String saltOf(String recordText) {
        for (String line : recordText.split("\n")) {
            if (line.startsWith(LINE) && isSalt(line.substring(LINE.length()))) {
                return line.substring(LINE.length());
            }
        }
        return null;
    }
}
