package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import cn.doublerandom.transparency.TransparencyConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Witnesses' cosignatures (table {@code log_cosignature}): a configured witness
 * ({@code doublerandom.log.witnesses}, verifier keys) signs the text of one of this log's
 * checkpoints. A cosignature is kept only if the checkpoint is this log's tree at that size and is
 * consistent with every checkpoint the witness cosigned before: a tree rewritten behind the
 * service's back (its root changed at a size once witnessed) is refused here.
 */
@ApplicationScoped
public class Witnesses {

    @Inject
    WitnessStore store;

    @Inject
    TreeStore tree;

    @Inject
    LogSigner signer;

    @Inject
    ServiceClock clock;

    @Inject
    TransparencyConfig config;

    private List<NoteKeys.Verifier> keys() {
        return config.witnesses().orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).map(NoteKeys::verifier).toList();
    }

    /** A cosignature kept: the witness's key and the checkpoint's size. */
    public record Cosigned(String witness, long size) {
    }

    @Transactional
    public Cosigned cosign(String note) {
        SignedNote.Parsed parsed;
        SignedNote.Checkpoint checkpoint;
        try {
            parsed = SignedNote.parse(note);
            checkpoint = SignedNote.parseCheckpoint(parsed.text());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("note", e.getMessage());
        }
        NoteKeys.Verifier witness = null;
        SignedNote.NoteSignature line = null;
        for (NoteKeys.Verifier k : keys()) {
            if (SignedNote.open(note, k).isPresent()) {
                witness = k;
                final NoteKeys.Verifier w = k;
                line = parsed.signatures().stream().filter(s -> s.name().equals(w.name()) && s.keyHash() == w.keyHash())
                        .findFirst().orElseThrow();
                break;
            }
        }
        if (witness == null) {
            throw ProblemException.invalid("note", "no signature on the note is a configured witness's, or it does not verify");
        }
        if (!checkpoint.origin().equals(signer.origin())) {
            throw ProblemException.invalid("note", "the checkpoint is of another log: " + checkpoint.origin());
        }
        long n = checkpoint.size();
        store.lock(witness);
        if (n > tree.size() || !Arrays.equals(checkpoint.root(), tree.compute(nodes -> Merkle.root(n, nodes)))) {
            throw new ProblemException(ProblemType.CHECKPOINT_INCONSISTENT,
                    "this log's tree of size " + n + " does not have that root");
        }
        // the nearest cosigned sizes below and above: consistency with them implies it with all the others
        for (Optional<WitnessStore.Prior> prior : List.of(store.nearest(witness, n, true), store.nearest(witness, n, false))) {
            if (prior.isEmpty()) {
                continue;
            }
            long m = prior.get().size();
            boolean below = m <= n;
            long small = below ? m : n;
            long large = below ? n : m;
            byte[] smallRoot = below ? prior.get().root() : checkpoint.root();
            byte[] largeRoot = below ? checkpoint.root() : prior.get().root();
            List<byte[]> proof = tree.compute(nodes -> Merkle.consistencyProof(small, large, nodes));
            boolean consistent = small == large ? Arrays.equals(smallRoot, largeRoot)
                    : small == 0 || Merkle.verifyConsistency(small, large, smallRoot, largeRoot, proof);
            if (!consistent) {
                throw new ProblemException(ProblemType.CHECKPOINT_INCONSISTENT, "the tree of size " + n
                        + " is not consistent with the checkpoint of size " + m + " that " + witness.name() + " cosigned");
            }
        }
        store.insert(witness, n, checkpoint.root(), line.line(), clock.now());
        return new Cosigned(witness.text(), n);
    }

    /** The cosignature lines kept for the checkpoint of {@code size} with {@code root}. */
    public List<String> lines(long size, byte[] root) {
        return store.lines(size, root);
    }
}
