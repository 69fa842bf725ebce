package cn.doublerandom.transparency.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 / RFC 9162 §2.1 over SHA-256: leaf = SHA-256(0x00 ‖ bytes),
 * node = SHA-256(0x01 ‖ left ‖ right); inclusion and consistency proofs and their verification.
 *
 * <p>Proofs are built from a {@link NodeSource}, which answers the hash of any complete subtree
 * (2^level leaves starting at a multiple of 2^level), so a stored tree never recomputes more than
 * the right edge of an earlier, smaller tree. Every method takes hashes of exactly 32 bytes and
 * refuses anything else.
 */
public final class Merkle {

    /** Length of every hash in the tree. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Merkle() {
    }

    /** The hash of a complete subtree: 2^level leaves starting at leaf {@code index << level}. */
    @FunctionalInterface
    public interface NodeSource {
        byte[] subtree(int level, long index);
    }

    /** SHA-256 of the empty string: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = sha256();
        d.update(LEAF_PREFIX);
        d.update(entry);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        checkHash(left);
        checkHash(right);
        MessageDigest d = sha256();
        d.update(NODE_PREFIX);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The root of leaves given by their leaf hashes (MTH of RFC 9162 §2.1.1). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        Frontier f = Frontier.empty();
        for (byte[] h : leafHashes) {
            f = f.append(h).frontier();
        }
        return f.root();
    }

    /** The root of the first {@code size} leaves of the tree that {@code nodes} describes. */
    public static byte[] root(long size, NodeSource nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? emptyRoot() : range(0, size, nodes);
    }

    /** MTH(D[from:to]) where {@code from} is a multiple of the largest power of two below {@code to - from}. */
    private static byte[] range(long from, long to, NodeSource nodes) {
        long n = to - from;
        if (Long.bitCount(n) == 1 && from % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            byte[] h = nodes.subtree(level, from >>> level);
            checkHash(h);
            return h;
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(range(from, from + k, nodes), range(from + k, to, nodes));
    }

    /** The largest power of two strictly less than {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, nearest sibling first. */
    public static List<byte[]> inclusionProof(long index, long size, NodeSource nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return proof;
    }

    private static void path(long m, long from, long to, NodeSource nodes, List<byte[]> out) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, nodes, out);
            out.add(range(from + k, to, nodes));
        } else {
            path(m - k, from + k, to, nodes, out);
            out.add(range(from, from + k, nodes));
        }
    }

    /** PROOF(size1, D[0:size2]) of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1); empty when size1 is 0 or size2. */
    public static List<byte[]> consistencyProof(long size1, long size2, NodeSource nodes) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, nodes, proof);
        }
        return proof;
    }

    private static void subproof(long m, long from, long to, boolean complete, NodeSource nodes, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(range(from, to, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, nodes, out);
            out.add(range(from + k, to, nodes));
        } else {
            subproof(m - k, from + k, to, false, nodes, out);
            out.add(range(from, from + k, nodes));
        }
    }

    /** The root that an inclusion proof leads to (RFC 9162 §2.1.3.2), or an exception saying why none. */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf " + index + " is not in a tree of size " + size);
        }
        checkProofHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            checkProofHash(p, "proof element");
            if (sn == 0) {
                throw new ProofException("the proof is longer than a tree of size " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the proof is shorter than a tree of size " + size + " needs");
        }
        return r;
    }

    /** Whether {@code proof} shows the leaf at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        try {
            checkProofHash(root, "root");
            return MessageDigest.isEqual(rootFromInclusionProof(index, size, leafHash, proof), root);
        } catch (ProofException e) {
            return false;
        }
    }

    /** Whether {@code proof} shows the tree (size2, root2) extends (size1, root1) (RFC 9162 §2.1.4.2). */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        try {
            checkConsistency(size1, size2, root1, root2, proof);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /** As {@link #verifyConsistency}, throwing with the reason instead of answering false. */
    public static void checkConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1) {
            throw new ProofException("size " + size2 + " cannot extend size " + size1);
        }
        checkProofHash(root1, "first root");
        checkProofHash(root2, "second root");
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("trees of equal size need an empty proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two trees of size " + size1 + " with different roots");
            }
            return;
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new ProofException("the empty tree needs an empty proof");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("empty proof from size " + size1 + " to " + size2);
        }
        for (byte[] p : proof) {
            checkProofHash(p, "proof element");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the proof is longer than sizes " + size1 + " and " + size2 + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the proof is shorter than sizes " + size1 + " and " + size2 + " need");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the proof does not lead to the second root");
        }
    }

    /** A proof that does not verify, with the reason. */
    public static final class ProofException extends RuntimeException {
        public ProofException(String message) {
            super(message);
        }
    }

    private static void checkHash(byte[] h) {
        if (h == null || h.length != HASH_LENGTH) {
            throw new IllegalArgumentException("a tree hash is " + HASH_LENGTH + " bytes, not "
                    + (h == null ? "missing" : h.length));
        }
    }

    private static void checkProofHash(byte[] h, String what) {
        if (h == null || h.length != HASH_LENGTH) {
            throw new ProofException("the " + what + " is " + (h == null ? "missing" : h.length + " bytes") + ", not "
                    + HASH_LENGTH + " bytes");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] copy(byte[] h) {
        return Arrays.copyOf(h, h.length);
    }
}
