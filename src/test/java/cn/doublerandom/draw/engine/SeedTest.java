package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** DRAW-1 "Formats" for seeds and the §5 coin toss. */
class SeedTest {
    private static final String NONCE = "00112233445566778899aabbccddeeff";

    @Test
    void keptExactly() {
        assertEquals("  骰子 3 5 ", Seed.of("  骰子 3 5 ").value());
        assertEquals("\uD83C\uDFB2", Seed.of("\uD83C\uDFB2").value());
    }

    @Test
    void lengthInCodePoints() {
        Seed.of("\uD83C\uDFB2".repeat(256)); // 512 chars but 256 code points
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> Seed.of("x".repeat(257)));
        assertTrue(e.getMessage().contains("too long: 257"), e.getMessage());
        assertTrue(assertThrows(InvalidSeedException.class, () -> Seed.of("")).getMessage().contains("empty"));
    }

    @Test
    void forbiddenCategoriesNamePositionAndCodePoint() {
        assertMessage("ab\ncd", "control character (Cc) at position 3 (U+000A)");
        assertMessage("ab\tcd", "U+0009");
        assertMessage("a\u200Bb", "format character (Cf) at position 2 (U+200B)");
        assertMessage("a\u2028", "line separator (Zl) at position 2 (U+2028)");
        assertMessage("a\u2029", "paragraph separator (Zp)");
        assertMessage("a\uD800b", "unpaired surrogate at position 2 (U+D800)");
    }

    private static void assertMessage(String seed, String fragment) {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> Seed.of(seed));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void combineIsGivenBarNonce() {
        assertEquals("3 5 6|" + NONCE, Seed.combine("3 5 6", NONCE).value());
        assertEquals("|" + NONCE, Seed.combine("", NONCE).value());
        assertEquals("|" + NONCE, Seed.combine(null, NONCE).value());
        assertThrows(InvalidSeedException.class, () -> Seed.combine("-", NONCE));
        assertThrows(InvalidSeedException.class, () -> Seed.combine("a", NONCE.toUpperCase()));
        assertThrows(InvalidSeedException.class, () -> Seed.combine("a\n", NONCE));
        Seed.combine("x".repeat(223), NONCE);
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> Seed.combine("x".repeat(224), NONCE));
        assertTrue(e.getMessage().contains("at most 223"), e.getMessage());
    }

    @Test
    void commitIsSha256OfTheHexText() {
        // printf %s 00112233445566778899aabbccddeeff | sha256sum
        assertEquals("5947d7c33d783f94b3b4c1a96ebc8991ed28f1b069b71e03376cba8caa98a720", Seed.commit(NONCE));
        assertTrue(Seed.verifyCommit(NONCE, Seed.commit(NONCE)));
        String fresh = Seed.newNonce(new SecureRandom());
        assertTrue(Seed.isNonce(fresh));
    }
}
