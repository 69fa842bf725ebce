package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import cn.doublerandom.registry.target.CheckSource;
import cn.doublerandom.report.compliance.ComplianceReport;
import cn.doublerandom.report.compliance.ComplianceView;
import cn.doublerandom.result.FindingType;
import cn.doublerandom.result.Handling;
import cn.doublerandom.wording.WordingCatalog;
import cn.doublerandom.platform.Concurrently;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The quarterly summary: the compliance report's rows plus one aggregate query over the quarter's checks, run side by side. */
@ApplicationScoped
public class QuarterlyReport {

    @Inject
    WordingCatalog wordings;

    /** A wording's text never changes (codes are unique and never reused), so it is looked up once. */
    private final java.util.Map<String, String> wordingTexts = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ComplianceReport compliance;

    @Inject
    ManagedExecutor executor;

    private static final class Acc {
        long checks;
        long problems;
        long violations;
        long nonSite;
        final Map<String, List<QuarterlyView.Count>> dims = new HashMap<>();
    }

    public QuarterlyView compute(Region region, Quarter quarter, ReportRegions regions) {
        // the compliance rows and the quarter's aggregate read different tables: they run at once
        CompletableFuture<ComplianceView> complianceRows = executor.supplyAsync(() -> compliance.compute(region, quarter, regions));
        Map<String, Acc> acc = new HashMap<>();
        try (Connection conn = dataSource.getConnection()) {
            // the quarter's checks are read once; totals and the four distributions are aggregates over them
            try (PreparedStatement ps = conn.prepareStatement("""
                    with x as materialized (
                        select authority, kind, wording, source, problems, problem_count, handling, violation_found, non_site
                        from inspection_record where authority like ? and inspection_date between ? and ?
                    )
                    select authority, kind, 'TOTAL' as dim, 'checks' as code, count(*) as n, coalesce(sum(problem_count), 0) as problems,
                           count(*) filter (where violation_found) as violations, count(*) filter (where non_site) as non_site
                    from x group by 1, 2
                    union all
                    select authority, kind, 'WORDING', wording, count(*), 0, 0, 0 from x where kind = 'RANDOM' group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'PROBLEM', p.value ->> 'type', count(*), 0, 0, 0
                    from x cross join jsonb_array_elements(x.problems) p group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'HANDLING', h.code, count(*), 0, 0, 0 from x cross join unnest(x.handling) h(code)
                    group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'SOURCE', source, count(*), 0, 0, 0 from x where kind = 'TARGETED' group by 1, 2, 3, 4
                    order by 1, 2, 3, 5 desc, 4""")) {
                ps.setString(1, regions.like(region));
                Sql.setDate(ps, 2, quarter.firstDay());
                Sql.setDate(ps, 3, quarter.lastDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = acc.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new Acc());
                        String dim = rs.getString(3);
                        String code = rs.getString(4);
                        if (dim.equals("TOTAL")) {
                            a.checks = rs.getLong(5);
                            a.problems = rs.getLong(6);
                            a.violations = rs.getLong(7);
                            a.nonSite = rs.getLong(8);
                        } else {
                            a.dims.computeIfAbsent(dim, k -> new ArrayList<>()).add(new QuarterlyView.Count(code, label(dim, code),
                                    rs.getLong(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ComplianceView c = Concurrently.join(complianceRows);
        List<QuarterlyView.AuthoritySummary> out = new ArrayList<>();
        for (ComplianceView.AuthorityRow row : c.authorities()) {
            out.add(new QuarterlyView.AuthoritySummary(row.authority(), row.name(), row,
                    breakdown(acc.get(row.authority() + "/RANDOM")), breakdown(acc.get(row.authority() + "/TARGETED"))));
        }
        return new QuarterlyView(region.code(), region.name(), quarter.toString(), ReportingCalendar.quarterlyDue(quarter), out);
    }

    private static QuarterlyView.Breakdown breakdown(Acc a) {
        if (a == null) {
            return new QuarterlyView.Breakdown(0, 0, 0, 0, List.of(), List.of(), List.of(), List.of());
        }
        return new QuarterlyView.Breakdown(a.checks, a.problems, a.violations, a.nonSite, a.dims.getOrDefault("WORDING", List.of()),
                a.dims.getOrDefault("PROBLEM", List.of()), a.dims.getOrDefault("HANDLING", List.of()),
                a.dims.getOrDefault("SOURCE", List.of()));
    }

    String label(String dim, String code) {
        try {
            return switch (dim) {
                case "WORDING" -> wordingTexts.computeIfAbsent(code, k -> wordings.find(k).map(w -> w.text()).orElse(k));
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
