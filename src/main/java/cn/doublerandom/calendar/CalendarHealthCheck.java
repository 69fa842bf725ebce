package cn.doublerandom.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Warns from 1 December when next year's holiday notice is not loaded. Never DOWN: deadlines in that
 * year wait, visibly, until it is.
 */
@Readiness
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {

    @Inject
    CalendarService calendars;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("working-day calendar").up();
        Integer missing;
        try {
            builder.withData("years", calendars.calendar().years().toString());
            missing = calendars.missingNextYear();
        } catch (RuntimeException e) {
            // uploaded years live in the database; its own check reports it unreachable
            return builder.withData("years", "unknown while the database is unreachable").build();
        }
        if (missing != null) {
            builder.withData("warning", "the State Council holiday notice for " + missing
                    + " is not loaded: PUT /api/v1/calendar/" + missing);
        }
        return builder.build();
    }
}
