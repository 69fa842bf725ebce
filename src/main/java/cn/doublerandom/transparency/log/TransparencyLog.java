package cn.doublerandom.transparency.log;

import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.draw.ledger.LedgerFollower;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.transparency.merkle.Frontier;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.SignedNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The transparency log (docs/transparency-log.md): a Merkle tree whose leaf {@code s - 1} is ledger
 * record {@code seq s}, grown in the transaction that appends the record, and a signed checkpoint of
 * every size the tree reaches. A tree that lags the ledger (records from before the log existed) is
 * caught up first, so its size equals the ledger's whenever a transaction commits.
 */
@ApplicationScoped
public class TransparencyLog implements LedgerFollower {

    /** pg_advisory_xact_lock key of the tree: one grower at a time, across replicas. */
    private static final long TREE_LOCK = 0x4C4F47545245454CL;
    private static final int BATCH = 1000;

    @Inject
    Ledger ledger;

    @Inject
    TreeStore tree;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    LogSigner signer;

    @Inject
    ServiceClock clock;

    /** The leaf hash of a ledger record: its stored text's UTF-8 bytes (§1). */
    public static byte[] leafHash(String recordText) {
        return Merkle.leafHash(recordText.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void appended(Ledger.Entry entry) {
        lock();
        long size = tree.size();
        Frontier f = tree.frontier(size);
        if (size < entry.seq() - 1) {
            f = grow(f, entry.seq() - 1);
        }
        if (f.size() != entry.seq() - 1) {
            throw new IllegalStateException("the log's tree has " + f.size() + " leaves, ledger record " + entry.seq()
                    + " would not be leaf " + (entry.seq() - 1));
        }
        Frontier.Appended a = f.append(leafHash(entry.text()));
        tree.insert(a.newNodes());
        issue(a.frontier());
    }

    /** Grows the tree to the ledger's size and issues a checkpoint of that size if there is none by this key. */
    @Transactional
    public long catchUp() {
        lock();
        Frontier f = grow(tree.frontier(tree.size()), Long.MAX_VALUE);
        issue(f);
        return f.size();
    }

    /** Appends ledger records after the frontier's size, up to seq {@code upTo}. */
    private Frontier grow(Frontier f, long upTo) {
        while (f.size() < upTo) {
            List<Ledger.Entry> next = ledger.range(f.size() + 1, (int) Math.min(BATCH, upTo - f.size()));
            if (next.isEmpty()) {
                break;
            }
            for (Ledger.Entry e : next) {
                if (e.seq() != f.size() + 1) {
                    throw new IllegalStateException("the ledger has no record " + (f.size() + 1));
                }
                Frontier.Appended a = f.append(leafHash(e.text()));
                tree.insert(a.newNodes());
                f = a.frontier();
            }
        }
        return f;
    }

    private void issue(Frontier f) {
        byte[] root = f.root();
        String note = SignedNote.sign(SignedNote.checkpointText(signer.origin(), f.size(), root), signer.signer());
        checkpoints.insert(f.size(), root, signer.signer().verifier(), note, clock.now());
    }

    private void lock() {
        tree.lock(TREE_LOCK);
    }
}
