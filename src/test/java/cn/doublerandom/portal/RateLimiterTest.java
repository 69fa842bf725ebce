package cn.doublerandom.portal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstGoesThenTheRateDecidesAndRetryAfterSaysHowLong() {
        AtomicLong now = new AtomicLong(42 * SECOND);
        RateLimiter limiter = new RateLimiter(6, 3, now::get);   // one every 10 s, 3 at once
        assertEquals(0, limiter.acquire("10.0.0.1"));
        assertEquals(0, limiter.acquire("10.0.0.1"));
        assertEquals(0, limiter.acquire("10.0.0.1"));
        assertEquals(10, limiter.acquire("10.0.0.1"));
        // another address has its own bucket
        assertEquals(0, limiter.acquire("10.0.0.2"));
        now.addAndGet(4 * SECOND);
        assertEquals(6, limiter.acquire("10.0.0.1"));
        now.addAndGet(6 * SECOND);
        assertEquals(0, limiter.acquire("10.0.0.1"));
        assertEquals(10, limiter.acquire("10.0.0.1"));
        // a long pause refills to the burst, not beyond
        now.addAndGet(3600 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("10.0.0.1"));
        }
        assertEquals(10, limiter.acquire("10.0.0.1"));
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(600_000, 1, now::get);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, System::nanoTime));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, System::nanoTime));
    }
}
