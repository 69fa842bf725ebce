package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.Quarter;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

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
    MonthlyStore store;

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
        for (MonthlyStore.Count n : store.quarterCounts(regions.like(region), quarter)) {
            Acc a = acc.computeIfAbsent(n.authority() + "/" + n.kind(), k -> new Acc());
            if (n.dim().equals("TOTAL")) {
                a.checks = n.n();
                a.problems = n.problems();
                a.violations = n.violations();
                a.nonSite = n.nonSite();
            } else {
                a.dims.computeIfAbsent(n.dim(), k -> new ArrayList<>()).add(new QuarterlyView.Count(n.code(), label(n.dim(), n.code()),
                        n.n()));
            }
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
