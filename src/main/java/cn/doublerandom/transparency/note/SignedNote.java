package cn.doublerandom.transparency.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A signed note (c2sp.org/signed-note): a UTF-8 text ending in "\n", a blank line, then one line
 * per signature {@code — <key name> <base64(4-byte key hash ‖ signature of the text)>} (Ed25519 or SM2, {@link NoteKeys}).
 * A checkpoint is a note whose text is {@code <origin>\n<tree size>\n<base64 root hash>\n}
 * (c2sp.org/tlog-checkpoint).
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** A signature line's parts. */
    public record NoteSignature(String name, int keyHash, byte[] signature) {
        public String line() {
            byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    /** A note split into its text and signatures, none of them checked yet. */
    public record Parsed(String text, List<NoteSignature> signatures) {
    }

    /** The note of {@code text} signed by {@code signers}, in their order. */
    public static String sign(String text, NoteKeys.Signer... signers) {
        checkText(text);
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteKeys.Signer s : signers) {
            out.append(signature(text, s).line());
        }
        return out.toString();
    }

    /** One more signature line for an already signed note (a witness's cosignature). */
    public static NoteSignature signature(String text, NoteKeys.Signer signer) {
        return new NoteSignature(signer.name(), signer.verifier().keyHash(), signer.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Splits a note; throws on anything that is not a well-formed note. */
    public static Parsed parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        List<NoteSignature> sigs = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("a signature line starts with an em dash and a space");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a signature line is '— <name> <signature>'");
            }
            NoteKeys.checkName(parts[0]);
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is base64");
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("a signature is a key hash and the signature bytes");
            }
            ByteBuffer b = ByteBuffer.wrap(blob);
            int hash = b.getInt();
            byte[] s = new byte[blob.length - 4];
            b.get(s);
            sigs.add(new NoteSignature(parts[0], hash, s));
        }
        if (sigs.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        return new Parsed(text, sigs);
    }

    /** The note's text if {@code verifier} signed it; empty if it did not sign it or its signature fails. */
    public static Optional<String> open(String note, NoteKeys.Verifier verifier) {
        Parsed p = parse(note);
        for (NoteSignature s : p.signatures()) {
            if (s.name().equals(verifier.name()) && s.keyHash() == verifier.keyHash()) {
                return verifies(p.text(), s, verifier) ? Optional.of(p.text()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean verifies(String text, NoteSignature s, NoteKeys.Verifier verifier) {
        return verifier.verifies(text.getBytes(StandardCharsets.UTF_8), s.signature());
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends in a newline and has no blank line");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text holds no control characters but newlines");
        }
    }

    /** The text of a checkpoint (c2sp.org/tlog-checkpoint). */
    public static String checkpointText(String origin, long size, byte[] root) {
        if (origin.isEmpty() || origin.contains("\n") || size < 0 || root.length != 32) {
            throw new IllegalArgumentException("a checkpoint has an origin line, a size ≥ 0 and a 32-byte root");
        }
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** A checkpoint's three lines read back. */
    public record Checkpoint(String origin, long size, byte[] root) {
    }

    public static Checkpoint parseCheckpoint(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty() || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint is an origin line, a size line and a root line");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root is base64");
        }
        if (root.length != 32) {
            throw new IllegalArgumentException("a checkpoint's root is 32 bytes");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }
}
