package cn.doublerandom.report.assessment;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The SQL of {@link AssessmentReport}: the report's view {@code inspection_record} with the registry's and publication's views. */
@ApplicationScoped
class AssessmentStore {

    @Inject
    AgroalDataSource dataSource;

    /** Counts per unit (the SQL expression {@code unitKey} of the check's authority) of the bureaus matching {@code like}: [random, targeted]. */
    Map<String, Figures.Counts[]> counts(String unitKey, String like, Quarter quarter) {
        Map<String, Figures.Counts[]> out = new HashMap<>();
        // the quarter's checks once (materialized: the planner then sees their true number); the positive
        // list is looked up only for random checks recorded on site; a random check's first publication by an
        // index probe each (limit 1 keeps the view's lookup a probe rather than a pass over every publication)
        String sql = """
                with x as materialized (
                    select %s as unit, x.kind, x.id, x.problem_count, x.violation_count, x.non_site, x.non_site_problem_count,
                           x.non_site_violation_count, cardinality(x.team) as members,
                           (x.confidential and x.declassified_at is null) as withheld,
                           (x.kind = 'RANDOM' and not x.non_site and exists (
                                select 1 from target_positive_list g where g.uscc = x.uscc and g.positive_list_from <= x.inspection_date
                                  and (g.positive_list_to is null or g.positive_list_to >= x.inspection_date))) as positive_on_site
                    from inspection_record x
                    where x.authority like ? and x.inspection_date between ? and ?
                )
                select x.unit, x.kind,
                       count(*) as checks,
                       coalesce(sum(x.members), 0) as inspector_trips,
                       coalesce(sum(x.problem_count), 0) as problems,
                       coalesce(sum(x.violation_count), 0) as violations,
                       count(*) filter (where x.non_site) as non_site,
                       coalesce(sum(x.non_site_problem_count), 0) as non_site_problems,
                       coalesce(sum(x.non_site_violation_count), 0) as non_site_violations,
                       count(*) filter (where x.positive_on_site) as positive_on_site,
                       count(*) filter (where x.kind = 'RANDOM' and not x.withheld) as publishable,
                       count(*) filter (where fp.on_time) as on_time
                from x left join lateral (select f.on_time from first_publication f
                                          where f.result_id = x.id and x.kind = 'RANDOM' limit 1) fp on true
                group by 1, 2""".formatted(unitKey);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, like);
            Sql.setDate(ps, 2, quarter.firstDay());
            Sql.setDate(ps, 3, quarter.lastDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Figures.Counts n = new Figures.Counts();
                    n.checks = rs.getLong("checks");
                    n.inspectorTrips = rs.getLong("inspector_trips");
                    n.nonSiteProblems = rs.getLong("non_site_problems");
                    n.problems = rs.getLong("problems");
                    n.violations = rs.getLong("violations");
                    n.nonSite = rs.getLong("non_site");
                    n.nonSiteViolations = rs.getLong("non_site_violations");
                    n.positiveOnSite = rs.getLong("positive_on_site");
                    n.publishable = rs.getLong("publishable");
                    n.onTime = rs.getLong("on_time");
                    Figures.Counts[] pair = out.computeIfAbsent(rs.getString("unit"),
                            k -> new Figures.Counts[]{new Figures.Counts(), new Figures.Counts()});
                    pair["RANDOM".equals(rs.getString("kind")) ? 0 : 1] = n;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
