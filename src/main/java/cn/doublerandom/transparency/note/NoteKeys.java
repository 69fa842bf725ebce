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
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Keys in the text forms of the signed-note format (c2sp.org/signed-note, Go's
 * golang.org/x/mod/sumdb/note): a verifier key {@code <name>+<hex key hash>+<base64(type ‖ public key)>}
 * and a signer key {@code PRIVATE+KEY+<name>+<hex key hash>+<base64(type ‖ private key)>}. The key
 * hash is the first four bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key).
 *
 * <p>Two algorithms. Ed25519 (type {@code 0x01}), the format's own. SM2 with SM3 (GB/T 32918,
 * GB/T 32905) for deployments that must pass the commercial-cryptography assessment (密评): the
 * format assigns it no byte, so its type is {@code 0xff} followed by the ASCII identifier
 * {@code sm2-sm3}, as the format recommends for unassigned types. Its public key is the 65-byte
 * uncompressed point on the curve sm2p256v1, its private key the 32-byte scalar, and its signature
 * the DER (r, s) of GM/T 0009 with the default distinguishing identifier {@code 1234567812345678},
 * which {@code openssl pkeyutl -digest sm3} also checks.
 */
public final class NoteKeys {

    /** A signature algorithm and its type bytes in keys and key hashes. */
    public enum Algorithm {
        ED25519(new byte[] {0x01}, 32, 32),
        SM2_SM3(sm2Type(), 65, 32);

        final byte[] type;
        final int publicLength;
        final int privateLength;

        Algorithm(byte[] type, int publicLength, int privateLength) {
            this.type = type;
            this.publicLength = publicLength;
            this.privateLength = privateLength;
        }

        /** The algorithm named in configuration: {@code ed25519} or {@code sm2}. */
        public static Algorithm named(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "ed25519" -> ED25519;
                case "sm2", "sm2-sm3" -> SM2_SM3;
                default -> throw new IllegalArgumentException("a log key algorithm is ed25519 or sm2, not " + name);
            };
        }

