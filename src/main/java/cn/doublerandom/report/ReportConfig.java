package cn.doublerandom.report;

import cn.doublerandom.report.accountability.AccountabilityPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Optional;

/** The reports' thresholds and links. */
@ConfigMapping(prefix = "doublerandom")
public interface ReportConfig {

    Reports reports();

    /** Seed 004's consequences; other bureaus set other thresholds. */
    AccountabilityPolicy accountability();

    Portal portal();

    interface Reports {
        Activity activity();

        Assessment assessment();
    }

    /** Seed 000: whom a city assesses, and when a unit's violation rate is flagged as low. */
    interface Assessment {
        /**
         * The units each city ranks, as {@code city:unit=short name} (130100's 19 of seed 000 by default).
         * A city not named ranks all its county-level units under their own names; the other units of a
         * named city stay in the figures and totals, outside the ranking.
         */
        @WithDefault("130100:130107=井陉矿区,130100:130109=藁城区,130100:130110=鹿泉区,130100:130111=栾城区,130100:130121=井陉县,130100:130123=正定县,130100:130125=行唐县,130100:130126=灵寿县,130100:130127=高邑县,130100:130128=深泽县,130100:130129=赞皇县,130100:130130=无极县,130100:130131=平山县,130100:130132=元氏县,130100:130133=赵县,130100:130171=高新区,130100:130172=化工园区,130100:130183=晋州市,130100:130184=新乐市")
        java.util.List<String> units();

        /** The violation rate (发现违法问题率, %) under which a unit is flagged 低于1%. */
        @WithDefault("1")
        BigDecimal lowViolationRate();
    }

    /** Seed 003: how active a bureau's certified on-post inspectors must be each month. */
    interface Activity {
        /** Valid check records per inspector a month (人均有效检查记录). */
        @WithDefault("2")
        int minRecords();

        /** Share of inspectors with at least one record, in percent (活跃率). */
        @WithDefault("90")
        BigDecimal minRate();
    }

    interface Portal {
        /** The public portal's address, for the result links of the monthly detail table (unset: /results/{id}). */
        Optional<String> baseUrl();
    }
}
