package cn.doublerandom.transparency.note;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checkpoints signed with SM2 and SM3 (the 密评 option): they open with the SM2 verifier and with
 * nothing else, a changed byte is refused, and OpenSSL, an independent implementation, checks our
 * signatures and makes signatures we accept.
 */
class Sm2NoteTest {

    private static final SecureRandom SEEDED = new SecureRandom(new byte[] {3});
    private static final byte[] ROOT = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void anSm2CheckpointOpensWithItsKeyOnly() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("sthjj.example.gov.cn/log", NoteKeys.Algorithm.SM2_SM3, SEEDED));
        String verifierText = log.verifier().text();
        byte[] material = Base64.getDecoder().decode(verifierText.split("\\+", 3)[2]);
        assertEquals(8 + 65, material.length, "type 0xff ‖ 'sm2-sm3', then the uncompressed point");
        assertEquals((byte) 0xff, material[0]);
        assertEquals("sm2-sm3", new String(material, 1, 7, StandardCharsets.US_ASCII));
        assertEquals(0x04, material[8]);

        String text = SignedNote.checkpointText("sthjj.example.gov.cn/log", 8, ROOT);
        String note = SignedNote.sign(text, log);
        NoteKeys.Verifier v = NoteKeys.verifier(verifierText);
        assertEquals(Optional.of(text), SignedNote.open(note, v));
        assertEquals(Optional.empty(), SignedNote.open(note.replace("\n8\n", "\n9\n"), v), "another tree size");

        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("sthjj.example.gov.cn/log", NoteKeys.Algorithm.SM2_SM3, SEEDED));
        assertEquals(Optional.empty(), SignedNote.open(SignedNote.sign(text, other), v), "same name, another key");
        NoteKeys.Signer ed = NoteKeys.signer(NoteKeys.generate("sthjj.example.gov.cn/log", SEEDED));
        assertNotEquals(ed.verifier().keyHash(), v.keyHash());
        assertEquals(Optional.empty(), SignedNote.open(SignedNote.sign(text, ed), v), "an Ed25519 signature is not SM2's");

        String both = SignedNote.sign(text, ed, log);
        assertTrue(SignedNote.open(both, v).isPresent(), "an Ed25519 log cosigned by an SM2 witness, or the other way");
        assertTrue(SignedNote.open(both, ed.verifier()).isPresent());
    }

    @Test
    void malformedSm2KeysAreRefused() {
        String good = NoteKeys.signer(NoteKeys.generate("k", NoteKeys.Algorithm.SM2_SM3, SEEDED)).verifier().text();
        byte[] material = Base64.getDecoder().decode(good.split("\\+", 3)[2]);
        byte[] offCurve = material.clone();
        offCurve[offCurve.length - 1] ^= 1;
        byte[] compressed = material.clone();
        compressed[8] = 0x02;
        byte[] shortKey = java.util.Arrays.copyOf(material, material.length - 1);
        for (byte[] bad : List.of(offCurve, compressed, shortKey)) {
            String text = "k+" + good.split("\\+")[1] + "+" + Base64.getEncoder().encodeToString(bad);
            assertThrows(IllegalArgumentException.class, () -> NoteKeys.verifier(text));
        }
        byte[] zero = new byte[8 + 32];
        System.arraycopy(material, 0, zero, 0, 8);
        assertThrows(IllegalArgumentException.class,
                () -> NoteKeys.signer("PRIVATE+KEY+k+00000000+" + Base64.getEncoder().encodeToString(zero)), "a zero scalar");
        assertThrows(IllegalArgumentException.class, () -> NoteKeys.Algorithm.named("rsa"));
    }

    @Test
    void openSslChecksOurSignaturesAndWeCheckItsOwn() throws Exception {
        assumeTrue(openSslHasSm2(), "openssl with SM2 is on every machine this project targets");
        Path dir = Files.createTempDirectory("sm2");
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("sthjj.example.gov.cn/log", NoteKeys.Algorithm.SM2_SM3, SEEDED));
        String text = SignedNote.checkpointText("sthjj.example.gov.cn/log", 42, ROOT);
        SignedNote.NoteSignature ours = SignedNote.signature(text, log);

        Path msg = Files.writeString(dir.resolve("msg"), text);
        Path pub = dir.resolve("pub.pem");
        Files.writeString(pub, pem(log.verifier()));
        Path sig = Files.write(dir.resolve("sig"), ours.signature());
        assertEquals(0, openssl("pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-digest", "sm3",
                "-pkeyopt", "distid:1234567812345678", "-in", msg.toString(), "-sigfile", sig.toString()), "OpenSSL accepts our signature");
        Path other = Files.writeString(dir.resolve("other"), text.replace("42", "43"));
        assertNotEquals(0, openssl("pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-digest", "sm3",
                "-pkeyopt", "distid:1234567812345678", "-in", other.toString(), "-sigfile", sig.toString()), "and refuses it on another text");

        Path key = dir.resolve("key.pem");
        assertEquals(0, openssl("genpkey", "-algorithm", "SM2", "-out", key.toString()));
        Path theirs = dir.resolve("theirs");
        assertEquals(0, openssl("pkeyutl", "-sign", "-inkey", key.toString(), "-rawin", "-digest", "sm3",
                "-pkeyopt", "distid:1234567812345678", "-in", msg.toString(), "-out", theirs.toString()));
        NoteKeys.Signer same = NoteKeys.signer(NoteKeys.signerText("openssl.example", NoteKeys.Algorithm.SM2_SM3, privateScalar(key)));
        assertTrue(same.verifier().verifies(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(theirs)),
                "we accept OpenSSL's signature under the key read from its private scalar");
        assertTrue(!same.verifier().verifies(text.replace("42", "43").getBytes(StandardCharsets.UTF_8), Files.readAllBytes(theirs)));
    }

    @Test
    void theAuditorsPythonChecksAnSm2Checkpoint() throws Exception {
        assumeTrue(openSslHasSm2(), "openssl with SM2 is on every machine this project targets");
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("sthjj.example.gov.cn/log", NoteKeys.Algorithm.SM2_SM3, SEEDED));
        String note = SignedNote.sign(SignedNote.checkpointText("sthjj.example.gov.cn/log", 42, ROOT), log);
        String script = "import sys; sys.path.insert(0, 'audit'); import check_log as c\n"
                + "key = c.parse_key(sys.argv[1])\n"
                + "print(c.open_checkpoint(sys.argv[2], key)[1])\n"
                + "try:\n    c.open_checkpoint(sys.argv[2].replace('\\n42\\n', '\\n43\\n'), key)\n    print('accepted')\n"
                + "except ValueError as e:\n    print('refused')\n";
        Process p = new ProcessBuilder("python3", "-c", script, log.verifier().text(), note).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals("42\nrefused\n", out);
    }

    /** SubjectPublicKeyInfo of an SM2 point: id-ecPublicKey with the curve sm2p256v1. */
    static String pem(NoteKeys.Verifier v) {
        String t = v.text();
        byte[] material = Base64.getDecoder().decode(t.split("\\+", 3)[2]);
        byte[] point = java.util.Arrays.copyOfRange(material, 8, material.length);
        byte[] prefix = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a811ccf5501822d034200");
        byte[] der = NoteKeys.concat(prefix, point);
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] privateScalar(Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "pkey", "-in", key.toString(), "-text", "-noout").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("priv:\\s*((?:[0-9a-f]{2}:?\\s*)+)pub:").matcher(out);
        assertTrue(m.find(), out);
        byte[] raw = HexFormat.of().parseHex(m.group(1).replaceAll("[:\\s]", ""));
        byte[] scalar = new byte[32];
        System.arraycopy(raw, Math.max(0, raw.length - 32), scalar, Math.max(0, 32 - raw.length), Math.min(32, raw.length));
        return scalar;
    }

    private static boolean openSslHasSm2() {
        try {
            Process p = new ProcessBuilder("openssl", "list", "-public-key-algorithms").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("SM2");
        } catch (Exception e) {
            return false;
        }
    }

    private static int openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
