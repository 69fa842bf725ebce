package cn.doublerandom.benchmark;

import cn.doublerandom.draw.DrawPlan;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reports over one year of a province, loaded by SQL (not through the API: the load is not what
 * is measured): 河南 (41), its 18 cities and 181 county-level units (GB/T 2260 has no province with
 * 200), 1,000,000 targets and 7,600 inspectors with their registry history (all targets added in 2025Q4;
 * 50,000 targets renamed, 10,000 penalised, 2,000 closed and 181 inspectors gone in 2026Q2), 796 executed undirected
 * draws with plans, 300,000 random inspections (draw_target, result, result_version, 98% published),
 * 30,000 targeted checks and 1,000 accountability judgements. Each report is then asked for through
 * the HTTP API three times after a warm-up; BENCH lines give the fastest and the median.
 * Not part of ./mvnw verify: {@code ./mvnw test -Dtest=ReportBenchmark}. Goal: each under 2 s.
 * {@code -Dreport.loadOnly=true} with {@code QUARKUS_DATASOURCE_JDBC_URL} of an empty database only loads it;
 * {@code -Dreport.measureOnly=true} then measures on it again without loading. {@code -Dreport.only=REGEX} measures only the
 * reports whose label contains a match (e.g. {@code registry-changes.*2026Q2}); without it, every report.
 */
@QuarkusTest
class ReportBenchmark {

