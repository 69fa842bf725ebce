package cn.doublerandom.transparency.log;

import cn.doublerandom.transparency.TransparencyConfig;
import cn.doublerandom.transparency.note.NoteKeys;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The log's origin and signing key, Ed25519 or SM2 ({@code doublerandom.log.algorithm}). The key comes from {@code doublerandom.log.key} (the
 * {@code PRIVATE+KEY+…} text) or the file {@code doublerandom.log.key-file}; only where
 * {@code doublerandom.log.generate-key} is on (dev, test, demo) is a throwaway key made at start.
 * Without one the service refuses to start: a log nobody can check is worse than none.
 */
@Startup
@Singleton
public class LogSigner {

    private static final Logger LOG = Logger.getLogger(LogSigner.class);

    private final String origin;
    private final NoteKeys.Signer signer;

    LogSigner(TransparencyConfig config) {
        this.origin = config.origin();
        this.signer = load(origin, config.algorithm(), config.key(), config.keyFile(), config.generateKey());
    }

    /** The signer configured, or a fresh one where allowed; throws when there is none. */
    static NoteKeys.Signer load(String origin, String algorithmName, Optional<String> key, Optional<String> keyFile,
                                boolean generate) {
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalStateException("doublerandom.log.origin is one non-empty line");
        }
        NoteKeys.Algorithm algorithm;
        try {
            algorithm = NoteKeys.Algorithm.named(algorithmName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("doublerandom.log.algorithm: " + e.getMessage());
        }
        if (key.isPresent() && keyFile.isPresent()) {
            throw new IllegalStateException("set doublerandom.log.key or doublerandom.log.key-file, not both");
        }
        Optional<String> text = key;
        if (keyFile.isPresent()) {
            try {
                text = Optional.of(Files.readString(Path.of(keyFile.get())).strip());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the log's key file " + keyFile.get(), e);
            }
        }
        if (text.isPresent()) {
            NoteKeys.Signer configured;
            try {
                configured = NoteKeys.signer(text.get().strip());
            } catch (IllegalArgumentException e) {
                // the message says what is wrong with the key, never the key
                throw new IllegalStateException("the log's signing key is unusable: " + e.getMessage());
            }
            if (configured.verifier().algorithm() != algorithm) {
                throw new IllegalStateException("the log's signing key is " + configured.verifier().algorithm()
                        + " but doublerandom.log.algorithm is " + algorithmName);
            }
            return configured;
        }
        if (!generate) {
            throw new IllegalStateException("the transparency log needs a signing key: set doublerandom.log.key or "
                    + "doublerandom.log.key-file (a PRIVATE+KEY+<name>+<hash>+<key> of the signed-note format)");
        }
        NoteKeys.Signer made = NoteKeys.signer(NoteKeys.generate(origin.replaceAll("[\\s+]", "-"), algorithm, new SecureRandom()));
        LOG.warnf("the transparency log signs with a throwaway key generated at start: %s", made.verifier().text());
        return made;
    }

    public String origin() {
        return origin;
    }

    public NoteKeys.Signer signer() {
        return signer;
    }
}
