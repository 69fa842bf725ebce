package cn.doublerandom.portal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at
 * {@code perMinute} a minute. Answers either "go" (0) or how many whole seconds to wait, which is
 * what {@code Retry-After} says. Buckets that have filled up again are forgotten when the map grows
 * large, so a scan from many addresses cannot grow it without bound.
 */
public final class RateLimiter {

    static final int MAX_TRACKED = 100_000;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("perMinute and burst must be positive: " + perMinute + ", " + burst);
        }
        this.capacity = burst;
        this.perNano = perMinute / 60e9;
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may go; otherwise the seconds (at least 1) until it may. */
    public long acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> refill(b, now) >= capacity);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = refill(b, now);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }

    private double refill(Bucket b, long now) {
        return Math.min(capacity, b.tokens + (now - b.at) * perNano);
    }
}
