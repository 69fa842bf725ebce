package cn.doublerandom.report.assessment;

import jakarta.ws.rs.QueryParam;
import cn.doublerandom.platform.Page;
import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.report.scoring.Category;
import cn.doublerandom.report.scoring.ScoringScheme;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import cn.doublerandom.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A city's scoring scheme (评分标准) per year: its categories, their indicators, each indicator's
 * direction and how it scores. Read by whoever reads the city's reports; set by the city or its
 * administrator; every change a new version. Without one the service's own default scheme scores,
 * and says so.
 */
@Path("/api/v1/scoring-schemes")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN})
public class SchemeResource {

    @Inject
    SchemeStore store;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** A scheme as set: its categories and a reason for the change. */
    public record SchemeInput(List<Category> categories, String reason) {
    }

    /**
     * A city's scheme for a year: {@code recorded} false and version 0 for the service's default scheme
     * (not the official 评分标准); {@code maximum} the most points a unit can score.
     */
    @Schema(name = "ScoringSchemeView")
    public record SchemeView(String region, int year, int version, boolean recorded, List<Category> categories,
                             BigDecimal maximum, String reason, Instant recordedAt, String recordedBy) {
        static SchemeView of(SchemeStore.Version v) {
            return new SchemeView(v.region(), v.year(), v.version(), true, v.scheme().categories(), v.scheme().maximum(),
                    v.reason(), v.recordedAt(), v.recordedBy());
        }
    }

    @GET
    @Path("/{region}/{year}")
    @Operation(operationId = "getScoringScheme", summary = "The scoring scheme of a city's assessment for a year: the city's latest version, else the service's default")
    public SchemeView get(@PathParam("region") String region, @PathParam("year") int year) {
        Region city = city(region, year);
        scope.requireRead(city.code());
        return store.current(city.code(), year).map(SchemeView::of).orElseGet(() -> {
            ScoringScheme d = ScoringScheme.defaultScheme();
            return new SchemeView(city.code(), year, 0, false, d.categories(), d.maximum(), null, null, null);
        });
    }

    @GET
    @Path("/{region}/{year}/history")
    @Operation(operationId = "getScoringSchemeHistory", summary = "Every version of a city's scoring scheme for a year, oldest first")
    public Page<SchemeView> history(@PathParam("region") String region, @PathParam("year") int year, @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        Region city = city(region, year);
        scope.requireRead(city.code());
        return Page.slice(store.history(city.code(), year).stream().map(SchemeView::of).toList(), limit, after, v -> Integer.toString(v.version()));
    }

    @PUT
    @Path("/{region}/{year}")
    @RolesAllowed({Role.CITY, Role.ADMIN})
    @Operation(operationId = "putScoringScheme", summary = "Set a city's scoring scheme for a year: a new version unless it is the one in force")
    @APIResponse(responseCode = "200", description = "The scheme in force, unchanged", content = {@Content(mediaType = "application/json", schema = @Schema(implementation = SchemeView.class))})
    @APIResponse(responseCode = "201", description = "The new version", headers = {@Header(name = "Location", description = "Where the scheme is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = {@Content(mediaType = "application/json", schema = @Schema(implementation = SchemeView.class))})
    @Transactional
    public Response put(@PathParam("region") String region, @PathParam("year") int year, SchemeInput in) {
        Region city = city(region, year);
        if (!scope.canAdminister(city.code()) && !scope.canWriteRegistry(city.code())) {
            throw scope.refused("set the scoring scheme of", city.code());
        }
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        ScoringScheme scheme = new ScoringScheme(in.categories());
        List<FieldProblem> problems = new java.util.ArrayList<>(scheme.problems(AssessmentReport.VALUE.keySet()).stream()
                .map(p -> FieldProblem.field(p.field(), p.message())).toList());
        FieldRules f = new FieldRules();
        String reason = f.text("reason", in.reason(), 500, false);
        problems.addAll(f.problems());
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the scheme is not valid; nothing was recorded", problems);
        }
        boolean[] created = {false};
        SchemeStore.Version v = store.put(city.code(), year, scheme, reason, caller.signature(), created);
        if (!created[0]) {
            return Response.ok(SchemeView.of(v)).build();
        }
        audit.record("PUT", "SCORING_SCHEME", city.code() + "/" + year, city.code(), reason);
        return Response.created(URI.create("/api/v1/scoring-schemes/" + city.code() + "/" + year)).entity(SchemeView.of(v)).build();
    }

    /** The city named, for a year from 2000 to 2100; a county or province is bad input. */
    private Region city(String region, int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "year must be between 2000 and 2100");
        }
        Region r = regions.require("region", region);
        if (r.level() != RegionLevel.CITY) {
            throw ProblemException.invalid("region", "a scoring scheme is a city's: region must be a city, e.g. 130100");
        }
        return r;
    }
}
