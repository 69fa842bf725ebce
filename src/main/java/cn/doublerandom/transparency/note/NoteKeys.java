package cn.doublerandom.transparency.note;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys in the text forms of the signed-note format (c2sp.org/signed-note, Go's
 * golang.org/x/mod/sumdb/note): a verifier key {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>}
 * and a signer key {@code PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 ‖ 32-byte seed)>}. The key
 * hash is the first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
 */
public final class NoteKeys {

    static final byte ED25519 = 0x01;

    private NoteKeys() {
    }

    /** A key that checks signatures. */
    public record Verifier(String name, int keyHash, PublicKey key) {
        public String text() {
            return name + "+" + String.format("%08x", keyHash) + "+"
                    + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, raw(key)));
        }
    }

    /** A key that signs, with the verifier that checks what it signs. */
    public record Signer(Verifier verifier, PrivateKey key) {
        public String name() {
            return verifier.name();
        }
    }

    public static Verifier verifier(String text) {
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key hash>+<key>");
        }
        checkName(parts[0]);
        byte[] material = decode(parts[2]);
        if (material.length != 33 || material[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are known");
        }
        byte[] pub = Arrays.copyOfRange(material, 1, 33);
        Verifier v = new Verifier(parts[0], keyHash(parts[0], pub), publicKey(pub));
        if (!String.format("%08x", v.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key");
        }
        return v;
    }

    public static Signer signer(String text) {
        if (!text.startsWith("PRIVATE+KEY+")) {
            throw new IllegalArgumentException("a signer key starts PRIVATE+KEY+");
        }
        String[] parts = text.substring("PRIVATE+KEY+".length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signer key is PRIVATE+KEY+<name>+<key hash>+<key>");
        }
        checkName(parts[0]);
        byte[] material = decode(parts[2]);
        if (material.length != 33 || material[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 signer keys (type 0x01, 32-byte seed) are known");
        }
        KeyPair pair = fromSeed(Arrays.copyOfRange(material, 1, 33));
        byte[] pub = raw(pair.getPublic());
        Verifier v = new Verifier(parts[0], keyHash(parts[0], pub), pair.getPublic());
        if (!String.format("%08x", v.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the signer key's hash does not match its name and key");
        }
        return new Signer(v, pair.getPrivate());
    }

    /** A new signer key for {@code name}, in its text form. */
    public static String generate(String name, SecureRandom random) {
        checkName(name);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        byte[] pub = raw(fromSeed(seed).getPublic());
        return "PRIVATE+KEY+" + name + "+" + String.format("%08x", keyHash(name, pub)) + "+"
                + Base64.getEncoder().encodeToString(concat(new byte[] {ED25519}, seed));
    }

    static int keyHash(String name, byte[] pub) {
        MessageDigest d = sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        d.update(pub);
        byte[] h = d.digest();
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    /** A name is non-empty, printable, without spaces or '+'. */
    static void checkName(String name) {
        if (name.isEmpty() || name.codePoints().anyMatch(c -> c <= 0x20 || c == '+' || Character.isISOControl(c)
                || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces, '+' or control characters");
        }
    }

    private static byte[] decode(String b64) {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not base64");
        }
    }

    /** JDK's Ed25519 generator takes its 32 random bytes as the private seed (RFC 8032 §5.1.5). */
    private static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 8032 encoding: y little-endian, the top bit of the last byte is x's parity. */
    static byte[] raw(PublicKey key) {
        EdECPoint p = ((EdECPublicKey) key).getPoint();
        byte[] be = p.getY().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (p.isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static PublicKey publicKey(byte[] raw) {
        byte[] le = raw.clone();
        boolean xOdd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
