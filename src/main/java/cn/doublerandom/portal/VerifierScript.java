package cn.doublerandom.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The browser verifier's script, served from this site so that the page needs no other origin. */
final class VerifierScript {

    static final String TEXT = load();

    private VerifierScript() {
    }

    private static String load() {
        try (InputStream in = VerifierScript.class.getResourceAsStream("/portal/verifier.js")) {
            if (in == null) {
                throw new IllegalStateException("portal/verifier.js is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
