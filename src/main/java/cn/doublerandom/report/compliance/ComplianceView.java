package cn.doublerandom.report.compliance;

import cn.doublerandom.report.render.ReportTitle;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.region.RegionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * Quota compliance (抽查比例落实情况) of every bureau of a region for one quarter, as of a day (what is
 * overdue depends on it).
 */
public record ComplianceView(String region, String regionName, String quarter, LocalDate asOf, boolean quarterOver,
                             List<AuthorityRow> authorities) {

    /** What the report is about: its title after the region and the period. */
    public static final String SUBJECT = "抽查比例落实情况";

    /** The report's title, the one its page, workbook sheets and charts carry (one builder: {@code ReportTitle}). */
    @com.fasterxml.jackson.annotation.JsonProperty("title")
    @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The report's title as its page and workbook carry it: "
            + "the region, the period in Chinese and the subject, without spaces", example = "石家庄市2026年第四季度抽查比例落实情况")
    public String title() {
        return ReportTitle.of(regionName, ReportTitle.quarter(quarter), SUBJECT);
    }

    /**
     * One bureau. {@code drawId} is its first executed undirected draw of the quarter (null: none, flagged);
     * {@code compliant} when nothing is flagged.
     */
    @Schema(name = "ComplianceBureau")
    public record AuthorityRow(String authority, String name, @Schema(implementation = RegionLevel.class) String level, String drawId, LocalDate drawDate,
                               List<ClassRow> classes, GeneralYear generalYear, Directed directed, List<Flag> flags,
                               boolean compliant) {
    }

    /**
     * One supervision class of the quarter's undirected draws (one per responsible division), counted over
     * all of them. {@code operating}, {@code required} (the class's quarterly requirement), {@code eligible}
     * and {@code shortfall} come from the plan of the latest, as prepared (null without a draw);
     * {@code inspected} counts results inspected by the quarter's last day; published counts go by
     * each result's first publication; {@code overdue} is unpublished past its deadline day;
     * {@code unpublished} is neither published, withheld nor overdue (not yet due, held, or pending a
     * calendar year).
     */
    @Schema(name = "ComplianceClass")
    public record ClassRow(@Schema(implementation = SupervisionClass.class) String supervisionClass, String label, Long operating, Integer required, Long eligible,
                           Integer shortfall, long drawn, long inspected, long recorded, long publishedOnTime,
                           long publishedLate, long publishedPending, long overdue, long withheld, long unpublished) {
    }

    /**
     * The general class against the yearly requirement (1:10: per enforcement officer), from the plan of
     * the bureau's latest undirected draw of the year; {@code expectedByQuarterEnd} is the requirement
     * pro rata to the quarter's end, rounded up.
     */
    @Schema(name = "GeneralYear")
    public record GeneralYear(Long officers, String perInspector, Integer yearlyRequirement, Integer expectedByQuarterEnd,
                              long drawn, long inspected, Integer remaining) {
    }

    /** Directed draws (定向) of the quarter: they count toward no quota, so they are shown apart. */
    @Schema(name = "DirectedDraws")
    public record Directed(long draws, long drawn, long inspected) {
    }

    /** A gap: its code, the class it concerns (or null), how many are missing, and a Chinese message. */
    @Schema(name = "ComplianceFlag")
    public record Flag(String code, @Schema(implementation = SupervisionClass.class) String supervisionClass, Long gap, String message) {
    }
}
