package cn.doublerandom.transparency.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a tree: the roots of its complete subtrees, largest first, one per set bit of
 * its size (a "compact range" from 0). Appending a leaf merges equal subtrees as a binary counter
 * carries, so a log stores every complete subtree exactly once and never rehashes the tree.
 */
public final class Frontier {

    private final long size;
    private final List<byte[]> hashes;

    private Frontier(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    public static Frontier empty() {
        return new Frontier(0, List.of());
    }

    /** The frontier of a tree of {@code size} leaves, reading its complete subtrees from {@code nodes}. */
    public static Frontier of(long size, Merkle.NodeSource nodes) {
        List<byte[]> hashes = new ArrayList<>();
        for (Node n : nodesOf(size)) {
            hashes.add(nodes.subtree(n.level(), n.index()));
        }
        return new Frontier(size, List.copyOf(hashes));
    }

    /** Which complete subtrees make up the frontier of a tree of {@code size} leaves, largest first. */
    public static List<Node> nodesOf(long size) {
        List<Node> out = new ArrayList<>();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                out.add(new Node(level, start >>> level));
                start += 1L << level;
            }
        }
        return out;
    }

    public long size() {
        return size;
    }

    public List<byte[]> hashes() {
        return hashes;
    }

    /** The tree's root: the frontier folded from the right. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] r = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            r = Merkle.nodeHash(hashes.get(i), r);
        }
        return r;
    }

    /** A complete subtree's position and hash. */
    public record Node(int level, long index) {
    }

    /** A new complete subtree that an append made. */
    public record NewNode(int level, long index, byte[] hash) {
    }

    /** The frontier after an append, and the complete subtrees the append completed (the leaf first). */
    public record Appended(Frontier frontier, List<NewNode> newNodes) {
    }

    public Appended append(byte[] leafHash) {
        if (leafHash.length != Merkle.HASH_LENGTH) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes");
        }
        List<byte[]> next = new ArrayList<>(hashes);
        List<NewNode> made = new ArrayList<>();
        byte[] carry = Merkle.copy(leafHash);
        long index = size;
        int level = 0;
        made.add(new NewNode(0, index, carry));
        while ((index & 1) == 1) {
            carry = Merkle.nodeHash(next.remove(next.size() - 1), carry);
            index >>>= 1;
            level++;
            made.add(new NewNode(level, index, carry));
        }
        next.add(carry);
        return new Appended(new Frontier(size + 1, List.copyOf(next)), List.copyOf(made));
    }
}
