package cn.doublerandom.transparency.note;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * SM2 with SM3 on the curve sm2p256v1 (GB/T 32918, GM/T 0009's default identifier), the only place
 * that touches BouncyCastle: {@link NoteKeys} calls it for SM2 keys alone, so a log that signs with
 * Ed25519 never loads the library or builds the curve.
 */
final class Sm2 {

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    private Sm2() {
    }

    /** Private keys are scalars in [1, n − 2] (GB/T 32918.1). */
    static boolean scalarInRange(BigInteger d) {
        return d.signum() > 0 && d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) < 0;
    }

    /** The 65-byte uncompressed public point of {@code d}. */
    static byte[] point(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize().getEncoded(false);
    }

    /** Throws unless {@code encoded} is an uncompressed point on the curve. */
    static void checkPoint(byte[] encoded) {
        publicKey(encoded);
    }

    static byte[] sign(BigInteger d, byte[] message, SecureRandom random) {
        SM2Signer s = new SM2Signer();
        s.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), random));
        s.update(message, 0, message.length);
        try {
            return s.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verifies(byte[] point, byte[] message, byte[] signature) {
        SM2Signer s = new SM2Signer();
        s.init(false, publicKey(point));
        s.update(message, 0, message.length);
        return s.verifySignature(signature);
    }

    private static ECPublicKeyParameters publicKey(byte[] encoded) {
        ECPoint q;
        try {
            q = DOMAIN.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a point on the SM2 curve");
        }
        if (encoded[0] != 0x04 || q.isInfinity() || !q.isValid()) {
            throw new IllegalArgumentException("an SM2 public key is an uncompressed point on the SM2 curve");
        }
        return new ECPublicKeyParameters(q, DOMAIN);
    }
}
