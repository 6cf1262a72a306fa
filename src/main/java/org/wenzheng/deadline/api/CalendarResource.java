package org.wenzheng.deadline.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wenzheng.deadline.CalendarYear;
import org.wenzheng.deadline.DayKind;
import org.wenzheng.deadline.OfficialDay;
import org.wenzheng.deadline.admin.ChangeResult;
import org.wenzheng.deadline.admin.DeadlineAdminService;
import org.wenzheng.common.ActionRefused;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The working-day calendar for administrators: a year's exceptions, one day, the whole year replaced (PUT) or imported
 * from a CSV or iCalendar file ({@code ?preview=true} shows what would change). Every change recomputes the due dates
 * of the open cases it affects.
 */
@Path("/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "Working-day calendar and deadline policy (administrator)")
public class CalendarResource {

    @Inject
    DeadlineAdminService service;

    /** A year's exceptions with the fingerprint to send back as {@code expect} when changing it. */
    public record YearDays(int year, String fingerprint, List<Day> days) {
    }

    /** One exception: HOLIDAY or WORKDAY (make-up working day), with its name. */
    public record Day(LocalDate date, DayKind kind, String name) {
    }

    /** One exception as sent in PUT /calendar/{year}. */
    public static class DayEntry {
        @NotNull
        public LocalDate date;
        @NotNull
        public DayKind kind;
        @NotNull
        @Size(min = 1, max = 50)
        public String name;
    }

    /** The body of PUT /calendar/{year}/days/{date}. */
    public static class DayBody {
        @NotNull
        public DayKind kind;
        @NotNull
        @Size(min = 1, max = 50)
        public String name;
    }

    /** The body of PUT /calendar/{year}: the year's exceptions, all of them. */
    public static class YearBody {
        @NotNull
        @Size(max = 366)
        @Valid
        public List<DayEntry> days;
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "A year's official holidays and make-up working days")
    @APIResponse(responseCode = "200", description = "the year's exceptions, by date")
    @APIResponse(responseCode = "403", description = "not an administrator")
    public YearDays year(@PathParam("year") int year) {
        CalendarYear y = service.year(year);
        return new YearDays(year, y.fingerprint(),
                y.exceptions().stream().map(d -> new Day(d.date(), d.kind(), d.name())).toList());
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a year's exceptions at once; the due dates they affect are recomputed")
    @APIResponse(responseCode = "200", description = "the change, with the cases whose due moved")
    @APIResponse(responseCode = "400", description = "invalid days (a position in the list is named as a line)")
    @APIResponse(responseCode = "409", description = "the year changed since the fingerprint sent as expect")
    public ChangeResult replaceYear(@PathParam("year") int year,
                                    @Parameter(description = "fingerprint from GET, to refuse a concurrent change")
                                    @QueryParam("expect") String expect,
                                    @NotNull @Valid YearBody body) {
        return service.replaceYear(year, body.days.stream()
                .map(d -> new OfficialDay(d.date, d.kind, d.name)).toList(), expect);
    }

    @PUT
    @Path("/{year}/days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or change one day's exception")
    @APIResponse(responseCode = "200", description = "the change, with the cases whose due moved")
    @APIResponse(responseCode = "400", description = "invalid (e.g. a make-up working day on a weekday)")
    public ChangeResult saveDay(@PathParam("year") int year, @PathParam("date") String date,
                                @NotNull @Valid DayBody body) {
        return service.saveDay(dateIn(year, date), body.kind, body.name);
    }

    @DELETE
    @Path("/{year}/days/{date}")
    @Operation(summary = "Remove one day's exception")
    @APIResponse(responseCode = "200", description = "the change, with the cases whose due moved")
    @APIResponse(responseCode = "404", description = "the day has no exception")
    public ChangeResult removeDay(@PathParam("year") int year, @PathParam("date") String date) {
        return service.removeDay(dateIn(year, date));
    }

    @POST
    @Path("/{year}/import")
    @Consumes({"text/csv", "text/calendar", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a year from a CSV (date,kind,name) or iCalendar file; preview=true changes nothing")
    @APIResponse(responseCode = "200", description = "the preview (days added, changed, removed, and base to send as "
            + "expect) or the change made")
    @APIResponse(responseCode = "400", description = "a bad file, with the line number in the message")
    @APIResponse(responseCode = "409", description = "the year changed since the preview sent as expect")
    public Response importYear(@PathParam("year") int year, @QueryParam("preview") boolean preview,
                               @QueryParam("expect") String expect, String file) {
        if (preview) {
            return Response.ok(service.previewImport(year, file)).build();
        }
        return Response.ok(service.importYear(year, file, expect)).build();
    }

    private static LocalDate dateIn(int year, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "calendar.error.date");
        }
        if (date.getYear() != year) {
            throw new ActionRefused(ActionRefused.Kind.INVALID, "calendar.error.otherYear", String.valueOf(year));
        }
        return date;
    }
}
