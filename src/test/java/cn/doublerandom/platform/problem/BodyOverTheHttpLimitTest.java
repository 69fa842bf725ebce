package cn.doublerandom.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are a client's body over the HTTP layer's limit (answered 413 there), not a fault of the service. */
class BodyOverTheHttpLimitTest {

    @Test
    void theRequestStreamsRefusalIsTheClientsOversizedBody() {
        assertTrue(ProblemMapper.isBodyOverTheHttpLimit(new IOException("Request too large")));
        assertTrue(ProblemMapper.isBodyOverTheHttpLimit(new UncheckedIOException(new IOException("Request too large"))));
        assertTrue(ProblemMapper.isBodyOverTheHttpLimit(new IllegalStateException("reading the CSV",
                new UncheckedIOException(new IOException("Request too large")))));
    }

    @Test
    void otherReadFailuresAreNot() {
        assertFalse(ProblemMapper.isBodyOverTheHttpLimit(new IOException("Connection reset by peer")));
        assertFalse(ProblemMapper.isBodyOverTheHttpLimit(new IOException()));
        assertFalse(ProblemMapper.isBodyOverTheHttpLimit(new IllegalStateException("Request too large")));
        assertFalse(ProblemMapper.isBodyOverTheHttpLimit(new RuntimeException()));
    }
}
