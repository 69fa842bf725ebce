package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.database.Sql;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code log_peer_checkpoint}: one check of a peer's checkpoint by this service acting as its
 * witness, and what came of it. Insert-only; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "log_peer_checkpoint")
public class PeerCheckpoint extends PanacheEntityBase {

    /** What a check of a peer's checkpoint found. */
    public enum Outcome {
        /** Signed by the peer, consistent with what was cosigned before, cosigned, and the peer took the cosignature. */
        COSIGNED,
        /** Consistent and cosigned here, but the peer did not take the cosignature (detail says why). */
        UNDELIVERED,
        /** The peer's tree is not consistent with a checkpoint this service cosigned: it was rewritten. */
        INCONSISTENT,
        /** Not a checkpoint of that peer's key, or of its origin, or the peer did not answer as a log. */
        INVALID
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String peer;

    @Column(name = "key_name")
    public String keyName;

    @Column(name = "key_hash")
    public String keyHash;

    public long size;

    public byte[] root;

    public String outcome;

    public String detail;

    @Column(name = "checked_at")
    public Instant checkedAt;

    public Outcome outcome() {
        return Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT));
    }

    static PeerCheckpoint record(String peer, String keyName, int keyHash, long size, byte[] root, Outcome outcome,
                                 String detail, Instant at) {
        PeerCheckpoint p = new PeerCheckpoint();
        p.peer = peer;
        p.keyName = keyName;
        p.keyHash = String.format("%08x", keyHash);
        p.size = size;
        p.root = root;
        p.outcome = outcome.name().toLowerCase(java.util.Locale.ROOT);
        p.detail = detail;
        p.checkedAt = at;
        p.persistAndFlush();
        return p;
    }

    /** The largest checkpoint of this key that was found consistent and cosigned: the baseline of the next check. */
    static Optional<PeerCheckpoint> lastCosigned(String keyName, int keyHash) {
        return find("keyName = ?1 and keyHash = ?2 and outcome in ('cosigned', 'undelivered') order by size desc, id desc",
                keyName, String.format("%08x", keyHash)).firstResultOptional();
    }

    /** The latest check of each configured peer, for the public list. */
    static Optional<PeerCheckpoint> latest(String peer) {
        return find("peer = ?1 order by id desc", peer).firstResultOptional();
    }

    /** Takes the transaction-scoped advisory lock named {@code name}. */
    static void lock(String name) {
        Sql.lockForTransaction(getEntityManager(), name);
    }
}
