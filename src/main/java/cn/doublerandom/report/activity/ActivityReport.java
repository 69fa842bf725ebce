package cn.doublerandom.report.activity;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.report.Rates;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.report.ReportRegions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One query: the on-post inspectors as the registry's history stood at the month's end, each with
 * the number of the month's checks whose team lists them. Averages, rates and ranks are taken from
 * those rows (a few dozen per bureau).
 */
@ApplicationScoped
public class ActivityReport {

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorityNames;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    @Inject
    ReportConfig config;

    public ActivityView compute(Region region, YearMonth month, ReportRegions regions) {
        int minRecords = config.reports().activity().minRecords();
        BigDecimal minRate = config.reports().activity().minRate();
        Map<String, List<ActivityView.InspectorRow>> byAuthority = new LinkedHashMap<>();
        String like = regions.like(region);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with keys as (
                    select distinct entity_key from registry_version where entity = 'INSPECTOR' and region_code like ?
                ), latest as (
                    select distinct on (v.entity_key) v.entity_key as code, v.region_code, v.state
                    from registry_version v join keys k on k.entity_key = v.entity_key
                    where v.entity = 'INSPECTOR' and v.recorded_at < ?
                    order by v.entity_key, v.version desc
                ), onpost as (
                    select code, region_code, state ->> 'name' as name from latest
                    where region_code like ? and (state ->> 'certified')::boolean
                      and not coalesce((state ->> 'auxiliary')::boolean, false)
                      and state ->> 'status' = 'ACTIVE'
                      and (state ->> 'certificateExpiry')::date >= ?
                ), records as (
                    select m.code, count(*) as n
                    from inspection_record x cross join unnest(x.team) as m(code)
                    where x.authority like ? and x.inspection_date between ? and ?
                    group by m.code
                )
                select o.region_code, o.code, o.name, coalesce(r.n, 0) as n
                from onpost o left join records r on r.code = o.code
                order by o.region_code, o.code""")) {
            ps.setString(1, like);
            ps.setTimestamp(2, Timestamp.from(clock.endOf(month.atEndOfMonth())));
            ps.setString(3, like);
            Sql.setDate(ps, 4, month.atDay(1));
            ps.setString(5, like);
            Sql.setDate(ps, 6, month.atDay(1));
            Sql.setDate(ps, 7, month.atEndOfMonth());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byAuthority.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ActivityView.InspectorRow(rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Region> authorities = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            if (a.level() != RegionLevel.PROVINCE || byAuthority.containsKey(a.code())) {
                authorities.add(a);
            }
        }
        List<ActivityView.AuthorityRow> rows = new ArrayList<>();
        long inspectors = 0;
        long records = 0;
        long active = 0;
        for (Region a : authorities) {
            List<ActivityView.InspectorRow> staff = byAuthority.getOrDefault(a.code(), List.of());
            long n = staff.size();
            long sum = staff.stream().mapToLong(ActivityView.InspectorRow::records).sum();
            long act = staff.stream().filter(i -> i.records() > 0).count();
            inspectors += n;
            records += sum;
            active += act;
            BigDecimal average = Rates.average(sum, n);
            BigDecimal rate = Rates.percent(act, n);
            List<String> flags = new ArrayList<>();
            Boolean meetsAverage = average == null ? null : average.compareTo(BigDecimal.valueOf(minRecords)) >= 0;
            Boolean meetsRate = rate == null ? null : rate.compareTo(minRate) >= 0;
            if (n == 0) {
                flags.add("无持证在岗执法人员");
            } else {
                if (!meetsAverage) {
                    flags.add("人均有效检查记录 " + average + " 条，低于 " + minRecords + " 条");
                }
                if (!meetsRate) {
                    flags.add("活跃率 " + rate + "%，低于 " + minRate.stripTrailingZeros().toPlainString() + "%");
                }
            }
            List<ActivityView.InspectorRow> below = staff.stream().filter(i -> i.records() < minRecords).toList();
            rows.add(new ActivityView.AuthorityRow(a.code(), authorityNames.nameOf(a.code()), a.code().equals(region.code()) && authorities.size() > 1,
                    n, sum, average, act, rate, meetsAverage, meetsRate, new LinkedHashMap<>(), below, flags, staff));
        }
        List<ActivityView.AuthorityRow> ranked = rows.stream().filter(r -> !r.own()).toList();
        List<Integer> byAverage = Rates.ranks(ranked.stream().map(ActivityView.AuthorityRow::average).toList());
        List<Integer> byRate = Rates.ranks(ranked.stream().map(ActivityView.AuthorityRow::activityRate).toList());
        for (int i = 0; i < ranked.size(); i++) {
            ranked.get(i).ranks().put("average", byAverage.get(i));
            ranked.get(i).ranks().put("activityRate", byRate.get(i));
        }
        for (ActivityView.AuthorityRow r : rows) {
            if (r.own()) {
                r.ranks().put("average", null);
                r.ranks().put("activityRate", null);
            }
        }
        return new ActivityView(region.code(), region.name(), month.toString(), minRecords, minRate, rows,
                new ActivityView.Total(inspectors, records, Rates.average(records, inspectors), active, Rates.percent(active, inspectors)));
    }
}
