package cn.doublerandom.report.compliance;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.calendar.WorkingDayCalendar;
import cn.doublerandom.draw.DrawPlan;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.result.PublicationRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.doublerandom.platform.Concurrently;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Quota compliance per bureau and quarter. What was required is not derived again: it is the plan
 * each undirected draw stored at prepare (DrawPlan: N, the quota, the eligible pool, the shortfall,
 * the yearly general requirement), so the report and the draw can never disagree. What happened
 * since (drawn, inspected, recorded, published) is counted by aggregate queries.
 */
@ApplicationScoped
public class ComplianceReport {

    private static final List<SupervisionClass> CLASSES = List.of(SupervisionClass.KEY, SupervisionClass.SPECIAL,
            SupervisionClass.GENERAL);
    private static final Map<String, String> SHORT = Map.of("KEY", "重点", "SPECIAL", "特殊", "GENERAL", "一般", "DIRECTED", "定向");

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorityNames;

    @Inject
    ComplianceStore store;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendars;

    @Inject
    ManagedExecutor executor;

    /** What the queries found for one draw and stratum. */
    private static final class Counts {
        long drawn;
        long inspected;
        long recorded;
        long onTime;
        long late;
        long pending;
        long overdue;
        long withheld;
        long unpublished;

        void add(Counts o) {
            drawn += o.drawn;
            inspected += o.inspected;
            recorded += o.recorded;
            onTime += o.onTime;
            late += o.late;
            pending += o.pending;
            overdue += o.overdue;
            withheld += o.withheld;
            unpublished += o.unpublished;
        }
    }

    private record DrawRow(String id, String authority, String kind, LocalDate drawDate, DrawPlan plan) {
    }

