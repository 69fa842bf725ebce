package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import cn.doublerandom.report.check.CheckSource;
import cn.doublerandom.report.compliance.ComplianceReport;
import cn.doublerandom.report.compliance.ComplianceView;
import cn.doublerandom.result.FindingType;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.ResultWording;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The quarterly summary: the compliance report's rows plus two aggregate queries over the quarter's checks. */
@ApplicationScoped
public class QuarterlyReport {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ComplianceReport compliance;

    private static final class Acc {
        long checks;
        long problems;
        long violations;
        long nonSite;
        final Map<String, List<QuarterlyView.Count>> dims = new HashMap<>();
    }

    public QuarterlyView compute(Region region, Quarter quarter, ReportRegions regions) {
        ComplianceView c = compliance.compute(region, quarter, regions);
        Map<String, Acc> acc = new HashMap<>();
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("""
                    select x.authority, x.kind, count(*), coalesce(sum(x.problem_count), 0),
                           count(*) filter (where x.violation_found), count(*) filter (where x.non_site)
                    from inspection_record x
                    where x.authority like ? and x.inspection_date between ? and ?
                    group by 1, 2""")) {
                bind(ps, regions.like(region), quarter);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new Acc());
                        a.checks = rs.getLong(3);
                        a.problems = rs.getLong(4);
                        a.violations = rs.getLong(5);
                        a.nonSite = rs.getLong(6);
                    }
                }
            }
            String scope = " from inspection_record x %s where x.authority like ? and x.inspection_date between ? and ? ";
            try (PreparedStatement ps = conn.prepareStatement(
                    "select x.authority, x.kind, 'WORDING', x.wording, count(*)" + scope.formatted("")
                            + "and x.kind = 'RANDOM' group by 1, 2, 3, 4 union all "
                            + "select x.authority, x.kind, 'PROBLEM', p.value ->> 'type', count(*)"
                            + scope.formatted("cross join jsonb_array_elements(x.problems) p") + "group by 1, 2, 3, 4 union all "
                            + "select x.authority, x.kind, 'HANDLING', h.code, count(*)"
                            + scope.formatted("cross join unnest(x.handling) h(code)") + "group by 1, 2, 3, 4 union all "
                            + "select x.authority, x.kind, 'SOURCE', x.source, count(*)" + scope.formatted("")
                            + "and x.kind = 'TARGETED' group by 1, 2, 3, 4 order by 1, 2, 3, 5 desc, 4")) {
                for (int i = 0; i < 4; i++) {
                    ps.setString(i * 3 + 1, regions.like(region));
                    Sql.setDate(ps, i * 3 + 2, quarter.firstDay());
                    Sql.setDate(ps, i * 3 + 3, quarter.lastDay());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new Acc());
                        String dim = rs.getString(3);
                        String code = rs.getString(4);
                        a.dims.computeIfAbsent(dim, k -> new ArrayList<>()).add(new QuarterlyView.Count(code, label(dim, code),
                                rs.getLong(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<QuarterlyView.AuthoritySummary> out = new ArrayList<>();
        for (ComplianceView.AuthorityRow row : c.authorities()) {
            out.add(new QuarterlyView.AuthoritySummary(row.authority(), row.name(), row,
                    breakdown(acc.get(row.authority() + "/RANDOM")), breakdown(acc.get(row.authority() + "/TARGETED"))));
        }
        return new QuarterlyView(region.code(), region.name(), quarter.toString(), ReportingCalendar.quarterlyDue(quarter), out);
    }

    private static void bind(PreparedStatement ps, String like, Quarter q) throws SQLException {
        ps.setString(1, like);
        Sql.setDate(ps, 2, q.firstDay());
        Sql.setDate(ps, 3, q.lastDay());
    }

    private static QuarterlyView.Breakdown breakdown(Acc a) {
        if (a == null) {
            return new QuarterlyView.Breakdown(0, 0, 0, 0, List.of(), List.of(), List.of(), List.of());
        }
        return new QuarterlyView.Breakdown(a.checks, a.problems, a.violations, a.nonSite, a.dims.getOrDefault("WORDING", List.of()),
                a.dims.getOrDefault("PROBLEM", List.of()), a.dims.getOrDefault("HANDLING", List.of()),
                a.dims.getOrDefault("SOURCE", List.of()));
    }

    static String label(String dim, String code) {
        try {
            return switch (dim) {
                case "WORDING" -> ResultWording.valueOf(code).text();
                case "PROBLEM" -> FindingType.valueOf(code).label();
                case "HANDLING" -> Handling.valueOf(code).label();
                case "SOURCE" -> CheckSource.valueOf(code).label();
                default -> code;
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
    }
}
