package cn.doublerandom.transparency.note;

import cn.doublerandom.transparency.merkle.Merkle;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signed notes as Go's golang.org/x/mod/sumdb/note writes them: its published example (PeterNeumann)
 * is reproduced byte for byte (Ed25519 is deterministic), so a Go witness or verifier accepts our
 * checkpoints; a changed byte, another key or a malformed note is refused.
 */
class SignedNoteTest {

    private static final String GO_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void goesExampleIsReproducedByteForByte() {
        NoteKeys.Signer signer = NoteKeys.signer(GO_SIGNER);
        assertEquals(GO_VERIFIER, signer.verifier().text(), "the public key and key hash derived from the seed");
        assertEquals(GO_NOTE, SignedNote.sign(GO_TEXT, signer));
        assertEquals(Optional.of(GO_TEXT), SignedNote.open(GO_NOTE, NoteKeys.verifier(GO_VERIFIER)));
    }

    @Test
    void aChangedByteOrAnotherKeyIsRefused() {
        NoteKeys.Verifier peter = NoteKeys.verifier(GO_VERIFIER);
        assertEquals(Optional.empty(), SignedNote.open(GO_NOTE.replace("cryptography", "cryptographY"), peter));
        String flipped = GO_NOTE.replace("x08go/", "x08go+");
        assertEquals(Optional.empty(), SignedNote.open(flipped, peter), "a changed signature byte");
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("PeterNeumann", new SecureRandom(new byte[] {7})));
        String forged = SignedNote.sign(GO_TEXT, other);
        assertEquals(Optional.empty(), SignedNote.open(forged, peter), "same name, another key");
        assertThrows(IllegalArgumentException.class, () -> NoteKeys.verifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                "a key hash that does not match");
        for (String bad : List.of("", "text\n", GO_TEXT + "\n\u2014 PeterNeumann\n", GO_TEXT + "\n- PeterNeumann abcd\n",
                GO_TEXT + "\n\u2014 PeterNeumann !!!!\n", GO_TEXT + "\n\u2014 PeterNeumann AAAA\n", GO_TEXT + "\n")) {
            assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("no newline", other));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("a\n\nb\n", other));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.sign("nul\u0000\n", other));
    }

    @Test
    void aCheckpointIsSignedByTheLogAndCosignedByAWitness() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("draw.example.cn/log", new SecureRandom(new byte[] {1})));
        NoteKeys.Signer witness = NoteKeys.signer(NoteKeys.generate("notary.example.cn", new SecureRandom(new byte[] {2})));
        byte[] root = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        String text = SignedNote.checkpointText("draw.example.cn/log", 8, root);
        assertEquals("draw.example.cn/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", text);
        String note = SignedNote.sign(text, log, witness);
        assertTrue(SignedNote.open(note, log.verifier()).isPresent());
        assertTrue(SignedNote.open(note, witness.verifier()).isPresent());
        SignedNote.Checkpoint cp = SignedNote.parseCheckpoint(SignedNote.open(note, log.verifier()).orElseThrow());
        assertEquals(8, cp.size());
        assertArrayEquals(root, cp.root());
        assertEquals(32, Merkle.HASH_LENGTH);
        for (String bad : List.of("o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", "o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
                "o\n8\nAAAA\n", "o\n8\n", "o\n99999999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")) {
            assertThrows(IllegalArgumentException.class, () -> SignedNote.parseCheckpoint(bad), bad);
        }
    }
}
