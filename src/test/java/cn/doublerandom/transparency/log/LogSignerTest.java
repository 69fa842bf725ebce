package cn.doublerandom.transparency.log;

import cn.doublerandom.transparency.note.NoteKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the log's key comes from: configuration or a file; production refuses to run without one. */
class LogSignerTest {

    private static final String ORIGIN = "sthjj.example.gov.cn/log";

    @Test
    void withoutAKeyAndWithoutLeaveToMakeOneTheServiceDoesNotStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogSigner.load(ORIGIN, "ed25519", Optional.empty(), Optional.empty(), false));
        assertTrue(e.getMessage().contains("doublerandom.log.key"), e.getMessage());
    }

    @Test
    void aConfiguredKeyIsUsedAndAFileToo() throws IOException {
        String text = NoteKeys.generate("sthjj.example.gov.cn", new SecureRandom());
        NoteKeys.Signer fromConfig = LogSigner.load(ORIGIN, "ed25519", Optional.of(text), Optional.empty(), false);
        assertEquals(NoteKeys.signer(text).verifier().text(), fromConfig.verifier().text());
        Path file = Files.createTempFile("log", ".key");
        Files.writeString(file, text + "\n");
        try {
            assertEquals(fromConfig.verifier().text(),
                    LogSigner.load(ORIGIN, "ed25519", Optional.empty(), Optional.of(file.toString()), false).verifier().text());
            assertThrows(IllegalStateException.class,
                    () -> LogSigner.load(ORIGIN, "ed25519", Optional.of(text), Optional.of(file.toString()), false), "both");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aBrokenKeyIsRefusedWithoutEchoingIt() {
        String text = NoteKeys.generate("sthjj.example.gov.cn", new SecureRandom());
        String broken = text.substring(0, text.length() - 6) + "AAAAA=";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogSigner.load(ORIGIN, "ed25519", Optional.of(broken), Optional.empty(), true));
        assertFalse(e.getMessage().contains(broken.substring(broken.lastIndexOf('+') + 1)), e.getMessage());
        assertThrows(IllegalStateException.class, () -> LogSigner.load(ORIGIN, "ed25519", Optional.empty(),
                Optional.of("/nonexistent/log.key"), true));
        assertThrows(IllegalStateException.class, () -> LogSigner.load("two\nlines", "ed25519", Optional.of(text), Optional.empty(), false));
    }

    @Test
    void devAndTestMakeAThrowawayKey() {
        NoteKeys.Signer a = LogSigner.load(ORIGIN, "ed25519", Optional.empty(), Optional.empty(), true);
        NoteKeys.Signer b = LogSigner.load(ORIGIN, "ed25519", Optional.empty(), Optional.empty(), true);
        assertFalse(a.verifier().text().equals(b.verifier().text()));
        assertTrue(a.name().startsWith("sthjj.example.gov.cn/log"));
    }

    @Test
    void anSm2LogSignsWithAnSm2KeyAndRefusesAKeyOfTheOtherAlgorithm() {
        NoteKeys.Signer made = LogSigner.load(ORIGIN, "sm2", Optional.empty(), Optional.empty(), true);
        assertEquals(NoteKeys.Algorithm.SM2_SM3, made.verifier().algorithm());
        String sm2 = NoteKeys.generate("sthjj.example.gov.cn", NoteKeys.Algorithm.SM2_SM3, new SecureRandom());
        assertEquals(NoteKeys.signer(sm2).verifier().text(),
                LogSigner.load(ORIGIN, "SM2", Optional.of(sm2), Optional.empty(), false).verifier().text());
        String ed = NoteKeys.generate("sthjj.example.gov.cn", new SecureRandom());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogSigner.load(ORIGIN, "sm2", Optional.of(ed), Optional.empty(), false));
        assertTrue(e.getMessage().contains("doublerandom.log.algorithm"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> LogSigner.load(ORIGIN, "sm2", Optional.empty(), Optional.empty(), false));
        assertThrows(IllegalStateException.class, () -> LogSigner.load(ORIGIN, "rsa", Optional.empty(), Optional.empty(), true));
    }
}
