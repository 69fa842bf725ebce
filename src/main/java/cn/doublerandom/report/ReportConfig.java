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
