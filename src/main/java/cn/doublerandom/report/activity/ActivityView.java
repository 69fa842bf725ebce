package cn.doublerandom.report.activity;

import cn.doublerandom.report.render.ReportTitle;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Inspector activity of a month (seed 003, as DOMAIN defines it): per bureau, its certified on-post
 * inspectors (持证在岗: certified, not auxiliary, active at the month's end, certificate valid in the
 * month, as the registry stood at the month's end), their inspection records (each check an
 * inspector took part in, random or targeted, by inspection date), the average per inspector
 * (人均, at least {@code minRecords}) and the activity rate (share of inspectors with at least one
 * record, at least {@code minActivityRate} %). A bureau without such inspectors has no average and no
 * rate ("—"), and is flagged.
 */
public record ActivityView(String region, String regionName, String month, int minRecords, BigDecimal minActivityRate,
                           List<AuthorityRow> authorities, Total total) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "执法人员移动执法活跃情况";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年11月执法人员移动执法活跃情况")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.month(month), SUBJECT);
    }

    /**
     * One bureau; {@code below} lists its inspectors with fewer than {@code minRecords} records.
     * {@code ranks} ("average", "activityRate") among the bureaus below the region; null for the region's own.
     */
    @Schema(name = "ActivityBureau")
    public record AuthorityRow(String authority, String name, boolean own, long inspectors, long records, BigDecimal average,
                               long active, BigDecimal activityRate, Boolean meetsAverage, Boolean meetsActivityRate,
                               Map<String, Integer> ranks, List<InspectorRow> below, List<String> flags,
                               List<InspectorRow> staff) {
    }

    @Schema(name = "ActivityInspector")
    public record InspectorRow(String code, String name, long records) {
    }

    @Schema(name = "ActivityTotal")
    public record Total(long inspectors, long records, BigDecimal average, long active, BigDecimal activityRate) {
    }
}
