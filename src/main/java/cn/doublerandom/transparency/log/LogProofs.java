package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.transparency.merkle.Merkle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What the public log serves: checkpoints and proofs over the stored tree, hashes in standard base64. */
@ApplicationScoped
public class LogProofs {

    @Inject
    TreeStore tree;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    LogSigner signer;

    @Inject
    Witnesses witnesses;

    /** The inclusion proof of ledger record {@code seq} (leaf {@code seq - 1}) in the tree of {@code treeSize}. */
    public record Inclusion(long seq, long leafIndex, long treeSize, String leafHash, String rootHash, List<String> proof,
                            String checkpoint) {
    }

    public record Consistency(long from, long to, String fromRoot, String toRoot, List<String> proof, String checkpoint) {
    }

    /** One record's leaf and its path, in {@link DrawProofs}. */
    public record RecordProof(long seq, long leafIndex, String leafHash, List<String> proof) {
    }

    public record DrawProofs(String drawId, long treeSize, String rootHash, String checkpoint, List<RecordProof> records) {
    }

    public record Leaf(long seq, String leafHash) {
    }

    /** A whole number from a parameter, or a problem naming it. */
    public static long number(String name, String text) {
        if (text == null || !text.matches("0|[1-9][0-9]{0,17}")) {
            throw ProblemException.invalid(name, name + " is a whole number from 0 to 10^18 without leading zeros");
        }
        return Long.parseLong(text);
    }

    public CheckpointStore.Stored latest() {
        return checkpoints.latest(signer.signer().verifier())
                .orElseThrow(() -> ProblemException.notFound("the log has issued no checkpoint yet"));
    }

    public CheckpointStore.Stored ofSize(long size) {
        return checkpoints.ofSize(size, signer.signer().verifier())
                .orElseThrow(() -> ProblemException.notFound("the log has issued no checkpoint of size " + size));
    }

    /** The checkpoint's note with the witnesses' cosignature lines added. */
    public String cosigned(CheckpointStore.Stored checkpoint) {
        StringBuilder note = new StringBuilder(checkpoint.note());
        for (String line : witnesses.lines(checkpoint.size(), checkpoint.root())) {
            note.append(line);
        }
        return note.toString();
    }

    public Witnesses.Cosigned cosign(String note) {
        return witnesses.cosign(note);
    }

    public String verifierKey() {
        return signer.signer().verifier().text();
    }

    public Inclusion inclusion(long seq, Long size) {
        long n = treeSize("size", size);
        if (seq < 1 || seq > n) {
            throw ProblemException.invalid("seq", "seq " + seq + " is not a record of the tree of size " + n);
        }
        // one read of the stored subtrees for the path, the root and the leaf
        List<byte[]> all = tree.compute(nodes -> {
            List<byte[]> hs = new ArrayList<>(Merkle.inclusionProof(seq - 1, n, nodes));
            hs.add(Merkle.root(n, nodes));
            hs.add(nodes.subtree(0, seq - 1));
            return hs;
        });
        List<byte[]> proof = all.subList(0, all.size() - 2);
        return new Inclusion(seq, seq - 1, n, b64(all.get(all.size() - 1)), b64(all.get(all.size() - 2)), b64(proof), note(n));
    }

    public Consistency consistency(long from, Long to) {
        long n = treeSize("to", to);
        if (from > n) {
            throw ProblemException.invalid("from", "from " + from + " is larger than the tree of size " + n);
        }
        List<byte[]> all = tree.compute(nodes -> {
            List<byte[]> hs = new ArrayList<>(Merkle.consistencyProof(from, n, nodes));
            hs.add(Merkle.root(from, nodes));
            hs.add(Merkle.root(n, nodes));
            return hs;
        });
        List<byte[]> proof = all.subList(0, all.size() - 2);
        return new Consistency(from, n, b64(all.get(all.size() - 2)), b64(all.get(all.size() - 1)), b64(proof), note(n));
    }

    public DrawProofs ofRecords(String drawId, List<Long> seqs, Long size) {
        long n = treeSize("size", size);
        String note = note(n);
        return tree.compute(nodes -> drawProofs(drawId, seqs, n, nodes, note));
    }

    /**
     * The proofs of a draw's records (those within the tree of size {@code n}) and the root, from the tree's
     * subtrees: the answer of getDrawInclusionProofs, also for the verifier's benchmark on a tree of its own.
     */
    public static DrawProofs drawProofs(String drawId, List<Long> seqs, long n, Merkle.NodeSource nodes, String checkpoint) {
        List<RecordProof> out = new ArrayList<>();
        for (long seq : seqs) {
            if (seq <= n) {
                out.add(new RecordProof(seq, seq - 1, b64(nodes.subtree(0, seq - 1)), b64(Merkle.inclusionProof(seq - 1, n, nodes))));
            }
        }
        return new DrawProofs(drawId, n, b64(Merkle.root(n, nodes)), checkpoint, out);
    }

    public List<Leaf> leaves(long fromSeq, int limit) {
        List<byte[]> hashes = tree.leaves(fromSeq - 1, limit);
        List<Leaf> out = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            out.add(new Leaf(fromSeq + i, b64(hashes.get(i))));
        }
        return out;
    }

    /** The size asked for, which the tree must have reached; by default the latest checkpoint's. */
    private long treeSize(String name, Long size) {
        if (size == null) {
            return latest().size();
        }
        long have = tree.size();
        if (size > have) {
            throw ProblemException.invalid(name, "the log's tree has " + have + " records, not " + size);
        }
        return size;
    }

    private byte[] root(long size) {
        return tree.compute(nodes -> Merkle.root(size, nodes));
    }

    private String note(long size) {
        return checkpoints.ofSize(size, signer.signer().verifier()).map(CheckpointStore.Stored::note).orElse(null);
    }

    private static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }

    private static List<String> b64(List<byte[]> hs) {
        return hs.stream().map(LogProofs::b64).toList();
    }
}
