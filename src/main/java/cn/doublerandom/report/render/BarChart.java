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
    /** The least label column; a longer unit name widens it, never clips. */
    static final int LABEL = 150;
    static final int FONT = 13;
    static final int PLOT = 420;
    static final int VALUE = 90;
    static final int TITLE_FONT = 14;

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
        int label = LABEL;
        for (Point p : sorted) {
            label = Math.max(label, textWidth(p.label()) + 12);
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
            bars.add(new Bar(p.label(), text, y, w, y + BAR - 4, label + w + 6));
            y += BAR + GAP;
        }
        return new BarChart(id, title, unit, width(title, label), y + TOP, label, label - 6, PLOT, bars);
    }

    /** The plot's width, or wider where the title needs it, so a long title is not clipped either. */
    private static int width(String title, int label) {
        return Math.max(label + PLOT + VALUE, 8 + textWidth(title, TITLE_FONT) + 8);
    }

    /**
     * The same chart under another title: a standalone file is titled with its report's title, which
     * says whose figures and which period, as the page says above its charts.
     */
    public BarChart titled(String newTitle) {
        return new BarChart(id, newTitle, unit, width(newTitle, labelWidth), height, labelWidth, labelX, plotWidth, bars);
    }

    /**
     * A generous width in pixels of a text at {@link #FONT}: a CJK or full-width character takes more
     * than the em it usually needs, any other character most of one, so no font the viewer has clips it.
     */
    static int textWidth(String text) {
        return textWidth(text, FONT);
    }

    /** The same at another font size; a bold title is still within the generous CJK width. */
    static int textWidth(String text, int font) {
        if (text == null) {
            return 0;
        }
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? font * 1.15 : font * 0.7;
        }
        return (int) Math.ceil(w);
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    /**
     * The chart as a standalone SVG document carrying its own styles as presentation attributes, so the
     * page's inline chart and the downloaded .svg render alike; the title is its first line.
     */
    public String svg() {
        int titleHeight = 26;
        StringBuilder s = new StringBuilder(512 + bars.size() * 256);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height + titleHeight)
                .append("\" width=\"").append(width).append("\" height=\"").append(height + titleHeight).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif\" ")
                .append("font-size=\"").append(FONT).append("\">");
        s.append("<title>").append(escape(title)).append("</title>");
        s.append("<text x=\"8\" y=\"18\" font-size=\"").append(TITLE_FONT).append("\" font-weight=\"600\" fill=\"#1a1a1a\">").append(escape(title)).append("</text>");
        for (Bar b : bars) {
            int y = b.y() + titleHeight;
            s.append("<text x=\"").append(labelX).append("\" y=\"").append(b.textY() + titleHeight)
                    .append("\" text-anchor=\"end\" fill=\"#1a1a1a\">").append(escape(b.label())).append("</text>");
            s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(b.barWidth())
                    .append("\" height=\"").append(BAR).append("\" fill=\"#1d4f91\"/>");
            s.append("<text x=\"").append(b.valueX()).append("\" y=\"").append(b.textY() + titleHeight).append("\" fill=\"#1a1a1a\">")
                    .append(escape(b.valueText())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
