package cn.doublerandom.report.assessment;

import cn.doublerandom.report.Rates;

import java.math.BigDecimal;

/**
 * The figures of seed 000 for a set of checks. Rates are counts ÷ enterprises checked (家次), percent,
 * two decimals half-up; null without checks. {@code positiveListOnSite}: random checks of a target on
 * the positive list on the inspection day that were recorded on site (the differentiated-supervision
 * failure seed 000 criticises; a targeted check follows a lead and goes on site by rule, so it is
 * null for targeted checks). Publication figures concern random results only (targeted checks are not
 * published by this service): {@code publishable} excludes results withheld as confidential (a declassified one is
 * publishable again), and
 * {@code publishedOnTime} counts results whose first publication was within 20 working days.
 * {@code inspectorTrips} (出动执法人员人次): the team members of every check. Problems and violations
 * are counted per problem ({@code violations}: 违法问题 as inspection_record counts them), and
 * {@code nonSiteProblems} / {@code nonSiteViolations} are those non-site means found.
 */
public record Figures(long checks, long inspectorTrips, long problems, BigDecimal problemRate, long violations,
                      BigDecimal violationRate, long nonSite, BigDecimal nonSiteShare, long nonSiteProblems,
                      long nonSiteViolations, BigDecimal nonSiteViolationShare,
                      Long positiveListOnSite, Long publishable, Long publishedOnTime, BigDecimal onTimeRate) {

    /** Raw counts as the query returns them. */
    static final class Counts {
        long checks;
        long inspectorTrips;
        long problems;
        long violations;
        long nonSite;
        long nonSiteProblems;
        long nonSiteViolations;
        long positiveOnSite;
        long publishable;
        long onTime;

        void add(Counts o) {
            checks += o.checks;
            inspectorTrips += o.inspectorTrips;
            problems += o.problems;
            violations += o.violations;
            nonSite += o.nonSite;
            nonSiteProblems += o.nonSiteProblems;
            nonSiteViolations += o.nonSiteViolations;
            positiveOnSite += o.positiveOnSite;
            publishable += o.publishable;
            onTime += o.onTime;
        }

        Figures figures(boolean random) {
            return new Figures(checks, inspectorTrips, problems, Rates.percent(problems, checks), violations,
                    Rates.percent(violations, checks), nonSite, Rates.percent(nonSite, checks), nonSiteProblems,
                    nonSiteViolations, Rates.percent(nonSiteViolations, violations),
                    random ? positiveOnSite : null, random ? publishable : null, random ? onTime : null,
                    random ? Rates.percent(onTime, publishable) : null);
        }

        /** All checks: counts of both kinds; the random-only figures stay the random checks'. */
        static Figures all(Counts random, Counts targeted) {
            Counts sum = new Counts();
            sum.add(random);
            sum.add(targeted);
            sum.positiveOnSite = random.positiveOnSite;
            sum.publishable = random.publishable;
            sum.onTime = random.onTime;
            return sum.figures(true);
        }
    }
}
