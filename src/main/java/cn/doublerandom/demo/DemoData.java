package cn.doublerandom.demo;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.registry.history.ChangeSet;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.CreditRating;
import cn.doublerandom.registry.target.EnterpriseType;
import cn.doublerandom.registry.target.LedgerIndustry;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.PermitClass;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.Uscc;
import cn.doublerandom.registry.target.WeatherGrade;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.PolicyService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo data set of the dev and demo profiles: Shijiazhuang (130100) and the 19 county-level
 * units its 2022 Q2 assessment (seeds/000) ranks, a few thousand generated targets and inspectors
 * with realistic tag mixes, and the city's item list as printed in its 2022 plan (seeds/001), and the plan's quota policy for 2025-2027.
 * Generated from a fixed seed, so every start gives the same registry. Never loaded in production.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String CITY = "130100";
    /** The counties, districts and zones of seeds/000, by their GB/T 2260 and statistical codes. */
    static final List<String> COUNTIES = List.of("130171", "130111", "130123", "130184", "130128", "130127", "130125",
            "130133", "130107", "130132", "130121", "130109", "130183", "130129", "130126", "130131", "130110", "130172",
            "130130");
    private static final String BY = "system:demo-data";
    private static final String[] INDUSTRIES = {"化学原料和化学制品制造业", "医药制造业", "金属制品业", "非金属矿物制品业",
            "纺织业", "农副食品加工业", "电力、热力生产和供应业", "汽车制造业", "橡胶和塑料制品业", "印刷和记录媒介复制业"};
    private static final String[] POLLUTANTS = {"废气", "废水", "VOCs", "固体废物", "危险废物", "噪声"};
    private static final String[] PREFIX = {"华北", "冀中", "恒达", "正元", "金石", "新源", "宏泰", "鑫磊", "中天", "瑞丰", "永盛", "博远"};
    private static final String[] SUFFIX = {"化工有限公司", "制药有限公司", "建材有限公司", "纺织有限公司", "食品有限公司",
            "热电有限公司", "机械制造有限公司", "塑料制品有限公司", "印务有限公司", "新材料科技有限公司"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛", "明", "超", "霞"};
    private static final String[] SPECIALTIES = {"radiation", "ods", "monitoring", "hazardous-waste"};

    @Inject
    DemoConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TargetStore targets;

    @Inject
    InspectorStore inspectors;

    @Inject
    ItemService items;

    @Inject
    PolicyService policies;

    @Inject
    RegistryHistory history;

    @Inject
    ServiceClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    DemoStore store;

    void onStart(@Observes StartupEvent event) throws Exception {
        if (config.enabled()) {
            load();
        }
    }

    @Transactional
    void load() throws Exception {
        // several replicas may start at once on one database: one loads, the others find it loaded
        store.lock();
        if (!targets.isEmpty()) {
            return;
        }
        Instant now = clock.now();
        Random random = new Random(20220401L);
        List<TargetData> ts = new ArrayList<>();
        for (String county : COUNTIES) {
            for (int i = 0; i < config.targetsPerCounty(); i++) {
                ts.add(target(random, county, i));
            }
        }
        List<InspectorData> is = new ArrayList<>();
        for (String region : concat(CITY, COUNTIES)) {
            int n = region.equals(CITY) ? 20 : config.inspectorsPerCounty();
            for (int i = 1; i <= n; i++) {
                is.add(inspector(random, region, i, ts));
            }
        }
        try (Connection c = dataSource.getConnection()) {
            ChangeSet<TargetData> targetChanges = ChangeSet.plan(RegistryEntity.TARGET, ts, Map.of(), TargetData::uscc,
                    TargetData::regionCode, r -> { }, true, "demo data", now, BY);
            targets.write(c, targetChanges.inserts());
            history.append(c, targetChanges.versions());
            ChangeSet<InspectorData> inspectorChanges = ChangeSet.plan(RegistryEntity.INSPECTOR, is, Map.of(),
                    InspectorData::code, InspectorData::regionCode, r -> { }, true, "demo data", now, BY);
            inspectors.insert(c, inspectorChanges.inserts());
            history.append(c, inspectorChanges.versions());
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/demo/items-130100.json")) {
            List<Map<String, Object>> rows = json.readValue(in, new TypeReference<>() { });
            for (Map<String, Object> row : rows) {
                items.loadReference(json.convertValue(row, cn.doublerandom.item.ItemInput.class), BY);
            }
        }
        for (int year = 2025; year <= 2027; year++) {
            policies.loadReference(PolicyData.shijiazhuangDefaults(CITY, year), BY);
        }
        LOG.infof("demo data: %d targets, %d inspectors in %s and its %d counties; item list of %s", ts.size(), is.size(),
                CITY, COUNTIES.size(), CITY);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static TargetData target(Random r, String county, int i) {
        String body = "91" + county + String.format("%04d", i) + randomChars(r, 5);
        String uscc = body + Uscc.checkCharacter(body + "0");
        double roll = r.nextDouble();
        PermitClass permit = roll < 0.2 ? PermitClass.KEY : roll < 0.6 ? PermitClass.SIMPLIFIED : PermitClass.REGISTRATION;
        boolean keyList = permit == PermitClass.KEY && r.nextDouble() < 0.7;
        CreditRating credit = CreditRating.values()[weighted(r, 0.25, 0.45, 0.18, 0.08, 0.04)];
        List<MonitoringType> monitoring = new ArrayList<>();
        if (permit == PermitClass.KEY || r.nextDouble() < 0.15) {
            monitoring.add(MonitoringType.ONLINE);
        }
        if (r.nextDouble() < 0.35) {
            monitoring.add(MonitoringType.SUB_METERING);
        }
        if (r.nextDouble() < 0.3) {
            monitoring.add(MonitoringType.VIDEO);
        }
        boolean positive = r.nextDouble() < 0.12;
        OperatingStatus status = OperatingStatus.values()[weighted(r, 0.9, 0.07, 0.03)];
        String industry = INDUSTRIES[r.nextInt(INDUSTRIES.length)];
        List<String> pollutants = new ArrayList<>();
        for (String p : POLLUTANTS) {
            if (r.nextDouble() < 0.35) {
                pollutants.add(p);
            }
        }
        pollutants.sort(null);
        String name = "石家庄" + PREFIX[r.nextInt(PREFIX.length)] + PREFIX[r.nextInt(PREFIX.length)] + SUFFIX[r.nextInt(SUFFIX.length)]
                + (i % 7 == 0 ? "第" + (i / 7 + 1) + "分公司" : "");
        return withLedgerFacts(new TargetData(uscc, county, name, "河北省石家庄市" + (i % 30 + 1) + "号", "第" + (i % 9 + 1) + "乡镇", industry,
                "已投产", pollutants, r.nextDouble() < 0.3 ? "规模以上" : "规模以下", r.nextDouble() < 0.1 ? "季节性生产" : "常年生产",
                monitoring.stream().sorted().toList(), permit, keyList, credit,
                WeatherGrade.values()[weighted(r, 0.1, 0.3, 0.4, 0.2)],
                positive ? LocalDate.of(2025, 1, 1) : null, null, status, null, extraKinds(uscc)));
    }

    /** The ledger industry a county would choose for each demo name's trade. */
    private static final Map<String, LedgerIndustry> LEDGER_INDUSTRY = Map.of("化工有限公司", LedgerIndustry.CHEMICAL,
            "制药有限公司", LedgerIndustry.PHARMACEUTICAL, "建材有限公司", LedgerIndustry.NEW_BUILDING_MATERIALS,
            "热电有限公司", LedgerIndustry.POWER, "机械制造有限公司", LedgerIndustry.INDUSTRIAL_COATING,
            "塑料制品有限公司", LedgerIndustry.PLASTICS, "印务有限公司", LedgerIndustry.PACKAGING_PRINTING,
            "新材料科技有限公司", LedgerIndustry.CHEMICAL);

    /**
     * The inspection ledger's facts (seed 004): 企业类型, 法定代表人, a point inside Shijiazhuang, 超低排放改造
     * (asked of key permit holders), 自主验收, and the ledger industry of the name's trade. From a random of
     * the target's own, like {@link #extraKinds}, so that the rest of the demo registry stays as it was.
     */
    static TargetData withLedgerFacts(TargetData t) {
        Random r = new Random(t.uscc().hashCode() * 31L + 17);
        double roll = r.nextDouble();
        EnterpriseType type = roll < 0.55 ? EnterpriseType.LIMITED_LIABILITY : roll < 0.75 ? EnterpriseType.PRIVATE
                : roll < 0.85 ? EnterpriseType.JOINT_STOCK : roll < 0.92 ? EnterpriseType.INDIVIDUAL
                : roll < 0.97 ? EnterpriseType.STATE_OWNED : EnterpriseType.FOREIGN;
        String representative = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)]
                + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
        // Shijiazhuang lies within 113.5–115.5 E, 37.4–38.8 N
        BigDecimal longitude = BigDecimal.valueOf(113_500_000 + r.nextInt(2_000_000), 6);
        BigDecimal latitude = BigDecimal.valueOf(37_400_000 + r.nextInt(1_400_000), 6);
        Boolean ultraLow = t.permitClass() == PermitClass.KEY ? r.nextDouble() < 0.6 : Boolean.FALSE;
        Boolean selfAccepted = r.nextDouble() < 0.3;
        LedgerIndustry ledger = LEDGER_INDUSTRY.entrySet().stream().filter(e -> t.name().contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(LedgerIndustry.OTHER);
        return new TargetData(t.uscc(), t.regionCode(), t.name(), t.address(), t.township(), t.industry(), t.projectStatus(),
                t.pollutantTypes(), t.scale(), t.productionCycle(), t.monitoringTypes(), t.permitClass(), t.keyDischarger(),
                t.creditRating(), t.weatherGrade(), t.positiveListFrom(), t.positiveListTo(), t.operatingStatus(),
                t.usccOverrideReason(), t.objectKinds(), type, representative, longitude, latitude, ultraLow, selfAccepted,
                ledger);
    }

    /**
     * The kinds besides 排污单位 (every demo target holds a permit) that a few demo targets carry, so that
     * the item list's other 检查对象 have targets to draw. From a random of the target's own, so that
     * the rest of the demo registry stays as it was.
     */
    static List<ObjectKind> extraKinds(String uscc) {
        Random r = new Random(uscc.hashCode());
        List<ObjectKind> kinds = new ArrayList<>();
        double roll = r.nextDouble();
        if (roll < 0.03) {
            kinds.add(ObjectKind.HCFC_PRODUCER);
        } else if (roll < 0.10) {
            kinds.add(ObjectKind.HCFC_USER);
        } else if (roll < 0.14) {
            kinds.add(ObjectKind.ODS_SELLER);
        } else if (roll < 0.20) {
            kinds.add(ObjectKind.VEHICLE_SELLER);
        } else if (roll < 0.23) {
            kinds.add(ObjectKind.NEW_CHEMICAL_ENTERPRISE);
        } else if (roll < 0.25) {
            kinds.add(ObjectKind.NUCLEAR_TECHNOLOGY_USER);
        } else if (roll < 0.28) {
            kinds.add(ObjectKind.GHG_KEY_EMITTER);
        } else if (roll < 0.31) {
            kinds.add(ObjectKind.VEHICLE_SELLER); // more sellers, so that every county's vehicle item has a pool
        } else if (roll < 0.36) {
            kinds.add(ObjectKind.CONSTRUCTION_PROJECT); // a project under construction at a permit holder's site
        }
        return kinds;
    }

    static InspectorData inspector(Random r, String region, int i, List<TargetData> targets) {
        boolean auxiliary = i % 6 == 0;
        boolean certified = !auxiliary && i % 9 != 0;
        InspectorStatus status = i % 11 == 0 ? InspectorStatus.ON_LEAVE : InspectorStatus.ACTIVE;
        List<String> specialties = r.nextDouble() < 0.3 ? List.of(SPECIALTIES[r.nextInt(SPECIALTIES.length)]) : List.of();
        List<Conflict> conflicts = new ArrayList<>();
        if (r.nextDouble() < 0.2) {
            List<TargetData> local = targets.stream().filter(t -> t.regionCode().equals(region)).toList();
            if (!local.isEmpty()) {
                conflicts.add(new Conflict(local.get(r.nextInt(local.size())).uscc(), "亲属在该企业任职"));
            }
        }
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
        return new InspectorData("HB" + region + "-" + String.format("%03d", i), region, name,
                certified ? "冀环执字" + region + String.format("%04d", i) : null,
                certified ? LocalDate.of(2027 + r.nextInt(3), 1 + r.nextInt(12), 1) : null, status, certified, auxiliary,
                auxiliary ? "石家庄市生态环境监测中心" : null, specialties, conflicts);
    }

    private static String randomChars(Random r, int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static int weighted(Random r, double... weights) {
        double roll = r.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
