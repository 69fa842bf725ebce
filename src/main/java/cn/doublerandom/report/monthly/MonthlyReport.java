package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.WorkingDayCalendar;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.PublicationRules;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendars;

    /** Where the public portal is reached: the tables' links are this plus /results/{id} (unset: the path alone). */
    @ConfigProperty(name = "doublerandom.portal.base-url")
    java.util.Optional<String> portalBaseUrl;

    public MonthlyView compute(Region region, YearMonth month, ReportRegions regions) {
        LocalDate today = clock.today();
        WorkingDayCalendar calendar = calendars.calendar();
        Map<String, List<MonthlyView.Row>> byAuthority = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select x.authority, x.id, x.draw_id, x.inspection_date, x.uscc, x.enterprise_name, x.wording_text,
                       x.violation_found, x.problem_count, x.handling, x.non_site, x.confidential, dt.method as planned,
                       (select string_agg(i.name, '；' order by i.id) from inspection_item i where i.id = any(d.items)) as items,
                       (select string_agg(coalesce(n.name, m.code) || '（' || m.code || '）', '、' order by m.ord)
                        from unnest(x.team) with ordinality as m(code, ord) left join inspector n on n.code = m.code) as team,
                       fp.published_date,
                       (select h.action from result_hold h where h.result_id = x.id order by h.id desc limit 1) as hold,
                       v.deadline_basis
                from inspection_record x
                join draw d on d.id = x.draw_id
                join draw_target dt on dt.draw_id = x.draw_id and dt.uscc = x.uscc
                join result_version v on v.result_id = x.id and v.version = x.version
                left join lateral (select p.published_date from publication p where p.result_id = x.id
                                   order by p.version limit 1) fp on true
                where x.kind = 'RANDOM' and x.authority like ? and x.inspection_date between ? and ?
                order by x.authority, x.inspection_date, x.id""")) {
            ps.setString(1, regions.like(region));
            Sql.setDate(ps, 2, month.atDay(1));
            Sql.setDate(ps, 3, month.atEndOfMonth());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<MonthlyView.Row> rows = byAuthority.computeIfAbsent(rs.getString("authority"), k -> new ArrayList<>());
                    String id = rs.getString("id");
                    LocalDate published = Sql.getDate(rs, "published_date");
                    String publication;
                    if (rs.getBoolean("confidential")) {
                        publication = "不予公示（涉密或涉及国家安全、公共安全）";
                    } else if (published != null) {
                        publication = "已公示";
                    } else {
                        PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, Sql.getDate(rs, "deadline_basis"));
                        String due = deadline.pending() ? "期限待定：缺 " + deadline.missingYear() + " 年工作日历" : "期限 " + deadline.date();
                        publication = PublicationRules.overdue(deadline, today) ? "逾期未公示（" + due + "）"
                                : "HOLD".equals(rs.getString("hold")) ? "暂缓公示（" + due + "）" : "待公示（" + due + "）";
                    }
                    String handling = Sql.getArray(rs, "handling", Handling::valueOf).stream().map(Handling::label)
                            .collect(Collectors.joining("、"));
                    rows.add(new MonthlyView.Row(rows.size() + 1, id, rs.getString("draw_id"), Sql.getDate(rs, "inspection_date"),
                            rs.getString("enterprise_name"), rs.getString("uscc"), rs.getString("items"), rs.getString("team"),
                            "TECHNOLOGY".equals(rs.getString("planned")) ? "科技检查" : "现场检查",
                            rs.getBoolean("non_site") ? "科技检查（非现场）" : "现场检查", rs.getString("wording_text"),
                            rs.getBoolean("violation_found"), rs.getInt("problem_count"), handling, publication, published,
                            published == null ? null : portalBaseUrl.orElse("").replaceAll("/$", "") + "/results/" + id));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<MonthlyView.AuthorityTable> tables = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            List<MonthlyView.Row> rows = byAuthority.remove(a.code());
            if (rows != null || a.level() == cn.doublerandom.region.RegionLevel.COUNTY) {
                tables.add(new MonthlyView.AuthorityTable(a.code(), a.name(), rows == null ? 0 : rows.size(),
                        rows == null ? List.of() : rows));
            }
        }
        return new MonthlyView(region.code(), region.name(), month.toString(), ReportingCalendar.monthlyDue(month), today, tables);
    }
}