        /** The algorithm of key material {@code type ‖ key}, checked against the key's length. */
        static Algorithm of(byte[] material, boolean privateKey) {
            for (Algorithm a : values()) {
                int length = privateKey ? a.privateLength : a.publicLength;
                if (material.length == a.type.length + length
                        && Arrays.equals(material, 0, a.type.length, a.type, 0, a.type.length)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("only Ed25519 (type 0x01, 32 bytes) and SM2 (type 0xff sm2-sm3, "
                    + (privateKey ? "a 32-byte scalar" : "a 65-byte point") + ") keys are known");
        }
    }

    private static byte[] sm2Type() {
        byte[] id = "sm2-sm3".getBytes(StandardCharsets.US_ASCII);
        byte[] type = new byte[1 + id.length];
        type[0] = (byte) 0xff;
        System.arraycopy(id, 0, type, 1, id.length);
        return type;
    }

    private NoteKeys() {
    }

    /** A key that checks signatures. */
    public static final class Verifier {
        private final String name;
        private final int keyHash;
        private final Algorithm algorithm;
        private final byte[] publicKey;
        private final PublicKey ed25519;

        private Verifier(String name, Algorithm algorithm, byte[] publicKey) {
            this.name = name;
            this.algorithm = algorithm;
            this.publicKey = publicKey.clone();
            this.keyHash = NoteKeys.keyHash(name, algorithm, publicKey);
            this.ed25519 = algorithm == Algorithm.ED25519 ? edPublicKey(publicKey) : null;
            if (algorithm == Algorithm.SM2_SM3) {
                Sm2.checkPoint(publicKey);
            }
        }

        public String name() {
            return name;
        }

        public int keyHash() {
            return keyHash;
        }

        public Algorithm algorithm() {
            return algorithm;
        }

        public String text() {
            return name + "+" + String.format("%08x", keyHash) + "+"
                    + Base64.getEncoder().encodeToString(concat(algorithm.type, publicKey));
        }

        /** Whether {@code signature} is this key's signature of {@code message}. */
        public boolean verifies(byte[] message, byte[] signature) {
            if (algorithm == Algorithm.SM2_SM3) {
                return Sm2.verifies(publicKey, message, signature);
            }
            try {
                Signature sig = Signature.getInstance("Ed25519");
                sig.initVerify(ed25519);
                sig.update(message);
                return sig.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A key that signs, with the verifier that checks what it signs. */
    public static final class Signer {
        private final Verifier verifier;
        private final PrivateKey ed25519;
        private final BigInteger sm2;
        private final SecureRandom random = new SecureRandom();

        private Signer(Verifier verifier, PrivateKey ed25519, BigInteger sm2) {
            this.verifier = verifier;
            this.ed25519 = ed25519;
            this.sm2 = sm2;
        }

        public Verifier verifier() {
            return verifier;
        }

        public String name() {
            return verifier.name();
        }

        /** This key's signature of {@code message}: Ed25519 is deterministic, SM2 is not. */
        public byte[] sign(byte[] message) {
            if (sm2 != null) {
                return Sm2.sign(sm2, message, random);
            }
            try {
                Signature sig = Signature.getInstance("Ed25519");
                sig.initSign(ed25519);
                sig.update(message);
                return sig.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "signer of " + verifier.text();
        }
    }

    public static Verifier verifier(String text) {
        String[] parts = text.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key hash>+<key>");
        }
        checkName(parts[0]);
        byte[] material = decode(parts[2]);
        Algorithm a = Algorithm.of(material, false);
        Verifier v = new Verifier(parts[0], a, Arrays.copyOfRange(material, a.type.length, material.length));
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
        Algorithm a = Algorithm.of(material, true);
        byte[] secret = Arrays.copyOfRange(material, a.type.length, material.length);
        Signer s;
        if (a == Algorithm.ED25519) {
            KeyPair pair = fromSeed(secret);
            s = new Signer(new Verifier(parts[0], a, raw(pair.getPublic())), pair.getPrivate(), null);
        } else {
            BigInteger d = sm2Scalar(secret);
            s = new Signer(new Verifier(parts[0], a, Sm2.point(d)), null, d);
        }
        if (!String.format("%08x", s.verifier().keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the signer key's hash does not match its name and key");
        }
        return s;
    }

    /** A new Ed25519 signer key for {@code name}, in its text form. */
    public static String generate(String name, SecureRandom random) {
        return generate(name, Algorithm.ED25519, random);
    }

    /** A new signer key of {@code algorithm} for {@code name}, in its text form. */
    public static String generate(String name, Algorithm algorithm, SecureRandom random) {
        checkName(name);
        byte[] secret = new byte[32];
        byte[] pub;
        if (algorithm == Algorithm.ED25519) {
            random.nextBytes(secret);
            pub = raw(fromSeed(secret).getPublic());
        } else {
            BigInteger d;
            do {
                random.nextBytes(secret);
                d = new BigInteger(1, secret);
            } while (!Sm2.scalarInRange(d));
            pub = Sm2.point(d);
        }
        return text(name, algorithm, pub, secret);
    }

    /**
     * The signer text of an existing private key: a 32-byte Ed25519 seed, or a 32-byte SM2 scalar such as
     * {@code openssl pkey -text} prints for a key made by {@code openssl genpkey -algorithm SM2}.
     */
    public static String signerText(String name, Algorithm algorithm, byte[] secret) {
        checkName(name);
        if (secret.length != algorithm.privateLength) {
            throw new IllegalArgumentException("a private key of " + algorithm + " is " + algorithm.privateLength + " bytes");
        }
        byte[] pub = algorithm == Algorithm.ED25519 ? raw(fromSeed(secret).getPublic()) : Sm2.point(sm2Scalar(secret));
        return text(name, algorithm, pub, secret);
    }

    private static String text(String name, Algorithm algorithm, byte[] pub, byte[] secret) {
        return "PRIVATE+KEY+" + name + "+" + String.format("%08x", keyHash(name, algorithm, pub)) + "+"
                + Base64.getEncoder().encodeToString(concat(algorithm.type, secret));
    }

    static int keyHash(String name, Algorithm algorithm, byte[] pub) {
        MessageDigest d = sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(algorithm.type);
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

    private static BigInteger sm2Scalar(byte[] secret) {
        BigInteger d = new BigInteger(1, secret);
        if (!Sm2.scalarInRange(d)) {
            throw new IllegalArgumentException("an SM2 private key is a scalar between 1 and n - 2");
        }
        return d;
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

    private static PublicKey edPublicKey(byte[] raw) {
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
