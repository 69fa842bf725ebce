package cn.doublerandom.transparency.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The RFC 6962 / RFC 9162 tree: the test vectors that Certificate Transparency implementations share
 * (transparency-dev/merkle proof/verify_test.go, from google/certificate-transparency), a reference
 * implementation written straight from the RFC's recursive definitions for every size up to 70,
 * and proofs damaged in every way a verifier must notice.
 */
class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the vectors (entry bytes, before the 0x00 prefix). */
    private static final List<byte[]> LEAVES = List.of(h(""), h("00"), h("10"), h("2021"), h("3031"), h("40414243"),
            h("5051525354555657"), h("606162636465666768696a6b6c6d6e6f"));

    /** Roots of the trees of the first 1, 2, …, 8 leaves. */
    private static final List<byte[]> ROOTS = List.of(
            h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            h("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
            h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            h("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
            h("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
            h("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
            h("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    /** (leaf number from 1, tree size, proof). */
    private record InclusionVector(long leaf, long size, List<byte[]> proof) {
    }

    private static final List<InclusionVector> INCLUSION = List.of(
            new InclusionVector(1, 1, List.of()),
            new InclusionVector(1, 8, List.of(
                    h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
            new InclusionVector(6, 8, List.of(
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                    h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
            new InclusionVector(3, 3, List.of(
                    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"))),
            new InclusionVector(2, 5, List.of(
                    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))));

    private record ConsistencyVector(long size1, long size2, List<byte[]> proof) {
    }

    private static final List<ConsistencyVector> CONSISTENCY = List.of(
            new ConsistencyVector(1, 1, List.of()),
            new ConsistencyVector(1, 8, List.of(
                    h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
            new ConsistencyVector(6, 8, List.of(
                    h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                    h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
            new ConsistencyVector(2, 5, List.of(
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))),
            new ConsistencyVector(6, 7, List.of(
                    h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                    h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))));

    private static final byte[] SOME_HASH = h("abacaba000000000000000000000000000000000000000000060061e00123456");
    private static final byte[] EMPTY_ROOT = h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void theRootsOfTheVectorsComeOut() {
        assertArrayEquals(EMPTY_ROOT, Merkle.root(List.of()));
        for (int n = 1; n <= 8; n++) {
            assertArrayEquals(ROOTS.get(n - 1), Merkle.root(leafHashes(n)), "root of " + n);
            assertArrayEquals(ROOTS.get(n - 1), Merkle.root(n, stored(8)), "stored root of " + n + " within 8");
        }
    }

    @Test
    void theInclusionVectorsAreBuiltAndVerified() {
        Merkle.NodeSource nodes = stored(8);
        for (InclusionVector v : INCLUSION) {
            long index = v.leaf() - 1;
            assertHashesEqual(v.proof(), Merkle.inclusionProof(index, v.size(), nodes), "proof " + v);
            byte[] leaf = Merkle.leafHash(LEAVES.get((int) index));
            byte[] root = ROOTS.get((int) v.size() - 1);
            assertTrue(Merkle.verifyInclusion(index, v.size(), leaf, v.proof(), root), "verify " + v);
            for (Probe p : corruptedInclusion(index, v.size(), v.proof(), root, leaf)) {
                assertFalse(Merkle.verifyInclusion(p.a(), p.b(), p.leaf(), p.proof(), p.root()),
                        "accepted a damaged inclusion proof: " + p.what() + " of " + v);
            }
        }
    }

    @Test
    void theConsistencyVectorsAreBuiltAndVerified() {
        Merkle.NodeSource nodes = stored(8);
        for (ConsistencyVector v : CONSISTENCY) {
            assertHashesEqual(v.proof(), Merkle.consistencyProof(v.size1(), v.size2(), nodes), "proof " + v);
            byte[] root1 = ROOTS.get((int) v.size1() - 1);
            byte[] root2 = ROOTS.get((int) v.size2() - 1);
            assertTrue(Merkle.verifyConsistency(v.size1(), v.size2(), root1, root2, v.proof()), "verify " + v);
            if (v.proof().isEmpty()) {
                continue;
            }
            for (Probe p : corruptedConsistency(v.size1(), v.size2(), root1, root2, v.proof())) {
                assertFalse(Merkle.verifyConsistency(p.a(), p.b(), p.leaf(), p.root(), p.proof()),
                        "accepted a damaged consistency proof: " + p.what() + " of " + v);
            }
        }
    }

    @Test
    void theEdgeCasesOfTheVectorsHold() {
        byte[] r1 = SOME_HASH;
        byte[] r2 = EMPTY_ROOT;
        assertTrue(Merkle.verifyConsistency(0, 0, r1, r1, List.of()));
        assertTrue(Merkle.verifyConsistency(0, 1, r1, r2, List.of()));
        assertTrue(Merkle.verifyConsistency(1, 1, r2, r2, List.of()));
        assertFalse(Merkle.verifyConsistency(0, 0, r1, r2, List.of()), "equal sizes, different roots");
        assertFalse(Merkle.verifyConsistency(1, 1, r1, r2, List.of()));
        assertFalse(Merkle.verifyConsistency(1, 0, r1, r2, List.of()), "time travel to the past");
        assertFalse(Merkle.verifyConsistency(2, 1, r1, r2, List.of()));
        assertFalse(Merkle.verifyConsistency(1, 2, r1, r2, List.of()), "empty proof");
        assertFalse(Merkle.verifyConsistency(0, 0, r2, r2, List.of(r2)), "equal roots but a proof");
        assertFalse(Merkle.verifyConsistency(0, 1, r2, r2, List.of(r2)));
        assertFalse(Merkle.verifyConsistency(1, 1, r2, r2, List.of(r2)));
        assertFalse(Merkle.verifyConsistency(1, 2, new byte[0], r2, List.of(r2)), "a root of the wrong length");

        for (long[] p : new long[][] {{0, 0}, {0, 1}, {1, 0}, {2, 1}}) {
            assertFalse(Merkle.verifyInclusion(p[0], p[1], SOME_HASH, List.of(), new byte[0]));
            assertFalse(Merkle.verifyInclusion(p[0], p[1], new byte[0], List.of(), EMPTY_ROOT));
            assertFalse(Merkle.verifyInclusion(p[0], p[1], SOME_HASH, List.of(), EMPTY_ROOT));
        }
        byte[] single = Merkle.leafHash("data".getBytes(StandardCharsets.UTF_8));
        assertTrue(Merkle.verifyInclusion(0, 1, single, List.of(), single), "a tree of one leaf is its leaf");
        assertFalse(Merkle.verifyInclusion(0, 1, new byte[0], List.of(), single));
        assertFalse(Merkle.verifyInclusion(0, 1, single, List.of(), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Merkle.inclusionProof(8, 8, stored(8)));
        assertThrows(IllegalArgumentException.class, () -> Merkle.consistencyProof(5, 4, stored(8)));
    }

    @Test
    void storedProofsAgreeWithTheRfcDefinitionsForEverySizeUpTo70() {
        List<byte[]> leaves = new ArrayList<>();
        Random random = new Random(20_6962);
        for (int i = 0; i < 70; i++) {
            byte[] entry = new byte[random.nextInt(40)];
            random.nextBytes(entry);
            leaves.add(Merkle.leafHash(entry));
        }
        Map<String, byte[]> table = new HashMap<>();
        Frontier f = Frontier.empty();
        for (byte[] leaf : leaves) {
            Frontier.Appended a = f.append(leaf);
            for (Frontier.NewNode n : a.newNodes()) {
                assertEquals(null, table.put(n.level() + "/" + n.index(), n.hash()), "a subtree is completed once");
            }
            f = a.frontier();
            assertArrayEquals(mth(leaves.subList(0, (int) f.size())), f.root(), "frontier root at " + f.size());
        }
        Merkle.NodeSource nodes = (level, index) -> table.get(level + "/" + index);
        for (int n = 1; n <= 70; n++) {
            List<byte[]> d = leaves.subList(0, n);
            byte[] root = mth(d);
            assertArrayEquals(root, Merkle.root(n, nodes));
            assertArrayEquals(root, Frontier.of(n, nodes).root());
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = Merkle.inclusionProof(m, n, nodes);
                assertHashesEqual(path(m, d), proof, "inclusion " + m + " in " + n);
                assertTrue(Merkle.verifyInclusion(m, n, d.get(m), proof, root));
                assertFalse(Merkle.verifyInclusion(m, n, d.get((m + 1) % n), proof, root) && n > 1, "another leaf");
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = Merkle.consistencyProof(m, n, nodes);
                assertHashesEqual(m == n ? List.of() : subproof(m, d, true), proof, "consistency " + m + " to " + n);
                assertTrue(Merkle.verifyConsistency(m, n, mth(leaves.subList(0, m)), root, proof), m + " to " + n);
                if (m < n) {
                    assertFalse(Merkle.verifyConsistency(m, n, mth(leaves.subList(1, m + 1)), root, proof),
                            "a first tree that is not a prefix");
                }
            }
        }
    }

    @Test
    void aLeafAndANodeNeverHashAlike() {
        // the prefixes keep a leaf that holds two hashes from posing as their parent node
        byte[] a = SOME_HASH;
        byte[] b = EMPTY_ROOT;
        byte[] both = new byte[64];
        System.arraycopy(a, 0, both, 0, 32);
        System.arraycopy(b, 0, both, 32, 32);
        assertFalse(java.util.Arrays.equals(Merkle.nodeHash(a, b), Merkle.leafHash(both)));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HEX.formatHex(Merkle.leafHash(new byte[0])), "leaf of the empty entry");
    }

    // --- the RFC's recursive definitions, written out from the leaves ---

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return EMPTY_ROOT;
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Merkle.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> out = new ArrayList<>();
        if (d.size() <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> out = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(subproof(m - k, d.subList(k, d.size()), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    // --- damage, as the Go verifier's tests do it ---

    /** a and b are (index, size) or (size1, size2); leaf is the leaf hash or the first root. */
    private record Probe(long a, long b, byte[] leaf, byte[] root, List<byte[]> proof, String what) {
    }

    private static List<Probe> corruptedInclusion(long index, long size, List<byte[]> proof, byte[] root, byte[] leaf) {
        List<Probe> out = new ArrayList<>(List.of(
                new Probe(index - 1, size, leaf, root, proof, "index - 1"),
                new Probe(index + 1, size, leaf, root, proof, "index + 1"),
                new Probe(index ^ 2, size, leaf, root, proof, "index ^ 2"),
                new Probe(index, size * 2, leaf, root, proof, "size * 2"),
                new Probe(index, size / 2, leaf, root, proof, "size / 2"),
                new Probe(index, size, "WrongLeaf".getBytes(StandardCharsets.UTF_8), root, proof, "wrong leaf"),
                new Probe(index, size, leaf, EMPTY_ROOT, proof, "empty root"),
                new Probe(index, size, leaf, SOME_HASH, proof, "random root"),
                new Probe(index, size, leaf, root, append(proof, new byte[0]), "trailing garbage"),
                new Probe(index, size, leaf, root, append(proof, root), "trailing root"),
                new Probe(index, size, leaf, root, prepend(proof, new byte[0]), "preceding garbage"),
                new Probe(index, size, leaf, root, prepend(proof, root), "preceding root")));
        for (int i = 0; i < proof.size(); i++) {
            out.add(new Probe(index, size, leaf, root, flipped(proof, i, 8), "bit 3 of element " + i + " flipped"));
        }
        if (!proof.isEmpty()) {
            out.add(new Probe(index, size, leaf, root, proof.subList(0, proof.size() - 1), "truncated proof"));
        }
        if (proof.size() > 1) {
            List<byte[]> inserted = new ArrayList<>(proof);
            inserted.add(1, SOME_HASH);
            out.add(new Probe(index, size, leaf, root, inserted, "inserted element"));
        }
        return out;
    }

    private static List<Probe> corruptedConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        byte[] wrong = "WrongRoot".getBytes(StandardCharsets.UTF_8);
        List<Probe> out = new ArrayList<>(List.of(
                new Probe(size1 - 1, size2, root1, root2, proof, "size1 - 1"),
                new Probe(size1 + 1, size2, root1, root2, proof, "size1 + 1"),
                new Probe(size1 ^ 2, size2, root1, root2, proof, "size1 ^ 2"),
                new Probe(size1, size2 * 2, root1, root2, proof, "size2 * 2"),
                new Probe(size1, size2 / 2, root1, root2, proof, "size2 / 2"),
                new Probe(size1, size2, wrong, root2, proof, "wrong root1"),
                new Probe(size1, size2, root1, wrong, proof, "wrong root2"),
                new Probe(size1, size2, root2, root1, proof, "swapped roots"),
                new Probe(size1, size2, root1, root2, List.of(), "empty proof"),
                new Probe(size1, size2, root1, root2, append(proof, new byte[0]), "trailing garbage"),
                new Probe(size1, size2, root1, root2, append(proof, root1), "trailing root1"),
                new Probe(size1, size2, root1, root2, append(proof, root2), "trailing root2"),
                new Probe(size1, size2, root1, root2, prepend(proof, new byte[0]), "preceding garbage"),
                new Probe(size1, size2, root1, root2, prepend(proof, root1), "preceding root1"),
                new Probe(size1, size2, root1, root2, prepend(proof, root2), "preceding root2"),
                new Probe(size1, size2, root1, root2, prepend(proof, proof.get(0)), "preceding proof[0]"),
                new Probe(size1, size2, root1, root2, proof.subList(0, proof.size() - 1), "truncated proof")));
        for (int i = 0; i < proof.size(); i++) {
            out.add(new Probe(size1, size2, root1, root2, flipped(proof, i, 16), "bit 4 of element " + i + " flipped"));
        }
        return out;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int i, int mask) {
        List<byte[]> out = new ArrayList<>(proof);
        byte[] e = proof.get(i).clone();
        e[0] ^= (byte) mask;
        out.set(i, e);
        return out;
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] h) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(h);
        return out;
    }

    private static List<byte[]> prepend(List<byte[]> proof, byte[] h) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(0, h);
        return out;
    }

    // --- helpers ---

    private static List<byte[]> leafHashes(int n) {
        return LEAVES.subList(0, n).stream().map(Merkle::leafHash).toList();
    }

    /** The vectors' eight leaves appended to a frontier, each completed subtree kept as a log would. */
    private static Merkle.NodeSource stored(int n) {
        Map<String, byte[]> table = new HashMap<>();
        Frontier f = Frontier.empty();
        for (byte[] leaf : leafHashes(n)) {
            Frontier.Appended a = f.append(leaf);
            a.newNodes().forEach(x -> table.put(x.level() + "/" + x.index(), x.hash()));
            f = a.frontier();
        }
        return (level, index) -> {
            byte[] h = table.get(level + "/" + index);
            if (h == null) {
                throw new AssertionError("asked for a subtree that is not complete: " + level + "/" + index);
            }
            return h;
        };
    }

    private static void assertHashesEqual(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.stream().map(HEX::formatHex).toList(), actual.stream().map(HEX::formatHex).toList(), what);
    }

    private static byte[] h(String hex) {
        return HEX.parseHex(hex);
    }
}
