package cn.doublerandom.calendar;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.doublerandom.platform.request.DateParameters;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar (工作日): public to read, loaded by administrators. */
@Path("/api/v1/calendar")
@Tag(name = "Calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    CalendarService calendars;

    /** A year as the calendar holds it. */
    public record YearView(int year, String source, List<String> papers, List<NoticeDay> days, int workingDays) {
    }

    /** A publication deadline: the 20th working day after the determination date. */
    public record DeadlineView(LocalDate determined, LocalDate deadline, int workingDays) {
    }

    @GET
    @Path("/{year}")
    @PermitAll
    @Operation(operationId = "getCalendarYear", summary = "A year's holidays and make-up working days, and how many working days it has")
    public YearView year(@PathParam("year") int year) {
        WorkingDayCalendar cal = calendars.calendar();
        HolidayNotice notice = cal.notice(year).orElseThrow(() -> CalendarService.missing(new MissingCalendarYearException(year)));
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            working += cal.isWorkingDay(d) ? 1 : 0;
        }
        return new YearView(year, calendars.sources().get(year), notice.papers(), notice.days(), working);
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "putCalendarYear", summary = "Load a year's State Council holiday notice (holiday-cn JSON: year, papers, days[{name,date,isOffDay}])")
    public YearView upload(@PathParam("year") int year, String json) {
        calendars.upload(year, json);
        return year(year);
    }

    @GET
    @Path("/deadline")
    @PermitAll
    @Operation(operationId = "getDeadline", summary = "The publication deadline of a result determined on a date: its 20th working day after")
    public DeadlineView deadline(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("determined") String determinedText) {
        LocalDate determined = DateParameters.date("determined", determinedText);
        if (determined == null) {
            throw ProblemException.invalid("determined", "determined is required, e.g. 2026-09-28");
        }
        return new DeadlineView(determined, calendars.deadline(determined), PublicationDeadline.WORKING_DAYS);
    }
}