    static final String PROVINCE = "410000";
    static final int TARGETS = 1_000_000;
    static final int INSPECTIONS = 300_000;
    static final int COUNTY_INSPECTORS = 40;
    static final int CITY_INSPECTORS = 20;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegionDirectory regions;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceClock clock;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @Test
    void reportsOverAProvinceYear() throws Exception {
        long start = System.nanoTime();
        if (!Boolean.getBoolean("report.measureOnly")) {
            load();
        }
        System.out.printf("BENCH report load: %.1f s%n", (System.nanoTime() - start) / 1e9);
        if (Boolean.getBoolean("report.loadOnly")) {
            // with QUARKUS_DATASOURCE_JDBC_URL set, the data stays for EXPLAIN ANALYZE in psql
            return;
        }
        clock.use(Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneOffset.UTC));
        try {
            String city = "410100";
            measure("compliance province 2026Q2", "auditor", PROVINCE, "/api/v1/reports/compliance?region=410000&quarter=2026Q2");
            measure("compliance city 2026Q2", "city", city, "/api/v1/reports/compliance?region=410100&quarter=2026Q2");
            measure("assessment province 2026Q2", "auditor", PROVINCE, "/api/v1/reports/assessment?region=410000&quarter=2026Q2");
            measure("assessment city 2026Q2", "city", city, "/api/v1/reports/assessment?region=410100&quarter=2026Q2");
            measure("assessment city 2026Q2 html", "city", city, "/api/v1/reports/assessment?region=410100&quarter=2026Q2&format=html");
            measure("monthly city 2026-05", "city", city, "/api/v1/reports/monthly?region=410100&month=2026-05");
            measure("monthly province 2026-05", "auditor", PROVINCE, "/api/v1/reports/monthly?region=410000&month=2026-05");
            measure("monthly province 2026-05 xlsx", "auditor", PROVINCE, "/api/v1/reports/monthly?region=410000&month=2026-05&format=xlsx");
            measure("quarterly province 2026Q2", "auditor", PROVINCE, "/api/v1/reports/quarterly?region=410000&quarter=2026Q2");
            measure("activity province 2026-05", "auditor", PROVINCE, "/api/v1/reports/activity?region=410000&month=2026-05");
            measure("activity city 2026-05", "city", city, "/api/v1/reports/activity?region=410100&month=2026-05");
            measure("accountability province 2026", "auditor", PROVINCE, "/api/v1/reports/accountability?region=410000&year=2026");
            measure("assessment province 2026Q2 xlsx", "auditor", PROVINCE, "/api/v1/reports/assessment?region=410000&quarter=2026Q2&format=xlsx");
            // the registry-change report: 2025Q4 added all 1,000,000 targets; 2026Q2 renamed 50,000, penalised 10,000, closed 2,000
            String changes = "/api/v1/reports/registry-changes";
            measure("registry-changes province 2025Q4", "auditor", PROVINCE, changes + "?region=410000&quarter=2025Q4");
            measure("registry-changes province 2025Q4 xlsx", "auditor", PROVINCE, changes + "?region=410000&quarter=2025Q4&format=xlsx");
            measure("registry-changes province 2025Q4 page", "auditor", PROVINCE, changes + "/targets?region=410000&quarter=2025Q4&limit=1000");
            measure("registry-changes city 2025Q4 csv", "city", city, changes + "?region=410100&quarter=2025Q4&format=csv&table=targets");
            measure("registry-changes province 2026Q2", "auditor", PROVINCE, changes + "?region=410000&quarter=2026Q2");
            measure("registry-changes province 2026Q2 xlsx", "auditor", PROVINCE, changes + "?region=410000&quarter=2026Q2&format=xlsx");
            measure("registry-changes province 2026Q2 page", "auditor", PROVINCE, changes + "/targets?region=410000&quarter=2026Q2&limit=1000");
            measure("inspector-ranking province 2026", "auditor", PROVINCE, "/api/v1/reports/inspector-ranking?region=410000&period=2026");
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    /** Timed with the JDK's HTTP client (RestAssured adds seconds to a 13 MB body); the first request warms up. */
    private void measure(String label, String role, String region, String path) throws Exception {
        String only = System.getProperty("report.only");
        if (only != null && !only.isBlank() && !java.util.regex.Pattern.compile(only).matcher(label).find()) {
            return;
        }
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(root.toString().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + cn.doublerandom.security.DevTokens.mint(role + "-" + region, role, region))
                .timeout(java.time.Duration.ofMinutes(5)).build();
        List<java.lang.management.MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        heapPools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        java.net.http.HttpResponse<byte[]> first = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(label + ": " + first.statusCode() + " " + new String(first.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            http.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        // the pools peak at different moments, so their sum bounds the heap's peak from above
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("BENCH report %-40s min=%6.0f ms median=%6.0f ms size=%9d B heap-used=%d MiB heap-peak<=%d MiB (of %d MiB)%n",
                label, ms[0], ms[1], first.body().length, heap.getUsed() >> 20, peak >> 20, heap.getMax() >> 20);
    }

    private void load() throws Exception {
        List<Region> counties = new ArrayList<>();
        List<Region> cities = regions.children(PROVINCE);
        for (Region city : cities) {
            counties.addAll(regions.children(city.code()));
        }
        if (counties.stream().anyMatch(c -> c.level() != RegionLevel.COUNTY)) {
            throw new IllegalStateException("expected county-level units under the cities of " + PROVINCE);
        }
        PolicyData policy = PolicyData.shijiazhuangDefaults(PROVINCE, 2026);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select setseed(0.42)");
            st.execute("create temp table bench_county (code char(6), n int, first_g int)");
            try (PreparedStatement ps = c.prepareStatement("insert into bench_county values (?, ?, ?)")) {
                int per = TARGETS / counties.size();
                for (int i = 0; i < counties.size(); i++) {
                    ps.setString(1, counties.get(i).code());
                    ps.setInt(2, per + (i < TARGETS % counties.size() ? 1 : 0));
                    ps.setInt(3, 1);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // targets: 30% key, 10% special (credit D), 60% general, 5% on the positive list
            st.execute("""
                    insert into target (uscc, version, region_code, name, industry, pollutant_types, monitoring_types, permit_class,
                                        key_discharger, credit_rating, positive_list_from, operating_status, created_at, updated_at, updated_by)
                    select '91' || c.code || lpad(g::text, 9, '0') || 'X', 1, c.code, '基准企业' || c.code || '-' || g,
                           (array['化工','建材','电力','制药','印刷'])[1 + g % 5], '{废气}',
                           case when g % 4 = 0 then '{ONLINE,SUB_METERING}'::text[] else '{}'::text[] end,
                           case when g % 10 < 3 then 'KEY' when g % 10 < 5 then 'SIMPLIFIED' else 'REGISTRATION' end,
                           g % 10 < 3, case when g % 10 = 3 then 'D' else 'B' end,
                           case when g % 20 = 7 then date '2025-01-01' end, 'PRODUCING', now(), now(), 'bench'
                    from bench_county c cross join generate_series(1, c.n) g""");
            // inspectors and their registry history (what the activity report reads)
            st.execute("""
                    create temp table bench_staff as
                    select 'B' || c.code || '-' || i as code, c.code as region, i
                    from (select code, %d as n from bench_county union all select code, %d from (values %s) v(code)) c
                    cross join generate_series(0, c.n - 1) i""".formatted(COUNTY_INSPECTORS, CITY_INSPECTORS,
                    String.join(",", cities.stream().map(r -> "('" + r.code() + "')").toList())));
            st.execute("""
                    insert into inspector (code, version, region_code, name, certificate_no, certificate_expiry, status, certified, auxiliary,
                                           created_at, updated_at, updated_by)
                    select code, 1, region, '执法员' || i, '证' || code, date '2030-12-31', 'ACTIVE', true, false, now(), now(), 'bench'
                    from bench_staff""");
            st.execute("""
                    insert into registry_version (entity, entity_key, version, region_code, change, reason, recorded_at, recorded_by, state)
                    select 'INSPECTOR', code, 1, region, 'IMPORT_CREATE', null, timestamptz '2025-12-01 00:00:00+08', 'bench',
                           jsonb_build_object('code', code, 'regionCode', region, 'name', '执法员' || i, 'certificateNo', '证' || code,
                                              'certificateExpiry', '2030-12-31', 'status', 'ACTIVE', 'certified', true, 'auxiliary', false,
                                              'specialties', '[]'::jsonb, 'conflicts', '[]'::jsonb)
                    from bench_staff""");
            // the targets' registry history (what the registry-change report reads): every target imported in
            // December 2025, one in 20 renamed in May 2026, one in 100 penalised then
            st.execute("""
                    insert into registry_version (entity, entity_key, version, region_code, change, reason, recorded_at, recorded_by, state)
                    select 'TARGET', uscc, 1, region_code, 'IMPORT_CREATE', null, timestamptz '2025-12-01 00:00:00+08', 'bench',
                           jsonb_build_object('uscc', uscc, 'regionCode', region_code, 'name', name, 'operatingStatus', 'PRODUCING')
                    from target where updated_by = 'bench'""");
            st.execute("""
                    insert into registry_version (entity, entity_key, version, region_code, change, changed, reason, recorded_at, recorded_by, state)
                    select 'TARGET', uscc, 2, region_code, 'IMPORT_UPDATE', '{name}', null, timestamptz '2026-05-10 10:00:00+08', 'bench',
                           jsonb_build_object('uscc', uscc, 'regionCode', region_code, 'name', name || '（更名）', 'operatingStatus', 'PRODUCING')
                    from target where updated_by = 'bench' and right(uscc, 3) in ('07X', '27X', '47X', '67X', '87X')""");
            // one in 500 targets closed in June 2026 (retired), and one inspector in 40 of the counties left then
            st.execute("""
                    insert into registry_version (entity, entity_key, version, region_code, change, changed, reason, recorded_at, recorded_by, state)
                    select 'TARGET', uscc, 2, region_code, 'IMPORT_UPDATE', '{operatingStatus}', null, timestamptz '2026-06-01 10:00:00+08', 'bench',
                           jsonb_build_object('uscc', uscc, 'regionCode', region_code, 'name', name, 'operatingStatus', 'CLOSED')
                    from target where updated_by = 'bench' and right(uscc, 3) in ('13X', '53X')""");
            st.execute("""
                    insert into registry_version (entity, entity_key, version, region_code, change, changed, reason, recorded_at, recorded_by, state)
                    select 'INSPECTOR', code, 2, region, 'UPDATE', '{status}', null, timestamptz '2026-06-02 10:00:00+08', 'bench',
                           jsonb_build_object('code', code, 'regionCode', region, 'name', '执法员' || i, 'certificateNo', '证' || code,
                                              'certificateExpiry', '2030-12-31', 'status', 'LEFT', 'certified', true, 'auxiliary', false,
                                              'specialties', '[]'::jsonb, 'conflicts', '[]'::jsonb)
                    from bench_staff where i = 39""");
            st.execute("""
                    insert into target_event (uscc, kind, event_date, reference, recorded_at, recorded_by)
                    select uscc, 'PENALTY', date '2026-05-06', '罚' || uscc, timestamptz '2026-05-08 10:00:00+08', 'bench'
                    from target where updated_by = 'bench' and right(uscc, 3) = '99X'""");
            // draws: every county and city, every quarter, executed, with its plan
            int perDraw = INSPECTIONS / (counties.size() * 4);
            st.execute("create temp table bench_draw (id varchar(32), authority char(6), q int, k int, level text)");
            try (PreparedStatement draw = c.prepareStatement("""
                         insert into draw (id, authority, quarter, kind, filter, items, draw_date, pool_hash, snapshot, nonce, commit,
                                           replaces, plan, prepared_at, prepared_by)
                         values (?, ?, ?, 'UNDIRECTED', '', '{1}', ?, repeat('a', 64), 'bench', repeat('b', 32), repeat('c', 64), null,
                                 cast(? as jsonb), now(), 'bench')""");
                 PreparedStatement exec = c.prepareStatement("""
                         insert into draw_execution (draw_id, given, generated, seed, result, executed_at, executed_by)
                         values (?, '', true, 'bench', 'bench', now(), 'bench')""");
                 PreparedStatement bench = c.prepareStatement("insert into bench_draw values (?, ?, ?, ?, ?)")) {
                int n = 0;
                List<Region> authorities = new ArrayList<>(counties);
                authorities.addAll(cities);
                for (Region a : authorities) {
                    boolean county = a.level() == RegionLevel.COUNTY;
                    int k = county ? perDraw : 0;
                    for (int q = 1; q <= 4; q++) {
                        String id = "D8" + String.format("%08d", ++n);
                        long operating = TARGETS / counties.size();
                        int officers = county ? COUNTY_INSPECTORS : CITY_INSPECTORS;
                        int yearly = county ? officers * 10 : 0;
                        DrawPlan plan = new DrawPlan(policy, a.level().name(), List.of(
                                new DrawPlan.StratumPlan("KEY", operating * 3 / 10, (int) Math.ceil(operating * 0.3 * 0.25), operating * 3 / 10, 0),
                                new DrawPlan.StratumPlan("SPECIAL", operating / 10, (int) Math.ceil(operating * 0.1 * 0.5), operating / 10, 0),
                                new DrawPlan.StratumPlan("GENERAL", operating * 6 / 10, (yearly + 3) / 4, operating * 6 / 10, 0)),
                                new DrawPlan.Exclusions(0, 0, 0, 0, 0), new DrawPlan.GeneralRequirement(officers, yearly, 0, 5 - q),
                                officers, 0, List.of());
                        draw.setString(1, id);
                        draw.setString(2, a.code());
                        draw.setString(3, "2026Q" + q);
                        draw.setObject(4, java.time.LocalDate.of(2026, q * 3 - 2, 3));
                        draw.setString(5, json.writeValueAsString(plan));
                        draw.addBatch();
                        exec.setString(1, id);
                        exec.addBatch();
                        bench.setString(1, id);
                        bench.setString(2, a.code());
                        bench.setInt(3, q);
                        bench.setInt(4, k);
                        bench.setString(5, a.level().name());
                        bench.addBatch();
                    }
                }
                draw.executeBatch();
                exec.executeBatch();
                bench.executeBatch();
            }
            st.execute("""
                    insert into draw_target (draw_id, uscc, stratum, position, rank, ticket, team, relaxed, method)
                    select d.id, '91' || d.authority || lpad(((d.q - 1) * d.k + j)::text, 9, '0') || 'X',
                           case when ((d.q - 1) * d.k + j) % 10 < 3 then 'KEY' when ((d.q - 1) * d.k + j) % 10 = 3 then 'SPECIAL'
                                else 'GENERAL' end,
                           j, j, lpad(j::text, 20, '0'),
                           array['B' || d.authority || '-' || (j % 40), 'B' || d.authority || '-' || ((j + 7) % 40)], false,
                           case when ((d.q - 1) * d.k + j) % 4 = 0 then 'TECHNOLOGY' else 'ON_SITE' end
                    from bench_draw d cross join generate_series(1, d.k) j""");
            st.execute("create temp sequence bench_r");
            st.execute("""
                    create temp table bench_result as
                    select 'R8' || lpad(nextval('bench_r')::text, 8, '0') as id, t.draw_id, t.uscc, d.authority, d.q, t.team, t.position as p,
                           (date '2026-01-01' + ((d.q - 1) * 91 + (t.position * 7919) % 88))::date as inspected
                    from draw_target t join bench_draw d on d.id = t.draw_id""");
            st.execute("""
                    insert into result (id, draw_id, uscc, authority, region_code, enterprise_name, quarter, confidential,
                                        confidential_reason, recorded_at, recorded_by)
                    select r.id, r.draw_id, r.uscc, r.authority, r.authority, '基准企业' || r.uscc, '2026Q' || r.q, r.p % 200 = 0,
                           case when r.p % 200 = 0 then '涉密' end, now(), 'bench'
                    from bench_result r""");
            st.execute("""
                    insert into result_version (result_id, version, inspection_date, determination_date, wording, wording_text, problems,
                                                handling, violation_found, non_site, team, deadline_basis, correction_reason,
                                                recorded_at, recorded_by)
                    select r.id, 1, r.inspected, r.inspected + r.p % 3,
                           case when r.p % 7 = 0 then 'CORRECTED' when r.p % 11 = 0 then 'PENDING_HANDLING' else 'NO_PROBLEM' end,
                           case when r.p % 7 = 0 then '发现问题已责令改正' when r.p % 11 = 0 then '发现问题待处理' else '未发现问题' end,
                           case when r.p % 7 = 0 then '[{"type":"DUST_CONTROL","typeLabel":"物料扬尘管控不到位","description":"料场未苫盖"},{"type":"OTHER","typeLabel":"其他","description":"台账不全"}]'::jsonb
                                when r.p % 11 = 0 then '[{"type":"EXCEEDING_STANDARDS","typeLabel":"超标排放","description":"超标"}]'::jsonb
                                else '[]'::jsonb end,
                           case when r.p % 7 = 0 then '{IMMEDIATE_CORRECTION}'::text[] when r.p % 11 = 0 then '{CASE_FILED}'::text[]
                                else '{NONE}'::text[] end,
                           r.p % 7 = 0 or r.p % 11 = 0, r.p % 4 < 3, r.team, r.inspected + r.p % 3, null, now(), 'bench'
                    from bench_result r""");
            st.execute("""
                    insert into publication (result_id, version, draw_id, authority, region_code, quarter, uscc, enterprise_name,
                                             inspection_date, determination_date, wording, wording_text, correction_reason, deadline,
                                             on_time, published_at, published_date, items, wordings)
                    select r.id, 1, r.draw_id, r.authority, r.authority, '2026Q' || r.q, r.uscc, '基准企业' || r.uscc, v.inspection_date,
                           v.determination_date, v.wording, v.wording_text, null, v.determination_date + 28,
                           v.determination_date + 5 + r.p % 30 <= v.determination_date + 28,
                           (v.determination_date + 5 + r.p % 30)::timestamptz, v.determination_date + 5 + r.p % 30,
                           jsonb_build_array(jsonb_build_object('itemId', 1, 'itemName', '基准事项', 'wording', v.wording,
                                                                'wordingText', v.wording_text)),
                           array[v.wording]
                    from bench_result r join result_version v on v.result_id = r.id
                    where r.p % 200 <> 0 and r.p % 50 <> 1""");
            // targeted checks: a tenth as many, on enterprises drawn in the first quarter, in the third; half find a violation
            st.execute("""
                    insert into targeted_check (id, authority, uscc, region_code, enterprise_name, source, source_reference, inspection_date,
                                                problems, handling, violation_found, non_site, team, note, recorded_at, recorded_by)
                    select 'C8' || lpad(row_number() over ()::text, 8, '0'), r.authority, r.uscc, r.authority, '基准企业' || r.uscc,
                           (array['COMPLAINT','ASSIGNED','REFERRAL','INCIDENT','DATA_LEAD'])[1 + r.p % 5], null,
                           date '2026-07-01' + r.p % 90,
                           case when r.p % 2 = 0 then '[{"type":"OTHER","typeLabel":"其他","description":"问题"}]'::jsonb else '[]'::jsonb end,
                           case when r.p % 2 = 0 then '{CASE_FILED}'::text[] else '{NONE}'::text[] end,
                           r.p % 2 = 0, r.p % 3 = 0, r.team, null, now(), 'bench'
                    from bench_result r where r.q = 1 and r.p % 5 < 2""");
            st.execute("""
                    insert into accountability_judgement (id, uscc, earlier_kind, earlier_id, earlier_authority, earlier_date, earlier_team,
                                                          later_kind, later_id, later_authority, later_date, reason, recorded_at, recorded_by)
                    select 'A8' || lpad(row_number() over ()::text, 8, '0'), e.uscc, 'RANDOM', e.id, e.authority, e.inspection_date, e.team,
                           'TARGETED', l.id, l.authority, l.inspection_date, '基准认定', now(), 'bench'
                    from targeted_check l join inspection_record e on e.uscc = l.uscc and e.kind = 'RANDOM'
                    where l.violation_found and not e.violation_found and e.inspection_date < l.inspection_date
                    order by l.id limit 1000""");
            c.commit();
            c.setAutoCommit(true);
            st.execute("analyze");
            try (var rs = st.executeQuery("""
                    select (select count(*) from target), (select count(*) from result), (select count(*) from publication),
                           (select count(*) from targeted_check), (select count(*) from accountability_judgement),
                           (select count(*) from inspector), (select count(*) from draw)""")) {
                rs.next();
                System.out.printf("BENCH report data: targets=%d results=%d publications=%d targeted=%d judgements=%d inspectors=%d draws=%d "
                                + "counties=%d cities=%d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), counties.size(), cities.size());
            }
        }
    }
}