    public ComplianceView compute(Region region, Quarter quarter, ReportRegions units) {
        LocalDate today = clock.today();
        // the earlier quarters' general counts do not depend on this quarter's: both aggregates run at once
        CompletableFuture<Map<String, List<YearDraw>>> earlier = executor.supplyAsync(() -> yearGeneral(units.like(region), quarter));
        List<DrawRow> draws;
        Map<String, Counts> counts;
        // outside a transaction each read would take a connection of its own; the quarter's two share one
        try (Connection c = store.connection()) {
            draws = draws(c, units.like(region), quarter);
            counts = counts(c, draws, quarter, today);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, List<YearDraw>> year = Concurrently.join(earlier);
        // this quarter's general selections were counted above; the query counted only the earlier quarters'
        for (DrawRow d : draws) {
            if (d.kind().equals("UNDIRECTED")) {
                Counts g = counts.getOrDefault(d.id() + "/GENERAL", new Counts());
                year.computeIfAbsent(d.authority(), k -> new ArrayList<>())
                        .add(new YearDraw(d.authority(), quarter.toString(), d.plan(), g.drawn, g.inspected));
            }
        }
        List<ComplianceView.AuthorityRow> rows = new ArrayList<>();
        for (Region a : units.authorities(region)) {
            List<DrawRow> own = draws.stream().filter(d -> d.authority().equals(a.code())).toList();
            boolean drawsQuotas = a.level() != RegionLevel.PROVINCE;
            if (!drawsQuotas && own.isEmpty() && !year.containsKey(a.code())) {
                continue;
            }
            rows.add(row(a, own, counts, year.getOrDefault(a.code(), List.of()), quarter, today, drawsQuotas));
        }
        return new ComplianceView(region.code(), region.name(), quarter.toString(), today, today.isAfter(quarter.lastDay()),
                rows);
    }

    private ComplianceView.AuthorityRow row(Region a, List<DrawRow> own, Map<String, Counts> counts, List<YearDraw> year,
                                            Quarter quarter, LocalDate today, boolean drawsQuotas) {
        // each responsible division draws undirected once a quarter: the quarter's classes are what all of them
        // drew against the requirement the latest fixed (each took what the earlier ones had left)
        List<DrawRow> undirectedDraws = own.stream().filter(d -> d.kind().equals("UNDIRECTED")).toList();
        DrawRow undirected = undirectedDraws.isEmpty() ? null : undirectedDraws.get(0);
        DrawRow latest = undirectedDraws.isEmpty() ? null : undirectedDraws.get(undirectedDraws.size() - 1);
        boolean over = today.isAfter(quarter.lastDay());
        List<ComplianceView.Flag> flags = new ArrayList<>();
        if (undirected == null && drawsQuotas) {
            flags.add(new ComplianceView.Flag("NO_DRAW", null, null, quarter.chinese() + "未执行不定向随机抽取"));
        }
        List<ComplianceView.ClassRow> classes = new ArrayList<>();
        for (SupervisionClass cls : CLASSES) {
            Counts n = new Counts();
            undirectedDraws.forEach(d -> n.add(counts.getOrDefault(d.id() + "/" + cls.name(), new Counts())));
            DrawPlan.StratumPlan plan = latest == null ? null : latest.plan().strata().stream()
                    .filter(s -> s.stratum().equals(cls.name())).findFirst().orElse(null);
            String label = SHORT.get(cls.name());
            if (plan != null && n.drawn < plan.requirement()) {
                long gap = plan.requirement() - n.drawn;
                flags.add(new ComplianceView.Flag("BELOW_REQUIRED", cls.name(), gap, label + "监管对象抽取 " + n.drawn
                        + " 家，低于应抽 " + plan.requirement() + " 家，差 " + gap + " 家"
                        + (plan.shortfall() > 0 ? "（可抽名录仅 " + plan.eligible() + " 家）" : "")));
            }
            if (over && n.inspected < n.drawn) {
                long gap = n.drawn - n.inspected;
                flags.add(new ComplianceView.Flag("NOT_INSPECTED", cls.name(), gap, label + "监管对象已抽取 " + n.drawn
                        + " 家，季度内完成检查 " + n.inspected + " 家，差 " + gap + " 家"));
            }
            classes.add(new ComplianceView.ClassRow(cls.name(), cls.label(), plan == null ? null : plan.operating(),
                    plan == null ? null : plan.requirement(), plan == null ? null : plan.eligible(),
                    plan == null ? null : plan.shortfall(), n.drawn, n.inspected, n.recorded, n.onTime, n.late, n.pending,
                    n.overdue, n.withheld, n.unpublished));
        }
        Counts all = new Counts();
        Counts directed = new Counts();
        long directedDraws = 0;
        for (DrawRow d : own) {
            for (String s : List.of("KEY", "SPECIAL", "GENERAL", "DIRECTED")) {
                Counts n = counts.get(d.id() + "/" + s);
                if (n != null) {
                    all.add(n);
                    if (d.kind().equals("DIRECTED")) {
                        directed.add(n);
                    }
                }
            }
            if (d.kind().equals("DIRECTED")) {
                directedDraws++;
            }
        }
        if (all.late > 0) {
            flags.add(new ComplianceView.Flag("PUBLISHED_LATE", null, all.late, all.late + " 条检查结果超过 20 个工作日才公示"));
        }
        if (all.overdue > 0) {
            flags.add(new ComplianceView.Flag("OVERDUE", null, all.overdue, all.overdue + " 条检查结果逾期未公示"));
        }
        ComplianceView.GeneralYear general = generalYear(year, quarter);
        if (general.expectedByQuarterEnd() != null && general.drawn() < general.expectedByQuarterEnd()) {
            long gap = general.expectedByQuarterEnd() - general.drawn();
            flags.add(new ComplianceView.Flag("GENERAL_YEAR_BEHIND", "GENERAL", gap, "一般监管对象全年应抽 "
                    + general.yearlyRequirement() + " 家（执法人员 " + general.officers() + " 名，每人 " + general.perInspector()
                    + " 家），截至本季度末应抽 " + general.expectedByQuarterEnd() + " 家，已抽 " + general.drawn() + " 家，差 " + gap + " 家"));
        }
        return new ComplianceView.AuthorityRow(a.code(), authorityNames.nameOf(a.code()), a.level().name(), undirected == null ? null : undirected.id(),
                undirected == null ? null : undirected.drawDate(), classes, general,
                new ComplianceView.Directed(directedDraws, directed.drawn, directed.inspected), flags, flags.isEmpty());
    }

    /** The yearly general requirement from the latest plan of the year; drawn and inspected summed over the year's draws. */
    private static ComplianceView.GeneralYear generalYear(List<YearDraw> year, Quarter quarter) {
        if (year.isEmpty()) {
            return new ComplianceView.GeneralYear(null, null, null, null, 0, 0, null);
        }
        YearDraw latest = year.get(year.size() - 1);
        DrawPlan.GeneralRequirement g = latest.plan().general();
        long drawn = year.stream().mapToLong(YearDraw::drawn).sum();
        long inspected = year.stream().mapToLong(YearDraw::inspected).sum();
        if (g == null) {
            return new ComplianceView.GeneralYear(null, null, null, null, drawn, inspected, null);
        }
        boolean city = !"COUNTY".equals(latest.plan().authorityLevel());
        BigDecimal per = city ? latest.plan().policy().cityGeneralPerInspector() : latest.plan().policy().countyGeneralPerInspector();
        int expected = BigDecimal.valueOf(g.yearlyRequirement()).multiply(BigDecimal.valueOf(quarter.number()))
                .divide(BigDecimal.valueOf(4), 0, RoundingMode.CEILING).intValueExact();
        return new ComplianceView.GeneralYear(g.officers(), per.stripTrailingZeros().toPlainString(), g.yearlyRequirement(),
                expected, drawn, inspected, (int) Math.max(0, g.yearlyRequirement() - drawn));
    }

    private List<DrawRow> draws(Connection c, String like, Quarter quarter) throws SQLException {
        return store.draws(c, like, quarter).stream()
                .map(d -> new DrawRow(d.id(), d.authority(), d.kind(), d.drawDate(), plan(d.plan()))).toList();
    }

    /** Counts per draw and stratum, keyed "D000000001/KEY". */
    private Map<String, Counts> counts(Connection c, List<DrawRow> draws, Quarter quarter, LocalDate today) throws SQLException {
        Map<String, Counts> out = new HashMap<>();
        if (draws.isEmpty()) {
            return out;
        }
        WorkingDayCalendar calendar = calendars.calendar();
        for (ComplianceStore.CountRow row : store.counts(c, draws.stream().map(DrawRow::id).toList(), quarter.lastDay())) {
            Counts n = new Counts();
            n.drawn = row.drawn();
            n.recorded = row.recorded();
            n.inspected = row.inspected();
            n.withheld = row.withheld();
            n.onTime = row.onTime();
            n.late = row.late();
            n.pending = row.pending();
            LocalDate basis = row.basis();
            if (basis != null) {
                basis = PublicationRules.basis(basis, row.declassifiedAt(), clock.businessZone());
            }
            if (basis != null) {
                PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, basis);
                if (PublicationRules.overdue(deadline, today)) {
                    n.overdue = n.recorded;
                } else {
                    n.unpublished = n.recorded;
                }
            }
            out.computeIfAbsent(row.drawId() + "/" + row.stratum(), k -> new Counts()).add(n);
        }
        return out;
    }

    private record YearDraw(String authority, String quarter, DrawPlan plan, long drawn, long inspected) {
    }

    /** The year's undirected draws before this quarter, per authority in quarter order, with their general counts. */
    private Map<String, List<YearDraw>> yearGeneral(String like, Quarter quarter) {
        Map<String, List<YearDraw>> out = new LinkedHashMap<>();
        for (ComplianceStore.YearRow r : store.yearGeneral(like, quarter)) {
            out.computeIfAbsent(r.authority(), k -> new ArrayList<>()).add(new YearDraw(
                    r.authority(), r.quarter(), plan(r.plan()), r.drawn(), r.inspected()));
        }
        return out;
    }

    private DrawPlan plan(String text) {
        try {
            return json.readValue(text, DrawPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draw's stored plan does not read as DrawPlan", e);
        }
    }
}
