package cn.doublerandom.platform.request;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyLimitCheckTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theServiceLimitUnderTheHttpLayersStarts() {
        assertDoesNotThrow(() -> BodyLimitCheck.requireUnderTheHttpLayer(32 * MIB, OptionalLong.of(64 * MIB)));
        assertDoesNotThrow(() -> BodyLimitCheck.requireUnderTheHttpLayer(64 * MIB - 1, OptionalLong.of(64 * MIB)));
        assertDoesNotThrow(() -> BodyLimitCheck.requireUnderTheHttpLayer(Long.MAX_VALUE, OptionalLong.empty()));
    }

    @Test
    void theServiceLimitAtOrOverTheHttpLayersRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BodyLimitCheck.requireUnderTheHttpLayer(64 * MIB, OptionalLong.of(64 * MIB)));
        assertTrue(e.getMessage().contains("doublerandom.http.max-body-size (67108864 bytes)"), e.getMessage());
        assertTrue(e.getMessage().contains("quarkus.http.limits.max-body-size (67108864 bytes)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> BodyLimitCheck.requireUnderTheHttpLayer(100 * MIB, OptionalLong.of(64 * MIB)));
    }
}
