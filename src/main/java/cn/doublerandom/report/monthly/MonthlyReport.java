package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.WorkingDayCalendar;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.PublicationRules;
import cn.doublerandom.registry.inspector.InspectorStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The month's random inspections of a region's bureaus, one query, in bureau and date order. */
@ApplicationScoped
public class MonthlyReport {

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorityNames;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MonthlyStore store;

    @Inject
    InspectorStore inspectors;

    @Inject
    ItemService itemList;

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendars;

    @Inject
    ReportConfig config;

    /** One check as the query returns it, before names are put to its codes. */
    private record Raw(String authority, String id, String drawId, LocalDate inspected, String uscc, String name, String wording,
                       boolean violation, int problems, List<Handling> handling, boolean nonSite, boolean withheld,
                       List<String> team, String planned, LocalDate published, String hold, LocalDate basis) {
    }

    public MonthlyView compute(Region region, YearMonth month, ReportRegions regions) {
        LocalDate today = clock.today();
        WorkingDayCalendar calendar = calendars.calendar();
        Map<String, List<MonthlyView.Row>> byAuthority = new LinkedHashMap<>();
        // the month's random checks by one query with index lookups per row (a few hundred per county a
        // month); the names of their items and team members are then read once for all of them
        List<Raw> raw = new ArrayList<>();
        java.util.Set<String> drawIds = new java.util.HashSet<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        Map<String, String> items = new java.util.HashMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (MonthlyStore.Check x : store.checks(c, regions.like(region), month)) {
                drawIds.add(x.drawId());
                codes.addAll(x.team());
                raw.add(new Raw(x.authority(), x.id(), x.drawId(), x.inspected(), x.uscc(), x.name(), x.wording(),
                        x.violation(), x.problems(), x.handling(), x.nonSite(), x.withheld(), x.team(), x.planned(),
                        x.published(), x.hold(), PublicationRules.basis(x.deadlineBasis(), x.declassifiedAt(), clock.businessZone())));
            }
            // the draws' items, then their names from the item list's own reader, once for all of them
            Map<String, java.util.SortedSet<Long>> itemsOfDraw = store.itemsOfDraws(c, drawIds);
            Map<Long, String> itemNames = itemList.names(c, itemsOfDraw.values().stream().flatMap(java.util.Set::stream)
                    .collect(Collectors.toSet()));
            itemsOfDraw.forEach((draw, ids) -> {
                List<String> named = ids.stream().map(itemNames::get).filter(java.util.Objects::nonNull).toList();
                if (!named.isEmpty()) {
                    items.put(draw, String.join("；", named));
                }
            });
            // the registry's own reader, on this connection: the report may run on an executor thread
            inspectors.load(c, codes, false).forEach((code, i) -> names.put(code, i.data().name()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (Raw r : raw) {
            List<MonthlyView.Row> rows = byAuthority.computeIfAbsent(r.authority(), k -> new ArrayList<>());
            String publication;
            // withheld while confidential; once declassified, publishable like any other from that day
            if (r.withheld()) {
                publication = "不予公示（涉密或涉及国家安全、公共安全）";
            } else if (r.published() != null) {
                publication = "已公示";
            } else {
                PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, r.basis());
                String due = deadline.pending() ? "期限待定：缺 " + deadline.missingYear() + " 年工作日历" : "期限 " + deadline.date();
                publication = PublicationRules.overdue(deadline, today) ? "逾期未公示（" + due + "）"
                        : "HOLD".equals(r.hold()) ? "暂缓公示（" + due + "）" : "待公示（" + due + "）";
            }
            String team = r.team().stream().map(code -> names.getOrDefault(code, code) + "（" + code + "）")
                    .collect(Collectors.joining("、"));
            rows.add(new MonthlyView.Row(rows.size() + 1, r.id(), r.drawId(), r.inspected(), r.name(), r.uscc(), items.get(r.drawId()),
                    team, planned(r.planned()), r.nonSite() ? "科技检查（非现场）" : "现场检查",
                    r.wording(), r.violation(), r.problems(), r.handling().stream().map(Handling::label).collect(Collectors.joining("、")),
                    publication, r.published(), r.published() == null ? null
                            : config.portal().baseUrl().orElse("").replaceAll("/$", "") + "/results/" + r.id()));
        }
        List<MonthlyView.AuthorityTable> tables = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            List<MonthlyView.Row> rows = byAuthority.remove(a.code());
            if (rows != null || a.level() == cn.doublerandom.region.RegionLevel.COUNTY) {
                tables.add(new MonthlyView.AuthorityTable(a.code(), authorityNames.nameOf(a.code()), rows == null ? 0 : rows.size(),
                        rows == null ? List.of() : rows));
            }
        }
        return new MonthlyView(region.code(), region.name(), month.toString(), ReportingCalendar.monthlyDue(month), today, tables);
    }

    /** The planned method as the monthly table words it: 现场检查 as the plan says, the approved methods by their names. */
    private static String planned(String method) {
        return method == null || "ON_SITE".equals(method) ? "现场检查"
                : cn.doublerandom.item.InspectionMethod.valueOf(method).label();
    }
}
