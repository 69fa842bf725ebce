package cn.doublerandom.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the service. Instants are UTC; business dates (draw dates, determination dates,
 * deadlines) are dates in Asia/Shanghai. Tests move it instead of sleeping.
 */
@ApplicationScoped
public class ServiceClock {

    private final ZoneId businessZone;
    private volatile Clock clock = Clock.systemUTC();

    public ServiceClock(PlatformConfig config) {
        this.businessZone = config.businessZone();
    }

    /** Now, truncated to microseconds so that what is stored in PostgreSQL reads back equal. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), businessZone);
    }

    public ZoneId businessZone() {
        return businessZone;
    }

    /** The instant a business date ends (exclusive), for "as of date" questions. */
    public Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(businessZone).toInstant();
    }

    /** For tests and the scheduler's controllable clock only. */
    public void use(Clock newClock) {
        this.clock = newClock;
    }
}
