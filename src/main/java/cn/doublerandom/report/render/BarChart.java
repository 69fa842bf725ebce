package cn.doublerandom.report.render;

import cn.doublerandom.report.Rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A horizontal bar chart of one figure over the report's units, laid out on the server for an inline
 * SVG (no script, no external font): the highest value on top; a unit without the figure gets no bar
 * and "—". Coordinates are whole pixels of a fixed view box, so the page scales it to any width.
 */
public record BarChart(String id, String title, String unit, int width, int height, int labelWidth, int labelX,
                       int plotWidth, List<Bar> bars) {

    static final int BAR = 18;
    static final int GAP = 8;
    static final int TOP = 8;
    static final int LABEL = 150;
    static final int PLOT = 420;
    static final int VALUE = 90;

    /** One bar: its label, the value as printed, and where it is drawn. */
    public record Bar(String label, String valueText, int y, int barWidth, int textY, int valueX) {
    }

    /** One unit's value of the figure. */
    public record Point(String label, Number value) {
    }

    public static BarChart of(String id, String title, String unit, List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing((Point p) -> p.value() == null ? null : new BigDecimal(p.value().toString()),
                Comparator.nullsLast(Comparator.reverseOrder())));
        BigDecimal max = BigDecimal.ZERO;
        for (Point p : sorted) {
            if (p.value() != null && new BigDecimal(p.value().toString()).compareTo(max) > 0) {
                max = new BigDecimal(p.value().toString());
            }
        }
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (Point p : sorted) {
            int w = 0;
            if (p.value() != null && max.signum() > 0) {
                w = new BigDecimal(p.value().toString()).multiply(BigDecimal.valueOf(PLOT))
                        .divide(max, 0, RoundingMode.HALF_UP).intValue();
            }
            String text = Rates.text(p.value()) + (p.value() == null || unit.isEmpty() ? "" : unit);
            bars.add(new Bar(p.label(), text, y, w, y + BAR - 4, LABEL + w + 6));
            y += BAR + GAP;
        }
        return new BarChart(id, title, unit, LABEL + PLOT + VALUE, y + TOP, LABEL, LABEL - 6, PLOT, bars);
    }
}
